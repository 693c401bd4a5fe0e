// Entry point that VS Code loads as the extension tests (extensionTestsPath):
// runs the mocha suite inside the extension host and reports the result.
import * as fs from 'fs';
import Mocha from 'mocha';

export function run(): Promise<void> {
  const mocha = new Mocha({
    ui: 'bdd',
    color: false,
    timeout: 60_000,
    slow: 5_000,
    grep: process.env.YEALINK_E2E_GREP || undefined,
  });
  // Expose describe/it/before/after, then load the tests in a fixed order: activation first,
  // since it checks that nothing activated the extension before a provisioning file was opened.
  mocha.suite.emit('pre-require', globalThis, 'e2e', mocha);
  require('./activation.test');
  require('./diagnostics.test');
  require('./features.test');
  require('./settings.test');
  require('./editorFeatures.test');
  require('./contributions.test');
  require('./site.test');
  require('./commands.test');
  require('./checkFolder.test');
  require('./projectConfig.test');
  require('./statusItem.test');
  require('./largeFile.test');

  return new Promise((resolve, reject) => {
    const runner = mocha.run((failures) => {
      const stats = runner.stats ?? { passes: 0, failures, pending: 0 };
      const result = { passes: stats.passes, failures: stats.failures, pending: stats.pending };
      const out = process.env.YEALINK_E2E_RESULT;
      if (out) fs.writeFileSync(out, JSON.stringify(result));
      console.log(`e2e: ${result.passes} passed, ${result.failures} failed` + (result.pending ? `, ${result.pending} skipped` : ''));
      if (failures > 0) reject(new Error(`${failures} end-to-end test(s) failed`));
      else resolve();
    });
  });
}
