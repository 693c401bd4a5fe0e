// Our copy of an open document's text must equal the editor's under any edit sequence: the text model
// splits lines as the protocol does (CRLF, lone CR, lone LF), and a re-parse of only the touched lines
// must equal a parse of the whole new text.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { OpenDocument } from '../../server/src/openDocument';
import { parse, splitLines } from '../../server/src/parser';
import { splitInto, TextModel } from '../../server/src/textModel';
import type { Position, Range } from '../../server/src/types';
import { range } from './helpers/text';

/** The reference: a plain string, positions turned into offsets the way the protocol defines them. */
function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '\r' && text[i + 1] === '\n') i++;
    if (c === '\r' || c === '\n') starts.push(i + 1);
  }
  return starts;
}

function offsetAt(text: string, p: Position): number {
  const starts = lineStarts(text);
  if (p.line >= starts.length) return text.length;
  if (p.line < 0) return 0;
  let end = p.line + 1 < starts.length ? starts[p.line + 1] : text.length;
  // A position never points inside or after the line's ending.
  while (end > starts[p.line] && (text[end - 1] === '\n' || text[end - 1] === '\r')) end--;
  return Math.min(starts[p.line] + Math.max(0, p.character), end);
}

function applyReference(text: string, r: Range, insert: string): string {
  let a = offsetAt(text, r.start);
  let b = offsetAt(text, r.end);
  if (a > b) [a, b] = [b, a];
  return text.slice(0, a) + insert + text.slice(b);
}

const piece = fc.constantFrom('a', 'b', '=', ' ', '\r', '\n', '\r\n', '#', '.', '1', '\uFEFF', 'account.1.enable = 1', '#!version:1.0.0.1', '{% if x %}', '[ sec ]', '\u0000');
const textArb = fc.array(piece, { maxLength: 12 }).map((xs) => xs.join(''));
const pos = fc.record({ line: fc.integer({ min: -1, max: 8 }), character: fc.integer({ min: -1, max: 25 }) });
const edit = fc.record({ start: pos, end: pos, text: textArb });
const SEED = 90210;

function check(prop: fc.IProperty<[string, { start: Position; end: Position; text: string }[]]>, numRuns: number): void {
  const out = fc.check(prop, { seed: SEED, numRuns });
  if (out.failed) assert.fail(`property failed (seed ${SEED}, path ${out.counterexamplePath}): ${fc.stringify(out.counterexample)}\n${out.errorInstance}`);
}

describe('text sync', () => {
  it('a CR inserted before an LF joins it into one line ending (the reported sequence)', () => {
    const m = new TextModel('#!version:1.0.0.1\naccount.1.enable = 1\n');
    m.apply(range(0, 17, 17), '\r');
    assert.equal(m.lineCount, 3);
    m.apply(range(1, 0, 0), 'x');
    assert.equal(m.getText(), '#!version:1.0.0.1\r\nxaccount.1.enable = 1\n');
    assert.equal(m.lineText(1), 'xaccount.1.enable = 1');
  });

  it('an LF inserted after a lone CR joins it too, and removing text between them joins them', () => {
    const m = new TextModel('a\rb\nc');
    m.apply(range(1, 0, 0), '\n');
    assert.equal(m.getText(), 'a\r\nb\nc');
    assert.deepEqual([m.lineText(0), m.lineText(1), m.lineEol(0)], ['a', 'b', '\r\n']);
    const n = new TextModel('a\rb\nc');
    n.apply(range(1, 0, 1), '');
    assert.equal(n.getText(), 'a\r\nc');
    assert.equal(n.lineCount, 2);
  });

  it('positions past a line or the document are clamped as the protocol says', () => {
    const m = new TextModel('ab\r\ncd');
    m.apply({ start: { line: 0, character: 99 }, end: { line: 0, character: 99 } }, 'X');
    m.apply({ start: { line: 9, character: 0 }, end: { line: 9, character: 0 } }, 'Y');
    assert.equal(m.getText(), 'abX\r\ncdY');
  });

  it('a paste of many lines keeps every line', () => {
    const m = new TextModel('a\nb');
    const many = Array.from({ length: 30000 }, (_, i) => `l${i}`).join('\n');
    m.apply(range(0, 1, 1), `\n${many}\n`);
    assert.equal(m.getText(), `a\n${many}\n\nb`);
    assert.equal(m.lineCount, 30003);
  });

  it('a text is split into the same lines and endings as the parser splits it (LF only, or any mix with CR)', () => {
    for (const text of ['', '\n', 'a', 'a\nb\n', '\r', '\r\n', '\n\r', 'a\r\nb\rc\nd', '\r\r\n\n', 'x = 1\r\n\r\n# c\r']) {
      const lines: string[] = [];
      const eols: string[] = [];
      splitInto(text, lines, eols);
      const ref = splitLines(text);
      assert.deepEqual(lines, ref.map((p) => p.text), JSON.stringify(text));
      assert.deepEqual(eols, ref.map((p) => p.eol), JSON.stringify(text));
    }
    fc.assert(
      fc.property(textArb, (text) => {
        const lines: string[] = [];
        const eols: string[] = [];
        splitInto(text, lines, eols);
        const ref = splitLines(text);
        return lines.length === ref.length && ref.every((p, i) => p.text === lines[i] && p.eol === eols[i]);
      }),
      { seed: SEED, numRuns: 2000 },
    );
  });

  it('random edits: the text equals the reference string after every edit', () => {
    check(
      fc.property(textArb, fc.array(edit, { minLength: 1, maxLength: 30 }), (start, edits) => {
        const m = new TextModel(start);
        let ref = start;
        for (const e of edits) {
          m.apply({ start: e.start, end: e.end }, e.text);
          ref = applyReference(ref, { start: e.start, end: e.end }, e.text);
          if (m.getText() !== ref) return false;
        }
        return true;
      }),
      3000,
    );
  });

  it('random edits: the incremental parse equals a parse of the whole text', () => {
    check(
      fc.property(textArb, fc.array(edit, { minLength: 1, maxLength: 30 }), (start, edits) => {
        const d = new OpenDocument(start, 'y000000000096.cfg');
        let ref = start;
        for (const e of edits) {
          d.apply({ range: { start: e.start, end: e.end }, text: e.text });
          ref = applyReference(ref, { start: e.start, end: e.end }, e.text);
          assert.deepEqual(d.parsed, parse(ref, 'y000000000096.cfg'));
        }
        return d.getText() === ref;
      }),
      2000,
    );
  });
});
