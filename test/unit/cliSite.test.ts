import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { memoryIO } from '../../server/src/cli/io';
import { runCli } from '../../server/src/cli/main';

const H = '#!version:1.0.0.1';
const MAC = '001565a1b2c3';
const SITE: Record<string, string> = {
  'site/y000000000000.boot': [H, 'include:config "y000000000096.cfg"', 'include:config "$mac.cfg"', ''].join('\n'),
  'site/y000000000096.cfg': [
    H,
    'account.1.sip_server.1.address = pbx.example.com',
    'account.1.sip_server.1.failback_mode = 3',
    'account.1.sip_server.1.register_on_enable = 1',
    '',
  ].join('\n'),
  [`site/${MAC}.cfg`]: [H, 'account.1.sip_server.1.failback_timeout = 120', 'account.1.sip_server.1.only_signal_with_registered = 1', ''].join('\n'),
  'site/001565ffffff.cfg': [H, 'account.1.sip_server.1.failback_mode = 3', 'account.1.label = Desk', ''].join('\n'),
  'empty/readme.txt': 'nothing here\n',
};
const run = (...argv: string[]) => runCli(argv, memoryIO(SITE));

describe('command line: a folder is one site', () => {
  it('check FOLDER checks each file with the files its phone reads before it', () => {
    assert.deepEqual(run('check', 'site'), {
      code: 0,
      stdout:
        'site/001565ffffff.cfg:2:1: hint redundant-override account.1.sip_server.1.failback_mode = 3 is already given by y000000000096.cfg, line 3; this line changes nothing.\n' +
        '0 errors, 0 warnings, 1 hint in 4 files\n',
      stderr: '',
    });
  });

  it('check FILE reads the folder for context and reports only the named file', () => {
    assert.deepEqual(run('check', `site/${MAC}.cfg`), { code: 0, stdout: '0 errors, 0 warnings in 1 file\n', stderr: '' });
  });

  it('--isolated checks files alone, as a phone never reads them', () => {
    const r = run('check', '--isolated', `site/${MAC}.cfg`);
    assert.equal(r.code, 0);
    assert.equal(
      r.stdout,
      `site/${MAC}.cfg:2:1: warning dependency account.1.sip_server.1.failback_timeout has no effect: it works only if account.1.sip_server.1.failback_mode is 3, but it is 0 (the default).\n` +
        `site/${MAC}.cfg:3:1: warning dependency account.1.sip_server.1.only_signal_with_registered has no effect: it works only if account.1.sip_server.1.register_on_enable is 1, but it is 0 (the default).\n` +
        '0 errors, 2 warnings in 1 file\n',
    );
  });

  it('reports a missing include target in the boot file', () => {
    const files = { ...SITE, 'site/y000000000000.boot': [H, 'include:config "y000000000069.cfg"', ''].join('\n') };
    const r = runCli(['check', 'site/y000000000000.boot'], memoryIO(files));
    assert.equal(
      r.stdout,
      'site/y000000000000.boot:2:17: warning missing-include "y000000000069.cfg" is not in this folder, so the phone cannot load it. Did you mean "y000000000096.cfg"?\n' +
        '0 errors, 1 warning in 1 file\n',
    );
  });

  it('says so when a folder holds no provisioning file (exit 2)', () => {
    assert.deepEqual(run('check', 'empty'), {
      code: 2,
      stdout: '0 errors, 0 warnings in 0 files\n',
      stderr: 'yealink-cfg: empty holds no provisioning file (.boot, y0000000000xx.cfg, <MAC>.cfg)\n',
    });
  });
});

describe('command line: effective', () => {
  it('prints name = value  # file:line for every parameter of the phone', () => {
    assert.deepEqual(run('effective', '--mac', MAC, 'site'), {
      code: 0,
      stdout: [
        'account.1.sip_server.1.address = pbx.example.com  # y000000000096.cfg:2',
        'account.1.sip_server.1.failback_mode = 3  # y000000000096.cfg:3',
        `account.1.sip_server.1.failback_timeout = 120  # ${MAC}.cfg:2`,
        `account.1.sip_server.1.only_signal_with_registered = 1  # ${MAC}.cfg:3`,
        'account.1.sip_server.1.register_on_enable = 1  # y000000000096.cfg:4',
        '',
      ].join('\n'),
      stderr: '',
    });
  });

  it('prints JSON with the phone and the parameters', () => {
    const r = run('effective', '--format', 'json', '--mac', '00:15:65:FF:FF:FF', 'site/');
    assert.equal(r.code, 0);
    assert.deepEqual(JSON.parse(r.stdout), {
      phone: { mac: '001565ffffff', model: 'T54W', files: ['y000000000000.boot', 'y000000000096.cfg', '001565ffffff.cfg'] },
      parameters: [
        { name: 'account.1.label', value: 'Desk', file: '001565ffffff.cfg', line: 3 },
        { name: 'account.1.sip_server.1.address', value: 'pbx.example.com', file: 'y000000000096.cfg', line: 2 },
        { name: 'account.1.sip_server.1.failback_mode', value: '3', file: '001565ffffff.cfg', line: 2 },
        { name: 'account.1.sip_server.1.register_on_enable', value: '1', file: 'y000000000096.cfg', line: 4 },
      ],
    });
  });

  it('adds the defaults of the rest only when asked, marked as defaults', () => {
    const plain = run('effective', '--mac', MAC, 'site').stdout.split('\n').filter(Boolean);
    const all = run('effective', '--defaults', '--mac', MAC, 'site').stdout.split('\n').filter(Boolean);
    assert.ok(all.length > plain.length + 10);
    assert.ok(all.includes('account.1.sip_server.1.port = 5060  # default'));
    assert.ok(all.includes('account.1.sip_server.2.port = 5060  # default'));
    assert.ok(!all.some((l) => l.startsWith('account.2.')), 'only the accounts the files use');
    for (const l of plain) assert.ok(all.includes(l));
  });

  it('rejects a bad MAC, a missing folder, and a folder without files for the phone', () => {
    assert.equal(run('effective', '--mac', 'xyz', 'site').code, 2);
    assert.match(run('effective', '--mac', 'xyz', 'site').stderr, /^yealink-cfg: --mac takes 12 hexadecimal digits, got "xyz"\n/);
    assert.match(run('effective', 'site').stderr, /^yealink-cfg: --mac MAC is required\n/);
    assert.deepEqual(run('effective', '--mac', MAC, 'nowhere'), { code: 2, stdout: '', stderr: 'yealink-cfg: cannot read the folder nowhere\n' });
    assert.deepEqual(run('effective', '--mac', MAC, 'empty'), {
      code: 2,
      stdout: '',
      stderr: 'yealink-cfg: empty holds no provisioning file (.boot, y0000000000xx.cfg, <MAC>.cfg)\n',
    });
  });
});
