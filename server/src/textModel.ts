// The text of an open document as lines, split exactly the way the parser splits them (CRLF, lone CR
// and lone LF each end a line), with edits applied the way the protocol defines them. A line ending
// that an edit creates or joins (a CR inserted before an LF, an LF after a CR) is re-split with its
// neighbours, so the text here always equals the editor's.

import { EOL_TEXT, lineOffsets } from './parser';
import type { Position, Range } from './types';

/** The lines an edit replaced: `deleted` old lines from `start` became `inserted` new lines. */
export interface LineSpan {
  start: number;
  deleted: number;
  inserted: number;
}

export class TextModel {
  private lines: string[] = [];
  private eols: string[] = [];

  constructor(text: string) {
    this.setText(text);
  }

  get lineCount(): number {
    return this.lines.length;
  }

  lineText(line: number): string {
    return this.lines[line] ?? '';
  }

  lineEol(line: number): string {
    return this.eols[line] ?? '';
  }

  getText(): string {
    let out = '';
    for (let i = 0; i < this.lines.length; i++) out += this.lines[i] + this.eols[i];
    return out;
  }

  /** Replaces the whole text; every line is new. */
  setText(text: string): LineSpan {
    const deleted = this.lines.length;
    const lines: string[] = [];
    const eols: string[] = [];
    splitInto(text, lines, eols);
    this.lines = lines;
    this.eols = eols;
    return { start: 0, deleted, inserted: lines.length };
  }

  /** A position moved inside the document: lines past the end go to its end, characters to the line's end. */
  clamp(p: Position): Position {
    const last = this.lines.length - 1;
    if (!(p.line >= 0)) return { line: 0, character: 0 };
    if (p.line > last) return { line: last, character: this.lines[last].length };
    const len = this.lines[p.line].length;
    return { line: p.line, character: p.character < 0 || !(p.character >= 0) ? 0 : Math.min(p.character, len) };
  }

  /** Applies one change (a range and its new text, or the whole text when the range is missing). */
  apply(range: Range | undefined, text: string): LineSpan {
    if (!range) return this.setText(text);
    let start = this.clamp(range.start);
    let end = this.clamp(range.end);
    if (start.line > end.line || (start.line === end.line && start.character > end.character)) [start, end] = [end, start];
    // A lone CR ending the line before may join an LF that now starts the changed text: re-split it too.
    const first = start.line > 0 && this.eols[start.line - 1] === '\r' ? start.line - 1 : start.line;
    const head = first < start.line ? this.lines[first] + '\r' : '';
    const endEol = this.eols[end.line];
    const chunk = head + this.lines[start.line].slice(0, start.character) + text + this.lines[end.line].slice(end.character) + endEol;
    const lines: string[] = [];
    const eols: string[] = [];
    splitInto(chunk, lines, eols);
    // The chunk ends with the last line's own ending, so the empty piece after it is no line (unless it was the last).
    if (endEol !== '') {
      lines.pop();
      eols.pop();
    }
    const deleted = end.line - first + 1;
    replace(this.lines, first, deleted, lines);
    replace(this.eols, first, deleted, eols);
    return { start: first, deleted, inserted: lines.length };
  }
}

/** Splits a text into two parallel arrays, line texts and their endings, the way the parser splits it. */
export function splitInto(text: string, lines: string[], eols: string[]): void {
  const o = lineOffsets(text);
  for (let i = 0; i < o.count; i++) {
    lines.push(text.slice(o.starts[i], o.ends[i]));
    eols.push(EOL_TEXT[o.eols[i]]);
  }
}

/** `array.splice(start, deleted, ...items)` without spreading: a paste of many lines must not overflow the stack. */
export function replace<T>(array: T[], start: number, deleted: number, items: T[]): void {
  if (items.length < 10000) {
    array.splice(start, deleted, ...items);
    return;
  }
  const tail = array.slice(start + deleted);
  array.length = start;
  for (const x of items) array.push(x);
  for (const x of tail) array.push(x);
}
