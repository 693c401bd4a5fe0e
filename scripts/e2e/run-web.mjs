#!/usr/bin/env node
// The browser smoke suite: the packaged extension in VS Code's web-worker extension host (code-server's
// web workbench in a headless Chromium, offline), as on vscode.dev and github.dev.
//
//   npm run test:web
//
// The user setting `remote.extensionKind` puts the installed package (which has both `main` and
// `browser`) in the web worker. The tests (test/web/suite) are bundled for the browser into a small
// runner extension with only a `browser` entry, so they run in that worker too. The worker has no
// fs: the suite writes its counts through the workbench's file system to a path given as a setting.
//
// Environment: E2E_VSIX, E2E_SKIP_BUILD, E2E_TIMEOUT (default 180), E2E_KEEP, CHROMIUM_PATH, as for
// npm run test:e2e (scripts/e2e/run-e2e.mjs).
import fs from 'node:fs';
import path from 'node:path';
import { format } from 'node:util';
import {
  buildExtension,
  checkNode,
  ensureHost,
  envFlag,
  extensionId,
  findChromium,
  installVsix,
  launchBrowser,
  log,
  makeRunDir,
  onCleanup,
  remoteUri,
  repoRoot,
  run,
  runMain,
  startCodeServer,
  stopProcessGroup,
  tail,
  workbenchUrl,
} from './lib.mjs';

const WEB_WORKSPACE = path.join(repoRoot, 'test', 'web', 'workspace');
// harmless offline noise of the workbench: the gallery, source maps, vsda
const NOISE = /open-vsx\.org|Failed to load resource|vsda|ERR_NAME_NOT_RESOLVED|DevTools failed to load/;

/** The runner extension: the suite bundled for the web worker as its `browser` entry. */
function buildRunner(runDir) {
  const dir = path.join(runDir, 'web-runner');
  fs.mkdirSync(dir);
  const manifest = {
    name: 'yealink-cfg-web-runner',
    publisher: 'yealink-cfg-e2e',
    version: '0.0.0',
    private: true,
    license: 'MIT',
    engines: { vscode: '^1.100.0' },
    browser: './index.js',
  };
  fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify(manifest, null, 2));
  run(path.join(repoRoot, 'node_modules', '.bin', 'esbuild'), [
    path.join('test', 'web', 'suite', 'index.ts'),
    '--bundle',
    '--platform=browser',
    '--format=cjs',
    '--target=es2022',
    '--external:vscode',
    // the worker has no Node modules: `assert` is the suite's own small one
    `--alias:assert=./${path.join('test', 'web', 'suite', 'assert.ts')}`,
    '--log-level=warning',
    `--outfile=${path.join(dir, 'index.js')}`,
  ]);
  return dir;
}

/** A console message of the page as the worker meant it: `%c` styles dropped, `%s`/`%d` filled in. */
async function printConsole(message) {
  let values;
  try {
    values = await Promise.all(message.args().map((a) => a.jsonValue()));
  } catch {
    values = [message.text()];
  }
  let [first = '', ...rest] = values;
  first = String(first);
  const styles = (first.match(/%c/g) || []).length;
  // the workbench logs as ('%c INFO', style, format, ...args): the level, then the message
  const head = first.replace(/%c\s*/g, '').trim();
  const body = rest.slice(styles);
  const text = /^(INFO|WARN|ERR|)$/.test(head) ? (head === 'ERR' ? 'ERR ' : '') + format(...body) : format(head, ...body);
  if (!NOISE.test(text)) process.stdout.write(text.endsWith('\n') ? text : text + '\n');
}

/** Opens the workbench with the tests in its payload; resolves with the exit code the workbench reports. */
async function runInBrowser(browser, server, workspace, runnerDir) {
  const page = await browser.newPage();
  let exitResolve;
  const exited = new Promise((r) => (exitResolve = r));
  // the web worker's console reaches the page's console
  page.on('console', (m) => void printConsole(m));
  await page.exposeFunction('codeAutomationLog', () => {});
  await page.exposeFunction('codeAutomationExit', (code) => exitResolve(Number(code)));
  page.on('crash', () => exitResolve('the browser page crashed'));
  const payload = [
    ['extensionDevelopmentPath', remoteUri(server, runnerDir)],
    ['extensionTestsPath', remoteUri(server, path.join(runnerDir, 'index.js'))],
  ];
  await page.goto(workbenchUrl(server, workspace, payload));
  const limit = Number(process.env.E2E_TIMEOUT || 180) * 1000;
  const outcome = await Promise.race([exited, new Promise((r) => setTimeout(r, limit, `the suite did not finish within ${limit / 1000}s`))]);
  if (typeof outcome === 'number' && Number.isFinite(outcome)) return outcome;
  process.stderr.write(`\nweb: ${outcome}\ncode-server log (last lines):\n${tail(server.logFile)}\n`);
  return 1;
}

/** The plain closing line CI reads; a run that reports success without a result or a test fails. */
function report(resultFile, code) {
  let result;
  try {
    result = JSON.parse(fs.readFileSync(resultFile, 'utf8'));
  } catch {
    process.stderr.write('web: the suite wrote no result\n');
    return 1;
  }
  process.stdout.write(`web: ${result.passes} passed, ${result.failures} failed` + (result.pending ? `, ${result.pending} skipped` : '') + '\n');
  if (code === 0 && (result.failures > 0 || result.passes === 0)) return 1;
  return code;
}

async function main() {
  const started = Date.now();
  checkNode();
  findChromium();
  ensureHost();
  const vsix = buildExtension('vsix');
  const keep = envFlag('E2E_KEEP');
  const { dir: runDir, workspace } = makeRunDir({ prefix: 'yealink-web-', workspaceSource: WEB_WORKSPACE });
  const resultFile = path.join(runDir, 'logs', 'result.json');
  // settings known only once the run folder exists: the forced web worker and where the result goes
  const settingsFile = path.join(runDir, 'user-data', 'User', 'settings.json');
  const settings = JSON.parse(fs.readFileSync(settingsFile, 'utf8'));
  settings['remote.extensionKind'] = { [extensionId]: ['web'] };
  settings['yealinkCfgWebTest.resultPath'] = resultFile.split(path.sep).join('/');
  fs.writeFileSync(settingsFile, JSON.stringify(settings, null, 2));
  let server;
  let browser;
  const cleanup = onCleanup(async () => {
    if (browser) await browser.close().catch(() => {});
    if (server) await stopProcessGroup(server.child);
    if (keep) log(`kept ${runDir}`);
    else fs.rmSync(runDir, { recursive: true, force: true });
  });
  try {
    installVsix(runDir, vsix);
    const runnerDir = buildRunner(runDir);
    server = await startCodeServer(runDir);
    browser = await launchBrowser(runDir);
    log('running test/web/suite in the web-worker extension host');
    const code = report(resultFile, await runInBrowser(browser, server, workspace, runnerDir));
    log(`done in ${((Date.now() - started) / 1000).toFixed(1)}s, exit ${code}`);
    return code;
  } finally {
    await cleanup();
  }
}

runMain(main, 'web');
