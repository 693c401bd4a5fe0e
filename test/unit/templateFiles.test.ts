// PBX template files: where their header may stand, child templates, names a template computes whole,
// and the literal index placeholders vendor templates write (x, *, %d).

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parse } from '../../server/src/parser';
import { assertMissingHeader, codes, file, HEADER, only, validate } from './helpers/diagnostics';
import { range } from './helpers/text';

const notHeader = (first: string) => `The first line must be the header "${HEADER}", not "${first}".`;

describe('template files: the header', () => {
  it('accepts template statements before the header on line 1', () => {
    const text = `{% import 'macros.twig' as m %}${HEADER}\naccount.1.enable = 1\n`;
    assert.deepEqual(validate(text, 'y000000000068.tmpl'), []);
    assert.deepEqual(validate(`{%- import 'a' as b -%} {# note #}${HEADER}\naccount.1.enable = 1\n`, 'a.tpl'), []);
  });

  it('accepts a child template that only extends a base', () => {
    assert.deepEqual(validate(`{% extends 'base-dect.tpl' -%}\n\n{% block extra %}\n{% endblock %}\n`, 'W90B.tpl'), []);
    assert.deepEqual(validate(`{%- extends "base.tpl" %}\n`, 'child.j2'), []);
  });

  it('still reports a template whose first parameter comes before any header or extends', () => {
    const text = `{% set a = 1 %}\naccount.1.enable = 1\n{% extends 'base.tpl' %}\n`;
    assertMissingHeader(only(validate(text, 'a.tpl')), notHeader('{% set a = 1 %}'), range(0, 0, 15));
  });

  it('does not accept the header after an unclosed statement', () => {
    assert.equal(codes(validate(`{% import 'a' ${HEADER}\naccount.1.enable = 1\n`, 'a.tpl'))[0], 'missing-header');
  });

  it('reads a long run of unclosed statements before the first parameter without stalling', () => {
    const text = `${'{%'.repeat(50_000)}\n${'{#{{'.repeat(20_000)}\naccount.1.enable = 1\n`;
    const started = Date.now();
    assert.equal(codes(validate(text, 'a.tpl'))[0], 'missing-header');
    assert.ok(Date.now() - started < 5000);
  });
});

describe('template files: names computed by the template', () => {
  it('parses a name that starts or ends with an expression as a template line', () => {
    for (const line of ['${s.ProfileName} = $!{s.Value}', '${array.name}.$math.add(${i},1).${n} = x', 'account.${id}.${setting.ProfileName} = %NULL%', '{{ key }} = 1']) {
      assert.equal(parse(`#set($a = 1)\n${line}\n`, 'a.vm').lines[1].kind, 'template', line);
    }
  });

  it('keeps names with an expression inside, and every name of a plain file, as parameters', () => {
    assert.equal(parse('account.{$line}.label = x', 'a.tpl').lines[0].kind, 'parameter');
    assert.equal(parse('${a} = 1', 'a.cfg').lines[0].kind, 'parameter');
  });

  it('reports nothing for computed names', () => {
    assert.deepEqual(validate(`${HEADER}\naccount.\${n}.\${setting} = 1\n`, 'a.vm'), []);
  });
});

describe('template files: literal index placeholders', () => {
  it('looks up names written with x, * or %d where an index goes, without checking the index', () => {
    assert.deepEqual(validate(file('account.x.enable = 1', 'account.*.label = a', 'account.%d.sip_server.x.port = 5060')), []);
  });

  it('still checks the value of such a line', () => {
    assert.deepEqual(codes(validate(file('account.x.enable = 7'))), ['invalid-enum']);
  });

  it('does not take other lower-case letters for placeholders', () => {
    assert.deepEqual(codes(validate(file('account.y.enable = 1'))), ['unknown-parameter']);
  });
});
