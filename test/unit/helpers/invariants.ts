// The invariants every input must keep, shared by the property tests (npm test) and the fuzzer
// (npm run fuzz): nothing throws; parse rebuilds the text; every range is inside the document and
// ordered; a fix changes only its ranges, keeps the byte order mark and every other line ending, and
// (unless it is a disable comment) removes its diagnostic; no hover, outline entry or hint shows the
// value of a sensitive parameter.

import type { LanguageService } from '../../../server/src/languageService';
import type { ParsedDocument, Position, QuickFix, Range, TextEdit, YealinkDiagnostic } from '../../../server/src/types';

export interface Report {
  violations: string[];
  /** Calls made into the service. */
  calls: number;
}

export interface CheckOptions {
  /** At most this many positions for hover and completion (spread over the document). */
  positions?: number;
  /** At most this many diagnostics whose fixes are applied and re-checked. */
  fixes?: number;
  /** Documents longer than this are not re-validated after each fix (cost). */
  recheckLimit?: number;
  /** Ask for light completion items (same ranges, no documentation): cheaper for the fuzzer. */
  lightCompletion?: boolean;
}

/** Codes whose fix may leave a diagnostic of the same code, and why. */
const MAY_REMAIN: Record<string, string> = {
  // Setting the deciding parameter can expose a second unmet condition, or the inserted line has its own.
  dependency: 'a second unmet condition',
};

function lineLengths(doc: ParsedDocument): number[] {
  return doc.lines.map((l) => l.text.length);
}

// A plain function, not a closure made per call: the fuzzer calls this for every completion item.
function inside(p: Position, lengths: number[]): boolean {
  return p.line >= 0 && p.line < lengths.length && p.character >= 0 && p.character <= lengths[p.line];
}

function badRange(r: Range, lengths: number[]): string | undefined {
  if (!inside(r.start, lengths) || !inside(r.end, lengths)) return `range ${show(r)} outside the document`;
  if (r.end.line < r.start.line || (r.end.line === r.start.line && r.end.character < r.start.character)) return `range ${show(r)} ends before it starts`;
  return undefined;
}

function show(r: Range): string {
  return `${r.start.line}:${r.start.character}-${r.end.line}:${r.end.character}`;
}

function offsets(doc: ParsedDocument): number[] {
  const starts: number[] = [];
  let at = 0;
  for (const l of doc.lines) {
    starts.push(at);
    at += l.text.length + l.eol.length;
  }
  return starts;
}

/** Applies edits to the text; undefined when two edits overlap. */
export function apply(text: string, doc: ParsedDocument, edits: readonly TextEdit[]): string | undefined {
  const starts = offsets(doc);
  const spans = edits
    .map((e) => ({ s: starts[e.range.start.line] + e.range.start.character, e: starts[e.range.end.line] + e.range.end.character, t: e.newText }))
    .sort((a, b) => a.s - b.s || a.e - b.e);
  let out = '';
  let at = 0;
  for (const sp of spans) {
    if (sp.s < at) return undefined;
    out += text.slice(at, sp.s) + sp.t;
    at = sp.e;
  }
  return out + text.slice(at);
}

let catalogueText: string | undefined;

/**
 * Values of sensitive lines that appear nowhere else (not in another line, a name or the catalogue's
 * own words), so that seeing one in a hover, an outline entry or a hint is a leak.
 */
function secretsOf(service: LanguageService, doc: ParsedDocument): string[] {
  const secrets = new Map<string, number>();
  for (const l of doc.lines) {
    if (l.kind !== 'parameter' || l.value.length < 8 || l.value.startsWith('%') || !service.catalog.isSensitive(l.name)) continue;
    secrets.set(l.value, (secrets.get(l.value) ?? 0) + 1);
  }
  if (secrets.size === 0) return [];
  const text = doc.lines.map((l) => l.text).join('\n');
  catalogueText ??= JSON.stringify(service.catalog.entries);
  const occurrences = (s: string) => text.split(s).length - 1;
  return [...secrets].filter(([s, n]) => occurrences(s) === n && !catalogueText!.includes(s)).map(([s]) => s);
}

/** Spread positions: each parameter line's name and value starts, and line ends, up to `max`. */
function positionsOf(doc: ParsedDocument, max: number): Position[] {
  const all: Position[] = [];
  const step = Math.max(1, Math.floor(doc.lines.length / Math.max(1, max / 3)));
  for (let i = 0; i < doc.lines.length && all.length < max; i += step) {
    const l = doc.lines[i];
    all.push({ line: i, character: 0 }, { line: i, character: l.text.length });
    if (l.kind === 'parameter') all.push(l.nameRange.start, l.valueRange.start);
    else all.push({ line: i, character: l.text.length >> 1 });
  }
  all.push({ line: doc.lines.length - 1, character: 1 << 20 });
  return all;
}

export function checkDocument(service: LanguageService, text: string, fileName: string, options: CheckOptions = {}): Report {
  const report: Report = { violations: [], calls: 0 };
  const ctx = { fileName };
  const call = <T>(what: string, f: () => T): T | undefined => {
    report.calls++;
    try {
      return f();
    } catch (e) {
      report.violations.push(`${what} threw: ${e instanceof Error ? (e.stack ?? e.message).split('\n').slice(0, 3).join(' | ') : String(e)}`);
      return undefined;
    }
  };
  const doc = call('parse', () => service.parse(text, fileName));
  if (!doc) return report;
  if (doc.lines.map((l) => l.text + l.eol).join('') !== text) report.violations.push('parse does not rebuild the text');
  const lengths = lineLengths(doc);
  const secrets = secretsOf(service, doc);
  const diagnostics = call('validate', () => service.validate(doc, ctx)) ?? [];
  for (const d of diagnostics) {
    const bad = badRange(d.range, lengths);
    if (bad) report.violations.push(`diagnostic ${d.code}: ${bad}`);
  }
  checkPositions(service, doc, lengths, secrets, options.positions ?? 24, call, report, fileName, options.lightCompletion === true);
  checkOutline(service, doc, lengths, secrets, call, report, fileName);
  const limit = options.recheckLimit ?? 200_000;
  const counts = new Map<string, number>();
  for (const d of diagnostics) counts.set(d.code, (counts.get(d.code) ?? 0) + 1);
  for (const d of diagnostics.slice(0, options.fixes ?? 12)) {
    const fixes = call('quickFixes', () => service.quickFixes(doc, [d], ctx)) ?? [];
    const before = text.length <= limit ? counts.get(d.code)! : undefined;
    for (const f of fixes) checkFix(service, text, doc, lengths, d, f, fileName, before, call, report);
  }
  return report;
}

type Call = <T>(what: string, f: () => T) => T | undefined;

function checkPositions(
  service: LanguageService,
  doc: ParsedDocument,
  lengths: number[],
  secrets: string[],
  max: number,
  call: Call,
  report: Report,
  fileName: string,
  light: boolean,
): void {
  const ctx = { fileName };
  for (const pos of positionsOf(doc, max)) {
    const h = call('hover', () => service.hover(doc, pos, ctx));
    if (h) {
      const bad = badRange(h.range, lengths);
      if (bad) report.violations.push(`hover at ${pos.line}:${pos.character}: ${bad}`);
      const leaked = secrets.find((s) => h.contents.includes(s));
      if (leaked) report.violations.push(`hover at ${pos.line}:${pos.character} shows the secret ${JSON.stringify(leaked)}`);
    }
    for (const c of call('complete', () => service.complete(doc, pos, ctx, { light })) ?? []) {
      const r = c.textEdit.range;
      const bad = badRange(r, lengths);
      if (bad || r.start.line !== r.end.line) {
        report.violations.push(`completion ${JSON.stringify(c.label)} at ${pos.line}:${pos.character}: ${bad ?? `range ${show(r)} spans lines`}`);
        break;
      }
    }
  }
}

function checkOutline(service: LanguageService, doc: ParsedDocument, lengths: number[], secrets: string[], call: Call, report: Report, fileName: string): void {
  const ctx = { fileName };
  const walk = (symbols: ReturnType<LanguageService['symbols']>) => {
    for (const s of symbols) {
      const bad = badRange(s.range, lengths) ?? badRange(s.selectionRange, lengths);
      if (bad) report.violations.push(`symbol ${JSON.stringify(s.name)}: ${bad}`);
      const leaked = secrets.find((x) => s.name.includes(x) || s.detail?.includes(x));
      if (leaked) report.violations.push(`symbol ${JSON.stringify(s.name)} shows the secret ${JSON.stringify(leaked)}`);
      if (s.children) walk(s.children);
    }
  };
  walk(call('symbols', () => service.symbols(doc, ctx)) ?? []);
  for (const h of call('inlayHints', () => service.inlayHints(doc, ctx)) ?? []) {
    const bad = badRange({ start: h.position, end: h.position }, lengths);
    if (bad) report.violations.push(`inlay hint ${JSON.stringify(h.label)}: ${bad}`);
    const leaked = secrets.find((x) => h.label.includes(x) || h.tooltip?.includes(x));
    if (leaked) report.violations.push(`inlay hint shows the secret ${JSON.stringify(leaked)}`);
  }
  for (const f of call('folds', () => service.folds(doc, ctx)) ?? []) {
    if (f.startLine < 0 || f.endLine >= lengths.length || f.endLine < f.startLine) report.violations.push(`fold ${f.startLine}-${f.endLine} outside the document`);
  }
}

function expectedLineCount(doc: ParsedDocument, edits: readonly TextEdit[]): number {
  let n = doc.lines.length;
  for (const e of edits) n += (e.newText.match(/\r\n|\r|\n/g) ?? []).length - (e.range.end.line - e.range.start.line);
  return n;
}

function checkFix(
  service: LanguageService,
  text: string,
  doc: ParsedDocument,
  lengths: number[],
  d: YealinkDiagnostic,
  f: QuickFix,
  fileName: string,
  /** Diagnostics of the fixed code before the fix; undefined: do not re-validate. */
  before: number | undefined,
  call: Call,
  report: Report,
): void {
  const where = `fix ${JSON.stringify(f.title)} for ${d.code} at ${show(d.range)}`;
  for (const e of f.edits) {
    const bad = badRange(e.range, lengths);
    if (bad) return void report.violations.push(`${where}: ${bad}`);
  }
  const after = apply(text, doc, f.edits);
  if (after === undefined) return void report.violations.push(`${where}: edits overlap`);
  if (doc.hasBom && after.charCodeAt(0) !== 0xfeff) report.violations.push(`${where}: the byte order mark is no longer first`);
  if (after.indexOf('\uFEFF', 1) > text.indexOf('\uFEFF', 1) && text.indexOf('\uFEFF', 1) < 0) report.violations.push(`${where}: moved a byte order mark into the text`);
  const parsed = call('parse', () => service.parse(after, fileName));
  if (parsed && parsed.lines.length !== expectedLineCount(doc, f.edits)) report.violations.push(`${where}: joined or split lines (line endings changed)`);
  if (before === undefined || f.title.startsWith('Disable ') || !parsed || MAY_REMAIN[d.code]) return;
  const remaining = call('validate', () => service.validate(parsed, { fileName }))?.filter((x) => x.code === d.code).length ?? 0;
  if (remaining >= before) report.violations.push(`${where}: the diagnostic remains after the fix`);
}
