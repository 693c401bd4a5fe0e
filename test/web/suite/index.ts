// Entry the web worker extension host loads as the extension tests (extensionTestsPath): mocha's
// browser build, the tests, and the result written where the runner reads it (the worker has no
// process.env and no fs: the path comes as a user setting, the file goes through the workbench).
import * as vscode from 'vscode';

interface BrowserMocha {
  setup(options: Record<string, unknown>): void;
  run(done: (failures: number) => void): { stats?: { passes: number; failures: number; pending: number } };
}

export const RESULT_SETTING = 'yealinkCfgWebTest.resultPath';

async function writeResult(result: object): Promise<void> {
  const path = vscode.workspace.getConfiguration().get<string>(RESULT_SETTING);
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  if (!path || !folder) return;
  const uri = folder.with({ path, query: '', fragment: '' });
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(JSON.stringify(result)));
}

export function run(): Promise<void> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const loaded = require('mocha/mocha') as BrowserMocha | undefined;
  const mocha = loaded && typeof loaded.setup === 'function' ? loaded : (globalThis as unknown as { mocha: BrowserMocha }).mocha;
  mocha.setup({ ui: 'bdd', reporter: 'spec', color: false, timeout: 60_000, slow: 5_000 });
  require('./web.test');
  require('./folderChanges.test');
  require('./commands.test');
  return new Promise((resolve, reject) => {
    const runner = mocha.run((failures) => {
      const stats = runner.stats ?? { passes: 0, failures, pending: 0 };
      const result = { passes: stats.passes, failures: stats.failures, pending: stats.pending };
      const line = `web: ${result.passes} passed, ${result.failures} failed` + (result.pending ? `, ${result.pending} skipped` : '');
      console.log(line);
      writeResult(result).then(
        () => (failures > 0 ? reject(new Error(`${failures} web test(s) failed`)) : resolve()),
        (e) => reject(new Error(`could not write the result: ${e}`)),
      );
    });
  });
}
