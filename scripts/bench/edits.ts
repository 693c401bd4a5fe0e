// The one-line edit of the benchmark: replaces the value of a `name = value` line with another valid
// value and back, so that repeated edits keep the file's diagnostics steady.

export interface LineChange {
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
  text: string;
}

export function lineEdit(lineText: string, line: number, flip: boolean): LineChange {
  const eq = lineText.indexOf('=');
  const at = eq >= 0 ? eq + 1 : lineText.length;
  // Insert or remove one blank after the '=': the value stays the same, the line changes.
  return flip
    ? { range: { start: { line, character: at }, end: { line, character: at } }, text: ' ' }
    : { range: { start: { line, character: at }, end: { line, character: at + 1 } }, text: '' };
}
