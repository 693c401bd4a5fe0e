// Applies text edits to a text, for the command line and the tests (editors apply edits themselves).
// Positions are line and UTF-16 character, as everywhere; line breaks of every kind count.

import { splitLines } from './parser';
import type { Position, TextEdit } from './types';

function offsets(text: string): number[] {
  const starts: number[] = [];
  let at = 0;
  for (const l of splitLines(text)) {
    starts.push(at);
    at += l.text.length + l.eol.length;
  }
  return starts;
}

/** Applies non-overlapping edits; throws on overlapping ones, which would be a bug in their producer. */
export function applyEdits(text: string, edits: TextEdit[]): string {
  const starts = offsets(text);
  const at = (p: Position) => Math.min(text.length, (starts[p.line] ?? text.length) + p.character);
  const sorted = edits.map((e) => ({ s: at(e.range.start), e: at(e.range.end), t: e.newText })).sort((a, b) => a.s - b.s || a.e - b.e);
  let out = '';
  let pos = 0;
  for (const e of sorted) {
    if (e.s < pos) throw new Error('overlapping edits');
    out += text.slice(pos, e.s) + e.t;
    pos = e.e;
  }
  return out + text.slice(pos);
}
