// Hover and completion on a line whose "name" is a megabyte of unclosed template openers must answer
// at once (the name is too long to be a parameter), not scan the line once per character.
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { MAX_NAME_LENGTH } from '../../server/src/catalog/catalog';
import { catalogData } from '../../server/src/catalog/catalogData';
import { createLanguageService } from '../../server/src/languageService';

describe('pathological names', () => {
  const service = createLanguageService(catalogData);
  const name = '{$'.repeat(500000);
  const text = `#!version:1.0.0.1\n${name} = 1\n`;
  const ctx = { fileName: 'y000000000096.cfg' };

  it('hover answers nothing, and completion offers no names, for a 1 MB name of template openers', () => {
    const t0 = Date.now();
    assert.equal(service.hover(text, { line: 1, character: 5 }, ctx), undefined);
    assert.deepEqual(service.complete(text, { line: 1, character: 5 }, ctx), []);
    assert.deepEqual(service.complete(text, { line: 1, character: name.length + 3 }, ctx), []);
    assert.ok(Date.now() - t0 < 10000, 'hang guard');
  });

  it('lookup refuses names longer than the limit and still finds real names', () => {
    assert.equal(service.catalog.lookup(`account.1.${'a'.repeat(MAX_NAME_LENGTH)}`), undefined);
    assert.equal(service.catalog.lookup('account.1.sip_server.2.failback_mode')?.entry.name, 'account.X.sip_server.Y.failback_mode');
  });
});

describe('conditions decided by a faulty line', () => {
  const service = createLanguageService(catalogData);
  it('say nothing when the deciding value is itself reported (failback_mode = 7)', () => {
    const text = '#!version:1.0.0.1\naccount.1.sip_server.1.address = sip.example.com\naccount.1.sip_server.1.failback_mode = 7\naccount.1.sip_server.1.failback_timeout = 120\n';
    const codes = service.validate(text, { fileName: '0015651234ab.cfg' }).map((d) => `${d.range.start.line}:${d.code}`);
    assert.deepEqual(codes, ['2:invalid-enum']);
  });
  it('still warn when the deciding value is valid but unmet (failback_mode = 2)', () => {
    const text = '#!version:1.0.0.1\naccount.1.sip_server.1.address = sip.example.com\naccount.1.sip_server.1.failback_mode = 2\naccount.1.sip_server.1.failback_timeout = 120\n';
    const d = service.validate(text, { fileName: '0015651234ab.cfg' });
    assert.deepEqual(d.map((x) => [x.code, x.message]), [
      ['dependency', 'account.1.sip_server.1.failback_timeout has no effect: it works only if account.1.sip_server.1.failback_mode is 3, but it is 2 (line 3).'],
    ]);
  });
});

describe('values only an older firmware permits', () => {
  const service = createLanguageService(catalogData);
  it('are warnings that name the firmware, not errors', () => {
    const text = '#!version:1.0.0.1\nnetwork.vlan.internet_port_vid = 0\nnetwork.vlan.internet_port_vid = 5000\n';
    const d = service.validate(text, { fileName: 'y000000000028.cfg', settings: { severity: { 'duplicate-parameter': 'off' } } });
    assert.deepEqual(
      d.map((x) => [x.range.start.line, x.code, x.severity, x.message]),
      [
        [1, 'out-of-range', 2, 'Value 0 of network.vlan.internet_port_vid is out of range (permitted: 1 to 4094). Older firmware permits it (V7x).'],
        [2, 'out-of-range', 1, 'Value 5000 of network.vlan.internet_port_vid is out of range (permitted: 1 to 4094).'],
      ],
    );
  });
});
