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
