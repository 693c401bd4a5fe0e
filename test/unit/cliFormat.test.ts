import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { memoryIO, writeFileAtomically } from '../../server/src/cli/io';
import { runCli } from '../../server/src/cli/main';
import { ensureBuilt, ROOT } from './helpers/build';

const MESSY = '#!version:1.0.0.1\r\n  account.1.label=Front   Desk\r\naccount.1.sip_server.1.port   =  5060\r\n# note = kept\r\n';
const TIDY = '#!version:1.0.0.1\r\naccount.1.label = Front   Desk\r\naccount.1.sip_server.1.port = 5060\r\n# note = kept\r\n';
const CLEAN = '#!version:1.0.0.1\naccount.1.label = Lab\n';

function files() {
  return memoryIO({
    'site/0015650a0001.cfg': MESSY,
    'site/y000000000096.cfg': CLEAN,
    'site/sub/0015650a0002.cfg': '\uFEFFaccount.2.label=x',
    'site/readme.txt': 'not = a provisioning file',
    'bin/0015650a0003.cfg': Buffer.from([0x61, 0x3d, 0xff, 0xfe, 0x0a]),
  });
}

describe('yealink-cfg format', () => {
  it('prints the formatted text of one file, byte for byte (CRLF kept)', () => {
    assert.deepEqual(runCli(['format', 'site/0015650a0001.cfg'], files()), { code: 0, stdout: TIDY, stderr: '' });
  });

  it('prints with "=" and strips default lines when asked', () => {
    const r = runCli(['format', '--equals', '=', '--strip-defaults', 'site/0015650a0001.cfg'], files());
    assert.deepEqual(r, { code: 0, stdout: '#!version:1.0.0.1\r\naccount.1.label=Front   Desk\r\n# note = kept\r\n', stderr: '' });
  });

  it('--check changes nothing, lists the files that would change and exits 1', () => {
    const io = files();
    const r = runCli(['format', '--check', 'site'], io);
    assert.deepEqual(r, { code: 1, stdout: 'site/0015650a0001.cfg\nsite/sub/0015650a0002.cfg\n', stderr: '' });
    assert.equal(io.files.get('/work/site/0015650a0001.cfg')!.toString('utf8'), MESSY);
    assert.deepEqual(runCli(['format', '--check', 'site/y000000000096.cfg'], io), { code: 0, stdout: '', stderr: '' });
  });

  it('--write rewrites the files that change, keeps the byte order mark and the missing final newline', () => {
    const io = files();
    const r = runCli(['format', '--write', 'site'], io);
    assert.deepEqual(r, { code: 0, stdout: 'site/0015650a0001.cfg\nsite/sub/0015650a0002.cfg\n', stderr: '' });
    assert.equal(io.files.get('/work/site/0015650a0001.cfg')!.toString('utf8'), TIDY);
    assert.deepEqual([...io.files.get('/work/site/sub/0015650a0002.cfg')!], [...Buffer.from('\uFEFFaccount.2.label = x', 'utf8')]);
    assert.deepEqual(runCli(['format', '--check', 'site'], io), { code: 0, stdout: '', stderr: '' });
  });

  it('leaves a file that is not UTF-8 alone and says so (exit 2)', () => {
    const io = files();
    const r = runCli(['format', '--write', 'bin/0015650a0003.cfg'], io);
    assert.deepEqual(r, { code: 2, stdout: '', stderr: 'yealink-cfg: bin/0015650a0003.cfg is not UTF-8 text; left unchanged\n' });
    assert.deepEqual([...io.files.get('/work/bin/0015650a0003.cfg')!], [0x61, 0x3d, 0xff, 0xfe, 0x0a]);
  });

  it('formats standard input', () => {
    const io = memoryIO({}, { stdin: 'a.b=1\n' });
    assert.deepEqual(runCli(['format', '-'], io), { code: 0, stdout: 'a.b = 1\n', stderr: '' });
  });

  it('refuses bad usage with a message', () => {
    const msg = (r: { code: number; stderr: string }) => [r.code, r.stderr.split('\n')[0]];
    assert.deepEqual(msg(runCli(['format'], files())), [2, 'yealink-cfg: no files given']);
    assert.deepEqual(msg(runCli(['format', 'site'], files())), [2, 'yealink-cfg: without --write or --check, format prints one file: name exactly one file']);
    assert.deepEqual(msg(runCli(['format', '--check', '--write', 'site'], files())), [2, 'yealink-cfg: --check and --write cannot be used together']);
    assert.deepEqual(msg(runCli(['format', '--equals', ':', 'site/y000000000096.cfg'], files())), [2, 'yealink-cfg: --equals takes " = ", "=" or preserve, got ":"']);
    assert.deepEqual(msg(runCli(['format', '--write', '-'], memoryIO({}))), [2, 'yealink-cfg: --write cannot rewrite standard input']);
    assert.deepEqual(msg(runCli(['format', '--check', 'missing.cfg'], files())), [2, 'yealink-cfg: cannot read missing.cfg: ENOENT']);
  });
});

describe('yealink-cfg check --fix', () => {
  it('applies the single obvious fixes, rewrites the file and reports what is left', () => {
    const io = memoryIO({ '0015650a0004.cfg': 'account.1.label = a\naccount.1.label = b\naccount.1.sip_server.1.expires = 5\n' });
    const r = runCli(['check', '--fix', '--format', 'json', '0015650a0004.cfg'], io);
    assert.equal(io.files.get('/work/0015650a0004.cfg')!.toString('utf8'), '#!version:1.0.0.1\naccount.1.label = b\naccount.1.sip_server.1.expires = 5\n');
    assert.equal(r.code, 1);
    const report = JSON.parse(r.stdout) as { files: { diagnostics: { code: string; range: { start: { line: number } } }[] }[] };
    assert.deepEqual(report.files[0].diagnostics.map((d) => `${d.code}@${d.range.start.line}`), ['out-of-range@2']);
  });

  it('leaves a clean file untouched and refuses standard input', () => {
    const io = memoryIO({ 'y000000000096.cfg': CLEAN });
    const before = io.files.get('/work/y000000000096.cfg');
    assert.equal(runCli(['check', '--fix', 'y000000000096.cfg'], io).code, 0);
    assert.equal(io.files.get('/work/y000000000096.cfg'), before);
    assert.equal(runCli(['check', '--fix', '-'], memoryIO({})).stderr.split('\n')[0], 'yealink-cfg: --fix cannot rewrite standard input');
  });
});

describe('writing files in place on disk', () => {
  it('replaces the file through a temporary file, keeps its mode and leaves nothing behind', () => {
    const dir = mkdtempSync(join(tmpdir(), 'yealink-format-'));
    try {
      const file = join(dir, '0015650a0001.cfg');
      writeFileSync(file, MESSY);
      chmodSync(file, 0o640);
      writeFileAtomically(file, TIDY);
      assert.equal(readFileSync(file, 'utf8'), TIDY);
      assert.equal(statSync(file).mode & 0o777, 0o640);
      assert.deepEqual(readdirSync(dir), ['0015650a0001.cfg']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('the built command line formats a folder with --write, then --check passes', () => {
    ensureBuilt('cli.js');
    const dir = mkdtempSync(join(tmpdir(), 'yealink-format-'));
    try {
      writeFileSync(join(dir, '0015650a0001.cfg'), MESSY);
      const cli = join(ROOT, 'dist', 'cli.js');
      assert.equal(spawnSync(process.execPath, [cli, 'format', '--check', dir]).status, 1);
      execFileSync(process.execPath, [cli, 'format', '--write', dir]);
      assert.equal(readFileSync(join(dir, '0015650a0001.cfg'), 'utf8'), TIDY);
      assert.equal(spawnSync(process.execPath, [cli, 'format', '--check', dir]).status, 0);
      assert.deepEqual(readdirSync(dir), ['0015650a0001.cfg']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
