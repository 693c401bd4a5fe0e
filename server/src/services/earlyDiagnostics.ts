// The first diagnostics of a very large file, before the whole of it is split, parsed and checked: the
// per-line checks of its first lines. Each depends only on its line, the line before it (a disable
// comment) and what the first lines decide for the whole file (the header, template or binary), so it
// is also in the full check's result. The file-wide checks (duplicates, conditions, the folder's) come
// with the full check, which follows at once.

import { BINARY_SAMPLE, parseSource, TEMPLATE_SCAN_LINES } from '../parser';
import { TextModel } from '../textModel';
import type { DocumentContext, YealinkDiagnostic } from '../types';
import { byPosition, DiagnosticSink, disabledAt, MAX_SUGGESTION_SEARCHES, type Validator } from './validation';

/** Texts from this many characters on get early diagnostics; smaller ones are checked whole at once. */
export const EARLY_MIN_CHARS = 5_000_000;
/** How many first lines are checked early (a few screens: the lines an editor shows first). */
export const EARLY_LINES = 2_000;

/**
 * Where the first `lines` lines end (just after an LF), reaching at least `minChars` characters; undefined
 * when that is the end of the text.
 */
function headEnd(text: string, lines: number, minChars: number): number | undefined {
  let at = -1;
  for (let n = 0; n < lines || at + 1 < minChars; n++) {
    at = text.indexOf('\n', at + 1);
    if (at < 0) return undefined;
  }
  return at + 1 < text.length ? at + 1 : undefined;
}

/**
 * The per-line diagnostics of a very large text's first EARLY_LINES lines, at most `max`, in the order
 * of a full check; undefined when the text is small or when its first lines cannot decide alone (a
 * binary text, a template, legacy sections).
 */
export function earlyDiagnostics(validator: Validator, text: string, ctx: DocumentContext, max: number): YealinkDiagnostic[] | undefined {
  if (text.length < EARLY_MIN_CHARS) return undefined;
  // The head parsed covers the lines that decide a template and the characters that decide a binary file.
  const cut = headEnd(text, Math.max(EARLY_LINES, TEMPLATE_SCAN_LINES), BINARY_SAMPLE);
  if (cut === undefined) return undefined;
  // Cut just after a line break: every line of the head is parsed as in the whole text; the empty
  // last piece is a blank line, which has no checks.
  const doc = parseSource(new TextModel(text.slice(0, cut)), ctx.fileName, text.includes('\u0000'));
  if (doc.isBinary || doc.isTemplate || doc.isLegacy) return undefined;
  const sink = new DiagnosticSink(ctx.settings, { get: (line: number) => disabledAt(doc.lines, line) });
  validator.checkHeader(doc, sink);
  const env = validator.lineEnv(doc, ctx);
  // Suggestions are searched for the first unknown names of a file: the same ones as in the full check.
  const budget = { suggestions: MAX_SUGGESTION_SEARCHES };
  const legacy = { reported: false };
  const checked = Math.min(EARLY_LINES, doc.lines.length);
  for (let i = 0; i < checked && sink.items.length < max; i++) validator.checkLine(doc.lines[i], env, sink, budget, legacy);
  const items = sink.items.sort(byPosition);
  return items.length > max ? items.slice(0, max) : items;
}
