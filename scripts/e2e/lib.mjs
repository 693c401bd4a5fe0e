// Shared plumbing for the end-to-end runner and the screenshot script:
// the browser-hosted VS Code (code-server) install, the extension build, the
// server and browser processes, and their cleanup.
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const hostDir = path.join(repoRoot, 'test', 'e2e', 'host');
export const fixtureWorkspace = path.join(repoRoot, 'test', 'e2e', 'workspace');
export const runnerExtensionDir = path.join(repoRoot, 'test', 'e2e', 'runner-extension');
export const suiteOutDir = path.join(repoRoot, 'dist-test', 'e2e');
export const extensionId = 'yealink-cfg.yealink-cfg';

const CODE_SERVER_ENTRY = path.join(hostDir, 'node_modules', 'code-server', 'out', 'node', 'entry.js');
const STAMP = path.join(hostDir, 'node_modules', '.e2e-host-stamp');

/** An error whose message is meant for the person running the command, without a stack. */
export class HarnessError extends Error {}

/** Runs a script's main(), exiting with its status; a HarnessError prints its message, anything else its stack. */
export function runMain(main, prefix) {
  main().then(
    (code) => process.exit(code),
    (err) => {
      if (err instanceof HarnessError) process.stderr.write(`\n${prefix}: ${err.message}\n`);
      else process.stderr.write(`\n${prefix}: ${err && err.stack ? err.stack : err}\n`);
      process.exit(1);
    },
  );
}

// A closed pipe (e.g. `npm run test:e2e | head`) must not kill the runner before it cleans up.
for (const stream of [process.stdout, process.stderr]) stream.on('error', () => {});

const t0 = Date.now();
export function log(msg) {
  const s = ((Date.now() - t0) / 1000).toFixed(1).padStart(6);
  process.stderr.write(`[e2e ${s}s] ${msg}\n`);
}

export function envFlag(name) {
  const v = process.env[name];
  return v !== undefined && v !== '' && v !== '0' && v.toLowerCase() !== 'false';
}

function which(cmd) {
  for (const dir of (process.env.PATH || '').split(path.delimiter)) {
    if (!dir) continue;
    const p = path.join(dir, cmd);
    try {
      fs.accessSync(p, fs.constants.X_OK);
      return p;
    } catch {
      /* not here */
    }
  }
  return undefined;
}

/** Runs a command in the foreground, inheriting stdio; throws on a non-zero exit. */
export function run(cmd, args, opts = {}) {
  const r = spawnSync(cmd, args, { stdio: 'inherit', cwd: repoRoot, ...opts });
  if (r.error) throw r.error;
  if (r.status !== 0) {
    throw new HarnessError(`command failed (exit ${r.status ?? r.signal}): ${cmd} ${args.join(' ')}`);
  }
}

// ---------------------------------------------------------------- preflight

export function checkNode() {
  const major = Number(process.versions.node.split('.')[0]);
  if (major !== 20) {
    throw new HarnessError(
      `code-server 4.100.3 (VS Code 1.100.3), which hosts the end-to-end suite, runs on Node.js 20 only; ` +
        `this is Node.js ${process.versions.node}.`,
    );
  }
}

export function findChromium() {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv) {
    if (!fs.existsSync(fromEnv)) throw new HarnessError(`CHROMIUM_PATH=${fromEnv} does not exist.`);
    return fromEnv;
  }
  for (const name of ['chromium', 'chromium-browser', 'google-chrome-stable', 'google-chrome']) {
    const p = which(name);
    if (p) return p;
  }
  throw new HarnessError(
    'No Chromium found (looked for chromium, chromium-browser, google-chrome on PATH).\n' +
      'The end-to-end suite drives VS Code in a headless Chromium. Install it with:\n' +
      '    apt-get update && apt-get install -y --no-install-recommends chromium\n' +
      'or point CHROMIUM_PATH at a Chromium or Chrome executable.',
  );
}

// ------------------------------------------------------- host install (cached)

function hostHash() {
  const h = createHash('sha256');
  for (const f of ['package.json', 'package-lock.json']) h.update(fs.readFileSync(path.join(hostDir, f)));
  h.update(`${process.platform}-${process.arch}-node${process.versions.modules}`);
  return h.digest('hex');
}

/**
 * @vscode/ripgrep (a dependency of VS Code inside code-server) downloads its binary
 * from GitHub in its postinstall. It first looks in a cache folder in the system
 * temp dir: seed that cache with the system's ripgrep so the install works offline.
 */
function seedRipgrepCache() {
  const RIPGREP_PKG = '1.15.11'; // @vscode/ripgrep version in code-server 4.100.3
  const RIPGREP_BIN = 'v13.0.0-10';
  const targets = { x64: 'x86_64-unknown-linux-musl', arm64: 'aarch64-unknown-linux-musl' };
  if (process.platform !== 'linux' || !targets[process.arch]) return; // elsewhere the download is expected to work
  const cacheDir = path.join(os.tmpdir(), `vscode-ripgrep-cache-${RIPGREP_PKG}`);
  const archive = path.join(cacheDir, `ripgrep-${RIPGREP_BIN}-${targets[process.arch]}.tar.gz`);
  if (fs.existsSync(archive)) return;
  const rg = which('rg');
  if (!rg) {
    throw new HarnessError(
      'ripgrep (rg) is needed to install code-server without internet. Install it with:\n' +
        '    apt-get install -y --no-install-recommends ripgrep',
    );
  }
  const stage = fs.mkdtempSync(path.join(os.tmpdir(), 'rg-stage-'));
  try {
    fs.copyFileSync(rg, path.join(stage, 'rg'));
    fs.chmodSync(path.join(stage, 'rg'), 0o755);
    fs.mkdirSync(cacheDir, { recursive: true });
    run('tar', ['czf', archive, '-C', stage, 'rg']);
  } finally {
    fs.rmSync(stage, { recursive: true, force: true });
  }
}

/** Installs code-server and playwright-core into test/e2e/host unless the stamp says the lock file is already installed. */
export function ensureHost() {
  const want = hostHash();
  let have = '';
  try {
    have = fs.readFileSync(STAMP, 'utf8').trim();
  } catch {
    /* no stamp */
  }
  if (have === want && fs.existsSync(CODE_SERVER_ENTRY)) {
    log('code-server and playwright-core: cached (lock file unchanged)');
    return;
  }
  log('installing code-server and playwright-core into test/e2e/host (about a minute) ...');
  seedRipgrepCache();
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  run(npm, ['ci', '--no-audit', '--no-fund', '--loglevel=error'], {
    cwd: hostDir,
    env: {
      ...process.env,
      // node-pty's build runs `npx node-gyp`; as root, npm needs unsafe-perm for install scripts
      npm_config_yes: 'true',
      npm_config_unsafe_perm: 'true',
      npm_config_update_notifier: 'false',
    },
  });
  const rgBin = path.join(hostDir, 'node_modules', 'code-server', 'lib', 'vscode', 'node_modules', '@vscode', 'ripgrep', 'bin', 'rg');
  if (!fs.existsSync(CODE_SERVER_ENTRY) || !fs.existsSync(rgBin)) {
    throw new HarnessError('code-server install is incomplete (see the npm output above).');
  }
  fs.writeFileSync(STAMP, want + '\n');
  log('code-server and playwright-core installed');
}

export async function importPlaywright() {
  const { createRequire } = await import('node:module');
  const req = createRequire(path.join(hostDir, 'package.json'));
  return req('playwright-core');
}

// ------------------------------------------------------------------ builds

/** Which extension the run loads: the packaged .vsix (default) or the development folder. */
export function extensionMode() {
  const m = (process.env.E2E_EXTENSION || 'vsix').toLowerCase();
  if (m !== 'vsix' && m !== 'dev') throw new HarnessError(`E2E_EXTENSION must be "vsix" or "dev", not "${m}"`);
  return m;
}

/** The extension folder: the repository, or E2E_EXTENSION_DIR (another extension folder, for trying the harness itself). */
export function extensionDir() {
  return process.env.E2E_EXTENSION_DIR ? path.resolve(process.env.E2E_EXTENSION_DIR) : repoRoot;
}

/** Builds the extension (and the .vsix in vsix mode). Returns the .vsix path, or undefined in dev mode. */
export function buildExtension(mode) {
  const dir = extensionDir();
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  if (process.env.E2E_VSIX) {
    const vsix = path.resolve(process.env.E2E_VSIX);
    if (!fs.existsSync(vsix)) throw new HarnessError(`E2E_VSIX=${vsix} does not exist`);
    log(`using the prebuilt package ${vsix}`);
    return vsix;
  }
  if (dir === repoRoot && !envFlag('E2E_SKIP_BUILD')) {
    log('npm run build');
    run(npm, ['run', '--silent', 'build']);
  }
  if (mode === 'dev') return undefined;
  const vsix = path.join(dir, 'yealink-cfg.vsix');
  fs.rmSync(vsix, { force: true });
  log('packaging the extension (.vsix)');
  if (dir === repoRoot) {
    run(npm, ['run', '--silent', 'package'], { stdio: ['ignore', 'ignore', 'inherit'] });
  } else {
    const vsce = path.join(repoRoot, 'node_modules', '.bin', 'vsce');
    run(vsce, ['package', '--no-dependencies', '--allow-missing-repository', '--out', vsix], { cwd: dir, stdio: ['ignore', 'ignore', 'inherit'] });
  }
  if (!fs.existsSync(vsix)) throw new HarnessError(`packaging did not produce ${vsix}`);
  return vsix;
}

/** Bundles the mocha suite (test/e2e/suite) into dist-test/e2e with esbuild. */
export function buildSuite() {
  const esbuild = path.join(repoRoot, 'node_modules', '.bin', 'esbuild');
  fs.rmSync(suiteOutDir, { recursive: true, force: true });
  run(esbuild, [
    path.join('test', 'e2e', 'suite', 'index.ts'),
    '--bundle',
    '--platform=node',
    '--format=cjs',
    '--target=node20',
    '--sourcemap=inline',
    '--external:vscode',
    '--external:mocha',
    '--log-level=warning',
    `--outfile=${path.join(suiteOutDir, 'index.js')}`,
  ]);
}

// --------------------------------------------------------------- processes

export function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

/** A fresh temporary folder for one run: user data, extensions, browser profile, workspace copy. */
export function makeRunDir({ prefix = 'yealink-e2e-', userSettings: extraSettings = {}, workspaceSource = fixtureWorkspace } = {}) {
  const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), prefix)));
  for (const d of ['user-data', 'extensions', 'browser-profile', 'xdg-config', 'xdg-data', 'logs']) {
    fs.mkdirSync(path.join(dir, d));
  }
  const ws = path.join(dir, 'workspace');
  fs.cpSync(workspaceSource, ws, { recursive: true });
  // settings that keep the workbench quiet and deterministic
  const userSettings = {
    'workbench.startupEditor': 'none',
    'workbench.tips.enabled': false,
    'workbench.enableExperiments': false,
    'telemetry.telemetryLevel': 'off',
    'update.mode': 'none',
    'extensions.autoCheckUpdates': false,
    'extensions.autoUpdate': false,
    'extensions.ignoreRecommendations': true,
    'security.workspace.trust.enabled': false,
    'git.enabled': false,
    'chat.commandCenter.enabled': false,
    'workbench.secondarySideBar.defaultVisibility': 'hidden',
    'window.commandCenter': false,
    'editor.minimap.enabled': false,
  };
  const userDir = path.join(dir, 'user-data', 'User');
  fs.mkdirSync(userDir, { recursive: true });
  fs.writeFileSync(path.join(userDir, 'settings.json'), JSON.stringify({ ...userSettings, ...extraSettings }, null, 2));
  return { dir, workspace: ws };
}

function codeServerEnv(runDir, extra = {}) {
  return {
    ...process.env,
    XDG_CONFIG_HOME: path.join(runDir, 'xdg-config'),
    XDG_DATA_HOME: path.join(runDir, 'xdg-data'),
    ...extra,
  };
}

function codeServerArgs(runDir) {
  return [
    CODE_SERVER_ENTRY,
    '--config',
    path.join(runDir, 'xdg-config', 'code-server.yaml'),
    '--user-data-dir',
    path.join(runDir, 'user-data'),
    '--extensions-dir',
    path.join(runDir, 'extensions'),
  ];
}

export function installVsix(runDir, vsix) {
  log(`installing ${path.basename(vsix)} into code-server`);
  fs.writeFileSync(path.join(runDir, 'xdg-config', 'code-server.yaml'), 'auth: none\n');
  const r = spawnSync(process.execPath, [...codeServerArgs(runDir), '--install-extension', vsix, '--force'], {
    env: codeServerEnv(runDir),
    encoding: 'utf8',
    timeout: 120_000,
  });
  if (r.status !== 0 || !/successfully installed/i.test(r.stdout + r.stderr)) {
    throw new HarnessError(`installing ${vsix} failed:\n${r.stdout}\n${r.stderr}`);
  }
}

const children = new Set();

/** Starts code-server on a free loopback port in its own process group; resolves when /healthz answers. */
export async function startCodeServer(runDir, { env = {}, timeoutMs = 60_000 } = {}) {
  const port = await freePort();
  fs.writeFileSync(path.join(runDir, 'xdg-config', 'code-server.yaml'), 'auth: none\n');
  const logFile = path.join(runDir, 'logs', 'code-server.log');
  const out = fs.openSync(logFile, 'a');
  const child = spawn(
    process.execPath,
    [
      ...codeServerArgs(runDir),
      '--bind-addr',
      `127.0.0.1:${port}`,
      '--auth',
      'none',
      '--disable-telemetry',
      '--disable-update-check',
      '--disable-workspace-trust',
      '--disable-getting-started-override',
      '--ignore-last-opened',
    ],
    { env: codeServerEnv(runDir, env), stdio: ['ignore', out, out], detached: true },
  );
  fs.closeSync(out);
  children.add(child);
  let exited = null;
  child.on('exit', (code, signal) => {
    exited = { code, signal };
    children.delete(child);
  });
  const base = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (exited) {
      throw new HarnessError(`code-server exited at start (${JSON.stringify(exited)}); log:\n${tail(logFile)}`);
    }
    try {
      const res = await fetch(`${base}/healthz`, { signal: AbortSignal.timeout(2000) });
      if (res.ok) break;
    } catch {
      /* not yet */
    }
    if (Date.now() > deadline) throw new HarnessError(`code-server did not answer on ${base} within ${timeoutMs / 1000}s; log:\n${tail(logFile)}`);
    await new Promise((r) => setTimeout(r, 200));
  }
  return { port, base, child, logFile };
}

export function tail(file, lines = 40) {
  try {
    return fs.readFileSync(file, 'utf8').split('\n').slice(-lines).join('\n');
  } catch {
    return '(no log)';
  }
}

/** Stops a process group: SIGTERM, then SIGKILL after a grace period. */
export async function stopProcessGroup(child, graceMs = 5000) {
  if (!child) return;
  if (child.exitCode !== null || child.signalCode !== null) {
    // the leader is gone; its group may still hold children (extension host, language server)
    try {
      process.kill(-child.pid, 'SIGKILL');
    } catch {
      /* group is empty */
    }
    return;
  }
  const gone = new Promise((r) => child.once('exit', r));
  try {
    process.kill(-child.pid, 'SIGTERM');
  } catch {
    return;
  }
  const timer = new Promise((r) => setTimeout(r, graceMs, 'timeout'));
  if ((await Promise.race([gone, timer])) === 'timeout') {
    try {
      process.kill(-child.pid, 'SIGKILL');
    } catch {
      /* already gone */
    }
    await gone;
  } else {
    try {
      process.kill(-child.pid, 'SIGKILL'); // stragglers in the group
    } catch {
      /* none */
    }
  }
}

export async function launchBrowser(runDir, { headless = true } = {}) {
  const executablePath = findChromium();
  const { chromium } = await importPlaywright();
  return chromium.launch({
    executablePath,
    headless,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--no-default-browser-check',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-dev-shm-usage',
      '--disable-features=Translate,MediaRouter,OptimizationHints',
    ],
    // playwright gives the browser a fresh profile of its own; keep its other files out of $HOME too
    env: { ...process.env, HOME: path.join(runDir, 'browser-profile') },
  });
}

/** The workbench URL for a folder, with an optional `payload` (extension development / test paths). */
export function workbenchUrl(server, folder, payload) {
  let url = `${server.base}/?folder=${encodeURIComponent(folder)}`;
  if (payload) url += `&payload=${encodeURIComponent(JSON.stringify(payload))}`;
  return url;
}

export function remoteUri(server, absPath) {
  return `vscode-remote://127.0.0.1:${server.port}${absPath.split(path.sep).join('/')}`;
}

/** Registers cleanup to run once, on normal end, on failure and on SIGINT/SIGTERM. */
export function onCleanup(fn) {
  let done = false;
  const once = async () => {
    if (done) return;
    done = true;
    await fn();
  };
  for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
    process.once(sig, async () => {
      log(`${sig}: stopping`);
      await once();
      process.exit(130);
    });
  }
  return once;
}

export function killAllChildrenSync() {
  for (const c of children) {
    try {
      process.kill(-c.pid, 'SIGKILL');
    } catch {
      /* gone */
    }
  }
}
process.on('exit', killAllChildrenSync);
