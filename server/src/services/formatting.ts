// Formatting: one spacing around `=` and no blanks before a name. Nothing else changes: the name's
// and the value's characters, comments, blank lines, the header, the byte order mark, line endings,
// the final newline and the order of lines all stay, and trailing blanks after a value stay too.
// Lines whose name holds template syntax are left alone, because their first `=` may belong to the
// template rather than to the parameter.

import type { EqualsStyle, ParameterLine, ParsedDocument, Range, TextEdit } from '../types';

const TEMPLATE_CHARS = /[{}$@%]/;

export const EQUALS_STYLES: readonly EqualsStyle[] = [' = ', '=', 'preserve'];

export interface FormatOptions {
  equals?: EqualsStyle;
}

export class FormattingService {
  /** Edits for every parameter line in the range (the whole file when no range is given). */
  format(doc: ParsedDocument, options: FormatOptions = {}, range?: Range): TextEdit[] {
    // A file holding binary data is never rewritten, not even its blanks.
    if (doc.isBinary) return [];
    const style = EQUALS_STYLES.includes(options.equals as EqualsStyle) ? options.equals! : ' = ';
    let first = 0;
    let last = doc.lines.length - 1;
    if (range) {
      first = range.start.line;
      // A selection that ends at the start of a line does not include that line.
      last = range.end.character === 0 && range.end.line > range.start.line ? range.end.line - 1 : range.end.line;
    }
    const edits: TextEdit[] = [];
    for (let i = Math.max(0, first); i <= Math.min(last, doc.lines.length - 1); i++) {
      const l = doc.lines[i];
      if (l.kind !== 'parameter') continue;
      const edit = formatLine(l, style, i === 0 && doc.hasBom ? 1 : 0);
      if (edit) edits.push(edit);
    }
    return edits;
  }
}

/** One edit from the line's start (after a BOM) to its value, or nothing when the line is already formatted. */
function formatLine(l: ParameterLine, style: EqualsStyle, lineStart: number): TextEdit | undefined {
  const eq = l.equalsRange.start.character;
  if (TEMPLATE_CHARS.test(l.text.slice(lineStart, eq))) return undefined;
  const nameEnd = l.nameRange.end.character;
  const hasValue = l.value !== '';
  // With no value, everything after `=` is blank: the line ends at `=`.
  const end = hasValue ? l.valueRange.start.character : l.text.length;
  const current = l.text.slice(lineStart, end);
  let around: string;
  if (style === 'preserve') around = l.text.slice(nameEnd, end);
  else around = hasValue ? style : style.trimEnd();
  const wanted = l.name + around;
  if (current === wanted) return undefined;
  return { range: { start: { line: l.line, character: lineStart }, end: { line: l.line, character: end } }, newText: wanted };
}
