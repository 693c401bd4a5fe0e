import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { ensureBuilt } from './helpers/build';
import { before, describe, it } from 'node:test';
import { CHECK_USAGE } from '../../server/src/cli/check';
import { memoryIO } from '../../server/src/cli/io';
import { mainUsage, runCli } from '../../server/src/cli/main';

const ROOT = join(__dirname, '..', '..');
const FIXTURES = join(ROOT, 'test', 'fixtures', 'cli');

// In-memory files: the CLI is called with a readFile that never touches the disk.
const FILES: Record<string, string> = {
  'clean.cfg': '#!version:1.0.0.1\naccount.1.sip_server.1.address = sip.example.com\naccount.1.sip_server.1.port = 5060\n',
  'errors.cfg':
    '#!version:1.0.0.1\naccount.1.sip_server.1.port = 70000\naccount.20.sip_server.1.expires = 3600\n  account.1.sip_server.2.transport_type = 9\n',
  'warnings.cfg':
    '#!version:1.0.0.1\naccount.1.sip_server.1.failback_mode = 1\naccount.1.sip_server.1.address = 10.0.0.1\nqqqq.zzzz.wwww.vvvv = 1\n',
  'noheader.cfg': 'account.1.sip_server.1.port = 5061\n',
  'y000000000044.cfg': '#!version:1.0.0.1\naccount.4.sip_server.1.port = 5060\n',
};

const run = (...argv: string[]) => runCli(argv, memoryIO(FILES));
const usageError = (msg: string, usage = CHECK_USAGE) => ({ code: 2, stdout: '', stderr: `yealink-cfg: ${msg}\n\n${usage}\n` });

const E_PORT = 'Value 70000 of account.1.sip_server.1.port is out of range (permitted: 0 to 65535).';
const E_INDEX = 'Index 20 is out of range in account.20.sip_server.1.expires: account takes 1 to 16.';
const E_ENUM = 'Value 9 of account.1.sip_server.2.transport_type is not allowed (permitted: 0, 1, 2 or 3).';
const W_DEP =
  'account.1.sip_server.1.failback_mode has no effect: it works only if account.1.sip_server.1.address is a domain name, but it is 10.0.0.1 (line 3).';
const W_UNKNOWN = 'Unknown parameter "qqqq.zzzz.wwww.vvvv".';

describe('command line: output formats and exit status', () => {
  it('prints nothing and exits 0 for a clean file', () => {
    assert.deepEqual(run('check', 'clean.cfg'), { code: 0, stdout: '0 errors, 0 warnings in 1 file\n', stderr: '' });
  });

  it('prints file:line:col: severity code message, 1-based, and exits 1 with errors', () => {
    assert.deepEqual(run('check', 'errors.cfg'), {
      code: 1,
      stdout:
        `errors.cfg:2:31: error out-of-range ${E_PORT}\n` +
        `errors.cfg:3:9: error index-out-of-range ${E_INDEX}\n` +
        `errors.cfg:4:43: error invalid-enum ${E_ENUM}\n` +
        '3 errors, 0 warnings in 1 file\n',
      stderr: '',
    });
  });

  it('exits 0 when there are only warnings', () => {
    assert.deepEqual(run('check', 'warnings.cfg'), {
      code: 0,
      stdout: `warnings.cfg:2:1: warning dependency ${W_DEP}\nwarnings.cfg:4:1: warning unknown-parameter ${W_UNKNOWN}\n0 errors, 2 warnings in 1 file\n`,
      stderr: '',
    });
  });

  it('reports several files in the order given', () => {
    const r = run('check', 'warnings.cfg', 'clean.cfg', 'noheader.cfg');
    assert.equal(r.code, 1);
    assert.deepEqual(r.stdout.split('\n'), [
      `warnings.cfg:2:1: warning dependency ${W_DEP}`,
      `warnings.cfg:4:1: warning unknown-parameter ${W_UNKNOWN}`,
      'noheader.cfg:1:1: error missing-header The first line must be the header "#!version:1.0.0.1", not "account.1.sip_server.1.port = 5061".',
      '1 error, 2 warnings in 3 files',
      '',
    ]);
  });

  it('prints JSON with 0-based ranges and severity names', () => {
    const r = run('check', '--format', 'json', 'errors.cfg', 'clean.cfg');
    assert.equal(r.code, 1);
    assert.equal(r.stderr, '');
    assert.ok(r.stdout.endsWith('}\n'));
    assert.deepEqual(JSON.parse(r.stdout), {
      files: [
        {
          file: 'errors.cfg',
          diagnostics: [
            { range: { start: { line: 1, character: 30 }, end: { line: 1, character: 35 } }, severity: 'error', code: 'out-of-range', message: E_PORT },
            { range: { start: { line: 2, character: 8 }, end: { line: 2, character: 10 } }, severity: 'error', code: 'index-out-of-range', message: E_INDEX },
            { range: { start: { line: 3, character: 42 }, end: { line: 3, character: 43 } }, severity: 'error', code: 'invalid-enum', message: E_ENUM },
          ],
        },
        { file: 'clean.cfg', diagnostics: [] },
      ],
    });
    assert.deepEqual(run('check', '--format=json', 'clean.cfg'), { code: 0, stdout: '{"files":[{"file":"clean.cfg","diagnostics":[]}]}\n', stderr: '' });
    assert.deepEqual(run('check', '--format', 'text', 'clean.cfg'), { code: 0, stdout: '0 errors, 0 warnings in 1 file\n', stderr: '' });
    assert.deepEqual(run('check', '-f', 'json', 'clean.cfg').stdout, '{"files":[{"file":"clean.cfg","diagnostics":[]}]}\n');
  });
});

describe('command line: options', () => {
  it('--severity CODE=off drops a code and CODE=LEVEL changes its severity and the exit status', () => {
    assert.deepEqual(run('check', '--severity', 'out-of-range=off', '--severity', 'invalid-enum=warning', 'errors.cfg'), {
      code: 1,
      stdout: `errors.cfg:3:9: error index-out-of-range ${E_INDEX}\nerrors.cfg:4:43: warning invalid-enum ${E_ENUM}\n1 error, 1 warning in 1 file\n`,
      stderr: '',
    });
    assert.deepEqual(
      run('check', '--severity', 'out-of-range=hint', '--severity', 'index-out-of-range=information', '--severity', 'invalid-enum=off', 'errors.cfg'),
      {
        code: 0,
        stdout: `errors.cfg:2:31: hint out-of-range ${E_PORT}\nerrors.cfg:3:9: information index-out-of-range ${E_INDEX}\n0 errors, 0 warnings, 1 information, 1 hint in 1 file\n`,
        stderr: '',
      },
    );
    assert.deepEqual(run('check', '--severity', 'dependency=error', 'warnings.cfg').code, 1);
  });

  it('--model narrows index ranges for files whose name does not say the model', () => {
    const text = '#!version:1.0.0.1\naccount.4.sip_server.1.port = 5060\n';
    FILES['0015651234ab.cfg'] = text;
    assert.deepEqual(run('check', '--isolated', '0015651234ab.cfg'), { code: 0, stdout: '0 errors, 0 warnings in 1 file\n', stderr: '' });
    // With its folder, the MAC file takes the model of the folder's one common file (y000000000044.cfg).
    assert.equal(run('check', '0015651234ab.cfg').code, 1);
    assert.deepEqual(run('check', '--model', 'T23G', '0015651234ab.cfg'), {
      code: 1,
      stdout: '0015651234ab.cfg:2:9: error index-out-of-range Index 4 is out of range in account.4.sip_server.1.port: account takes 1 to 3 on the T23P/T23G.\n1 error, 0 warnings in 1 file\n',
      stderr: '',
    });
    assert.equal(run('check', '--model', 'y000000000044', '0015651234ab.cfg').code, 1);
    // The common file name already says the model.
    assert.equal(run('check', 'y000000000044.cfg').code, 1);
    assert.deepEqual(run('check', '--model', 'NoSuchPhone', 'clean.cfg'), usageError('unknown model "NoSuchPhone"'));
    assert.deepEqual(run('check', 'clean.cfg', '--model'), usageError('--model needs a value'));
  });

  it('--ignore keeps names (exact or with *) from being reported as unknown', () => {
    const onlyDep = `warnings.cfg:2:1: warning dependency ${W_DEP}\n0 errors, 1 warning in 1 file\n`;
    assert.deepEqual(run('check', '--ignore', 'qqqq.zzzz.wwww.vvvv', 'warnings.cfg').stdout, onlyDep);
    assert.deepEqual(run('check', '--ignore', 'qqqq.*', 'warnings.cfg').stdout, onlyDep);
    assert.deepEqual(run('check', '--ignore', 'qqqq', 'warnings.cfg').stdout.split('\n').length, 4);
    assert.deepEqual(run('check', 'warnings.cfg', '--ignore'), usageError('--ignore needs a value'));
  });

  it('--help and -h print the usage to stdout and exit 0: the command list, or one command\'s options', () => {
    const help = { code: 0, stdout: `${mainUsage()}\n`, stderr: '' };
    assert.deepEqual(run('--help'), help);
    assert.deepEqual(run('-h'), help);
    assert.deepEqual(run('check', '--help'), { code: 0, stdout: `${CHECK_USAGE}\n`, stderr: '' });
    assert.deepEqual(run('check', 'errors.cfg', '-h'), { code: 0, stdout: `${CHECK_USAGE}\n`, stderr: '' });
    assert.ok(mainUsage().startsWith('Usage: yealink-cfg COMMAND [options] ...\n'));
    assert.match(mainUsage(), /\n {2}check {6}check files, folders or globs and report problems\n {2}explain {4}print the documentation of a parameter\n/);
    for (const code of ['  0  no errors', '  1  problems found', '  2  bad usage']) assert.ok(mainUsage().includes(code), code);
    assert.ok(CHECK_USAGE.startsWith('Usage: yealink-cfg check [options] PATH...\n'));
    for (const opt of ['-f, --format FORMAT', 'text, json', '--severity CODE=LEVEL', '--model MODEL', '--ignore NAME', '--max-warnings N', '--stdin-filename NAME', '-h, --help']) {
      assert.ok(CHECK_USAGE.includes(opt), opt);
    }
  });
});

describe('command line: bad usage and unreadable files', () => {
  it('exits 2 with the usage on stderr when nothing is given', () => {
    assert.deepEqual(run(), { code: 2, stdout: '', stderr: `${mainUsage()}\n` });
  });

  it('exits 2 for an unknown command, no files, an unknown option, a bad --format or a bad --severity', () => {
    assert.deepEqual(run('lint', 'clean.cfg'), usageError('unknown command "lint"', mainUsage()));
    assert.deepEqual(run('check'), usageError('no files given'));
    assert.deepEqual(run('check', '--format', 'json'), usageError('no files given'));
    assert.deepEqual(run('check', '--quiet', 'clean.cfg'), usageError('unknown option "--quiet"'));
    assert.deepEqual(run('check', '--format', 'xml', 'clean.cfg'), usageError('--format takes text, json, sarif or github'));
    assert.deepEqual(run('check', '--format=yaml', 'clean.cfg'), usageError('--format takes text, json, sarif or github'));
    assert.deepEqual(run('check', 'clean.cfg', '--format'), usageError('--format needs a value'));
    assert.deepEqual(run('check', 'clean.cfg', '-f'), usageError('--format needs a value'));
    assert.deepEqual(run('check', '--no-color=1', 'clean.cfg'), usageError('--no-color takes no value'));
    assert.deepEqual(run('check', '--max-warnings', 'many', 'clean.cfg'), usageError('--max-warnings takes a whole number, got "many"'));
    assert.deepEqual(run('check', '--stdin-filename', 'a.cfg', 'clean.cfg'), usageError('--stdin-filename needs - among the paths'));
    assert.deepEqual(run('check', '--severity', 'typo=off', 'clean.cfg'), usageError('--severity takes CODE=LEVEL, got "typo=off"'));
    assert.deepEqual(run('check', '--severity', 'dependency=loud', 'clean.cfg'), usageError('--severity takes CODE=LEVEL, got "dependency=loud"'));
    assert.deepEqual(run('check', '--severity', 'dependency', 'clean.cfg'), usageError('--severity takes CODE=LEVEL, got "dependency"'));
    assert.deepEqual(run('check', 'clean.cfg', '--severity'), usageError('--severity needs a value'));
  });

  it('exits 2 for an unreadable file but still reports the readable ones', () => {
    assert.deepEqual(run('check', 'missing.cfg'), { code: 2, stdout: '0 errors, 0 warnings in 0 files\n', stderr: 'yealink-cfg: cannot read missing.cfg: ENOENT\n' });
    assert.deepEqual(run('check', 'missing.cfg', 'errors.cfg'), {
      code: 2,
      stdout: `errors.cfg:2:31: error out-of-range ${E_PORT}\nerrors.cfg:3:9: error index-out-of-range ${E_INDEX}\nerrors.cfg:4:43: error invalid-enum ${E_ENUM}\n3 errors, 0 warnings in 1 file\n`,
      stderr: 'yealink-cfg: cannot read missing.cfg: ENOENT\n',
    });
    assert.deepEqual(run('check', '--format', 'json', 'missing.cfg', 'clean.cfg'), {
      code: 2,
      stdout: '{"files":[{"file":"clean.cfg","diagnostics":[]}]}\n',
      stderr: 'yealink-cfg: cannot read missing.cfg: ENOENT\n',
    });
  });

});

describe('command line: inputs (files, folders, globs, standard input)', () => {
  const TREE: Record<string, string> = {
    'sites/a/y000000000000.boot': '#!version:1.0.0.1\ninclude:config "y000000000044.cfg"\n',
    'sites/a/y000000000044.cfg': '#!version:1.0.0.1\naccount.4.sip_server.1.port = 5060\n',
    'sites/a/0015651234ab.cfg': '#!version:1.0.0.1\nqqqq = 1\n',
    'sites/a/notes.txt': 'not a provisioning file',
    'sites/a/other.cfg': '[general]\nkey=value\n',
    'sites/a/renamed.cfg': '#!version:1.0.0.1\naccount.1.sip_server.1.port = 99999\n',
    'sites/b/deep/0015650000ff-local.cfg': '#!version:1.0.0.1\n',
    'sites/.git/y000000000044.cfg': 'ignored: inside a dot folder',
    'node_modules/x/y000000000044.cfg': 'ignored: node_modules',
  };
  const runIn = (argv: string[], stdin?: string) => runCli(argv, memoryIO(TREE, { stdin }));
  const lines = (r: { stdout: string }) => r.stdout.split('\n').filter(Boolean);

  it('walks a folder recursively for provisioning files only, sorted, skipping dot folders and node_modules', () => {
    const r = runIn(['check', '--format', 'json', '.']);
    assert.deepEqual(
      JSON.parse(r.stdout).files.map((f: { file: string }) => f.file),
      ['sites/a/0015651234ab.cfg', 'sites/a/renamed.cfg', 'sites/a/y000000000000.boot', 'sites/a/y000000000044.cfg', 'sites/b/deep/0015650000ff-local.cfg'],
    );
    assert.equal(r.code, 1);
    assert.deepEqual(lines(runIn(['check', 'sites/b/'])), ['0 errors, 0 warnings in 1 file']);
  });

  it('expands a glob below its fixed part, and a glob that matches nothing is an input error', () => {
    assert.deepEqual(lines(runIn(['check', 'sites/**/*-local.cfg'])), ['0 errors, 0 warnings in 1 file']);
    assert.deepEqual(lines(runIn(['check', 'sites/a/y*.{boot,cfg}'])), [
      'sites/a/y000000000044.cfg:2:9: error index-out-of-range Index 4 is out of range in account.4.sip_server.1.port: account takes 1 to 3 on the T23P/T23G.',
      '1 error, 0 warnings in 2 files',
    ]);
    assert.deepEqual(runIn(['check', 'sites/**/*.xml']), { code: 2, stdout: '0 errors, 0 warnings in 0 files\n', stderr: 'yealink-cfg: no provisioning file matches sites/**/*.xml\n' });
  });

  it('checks standard input as "-", under the name given by --stdin-filename', () => {
    const text = '#!version:1.0.0.1\naccount.4.sip_server.1.port = 5060\n';
    assert.deepEqual(runIn(['check', '-'], text), { code: 0, stdout: '0 errors, 0 warnings in 1 file\n', stderr: '' });
    const r = runIn(['check', '--stdin-filename', 'site/y000000000044.cfg', '-'], text);
    assert.equal(r.code, 1);
    assert.match(r.stdout, /^site\/y000000000044\.cfg:2:9: error index-out-of-range Index 4 is out of range/);
  });

  it('--max-warnings N fails past N warnings, and says so on stderr', () => {
    assert.equal(runIn(['check', '--max-warnings', '1', 'sites/a/0015651234ab.cfg']).code, 0);
    assert.deepEqual(runIn(['check', '--max-warnings', '0', 'sites/a/0015651234ab.cfg']), {
      code: 1,
      stdout: 'sites/a/0015651234ab.cfg:2:1: warning unknown-parameter Unknown parameter "qqqq".\n0 errors, 1 warning in 1 file\n',
      stderr: 'yealink-cfg: 1 warnings, more than --max-warnings 0\n',
    });
  });
});

describe('command line: explain', () => {
  it('prints the documentation of a pattern or a concrete name as plain text', () => {
    const r = run('explain', 'account.2.sip_server.1.failback_mode');
    assert.equal(r.code, 0);
    assert.equal(r.stderr, '');
    const out = r.stdout.split('\n');
    assert.equal(out[0], 'account.2.sip_server.1.failback_mode (account.X.sip_server.Y.failback_mode)');
    for (const line of ['Permitted values:', '- 3 duration: keep using the last registered server; retry the primary after the failback timeout', 'Default: 0', 'File: <MAC>.cfg (per phone)', 'Works only if:', '- account.X.sip_server.Y.address is a domain name']) {
      assert.ok(out.includes(line), line);
    }
    assert.ok(!/[*`]/.test(r.stdout), 'no markdown marks');
    assert.equal(run('explain', 'account.X.sip_server.Y.failback_mode').stdout.split('\n')[0], 'account.X.sip_server.Y.failback_mode');
  });

  it('exits 1 for an unknown name with suggestions, 2 without a name', () => {
    assert.deepEqual(run('explain', 'acount.1.enable'), { code: 1, stdout: '', stderr: 'yealink-cfg: unknown parameter "acount.1.enable". Did you mean account.1.enable?\n' });
    assert.equal(run('explain').code, 2);
    assert.equal(run('explain', 'a', 'b').code, 2);
  });
});

// ---- the bundled command line --------------------------------------------------------------------



function spawnCli(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(ROOT, 'dist', 'cli.js'), ...args], { cwd: FIXTURES });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    const timer = setTimeout(() => {
      child.kill();
      reject(new Error('dist/cli.js did not exit within 20 s'));
    }, 20_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

describe('command line: the bundled dist/cli.js', () => {
  before(() => ensureBuilt('cli.js'));

  it('checks files on disk, sets the exit status and prints to the right streams', async () => {
    assert.deepEqual(await spawnCli(['check', 'clean.cfg']), { code: 0, stdout: '0 errors, 0 warnings in 1 file\n', stderr: '' });
    assert.deepEqual(await spawnCli(['check', 'bad-port.cfg']), {
      code: 1,
      stdout:
        'bad-port.cfg:3:31: error out-of-range Value 99999 of account.1.sip_server.1.port is out of range (permitted: 0 to 65535).\n' +
        '1 error, 0 warnings in 1 file\n',
      stderr: '',
    });
    assert.deepEqual(await spawnCli(['check', '--format', 'json', 'bad-port.cfg']), {
      code: 1,
      stdout:
        '{"files":[{"file":"bad-port.cfg","diagnostics":[{"range":{"start":{"line":2,"character":30},"end":{"line":2,"character":35}},' +
        '"severity":"error","code":"out-of-range","message":"Value 99999 of account.1.sip_server.1.port is out of range (permitted: 0 to 65535)."}]}]}\n',
      stderr: '',
    });
    assert.deepEqual(await spawnCli(['check', 'does-not-exist.cfg']), {
      code: 2,
      stdout: '0 errors, 0 warnings in 0 files\n',
      stderr: 'yealink-cfg: cannot read does-not-exist.cfg: ENOENT\n',
    });
    const bad = await spawnCli(['check', '--format', 'csv', 'clean.cfg']);
    assert.equal(bad.code, 2);
    assert.equal(bad.stdout, '');
    assert.ok(bad.stderr.startsWith('yealink-cfg: --format takes text, json, sarif or github\n\nUsage: yealink-cfg check'), bad.stderr);
    const folder = await spawnCli(['check', '.']);
    assert.equal(folder.code, 1);
    assert.ok(folder.stdout.endsWith('1 error, 0 warnings in 2 files\n'), folder.stdout);
  });
});
