import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createLanguageService } from '../../server/src/languageService';
import { RENAME_ONLY_INDICES } from '../../server/src/services/rename';
import { editorCatalog } from './helpers/editorCatalog';
import { applyEdits, range } from './helpers/text';

const service = createLanguageService(editorCatalog);
const MAC = { fileName: '0015651234ab.cfg' };
const at = (line: number, character: number) => ({ line, character });

const TEXT = [
  '#!version:1.0.0.1', // 0
  'acct.2.label = Two', // 1
  'acct.2.server.1.host = sip.example.com', // 2
  '# acct.2.label stays in comments', // 3
  'acct.2.server.2.host = backup.example.com', // 4
  'acct.1.label = One', // 5
  'acct.22.label = x', // 6
  'acct.2.custom = kept as unknown but renamed', // 7
  'net.mode = 2', // 8
  '',
].join('\r\n');

describe('rename an index', () => {
  it('prepareRename gives the index range and its text', () => {
    assert.deepEqual(service.prepareRename(TEXT, at(1, 5), MAC), { range: range(1, 5, 6), placeholder: '2' });
    assert.deepEqual(service.prepareRename(TEXT, at(2, 14), MAC), { range: range(2, 14, 15), placeholder: '1' });
  });

  it('refuses anything that is not a numeric index of a known name', () => {
    for (const pos of [at(1, 2), at(1, 16), at(3, 6), at(8, 1), at(0, 3), at(7, 5)]) {
      assert.deepEqual(service.prepareRename(TEXT, pos, MAC), { error: RENAME_ONLY_INDICES }, JSON.stringify(pos));
    }
    const codec = 'acct.1.codec.pcmu.enable = 1\n';
    assert.deepEqual(service.prepareRename(codec, at(0, 14), MAC), { error: RENAME_ONLY_INDICES });
  });

  it('renumbers every line with that index at that position, subgroups included, and nothing else', () => {
    const result = service.rename(TEXT, at(1, 5), '3', MAC);
    assert.ok('edits' in result);
    assert.deepEqual(result.edits, [
      { range: range(1, 5, 6), newText: '3' },
      { range: range(2, 5, 6), newText: '3' },
      { range: range(4, 5, 6), newText: '3' },
      { range: range(7, 5, 6), newText: '3' },
    ]);
    assert.equal(
      applyEdits(TEXT, result.edits),
      TEXT.replace('acct.2.label = Two', 'acct.3.label = Two')
        .replace('acct.2.server.1', 'acct.3.server.1')
        .replace('acct.2.server.2', 'acct.3.server.2')
        .replace('acct.2.custom', 'acct.3.custom'),
    );
  });

  it('renames a nested index only under its parent', () => {
    const result = service.rename(TEXT, at(2, 14), '2', MAC);
    assert.deepEqual(result, { error: 'acct.2.server.2 is already used in this file (line 5: acct.2.server.2.host).' });
    const text = 'acct.1.server.1.host = a.example.com\nacct.1.server.1.port = 5060\nacct.2.server.1.host = b.example.com\n';
    assert.deepEqual(service.rename(text, at(1, 14), '2', MAC), {
      edits: [
        { range: range(0, 14, 15), newText: '2' },
        { range: range(1, 14, 15), newText: '2' },
      ],
    });
  });

  it('refuses an index already used in the file', () => {
    assert.deepEqual(service.rename(TEXT, at(1, 5), '1', MAC), { error: 'acct.1 is already used in this file (line 6: acct.1.label).' });
  });

  it('refuses an index out of range, for the model when the file says which', () => {
    assert.deepEqual(service.rename(TEXT, at(1, 5), '5', MAC), { error: 'acct.5 is out of range: the index of acct is 1 to 4.' });
    assert.deepEqual(service.rename(TEXT, at(1, 5), '0', MAC), { error: 'acct.0 is out of range: the index of acct is 1 to 4.' });
    assert.deepEqual(service.rename(TEXT, at(1, 5), '3', { fileName: 'y000000000001.cfg' }), {
      error: 'acct.3 is out of range: the index of acct is 1 to 2 on Alpha 1.',
    });
    assert.deepEqual(service.rename(TEXT, at(2, 14), '3', MAC), { error: 'acct.2.server.3 is out of range: the index of acct.2.server is 1 to 2.' });
  });

  it('refuses a new name that is not a whole number, and does nothing for the same index', () => {
    assert.deepEqual(service.rename(TEXT, at(1, 5), 'x', MAC), { error: 'The new index must be a whole number, not "x".' });
    assert.deepEqual(service.rename(TEXT, at(1, 5), '03', MAC), { error: 'The new index must be a whole number, not "03".' });
    assert.deepEqual(service.rename(TEXT, at(1, 5), '2', MAC), { edits: [] });
  });

  it('counts positions after a byte order mark', () => {
    const text = '\uFEFFacct.1.label = x\nacct.1.password = s\n';
    assert.deepEqual(service.prepareRename(text, at(0, 6), MAC), { range: range(0, 6, 7), placeholder: '1' });
    assert.deepEqual(service.rename(text, at(0, 6), '2', MAC), {
      edits: [
        { range: range(0, 6, 7), newText: '2' },
        { range: range(1, 5, 6), newText: '2' },
      ],
    });
  });
});
