import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createLanguageService } from '../../server/src/languageService';
import { shortMeaning } from '../../server/src/catalog/valueTypes';
import { editorCatalog } from './helpers/editorCatalog';

const service = createLanguageService(editorCatalog);
const MAC = { fileName: '0015651234ab.cfg' };

const at = (line: number, character: number) => ({ line, character });

const TEXT = [
  '#!version:1.0.0.1', // 0
  'acct.1.server.1.mode = 1', // 1
  'acct.1.proxy.1.mode = -1', // 2
  'acct.1.proxy.2.mode = -1', // 3
  'acct.1.proxy.1.port = -1', // 4
  'acct.1.server.1.port = 5070', // 5
  'acct.1.label = 1', // 6
  '# net.mode = 1', // 7
  'net.timeout = 30', // 8
  'tones.list = a,b', // 9
  'net.mode = 7', // 10
  'acct.1.codec.g722.enable = 1   ', // 11
  '',
].join('\n');

describe('inlay hints', () => {
  it('shows enumeration meanings and what -1 inherits, from where, at the end of each value', () => {
    assert.deepEqual(service.inlayHints(TEXT, MAC), [
      { position: at(1, 24), label: 'Sometimes', kind: 'enumMeaning' },
      { position: at(2, 24), label: '→ 1 (acct.1.server.1.mode)', kind: 'inheritedValue', tooltip: '-1 takes the value of acct.1.server.1.mode: 1 (line 2)' },
      {
        position: at(3, 24),
        label: '→ 2 (acct.1.server.2.mode, default)',
        kind: 'inheritedValue',
        tooltip: '-1 takes the value of acct.1.server.2.mode: 2 (the default)',
      },
      { position: at(4, 24), label: '→ 5070 (acct.1.server.1.port)', kind: 'inheritedValue', tooltip: '-1 takes the value of acct.1.server.1.port: 5070 (line 6)' },
      { position: at(9, 16), label: 'Alpha tone, Beta tone', kind: 'enumMeaning' },
      { position: at(11, 28), label: 'Enabled', kind: 'enumMeaning' },
    ]);
  });

  it('turns each kind off by its setting', () => {
    assert.deepEqual(
      service.inlayHints(TEXT, MAC, undefined, { enumMeanings: false }).map((h) => h.kind),
      ['inheritedValue', 'inheritedValue', 'inheritedValue'],
    );
    assert.deepEqual(
      service.inlayHints(TEXT, MAC, undefined, { inheritedValues: false }).map((h) => h.label),
      ['Sometimes', 'Alpha tone, Beta tone', 'Enabled'],
    );
  });

  it('answers only for the lines of the range asked', () => {
    const range = { start: at(2, 0), end: at(3, 0) };
    assert.deepEqual(service.inlayHints(TEXT, MAC, range).map((h) => h.position.line), [2, 3]);
  });

  it('counts positions after a byte order mark and ignores CRLF', () => {
    assert.deepEqual(service.inlayHints('\uFEFFnet.mode = 2\r\nacct.1.proxy.1.mode=-1\r\n', MAC), [
      { position: at(0, 13), label: 'Automatic', kind: 'enumMeaning' },
      {
        position: at(1, 22),
        label: '→ 2 (acct.1.server.1.mode, default)',
        kind: 'inheritedValue',
        tooltip: '-1 takes the value of acct.1.server.1.mode: 2 (the default)',
      },
    ]);
  });

  it('says nothing for template values, template statements or secrets', () => {
    const text = '#!version:1.0.0.1\n{if $x}\nnet.mode = {$mode}\n{/if}\nacct.1.password = 1\n';
    assert.deepEqual(service.inlayHints(text, { fileName: 'phone.tpl' }), []);
  });

  it('follows the last line that sets the inherited parameter', () => {
    const text = 'acct.1.server.1.mode = 0\nacct.1.proxy.1.mode = -1\nacct.1.server.1.mode = 2\n';
    assert.deepEqual(service.inlayHints(text, MAC)[1], {
      position: at(1, 24),
      label: '→ 2 (acct.1.server.1.mode)',
      kind: 'inheritedValue',
      tooltip: '-1 takes the value of acct.1.server.1.mode: 2 (line 3)',
    });
  });
});

describe('short meanings', () => {
  it('keeps the head of a long meaning', () => {
    assert.equal(shortMeaning('duration: keep using the last registered server; retry the primary after the failback timeout'), 'duration');
    assert.equal(shortMeaning('Open Door (door phone integration)'), 'Open Door');
    assert.equal(shortMeaning('Enabled'), 'Enabled');
    assert.equal(shortMeaning('DND stays on after the call until the user turns it off'), 'DND stays on after the call until the user…');
    assert.equal(shortMeaning('Use the DNS cache without additional records'), 'Use the DNS cache without additional records');
  });
});
