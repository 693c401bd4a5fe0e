// Removing whole lines without touching the others: shared by the quick fixes that remove a line and
// the source action that removes runs of lines.

import type { ParsedDocument, TextEdit } from '../types';

/**
 * Edits that delete the given lines (sorted, distinct), one edit per run of adjacent lines. Every other
 * line keeps its text and, wherever the file allows it, its line ending; the line count drops by exactly
 * the number of lines removed.
 */
export function deleteLines(doc: ParsedDocument, lines: readonly number[]): TextEdit[] {
  const edits: TextEdit[] = [];
  for (let i = 0; i < lines.length; ) {
    let j = i;
    while (j + 1 < lines.length && lines[j + 1] === lines[j] + 1) j++;
    edits.push(deleteRun(doc, lines[i], lines[j]));
    i = j + 1;
  }
  return edits;
}

function deleteRun(doc: ParsedDocument, a: number, b: number): TextEdit {
  const startChar = a === 0 && doc.hasBom ? 1 : 0;
  const last = doc.lines[b];
  const prev = a > 0 ? doc.lines[a - 1] : undefined;
  const next = doc.lines[b + 1];
  if (!last.eol) {
    // The file's last lines: they go with the line break before them.
    if (prev) return edit(a - 1, prev.text.length, b, last.text.length, '');
    return edit(0, startChar, b, last.text.length, '');
  }
  // A lone CR before the run and an empty line ending in LF after it would meet as one CRLF and lose a
  // line. Then the CR goes with the run and one break takes its place: the run's own ending, or CRLF
  // where that LF would in turn meet a lone CR before the previous line.
  if (prev?.eol === '\r' && next && next.text === '' && next.eol.startsWith('\n')) {
    const beforePrev = prev.text === '' && a >= 2 ? doc.lines[a - 2].eol : '';
    const eol = last.eol.startsWith('\n') && beforePrev === '\r' ? '\r\n' : last.eol;
    return edit(a - 1, prev.text.length, b + 1, 0, eol);
  }
  return edit(a, startChar, b + 1, 0, '');
}

function edit(startLine: number, startChar: number, endLine: number, endChar: number, newText: string): TextEdit {
  return { range: { start: { line: startLine, character: startChar }, end: { line: endLine, character: endChar } }, newText };
}
