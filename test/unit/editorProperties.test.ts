// Property tests (fast-check): formatting is idempotent and changes only blanks around `=` and before
// names; renaming an index changes exactly that index on exactly the lines that carry it.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { createLanguageService } from '../../server/src/languageService';
import { splitLines } from '../../server/src/parser';
import type { EqualsStyle } from '../../server/src/types';
import { editorCatalog } from './helpers/editorCatalog';
import { applyEdits } from './helpers/text';

const service = createLanguageService(editorCatalog);
const MAC = { fileName: '0015651234ab.cfg' };

const blanks = fc.stringMatching(/^[ \t\u00a0]{0,3}$/);
const names = fc.constantFrom('net.mode', 'acct.1.label', 'acct.2.server.1.host', 'unknown.name', 'acct.{$i}.label', 'Enable', 'x');
const valueText = fc.stringMatching(/^[^\r\n]{0,12}$/);
const parameterLine = fc.tuple(blanks, names, blanks, blanks, valueText).map(([a, n, b, c, v]) => `${a}${n}${b}=${c}${v}`);
const otherLine = fc.oneof(
  fc.constant('#!version:1.0.0.1'),
  valueText.map((t) => `# ${t}`),
  blanks,
  fc.constantFrom('[ account ]', '{foreach $lines as $i}', '{/foreach}', 'include:config "a.cfg"', 'no equals here', ' = empty name'),
);
const eol = fc.constantFrom('\n', '\r\n', '\r');

/** A document: lines with mixed line endings, an optional byte order mark and final newline. */
const documents = fc
  .tuple(fc.array(fc.tuple(fc.oneof(parameterLine, otherLine), eol), { maxLength: 12 }), fc.boolean(), fc.boolean())
  .map(([lines, bom, finalNewline]) => {
    let text = lines.map(([l, e]) => l + e).join('');
    if (!finalNewline && lines.length) text = text.slice(0, -lines[lines.length - 1][1].length);
    return (bom ? '\uFEFF' : '') + text;
  });

const styles = fc.constantFrom<EqualsStyle>(' = ', '=', 'preserve');

function format(text: string, equals: EqualsStyle, fileName = MAC.fileName): string {
  return applyEdits(text, service.format(text, { fileName }, { equals }));
}

/** A line with the blanks before it and around its first `=` removed. */
function skeleton(line: string): string {
  return line.replace(/^\uFEFF?\s*/, (m) => (m.startsWith('\uFEFF') ? '\uFEFF' : '')).replace(/\s*=\s*/, '=');
}

describe('formatting properties', () => {
  for (const fileName of ['0015651234ab.cfg', 'phone.tpl']) {
    it(`is idempotent (${fileName})`, () => {
      fc.assert(
        fc.property(documents, styles, (text, style) => {
          const once = format(text, style, fileName);
          assert.equal(format(once, style, fileName), once);
        }),
        { numRuns: 400 },
      );
    });

    it(`changes only blanks before names and around "=", never line endings or the line count (${fileName})`, () => {
      fc.assert(
        fc.property(documents, styles, (text, style) => {
          const before = splitLines(text);
          const after = splitLines(format(text, style, fileName));
          assert.deepEqual(after.map((l) => l.eol), before.map((l) => l.eol));
          assert.deepEqual(after.map((l) => skeleton(l.text)), before.map((l) => skeleton(l.text)));
          assert.equal(after[0].text.startsWith('\uFEFF'), text.startsWith('\uFEFF'));
        }),
        { numRuns: 400 },
      );
    });
  }
});

const accountLine = fc
  .tuple(fc.integer({ min: 1, max: 4 }), fc.constantFrom('label = a', 'server.1.host = h.example.com', 'server.2.port = 5070', 'custom = 1'), blanks)
  .map(([n, rest, lead]) => `${lead}acct.${n}.${rest}`);
const accountDocs = fc.array(fc.oneof(accountLine, fc.constantFrom('# acct.1.label = c', 'net.mode = 1', 'acct.12.label = z', 'other.2.label = 1', 'other.1.server.3 = 1', '')), {
  minLength: 1,
  maxLength: 10,
});

describe('rename properties', () => {
  it('renames exactly the account index on exactly the lines that carry it', () => {
    fc.assert(
      fc.property(accountDocs, fc.nat(), fc.integer({ min: 1, max: 4 }), (lines, pick, to) => {
        const text = lines.join('\n');
        const candidates = lines.map((l, i) => ({ l, i })).filter(({ l }) => /^\s*acct\.[1-4]\.(label|server)/.test(l));
        fc.pre(candidates.length > 0);
        const { l, i } = candidates[pick % candidates.length];
        const from = /acct\.(\d+)\./.exec(l)![1];
        const lead = l.length - l.trimStart().length;
        const result = service.rename(text, { line: i, character: lead + 5 }, String(to), MAC);
        const carries = (s: string, n: string) => new RegExp(`^\\s*acct\\.${n}\\.`).test(s);
        if (String(to) !== from && lines.some((s) => carries(s, String(to)))) {
          assert.ok('error' in result && result.error.includes('already used'), JSON.stringify(result));
          return;
        }
        assert.ok('edits' in result, JSON.stringify(result));
        const expected = lines.map((s) => (carries(s, from) ? s.replace(`acct.${from}.`, `acct.${to}.`) : s)).join('\n');
        assert.equal(applyEdits(text, result.edits), expected);
      }),
      { numRuns: 400 },
    );
  });
});
