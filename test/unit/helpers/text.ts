// Text utilities for the tests: caret-marked fixtures and applying LSP-style edits.

import assert from 'node:assert/strict';
import type { Position, Range, TextEdit } from '../../../server/src/types';

/** Offsets at which each line starts, splitting at CRLF, CR and LF as the parser does. */
export function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '\r' && text[i + 1] === '\n') {
      starts.push(i + 2);
      i++;
    } else if (c === '\r' || c === '\n') {
      starts.push(i + 1);
    }
  }
  return starts;
}

/** The offset of a position; fails the test when the position is not inside the text. */
export function offsetAt(text: string, pos: Position, starts = lineStarts(text)): number {
  assert.ok(pos.line >= 0 && pos.line < starts.length, `line ${pos.line} is outside the text (${starts.length} lines)`);
  const lineStart = starts[pos.line];
  const next = pos.line + 1 < starts.length ? starts[pos.line + 1] : text.length;
  const lineText = text.slice(lineStart, next).replace(/\r\n$|\r$|\n$/, '');
  assert.ok(pos.character >= 0 && pos.character <= lineText.length, `character ${pos.character} is outside line ${pos.line} (${lineText.length} characters)`);
  return lineStart + pos.character;
}

/** The text a range covers. */
export function textAt(text: string, range: Range): string {
  const starts = lineStarts(text);
  return text.slice(offsetAt(text, range.start, starts), offsetAt(text, range.end, starts));
}

/** Applies edits the way an editor does: all positions refer to the original text; edits must not overlap. */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const starts = lineStarts(text);
  const spans = edits
    .map((e) => ({ start: offsetAt(text, e.range.start, starts), end: offsetAt(text, e.range.end, starts), newText: e.newText }))
    .sort((a, b) => a.start - b.start || a.end - b.end);
  for (const s of spans) assert.ok(s.start <= s.end, 'an edit range ends before it starts');
  for (let i = 1; i < spans.length; i++) assert.ok(spans[i].start >= spans[i - 1].end, 'edits overlap');
  let out = '';
  let at = 0;
  for (const s of spans) {
    out += text.slice(at, s.start) + s.newText;
    at = s.end;
  }
  return out + text.slice(at);
}

export function range(line: number, start: number, endChar: number, endLine = line): Range {
  return { start: { line, character: start }, end: { line: endLine, character: endChar } };
}

export interface Fixture {
  /** The text with every marker removed. */
  text: string;
  /** `⟦...⟧` spans, in order of their opening marker. */
  ranges: Range[];
  /** `‸` positions, in order. */
  carets: Position[];
}

/**
 * Reads a fixture written with markers: `⟦` and `⟧` around an expected range, `‸` at a position.
 * Markers are removed; positions are counted in UTF-16 code units on the text without markers.
 */
export function marked(source: string): Fixture {
  let text = '';
  let line = 0;
  let character = 0;
  const open: Position[] = [];
  const ranges: { order: number; range: Range }[] = [];
  const carets: Position[] = [];
  let order = 0;
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (c === '⟦') {
      const start = { line, character };
      open.push(start);
      ranges.push({ order: order++, range: { start, end: { line, character } } });
      continue;
    }
    if (c === '⟧') {
      const start = open.pop();
      assert.ok(start, 'a closing marker without an opening one');
      const r = [...ranges].reverse().find((x) => x.range.start === start)!;
      r.range.end = { line, character };
      continue;
    }
    if (c === '‸') {
      carets.push({ line, character });
      continue;
    }
    text += c;
    if (c === '\r' && source[i + 1] === '\n') {
      text += '\n';
      i++;
      line++;
      character = 0;
    } else if (c === '\r' || c === '\n') {
      line++;
      character = 0;
    } else {
      character++;
    }
  }
  assert.equal(open.length, 0, 'an opening marker without a closing one');
  return { text, ranges: ranges.sort((a, b) => a.order - b.order).map((r) => r.range), carets };
}
