#!/usr/bin/env node
// End-to-end suite in a real VS Code, offline: VS Code's web workbench and its
// Node extension host from code-server, driven by a headless Chromium.
//
//   npm run test:e2e
//
// Environment:
//   E2E_EXTENSION=vsix|dev  vsix (default): build, package and install yealink-cfg.vsix, and test the
//                           installed copy; dev: load the extension from the development folder.
//   E2E_VSIX=path           install this prebuilt .vsix instead of packaging one.
//   E2E_SKIP_BUILD=1        do not run `npm run build` first (dist/ is already built).
//   E2E_GREP=text           run only the tests whose full title contains text.
//   E2E_TIMEOUT=seconds     limit for the suite itself (default 240).
//   E2E_KEEP=1              keep the run's temporary folder (logs, workspace, user data).
//   CHROMIUM_PATH=path      the browser to use (default: chromium on PATH).
//   E2E_EXTENSION_DIR=dir   test another extension folder (used when working on the harness itself).
import fs from 'node:fs';
import path from 'node:path';
import { format } from 'node:util';
import {
  runMain,
  buildExtension,
  buildSuite,
  checkNode,
  ensureHost,
  envFlag,
  extensionDir,
  extensionMode,
  findChromium,
  installVsix,
  launchBrowser,
  log,
  makeRunDir,
  onCleanup,
  remoteUri,
  repoRoot,
  runnerExtensionDir,
  startCodeServer,
  stopProcessGroup,
  suiteOutDir,
  tail,
  workbenchUrl,
} from './lib.mjs';

async function main() {
  const started = Date.now();
  checkNode();
  findChromium();
  const mode = extensionMode();

  ensureHost();
  const vsix = buildExtension(mode);
  log('bundling the suite (test/e2e/suite -> dist-test/e2e)');
  buildSuite();

  const { dir: runDir, workspace } = makeRunDir();
  let server;
  let browser;
  const keep = envFlag('E2E_KEEP');
  const cleanup = onCleanup(async () => {
    if (browser) await browser.close().catch(() => {});
    if (server) await stopProcessGroup(server.child);
    if (keep) log(`kept ${runDir}`);
    else fs.rmSync(runDir, { recursive: true, force: true });
  });

  try {
    if (vsix) installVsix(runDir, vsix);
    // Extension tests need an extension development path. In vsix mode it is an empty
    // extension, so the extension under test is the installed package.
    const devPath = mode === 'dev' ? extensionDir() : runnerExtensionDir;
    const resultFile = path.join(runDir, 'logs', 'result.json');
    const suiteEnv = {
      YEALINK_E2E: '1',
      YEALINK_E2E_MODE: mode,
      YEALINK_E2E_EXTENSIONS_DIR: path.join(runDir, 'extensions'),
      YEALINK_E2E_DEV_DIR: extensionDir(),
      YEALINK_E2E_FORBIDDEN_PATHS: JSON.stringify([repoRoot, path.resolve(repoRoot, '..', 'shared')]),
      YEALINK_E2E_RESULT: resultFile,
      YEALINK_E2E_GREP: process.env.E2E_GREP || '',
    };
    server = await startCodeServer(runDir, { env: suiteEnv });
    log(`code-server on ${server.base} (VS Code ${codeVersion()})`);

    browser = await launchBrowser(runDir);
    const page = await browser.newPage();
    let exitResolve;
    const exited = new Promise((r) => (exitResolve = r));
    await page.exposeFunction('codeAutomationLog', (_level, args) => {
      const text = Array.isArray(args) ? format(...args) : String(args);
      if (/ENOTFOUND open-vsx\.org/.test(text)) return; // the extension gallery is out of reach offline: expected
      process.stdout.write(text.endsWith('\n') ? text : text + '\n');
    });
    await page.exposeFunction('codeAutomationExit', (code, logs) => {
      for (const l of Array.isArray(logs) ? logs : []) {
        try {
          const dest = path.join(runDir, 'logs', 'workbench', String(l.relativePath).replace(/\.\.+/g, '_'));
          fs.mkdirSync(path.dirname(dest), { recursive: true });
          fs.writeFileSync(dest, l.contents);
        } catch {
          /* logs are best effort */
        }
      }
      exitResolve(Number(code));
    });
    page.on('crash', () => exitResolve('the browser page crashed'));
    const pageErrors = [];
    page.on('pageerror', (e) => pageErrors.push(String(e)));

    const payload = [
      ['extensionDevelopmentPath', remoteUri(server, devPath)],
      ['extensionTestsPath', remoteUri(server, path.join(suiteOutDir, 'index.js'))],
    ];
    log(`running the suite against the ${mode === 'vsix' ? 'installed package' : 'development folder'}`);
    await page.goto(workbenchUrl(server, workspace, payload));

    const limit = Number(process.env.E2E_TIMEOUT || 240) * 1000;
    const outcome = await Promise.race([exited, new Promise((r) => setTimeout(r, limit, 'timeout')).then((x) => x)]);
    let code;
    if (typeof outcome === 'number' && Number.isFinite(outcome)) {
      code = outcome;
    } else {
      const why = outcome === 'timeout' ? `the suite did not finish within ${limit / 1000}s` : outcome;
      process.stderr.write(`\ne2e: ${why}\n`);
      if (pageErrors.length) process.stderr.write(`page errors:\n  ${pageErrors.slice(-10).join('\n  ')}\n`);
      process.stderr.write(`code-server log (last lines):\n${tail(server.logFile)}\n`);
      code = 1;
    }
    const result = readResult(resultFile);
    if (code !== 0 && !keep) log('rerun with E2E_KEEP=1 to keep the logs and the workspace of this run');
    log(`done in ${((Date.now() - started) / 1000).toFixed(1)}s, exit ${code}`);
    if (result) {
      // the plain closing line that CI reads
      process.stdout.write(`e2e: ${result.passes} passed, ${result.failures} failed` + (result.pending ? `, ${result.pending} skipped` : '') + '\n');
      if (code === 0 && result.failures === 0 && result.passes === 0) {
        process.stderr.write('e2e: no test ran\n');
        code = 1;
      }
    } else if (code === 0) {
      process.stderr.write('e2e: the suite reported success but wrote no result\n');
      code = 1;
    }
    return code;
  } finally {
    await cleanup();
  }
}

function readResult(file) {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch {
    return undefined;
  }
}

function codeVersion() {
  try {
    return JSON.parse(fs.readFileSync(path.join(repoRoot, 'test/e2e/host/node_modules/code-server/lib/vscode/package.json'), 'utf8')).version;
  } catch {
    return '?';
  }
}

runMain(main, 'e2e');
