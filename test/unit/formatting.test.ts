import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createLanguageService } from '../../server/src/languageService';
import type { EqualsStyle, Range } from '../../server/src/types';
import { editorCatalog } from './helpers/editorCatalog';
import { applyEdits } from './helpers/text';

const service = createLanguageService(editorCatalog);
const MAC = { fileName: '0015651234ab.cfg' };

function format(text: string, equals?: EqualsStyle, range?: Range, fileName = MAC.fileName): string {
  return applyEdits(text, service.format(text, { fileName }, equals ? { equals } : {}, range));
}

const MESSY = [
  '#!version:1.0.0.1',
  '  # a comment   with  blanks = kept',
  'acct.1.label=Office  Phone',
  '\tacct.1.server.1.host   =   sip.example.com   ',
  '',
  'unknown.name\t=\tvalue=with=equals',
  'acct.1.password =  ',
  '    net.mode =1',
  'not a parameter',
  'acct.1.server.1.port = 5060',
].join('\n');

describe('formatting', () => {
  it('writes " = " by default and changes nothing else, byte for byte', () => {
    assert.equal(
      format(MESSY),
      [
        '#!version:1.0.0.1',
        '  # a comment   with  blanks = kept',
        'acct.1.label = Office  Phone',
        'acct.1.server.1.host = sip.example.com   ',
        '',
        'unknown.name = value=with=equals',
        'acct.1.password =',
        'net.mode = 1',
        'not a parameter',
        'acct.1.server.1.port = 5060',
      ].join('\n'),
    );
  });

  it('writes "=" when asked', () => {
    assert.equal(
      format(MESSY, '='),
      [
        '#!version:1.0.0.1',
        '  # a comment   with  blanks = kept',
        'acct.1.label=Office  Phone',
        'acct.1.server.1.host=sip.example.com   ',
        '',
        'unknown.name=value=with=equals',
        'acct.1.password=',
        'net.mode=1',
        'not a parameter',
        'acct.1.server.1.port=5060',
      ].join('\n'),
    );
  });

  it('with "preserve" only removes the blanks before names', () => {
    assert.equal(
      format(MESSY, 'preserve'),
      [
        '#!version:1.0.0.1',
        '  # a comment   with  blanks = kept',
        'acct.1.label=Office  Phone',
        'acct.1.server.1.host   =   sip.example.com   ',
        '',
        'unknown.name\t=\tvalue=with=equals',
        'acct.1.password =  ',
        'net.mode =1',
        'not a parameter',
        'acct.1.server.1.port = 5060',
      ].join('\n'),
    );
  });

  it('is idempotent and returns no edits for a formatted file', () => {
    const once = format(MESSY);
    assert.equal(format(once), once);
    assert.deepEqual(service.format(once, MAC), []);
  });

  it('keeps the byte order mark, CRLF, a lone CR and the missing final newline', () => {
    const text = '\uFEFF  net.mode=1\r\nnet.timeout  =  30\racct.1.label=x';
    assert.equal(format(text), '\uFEFFnet.mode = 1\r\nnet.timeout = 30\racct.1.label = x');
  });

  it('returns minimal edits: one per changed line, from the line start (after a BOM) to the value', () => {
    assert.deepEqual(service.format('\uFEFF net.mode=1\nnet.timeout = 30\n', MAC), [
      { range: { start: { line: 0, character: 1 }, end: { line: 0, character: 11 } }, newText: 'net.mode = ' },
    ]);
  });

  it('formats only the lines a range touches; a range ending at column 0 excludes that line', () => {
    const text = 'a.b=1\nc.d=2\ne.f=3\n';
    const range = { start: { line: 1, character: 2 }, end: { line: 2, character: 0 } };
    assert.equal(format(text, undefined, range), 'a.b=1\nc.d = 2\ne.f=3\n');
  });

  it('leaves template statements and names holding template syntax alone, and formats the rest of a template', () => {
    const text = [
      '#!version:1.0.0.1',
      '{foreach $lines as $line}',
      'acct.{$line.id}.label   =   {$line.label}',
      '  {{ name }}=x',
      'net.mode=  {$mode}',
      '{/foreach}',
    ].join('\n');
    assert.equal(
      format(text, undefined, undefined, 'phone.tpl'),
      ['#!version:1.0.0.1', '{foreach $lines as $line}', 'acct.{$line.id}.label   =   {$line.label}', '  {{ name }}=x', 'net.mode = {$mode}', '{/foreach}'].join('\n'),
    );
  });

  it('formats legacy section lines and leaves the section headers', () => {
    const text = '[ account ]\n  path=/config/voip/sipAccount0.cfg\nEnable= 1\n[ cfg:/phone/config/user.ini,reboot=0 ]\n';
    assert.equal(format(text), '[ account ]\npath = /config/voip/sipAccount0.cfg\nEnable = 1\n[ cfg:/phone/config/user.ini,reboot=0 ]\n');
  });

  it('keeps a secret value exactly', () => {
    assert.equal(format('acct.1.password=  p =a$$ '), 'acct.1.password = p =a$$ ');
  });

  it('falls back to " = " for an unknown style', () => {
    assert.equal(format('a.b=1', 'bogus' as EqualsStyle), 'a.b = 1');
  });
});

describe('formatting binary data', () => {
  it('never edits a file holding NUL bytes, and removes no lines from it', () => {
    const text = 'a.b=1\u0000\nnet.mode  =  1\n';
    assert.deepEqual(service.format(text, MAC), []);
    assert.deepEqual(service.removeDefaults(text, MAC), []);
  });
});
