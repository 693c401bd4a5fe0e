import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createLanguageService } from '../../server/src/languageService';
import { applyEdits as applyCore } from '../../server/src/edits';
import { editorCatalog } from './helpers/editorCatalog';
import { applyEdits, range } from './helpers/text';

const service = createLanguageService(editorCatalog);
const MAC = { fileName: '0015651234ab.cfg' };

describe('remove lines that only restate the default', () => {
  it('deletes default lines, keeps comments, unknown names, other values and names set differently elsewhere', () => {
    const text = [
      '#!version:1.0.0.1',
      '# ports',
      'acct.1.server.1.port = 5060',
      'acct.1.server.1.port = 5060',
      'acct.1.server.2.port = 5070',
      'acct.1.server.2.port = 5060',
      'unknown.thing = 1',
      'net.mode = 1',
      'acct.1.password =',
      'net.timeout = {$timeout}',
      'acct.1.proxy.1.mode = -1',
      '',
    ].join('\r\n');
    const edits = service.removeDefaults(text, MAC);
    assert.deepEqual(edits, [
      { range: range(2, 0, 0, 4), newText: '' },
      { range: range(7, 0, 0, 9), newText: '' },
      { range: range(10, 0, 0, 11), newText: '' },
    ]);
    assert.equal(
      applyEdits(text, edits),
      ['#!version:1.0.0.1', '# ports', 'acct.1.server.2.port = 5070', 'acct.1.server.2.port = 5060', 'unknown.thing = 1', 'net.timeout = {$timeout}', ''].join('\r\n'),
    );
  });

  it('removes the last line without a final newline together with the break before it, and keeps a BOM', () => {
    const text = '\uFEFFnet.mode = 1\nnet.timeout = 30\nnet.mode = 1';
    assert.equal(applyEdits(text, service.removeDefaults(text, MAC)), '\uFEFFnet.timeout = 30');
    const all = '\uFEFFnet.mode = 1\nacct.1.server.1.port = 5060';
    assert.equal(applyEdits(all, service.removeDefaults(all, MAC)), '\uFEFF');
    const tail = 'net.timeout = 30\nnet.mode = 1';
    assert.equal(applyEdits(tail, service.removeDefaults(tail, MAC)), 'net.timeout = 30');
  });

  it('does nothing to a file without default lines', () => {
    assert.deepEqual(service.removeDefaults('#!version:1.0.0.1\nnet.mode = 2\n', MAC), []);
  });
});

describe('fix all', () => {
  it('applies only single, preferred fixes: header, one clear name, overridden lines', () => {
    const text = [
      'net.mod = 1', // unknown with one suggestion; no header
      'acct.1.label = a', // overridden
      'acct.1.label = b',
      'net.timeout = 5', // out of range: two candidates, left alone
      'acct.1.server.1.wait = 3', // dependency: changes another setting, left alone
      'acct.1.server.1.mode = 2',
      '',
    ].join('\n');
    assert.equal(
      applyCore(text, service.fixAll(text, MAC)),
      ['#!version:1.0.0.1', 'net.mode = 1', 'acct.1.label = b', 'net.timeout = 5', 'acct.1.server.1.wait = 3', 'acct.1.server.1.mode = 2', ''].join('\n'),
    );
  });

  it('keeps CRLF and the BOM when it inserts the header', () => {
    const text = '\uFEFFnet.mode = 1\r\n';
    assert.equal(applyCore(text, service.fixAll(text, MAC)), '\uFEFF#!version:1.0.0.1\r\nnet.mode = 1\r\n');
  });

  it('respects disable comments: a silenced problem is not fixed', () => {
    const text = '#!version:1.0.0.1\n# yealink-cfg-disable-next-line unknown-parameter\nnet.mod = 1\n';
    assert.deepEqual(service.fixAll(text, MAC), []);
  });

  it('changes nothing in a clean file', () => {
    assert.deepEqual(service.fixAll('#!version:1.0.0.1\nnet.mode = 2\n', MAC), []);
  });
});
