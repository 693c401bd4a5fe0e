import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createLanguageService } from '../../server/src/languageService';
import { editorCatalog } from './helpers/editorCatalog';

const service = createLanguageService(editorCatalog);
const MAC = { fileName: '0015651234ab.cfg' };

describe('folding', () => {
  it('folds comment runs and same-group runs, subgroups inside their parent', () => {
    const text = [
      '#!version:1.0.0.1', // 0
      '# Account 1', // 1
      '# the office line', // 2
      'acct.1.label = Office', // 3
      'acct.1.server.1.host = sip.example.com', // 4
      '# backup', // 5
      'acct.1.server.1.port = 5060', // 6
      'acct.1.server.2.host = backup.example.com', // 7
      'acct.2.label = Lab', // 8
      '', // 9
      '# one comment', // 10
      'net.mode = 1', // 11
      'net.timeout = 60', // 12
      '',
    ].join('\n');
    assert.deepEqual(service.folds(text, MAC), [
      { startLine: 1, endLine: 2, kind: 'comment' },
      { startLine: 3, endLine: 7 },
      { startLine: 4, endLine: 6 },
      { startLine: 11, endLine: 12 },
    ]);
  });

  it('keeps one fold per start line: the outer group', () => {
    const text = 'acct.1.server.1.host = a.example.com\nacct.1.server.1.port = 5060\nacct.1.label = x\n';
    assert.deepEqual(service.folds(text, MAC), [{ startLine: 0, endLine: 2 }]);
  });

  it('folds legacy sections up to their last non-blank line, with CRLF', () => {
    const text = '[ account ]\r\npath = /config/voip/sipAccount0.cfg\r\n; note\r\n\r\n[ network ]\r\nDHCP = 1\r\n\r\n';
    assert.deepEqual(service.folds(text, MAC), [
      { startLine: 0, endLine: 2, kind: 'region' },
      { startLine: 4, endLine: 5, kind: 'region' },
    ]);
  });

  it('folds a group whose index is a template expression, and nothing for template statements', () => {
    const text = '#!version:1.0.0.1\n{foreach $l}\nacct.{$l}.label = {$l}\nacct.{$l}.password = {$p}\n{/foreach}\nnet.mode = 1\n';
    assert.deepEqual(service.folds(text, { fileName: 'phone.tpl' }), [{ startLine: 2, endLine: 3 }]);
  });
});
