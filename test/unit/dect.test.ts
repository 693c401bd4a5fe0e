// The DECT range: the bases' own parameters (SIP server templates of the multi-cell systems) and the
// handset and account limits per base in the model table, checked with the shipped catalogue.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { catalogData } from '../../server/src/catalog/catalogData';
import { createLanguageService } from '../../server/src/languageService';
import { codes, file, validate } from './helpers/diagnostics';

const real = createLanguageService(catalogData);
const check = (fileName: string, ...lines: string[]) => codes(validate(file(...lines), fileName, undefined, real));

describe('DECT bases', () => {
  it('knows the SIP server templates and the account that uses one', () => {
    assert.deepEqual(
      check('y000000000175.cfg', 'template.3.name = Main', 'template.3.sip_server.2.address = sip.example.com', 'template.3.sip_server.2.transport_type = 2', 'account.40.sip_server.template = 3'),
      [],
    );
  });

  it('checks template values and numbers', () => {
    assert.deepEqual(check('y000000000175.cfg', 'template.11.name = x'), ['index-out-of-range']);
    assert.deepEqual(check('y000000000175.cfg', 'template.1.sip_server.1.transport_type = 5'), ['invalid-enum']);
    assert.deepEqual(check('y000000000175.cfg', 'account.1.sip_server.template = 11'), ['out-of-range']);
  });

  it('a W80 takes 100 accounts and handsets; a W52P five; a W70B ten', () => {
    assert.deepEqual(check('y000000000175.cfg', 'account.100.enable = 1', 'handset.100.name = Desk'), []);
    assert.deepEqual(check('y000000000175.cfg', 'account.101.enable = 1'), ['index-out-of-range']);
    assert.deepEqual(check('y000000000025.cfg', 'handset.5.name = a', 'account.5.enable = 1'), []);
    assert.deepEqual(check('y000000000025.cfg', 'handset.6.name = a'), ['index-out-of-range']);
    assert.deepEqual(check('y000000000146.cfg', 'handset.10.name = a', 'account.11.enable = 1'), ['index-out-of-range']);
  });

  it('names the base in the index message', () => {
    const d = validate(file('handset.6.name = a'), 'y000000000025.cfg', undefined, real)[0];
    assert.equal(d.message, 'Index 6 is out of range in handset.6.name: handset takes 1 to 5 on the W52P/W56P.');
  });

  it('a model setting selects the base for a MAC file', () => {
    assert.deepEqual(codes(validate(file('account.60.enable = 1'), '001565aabbcc.cfg', { model: 'W80' }, real)), []);
    assert.deepEqual(codes(validate(file('account.60.enable = 1'), '001565aabbcc.cfg', { model: 'W52P' }, real)), ['index-out-of-range']);
  });
});
