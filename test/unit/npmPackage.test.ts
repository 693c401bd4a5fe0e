// The npm package as a user gets it: `npm pack`, the tarball installed into an empty folder (offline:
// the bundles need no runtime dependency), then `npx yealink-cfg check .` there.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { ensureBuilt, ROOT } from './helpers/build';

const WIN = process.platform === 'win32';

function run(cmd: string, args: string[], cwd: string, env: NodeJS.ProcessEnv) {
  const r = spawnSync(WIN ? `${cmd}.cmd` : cmd, args, { cwd, env, encoding: 'utf8', timeout: 180_000, shell: WIN });
  if (r.error) throw r.error;
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('the npm package', () => {
  it('packs the bundles and the catalogue, installs offline into an empty folder and runs as npx yealink-cfg check .', () => {
    ensureBuilt('cli.js');
    const tmp = mkdtempSync(join(tmpdir(), 'yealink-cfg-pack-'));
    try {
      // A cache of its own: nothing is fetched, nothing of the user's cache is touched.
      const env = { ...process.env, npm_config_cache: join(tmp, 'cache'), npm_config_offline: 'true', npm_config_update_notifier: 'false', NO_COLOR: '1' };
      const packed = run('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', tmp], ROOT, env);
      assert.equal(packed.code, 0, packed.stderr);
      const [info] = JSON.parse(packed.stdout) as { filename: string; files: { path: string }[] }[];
      assert.deepEqual(info.files.map((f) => f.path).sort(), [
        'CHANGELOG.md',
        'LICENSE',
        'README.md',
        'dist/catalog.json',
        'dist/cli.js',
        'dist/server.js',
        'dist/serverCore.js',
        'package.json',
      ]);
      const app = join(tmp, 'app');
      mkdirSync(app);
      writeFileSync(join(app, 'package.json'), '{ "name": "provisioning", "private": true }\n');
      const installed = run('npm', ['install', '--offline', '--no-audit', '--no-fund', '--no-package-lock', join(tmp, info.filename)], app, env);
      assert.equal(installed.code, 0, installed.stderr);
      cpSync(join(ROOT, 'test', 'fixtures', 'npm-package', 'site'), join(app, 'site'), { recursive: true });
      const checked = run('npx', ['--offline', 'yealink-cfg', 'check', '.'], app, env);
      assert.deepEqual(checked, {
        code: 1,
        stdout:
          'site/0015651234ab.cfg:3:1: warning unknown-parameter Unknown parameter "qqqq.zzzz".\n' +
          'site/y000000000044.cfg:2:31: error out-of-range Value 70000 of account.1.sip_server.1.port is out of range (permitted: 0 to 65535).\n' +
          '1 error, 1 warning in 2 files\n',
        stderr: '',
      });
      const clean = run('npx', ['--offline', 'yealink-cfg', 'check', '--severity', 'out-of-range=warning', '--format', 'github', 'site/y000000000044.cfg'], app, env);
      assert.deepEqual(clean, {
        code: 0,
        stdout:
          '::warning file=site/y000000000044.cfg,line=2,col=31,endLine=2,endColumn=36,title=out-of-range::Value 70000 of account.1.sip_server.1.port is out of range (permitted: 0 to 65535).\n',
        stderr: '',
      });
    } finally {
      rmSync(tmp, { recursive: true, force: true });
    }
  });
});

describe('the pre-commit hook', () => {
  it('runs the installed command on provisioning file names only', () => {
    const hooks = readFileSync(join(ROOT, '.pre-commit-hooks.yaml'), 'utf8');
    assert.match(hooks, /^- id: yealink-cfg$/m);
    assert.match(hooks, /^ {2}entry: yealink-cfg check$/m);
    assert.match(hooks, /^ {2}language: node$/m);
    const files = new RegExp(/^ {2}files: '(.*)'$/m.exec(hooks)![1]);
    const names = ['y000000000044.cfg', 'site/0015651234AB.cfg', 'x/0015651234ab-local.cfg', 'y000000000000.boot', 'a/b/site.boot'];
    assert.deepEqual(names.filter((n) => files.test(n)), names);
    const others = ['foo.cfg', 'y00000000004.cfg', 'y0000000000440.cfg', 'package.json', 'boot/readme.md', '0015651234ab.cfg.bak'];
    assert.deepEqual(others.filter((n) => files.test(n)), []);
  });
});
