// Firmware generations: names older firmware used (renamed-parameter and its fix), the firmware setting,
// and value ranges that follow the target firmware.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { firmwareUntil, parseFirmware, typeForFirmware } from '../../server/src/catalog/firmware';
import { CHECK_USAGE } from '../../server/src/cli/check';
import { memoryIO } from '../../server/src/cli/io';
import { runCli } from '../../server/src/cli/main';
import { fixtureEntries } from './helpers/catalog';
import { assertOutOfRange, assertRenamedParameter, codes, file, MAC_FILE, only, service, validate } from './helpers/diagnostics';
import { applyEdits, range } from './helpers/text';

describe('firmware: the setting', () => {
  it('reads a generation from V73, 73, v84, V8x and a full version', () => {
    assert.equal(parseFirmware('V73'), 73);
    assert.equal(parseFirmware(' 73 '), 73);
    assert.equal(parseFirmware('v84'), 84);
    assert.equal(parseFirmware('V8x'), 89);
    assert.equal(parseFirmware('66.86.0.15'), 86);
    assert.equal(parseFirmware('25.81.0.10'), 81);
  });

  it('reads nothing from empty or unclear text, so a bad setting changes nothing', () => {
    for (const t of [undefined, '', 'latest', 'V', '7', '1.2', 'V73.1']) assert.equal(parseFirmware(t), undefined, String(t));
  });

  it('reads the newest generation a firmware type holds for from its label or its until', () => {
    assert.equal(firmwareUntil({ firmware: 'V73 and older', type: { kind: 'string' } }), 73);
    assert.equal(firmwareUntil({ firmware: 'V7x', type: { kind: 'string' } }), 79);
    assert.equal(firmwareUntil({ firmware: 'older templates', type: { kind: 'string' } }), undefined);
    assert.equal(firmwareUntil({ firmware: 'older templates', until: 72, type: { kind: 'string' } }), 72);
  });

  it('picks the oldest firmware type that covers the target, else the current type', () => {
    const e = fixtureEntries.find((x) => x.name === 'features.ring_delay')!;
    assert.deepEqual(typeForFirmware(e, 70), { kind: 'integer', ranges: [[0, 30]] });
    assert.deepEqual(typeForFirmware(e, 73), { kind: 'integer', ranges: [[0, 30]] });
    assert.deepEqual(typeForFirmware(e, 80), { kind: 'integer', ranges: [[0, 45]] });
    assert.deepEqual(typeForFirmware(e, 90), e.type);
    assert.deepEqual(typeForFirmware(e, undefined), e.type);
  });
});

describe('firmware: renamed-parameter', () => {
  const MESSAGE = 'call_park.enable is the name older firmware used; firmware V80 and newer call it features.call_park.enable.';

  it('reports an old name as information naming the firmware and the current name', () => {
    const d = only(validate(file('call_park.enable = 1')));
    assertRenamedParameter(d, MESSAGE, range(1, 0, 16));
    assert.deepEqual(d.data, { renamed: { current: 'features.call_park.enable', firmware: 'V80' } });
  });

  it('still checks the value against the current entry', () => {
    assert.deepEqual(codes(validate(file('call_park.enable = 7'))), ['renamed-parameter', 'invalid-enum']);
  });

  it('the quick fix renames the name and changes nothing else', () => {
    const text = file('call_park.enable = 1  ');
    const d = only(validate(text));
    const fixes = service.quickFixes(text, [d], { fileName: MAC_FILE });
    assert.equal(fixes[0].title, 'Rename to features.call_park.enable');
    assert.equal(fixes[0].isPreferred, true);
    assert.equal(applyEdits(text, fixes[0].edits), file('features.call_park.enable = 1  '));
  });

  it("writes the current name with the line's indices; a placeholder the old name lacked takes its lowest value", () => {
    const d = only(validate(file('account.3.failback_mode = 1')));
    assert.equal(d.data?.renamed?.current, 'account.3.sip_server.1.failback_mode');
    assert.equal(d.message, 'account.3.failback_mode is the name older firmware used; firmware V81 and newer call it account.3.sip_server.1.failback_mode.');
  });

  it('is silent when the target firmware is older than the rename, and reported from the rename on', () => {
    assert.deepEqual(validate(file('call_park.enable = 1'), MAC_FILE, { firmware: 'V73' }), []);
    assert.deepEqual(validate(file('call_park.enable = 1'), MAC_FILE, { firmware: '66.79.0.5' }), []);
    assert.deepEqual(codes(validate(file('call_park.enable = 1'), MAC_FILE, { firmware: 'V80' })), ['renamed-parameter']);
    assert.deepEqual(codes(validate(file('call_park.enable = 1'), MAC_FILE, { firmware: 'nonsense' })), ['renamed-parameter']);
  });

  it('hover on an old name says which firmware renamed it', () => {
    const h = service.hover(file('call_park.enable = 1'), { line: 1, character: 3 }, { fileName: MAC_FILE });
    assert.ok(h?.contents.includes('Firmware before V80 used this name; V80 and newer call it `features.call_park.enable`.'), h?.contents);
  });

  it('is never suggested for an unknown name, and the current name is', () => {
    const d = only(validate(file('call_park.enabel = 1')));
    assert.equal(d.code, 'unknown-parameter');
    assert.ok(!d.data?.suggestions?.includes('call_park.enable'));
  });
});

describe('firmware: ranges that follow the target firmware', () => {
  // features.ring_delay: 0 to 20 now, 0 to 30 on V73 and older, 0 to 45 on V8x, 0 to 99 in older templates.
  const out = (v: string, r: string) => `Value ${v} of features.ring_delay is out of range (permitted: ${r}).`;

  it('without a target, a value only older firmware permits is a warning that names that firmware', () => {
    const d = only(validate(file('features.ring_delay = 25')));
    assertOutOfRange(d, `${out('25', '0 to 20')} Older firmware permits it (V73 and older).`, range(1, 22, 24), 2);
  });

  it('with V73, the V73 range applies: 25 is fine, 40 is an error with the V73 bound as its fix', () => {
    assert.deepEqual(validate(file('features.ring_delay = 25'), MAC_FILE, { firmware: 'V73' }), []);
    const d = only(validate(file('features.ring_delay = 40'), MAC_FILE, { firmware: 'V73' }));
    assertOutOfRange(d, `${out('40', '0 to 30')} Older firmware permits it (older templates).`, range(1, 22, 24), 2);
    assert.deepEqual(d.data?.replacements?.[0], { value: '30', why: 'the nearest permitted value' });
  });

  it('with V84, the V8x range applies; with V90 the current one, and the known older ranges no longer soften', () => {
    assert.deepEqual(validate(file('features.ring_delay = 40'), MAC_FILE, { firmware: 'V84' }), []);
    assertOutOfRange(only(validate(file('features.ring_delay = 25'), MAC_FILE, { firmware: 'V90' })), out('25', '0 to 20') + ' Older firmware permits it (older templates).', range(1, 22, 24), 2);
    assertOutOfRange(only(validate(file('features.ring_delay = 120'), MAC_FILE, { firmware: 'V90' })), out('120', '0 to 20'), range(1, 22, 25));
  });
});

describe('firmware: the command line', () => {
  const files = { 'old.cfg': '#!version:1.0.0.1\ncall_park.enable = 1\n' };
  const run = (...argv: string[]) => runCli(argv, memoryIO(files));

  it('reports a renamed name as information by default', () => {
    const r = run('check', 'old.cfg');
    assert.equal(r.code, 0);
    assert.match(r.stdout, /^old\.cfg:2:1: information renamed-parameter call_park\.enable is the name older firmware used; firmware V80 and newer call it features\.call_park\.enable\.$/m);
  });

  it('--firmware V73 silences it', () => {
    assert.deepEqual(run('check', '--firmware', 'V73', 'old.cfg'), { code: 0, stdout: '0 errors, 0 warnings in 1 file\n', stderr: '' });
  });

  it('refuses a firmware it cannot read', () => {
    const msg = '--firmware takes a version such as V73, 84 or 66.86.0.15, got "latest"';
    assert.deepEqual(run('check', '--firmware', 'latest', 'old.cfg'), { code: 2, stdout: '', stderr: `yealink-cfg: ${msg}\n\n${CHECK_USAGE}\n` });
  });
});
