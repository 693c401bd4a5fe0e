import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { hasTemplateSyntax, parse, splitLines } from '../../server/src/parser';
import type { ParsedLine, ParameterLine } from '../../server/src/types';
import { marked, range } from './helpers/text';

function param(l: ParsedLine | undefined): ParameterLine {
  assert.ok(l, 'line exists');
  assert.equal(l.kind, 'parameter', `line ${l.line} is ${l.kind}, not a parameter`);
  return l as ParameterLine;
}

/** Parses a fixture whose single parameter line marks name, `=` and value with ⟦ ⟧, in that order. */
function assertParameterRanges(source: string, name: string, value: string): void {
  const f = marked(source);
  const doc = parse(f.text);
  const [nameR, eqR, valueR] = f.ranges;
  const p = param(doc.lines[nameR.start.line]);
  assert.equal(p.name, name);
  assert.equal(p.value, value);
  assert.deepEqual(p.nameRange, nameR);
  assert.deepEqual(p.equalsRange, eqR);
  assert.deepEqual(p.valueRange, valueR);
}

describe('parser: line endings', () => {
  it('splits at LF and records each ending', () => {
    const doc = parse('a = 1\nb = 2\n');
    assert.deepEqual(
      doc.lines.map((l) => [l.kind, l.text, l.eol]),
      [
        ['parameter', 'a = 1', '\n'],
        ['parameter', 'b = 2', '\n'],
        ['blank', '', ''],
      ],
    );
    assert.equal(doc.eol, '\n');
  });

  it('splits at CRLF without leaving CR in the text or the value', () => {
    const doc = parse('a = 1\r\nb = 2\r\n');
    assert.deepEqual(
      doc.lines.map((l) => [l.text, l.eol]),
      [
        ['a = 1', '\r\n'],
        ['b = 2', '\r\n'],
        ['', ''],
      ],
    );
    assert.equal(param(doc.lines[0]).value, '1');
    assert.deepEqual(param(doc.lines[0]).valueRange, range(0, 4, 5));
    assert.equal(doc.eol, '\r\n');
  });

  it('splits at a lone CR', () => {
    const doc = parse('a = 1\rb = 2');
    assert.deepEqual(
      doc.lines.map((l) => [l.text, l.eol]),
      [
        ['a = 1', '\r'],
        ['b = 2', ''],
      ],
    );
    assert.equal(doc.eol, '\r');
    assert.equal(param(doc.lines[1]).value, '2');
  });

  it('takes the first line ending of a mixed file for inserted lines', () => {
    const doc = parse('a = 1\r\nb = 2\nc = 3\rd = 4');
    assert.deepEqual(doc.lines.map((l) => l.eol), ['\r\n', '\n', '\r', '']);
    assert.equal(doc.eol, '\r\n');
  });

  it('uses LF for a file of one line', () => {
    const doc = parse('a = 1');
    assert.equal(doc.lines.length, 1);
    assert.equal(doc.lines[0].eol, '');
    assert.equal(doc.eol, '\n');
  });

  it('keeps a last line without a final newline', () => {
    const doc = parse('#!version:1.0.0.1\naccount.1.enable = 1');
    const p = param(doc.lines[1]);
    assert.equal(p.eol, '');
    assert.deepEqual(p.valueRange, range(1, 19, 20));
  });

  it('gives the empty text one blank line', () => {
    const doc = parse('');
    assert.deepEqual(doc.lines, [{ kind: 'blank', line: 0, text: '', eol: '' }]);
    assert.equal(doc.hasBom, false);
  });

  it('splitLines rebuilds the text exactly', () => {
    const text = 'a\r\nb\rc\n\r\n\rd';
    const parts = splitLines(text);
    assert.deepEqual(parts, [
      { text: 'a', eol: '\r\n' },
      { text: 'b', eol: '\r' },
      { text: 'c', eol: '\n' },
      { text: '', eol: '\r\n' },
      { text: '', eol: '\r' },
      { text: 'd', eol: '' },
    ]);
    assert.equal(parts.map((p) => p.text + p.eol).join(''), text);
  });
});

describe('parser: byte order mark', () => {
  it('keeps the BOM as character 0 of line 0 and starts the header after it', () => {
    const doc = parse('\uFEFF#!version:1.0.0.1\naccount.1.enable = 1\n');
    assert.equal(doc.hasBom, true);
    const h = doc.lines[0];
    assert.equal(h.kind, 'header');
    assert.equal(h.text, '\uFEFF#!version:1.0.0.1');
    if (h.kind === 'header') {
      assert.equal(h.version, '1.0.0.1');
      assert.deepEqual(h.range, range(0, 1, 18));
    }
    // Later lines are not shifted.
    assert.deepEqual(param(doc.lines[1]).nameRange, range(1, 0, 16));
  });

  it('counts the BOM in the ranges of a parameter on line 0', () => {
    assertParameterRanges('\uFEFF⟦account.1.enable⟧ ⟦=⟧ ⟦1⟧', 'account.1.enable', '1');
  });

  it('treats a line holding only the BOM as blank', () => {
    const doc = parse('\uFEFF\na = 1');
    assert.equal(doc.hasBom, true);
    assert.equal(doc.lines[0].kind, 'blank');
  });

  it('does not see a BOM that is not the first character', () => {
    assert.equal(parse('a = 1\n\uFEFF').hasBom, false);
  });
});

describe('parser: parameter lines', () => {
  it('finds name, "=" and value with blanks around "="', () => {
    assertParameterRanges('⟦account.1.label⟧ ⟦=⟧ ⟦Front desk⟧', 'account.1.label', 'Front desk');
  });

  it('finds them with no blanks', () => {
    assertParameterRanges('⟦account.1.label⟧⟦=⟧⟦x⟧', 'account.1.label', 'x');
  });

  it('finds them with tabs and leading and trailing blanks, which stay outside the ranges', () => {
    assertParameterRanges('\t  ⟦account.1.label⟧\t⟦=⟧\t ⟦a b⟧ \t', 'account.1.label', 'a b');
  });

  it('gives an empty value an empty range right after "="', () => {
    assertParameterRanges('⟦account.1.label⟧ ⟦=⟧⟦⟧', 'account.1.label', '');
    assertParameterRanges('⟦account.1.label⟧⟦=⟧⟦⟧', 'account.1.label', '');
    assertParameterRanges('⟦account.1.label⟧ ⟦=⟧⟦⟧   \t', 'account.1.label', '');
  });

  it('keeps %NULL% as the value', () => {
    assertParameterRanges('⟦account.1.label⟧ ⟦=⟧ ⟦%NULL%⟧', 'account.1.label', '%NULL%');
  });

  it('keeps "#" inside a value as data, not a comment', () => {
    assertParameterRanges('⟦account.1.password⟧ ⟦=⟧ ⟦se#cret # not a comment⟧', 'account.1.password', 'se#cret # not a comment');
  });

  it('splits at the first "=" only', () => {
    assertParameterRanges('⟦dialplan.rule⟧⟦=⟧⟦a=b=c⟧', 'dialplan.rule', 'a=b=c');
  });

  it('reports a line without "=" as malformed, over its trimmed text', () => {
    const doc = parse('  just some words  \n');
    assert.deepEqual(doc.lines[0], { kind: 'malformed', line: 0, text: '  just some words  ', eol: '\n', range: range(0, 2, 17), reason: 'no-equals' });
  });

  it('reports an empty name', () => {
    const doc = parse(' = 1');
    assert.deepEqual(doc.lines[0], { kind: 'malformed', line: 0, text: ' = 1', eol: '', range: range(0, 1, 4), reason: 'empty-name' });
  });

  it('reports a lone "="', () => {
    const doc = parse('=');
    assert.deepEqual(doc.lines[0], { kind: 'malformed', line: 0, text: '=', eol: '', range: range(0, 0, 1), reason: 'empty-name' });
  });

  it('reports blanks inside a name', () => {
    const doc = parse('account.1 .enable = 1');
    assert.deepEqual(doc.lines[0], {
      kind: 'malformed', line: 0, text: 'account.1 .enable = 1', eol: '', range: range(0, 0, 21), reason: 'space-in-name',
    });
  });
});

describe('parser: comments, header and blanks', () => {
  it('sees the header only on line 0', () => {
    const doc = parse('#!version:1.0.0.1\n#!version:1.0.0.1');
    assert.equal(doc.lines[0].kind, 'header');
    assert.equal(doc.lines[1].kind, 'comment');
  });

  it('keeps another version as written', () => {
    const h = parse('#!version:2.0 ').lines[0];
    assert.equal(h.kind, 'header');
    if (h.kind === 'header') {
      assert.equal(h.version, '2.0');
      assert.deepEqual(h.range, range(0, 0, 13));
    }
  });

  it('reads disable comments with a list of codes, or none for every code', () => {
    const doc = parse('# yealink-cfg-disable-next-line unknown-parameter, invalid-enum\n#yealink-cfg-disable-next-line\n# a comment\n   \t');
    assert.deepEqual(doc.lines[0], {
      kind: 'comment', line: 0, text: '# yealink-cfg-disable-next-line unknown-parameter, invalid-enum', eol: '\n',
      disables: ['unknown-parameter', 'invalid-enum'],
    });
    assert.deepEqual(doc.lines[1], { kind: 'comment', line: 1, text: '#yealink-cfg-disable-next-line', eol: '\n', disables: [] });
    assert.deepEqual(doc.lines[2], { kind: 'comment', line: 2, text: '# a comment', eol: '\n' });
    assert.deepEqual(doc.lines[3], { kind: 'blank', line: 3, text: '   \t', eol: '' });
  });

  it('treats ";" lines as comments only inside legacy sections', () => {
    const doc = parse('; note\n[ account ]\n; note');
    assert.equal(doc.lines[0].kind, 'malformed');
    assert.equal(doc.lines[2].kind, 'comment');
  });
});

describe('parser: include lines', () => {
  const cases: [string, string, string, 'quoted' | 'angle' | 'bare', string[] | undefined][] = [
    ['quoted', 'include:config "⟦http://10.0.0.1/common.cfg⟧"', 'http://10.0.0.1/common.cfg', 'quoted', undefined],
    ['angle', 'include:config <⟦common.cfg⟧>', 'common.cfg', 'angle', undefined],
    ['bare', '  include:config  ⟦common.cfg⟧  ', 'common.cfg', 'bare', undefined],
    ['with a model filter', '[T46S, T23G]include:config "⟦t46.cfg⟧"', 't46.cfg', 'quoted', ['T46S', 'T23G']],
    ['with a spaced model filter', '[ T54W ] include:config <⟦t54.cfg⟧>', 't54.cfg', 'angle', ['T54W']],
  ];
  for (const [label, source, target, form, models] of cases) {
    it(`reads the ${label} form`, () => {
      const f = marked(source);
      const l = parse(f.text).lines[0];
      const expected = { kind: 'include', line: 0, text: f.text, eol: '', target, form, targetRange: f.ranges[0], ...(models ? { models } : {}) };
      assert.deepEqual(l, expected);
    });
  }
});

describe('parser: legacy sections', () => {
  it('reads "[ section ]" lines and marks the keys under them', () => {
    const doc = parse('[ account ]\npath = /config/voip/sipAccount0.cfg\n[ Account2 ]\nEnable = 1\n');
    assert.equal(doc.isLegacy, true);
    assert.deepEqual(doc.lines[0], { kind: 'section', line: 0, text: '[ account ]', eol: '\n', section: 'account', range: range(0, 0, 11) });
    assert.equal(param(doc.lines[1]).section, 'account');
    assert.equal(param(doc.lines[3]).section, 'Account2');
  });

  it('leaves keys before any section without one', () => {
    const doc = parse('a = 1\n[ s ]\nb = 2');
    assert.equal('section' in param(doc.lines[0]), false);
    assert.equal(param(doc.lines[2]).section, 's');
  });

  it('is not legacy without sections', () => {
    assert.equal(parse('#!version:1.0.0.1\na = 1').isLegacy, false);
  });
});

describe('parser: templates', () => {
  for (const name of ['y000000000068.tpl', 'phone.tmpl', 'mac.cfg.vm', 'x.twig', 'x.j2', 'X.JINJA2']) {
    it(`treats ${name} as a template by its name`, () => {
      assert.equal(parse('a = 1', name).isTemplate, true);
    });
  }

  it('treats a .cfg file without template statements as plain', () => {
    assert.equal(parse('#!version:1.0.0.1\naccount.1.label = {$name}\n', 'a.cfg').isTemplate, false);
  });

  const statements: [string, string][] = [
    ['Jinja', '{% if line.enabled %}'],
    ['Jinja expression', '{{ header }}'],
    ['Smarty', '{if $account}'],
    ['Smarty close', '{/if}'],
    ['Smarty foreach', '{foreach $lines as $l}'],
    ['Velocity set', '#set($port = 5060)'],
    ['Velocity if', '#if ($enabled)'],
    ['Velocity end', '#end'],
    ['Velocity else in braces', '#{else}'],
  ];
  for (const [label, line] of statements) {
    it(`treats a file with a ${label} statement as a template and the statement as a template line`, () => {
      const doc = parse(`#!version:1.0.0.1\n${line}\naccount.1.enable = 1\n`, 'a.cfg');
      assert.equal(doc.isTemplate, true);
      assert.deepEqual(doc.lines[1], { kind: 'template', line: 1, text: line, eol: '\n' });
      assert.equal(doc.lines[2].kind, 'parameter');
    });
  }

  it('does not take ordinary comments that start with a directive word for template statements', () => {
    const doc = parse('#!version:1.0.0.1\n#if unsure, leave it at 0\n#end of account 1\n#include the proxy below\n#set to 1 to enable\n', 'a.cfg');
    assert.equal(doc.isTemplate, false);
    assert.deepEqual(doc.lines.slice(1, 5).map((l) => l.kind), ['comment', 'comment', 'comment', 'comment']);
  });

  it('keeps a "##" Velocity comment a comment inside a template', () => {
    const doc = parse('## #set($x = 1)\n#set($x = 1)', 'a.vm');
    assert.equal(doc.lines[0].kind, 'comment');
    assert.equal(doc.lines[1].kind, 'template');
  });

  it('treats expression-only lines of a template as template lines, but not in a plain file', () => {
    assert.equal(parse('{$extra_lines}', 'a.tpl').lines[0].kind, 'template');
    assert.equal(parse('= {$value}', 'a.tpl').lines[0].kind, 'template');
    assert.equal(parse('{$extra_lines}', 'a.cfg').lines[0].kind, 'malformed');
  });

  it('keeps a template expression inside a name with blanks as a parameter', () => {
    const p = param(parse('account.{$ index }.label = x', 'a.tpl').lines[0]);
    assert.equal(p.name, 'account.{$ index }.label');
  });

  it('recognises template expressions', () => {
    for (const t of ['{{ a }}', '{% a %}', '{$a}', '${a}', '{mac}', '$var', '@LINE@', 'x{{y}}z']) assert.equal(hasTemplateSyntax(t), true, t);
    for (const t of ['plain', '{{ open', '{$ open', '${ open', '{A}', '$1', '@lower@', '100%', 'a{b c}']) assert.equal(hasTemplateSyntax(t), false, t);
  });

  it('recognises template expressions in linear time on long adversarial text', () => {
    const started = Date.now();
    const cases: [string, boolean][] = [['{{', false], ['{%', false], ['{$', false], ['${', false], ['{a', false], ['$', false], ['@A', true]];
    for (const [unit, expected] of cases) assert.equal(hasTemplateSyntax(unit.repeat(200_000)), expected, unit);
    assert.equal(hasTemplateSyntax('{{'.repeat(200_000) + '}}'), true);
    assert.ok(Date.now() - started < 10_000, 'hang guard');
  });
});

describe('parser: binary data', () => {
  it('flags NUL bytes', () => {
    assert.equal(parse('a = 1\u0000\n').isBinary, true);
  });

  it('flags text that is more than a tenth replacement characters', () => {
    assert.equal(parse('ab\uFFFD').isBinary, true);
    assert.equal(parse('abcdefghijk\uFFFD').isBinary, false);
    assert.equal(parse('').isBinary, false);
  });
});

describe('parser: ranges rebuild the text', () => {
  const text = [
    '\uFEFF#!version:1.0.0.1',
    'account.1.enable = 1',
    '\taccount.1.label\t=\tFront desk \t',
    'account.1.password=se#cret',
    'account.1.user_name =',
    'account.1.display_name =    ',
    '  # comment = not a parameter',
    '',
    '%NULL%',
    '[T46S]include:config "x.cfg"',
    'static.network.ip_address = %NULL%  ',
  ];
  for (const eol of ['\n', '\r\n', '\r']) {
    it(`for every line, with ${JSON.stringify(eol)} endings`, () => {
      const source = text.join(eol);
      const doc = parse(source);
      assert.equal(doc.lines.length, text.length);
      assert.equal(doc.lines.map((l) => l.text + l.eol).join(''), source);
      let params = 0;
      for (const l of doc.lines) {
        assert.equal(l.text, text[l.line]);
        assert.equal(l.eol, l.line === text.length - 1 ? '' : eol);
        if (l.kind !== 'parameter') continue;
        params++;
        const slice = (r: { start: { line: number; character: number }; end: { line: number; character: number } }) => {
          assert.equal(r.start.line, l.line);
          assert.equal(r.end.line, l.line);
          return l.text.slice(r.start.character, r.end.character);
        };
        assert.equal(slice(l.nameRange), l.name);
        assert.equal(slice(l.equalsRange), '=');
        assert.equal(slice(l.valueRange), l.value);
        assert.ok(l.valueRange.end.character <= l.text.trimEnd().length, 'value range stops before trailing blanks');
        assert.equal(l.value, l.value.trim());
        // Between the name and "=", and between "=" and the value, only blanks.
        assert.match(l.text.slice(l.nameRange.end.character, l.equalsRange.start.character), /^[ \t]*$/);
        assert.match(l.text.slice(l.equalsRange.end.character, l.valueRange.start.character), /^[ \t]*$/);
      }
      assert.equal(params, 6);
    });
  }
});
