#!/usr/bin/env node
// The same end-to-end suite in the desktop (Electron) VS Code, through @vscode/test-electron.
// Needs either internet (it downloads VS Code into .vscode-test/) or an installed VS Code:
//
//   npm run test:electron
//   VSCODE_EXECUTABLE=/usr/share/code/code npm run test:electron
//   xvfb-run -a npm run test:electron        (Linux without a display)
//
// Environment: E2E_EXTENSION, E2E_VSIX, E2E_SKIP_BUILD, E2E_GREP, E2E_KEEP as for `npm run test:e2e`, and
//   VSCODE_EXECUTABLE=path   the VS Code executable to test in (skips the download)
//   VSCODE_VERSION=x.y.z     the version to download otherwise (default 1.100.3, as code-server 4.100.3)
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import {
  HarnessError,
  runMain,
  buildExtension,
  buildSuite,
  envFlag,
  extensionDir,
  extensionMode,
  log,
  makeRunDir,
  repoRoot,
  runnerExtensionDir,
  suiteOutDir,
} from './lib.mjs';

const require = createRequire(import.meta.url);

async function main() {
  const started = Date.now();
  const { runTests, downloadAndUnzipVSCode, resolveCliArgsFromVSCodeExecutablePath } = require('@vscode/test-electron');
  const mode = extensionMode();
  const vsix = buildExtension(mode);
  log('bundling the suite (test/e2e/suite -> dist-test/e2e)');
  buildSuite();

  let vscodeExecutablePath = process.env.VSCODE_EXECUTABLE;
  if (vscodeExecutablePath) {
    if (!fs.existsSync(vscodeExecutablePath)) throw new HarnessError(`VSCODE_EXECUTABLE=${vscodeExecutablePath} does not exist`);
  } else {
    const version = process.env.VSCODE_VERSION || '1.100.3';
    log(`downloading VS Code ${version} (set VSCODE_EXECUTABLE to use an installed one)`);
    try {
      vscodeExecutablePath = await downloadAndUnzipVSCode({ version, cachePath: path.join(repoRoot, '.vscode-test') });
    } catch (err) {
      throw new HarnessError(
        `could not download VS Code ${version}: ${err && err.message ? err.message : err}\n` +
          'Set VSCODE_EXECUTABLE to an installed VS Code, or run `npm run test:e2e`, which needs no download.',
      );
    }
  }

  const { dir: runDir, workspace } = makeRunDir({ prefix: 'yealink-electron-' });
  const userData = path.join(runDir, 'user-data');
  const extensions = path.join(runDir, 'extensions');
  try {
    if (vsix) {
      log(`installing ${path.basename(vsix)}`);
      const [cli, ...cliArgs] = resolveCliArgsFromVSCodeExecutablePath(vscodeExecutablePath).filter(
        (a) => !a.startsWith('--extensions-dir') && !a.startsWith('--user-data-dir'),
      );
      const r = spawnSync(cli, [...cliArgs, `--user-data-dir=${userData}`, `--extensions-dir=${extensions}`, '--install-extension', vsix, '--force'], {
        encoding: 'utf8',
        shell: process.platform === 'win32',
      });
      if (r.error || r.status !== 0) {
        throw new HarnessError(`installing ${vsix} with ${cli} failed: ${r.error ?? ''}\n${r.stdout ?? ''}\n${r.stderr ?? ''}`);
      }
    }
    const resultFile = path.join(runDir, 'logs', 'result.json');
    const extensionTestsEnv = {
      YEALINK_E2E: '1',
      YEALINK_E2E_MODE: mode,
      YEALINK_E2E_EXTENSIONS_DIR: extensions,
      YEALINK_E2E_DEV_DIR: extensionDir(),
      YEALINK_E2E_FORBIDDEN_PATHS: JSON.stringify([repoRoot, path.resolve(repoRoot, '..', 'shared')]),
      YEALINK_E2E_RESULT: resultFile,
      YEALINK_E2E_GREP: process.env.E2E_GREP || '',
    };
    log(`running the suite against the ${mode === 'vsix' ? 'installed package' : 'development folder'}`);
    let code;
    try {
      code = await runTests({
        vscodeExecutablePath,
        extensionDevelopmentPath: mode === 'dev' ? extensionDir() : runnerExtensionDir,
        extensionTestsPath: path.join(suiteOutDir, 'index.js'),
        extensionTestsEnv,
        launchArgs: [
          workspace,
          '--user-data-dir',
          userData,
          '--extensions-dir',
          extensions,
          '--disable-telemetry',
          '--disable-gpu',
          // runTests adds --no-sandbox, --disable-updates, --skip-welcome, --skip-release-notes
          // and --disable-workspace-trust itself
        ],
      });
    } catch (err) {
      // runTests rejects when VS Code exits non-zero (a failing suite) or cannot start
      process.stderr.write(`${err && err.message ? err.message : err}\n`);
      code = 1;
    }
    let result;
    try {
      result = JSON.parse(fs.readFileSync(resultFile, 'utf8'));
    } catch {
      /* no result: VS Code did not get to run the suite */
    }
    log(`done in ${((Date.now() - started) / 1000).toFixed(1)}s, exit ${code}`);
    if (result) {
      process.stdout.write(`e2e: ${result.passes} passed, ${result.failures} failed` + (result.pending ? `, ${result.pending} skipped` : '') + '\n');
    } else if (code === 0) {
      process.stderr.write('e2e: VS Code exited 0 but the suite wrote no result\n');
      code = 1;
    }
    return code;
  } finally {
    if (envFlag('E2E_KEEP')) log(`kept ${runDir}`);
    else fs.rmSync(runDir, { recursive: true, force: true });
  }
}

runMain(main, 'e2e');
