// An open document: its text as lines and its parse, kept up to date edit by edit. An edit re-parses
// only the lines it replaced; the lines after it keep their parse and move by the number of lines
// added or removed. What the whole file decides (template, binary, legacy sections) is kept as counts
// so an edit can tell in constant time whether it changed, and a change of it re-parses the file.

import { isBinaryLines, isTemplateFileName, isTemplateStatement, parseLine, parseSource, TEMPLATE_SCAN_LINES } from './parser';
import { replace, TextModel, type LineSpan } from './textModel';
import type { ParsedDocument, ParsedLine, Range } from './types';

export interface ContentChange {
  /** Missing: the text replaces the whole document. */
  range?: Range;
  text: string;
}

/** What changed in the parse: lines [start, start + inserted) are new; `full` means every line is. */
export interface ParseChange extends LineSpan {
  full: boolean;
  /** The parse objects of the replaced lines, as they were. */
  removed: ParsedLine[];
}

function shiftRange(r: Range | undefined, delta: number): void {
  if (!r) return;
  r.start.line += delta;
  r.end.line += delta;
}

/** Moves a parsed line by `delta` lines, ranges included. */
export function shiftLine(l: ParsedLine, delta: number): void {
  l.line += delta;
  if (l.kind === 'parameter') return; // its ranges are made from `line` when read
  const x = l as Partial<Record<'range' | 'nameRange' | 'equalsRange' | 'valueRange' | 'targetRange', Range>>;
  shiftRange(x.range, delta);
  shiftRange(x.nameRange, delta);
  shiftRange(x.equalsRange, delta);
  shiftRange(x.valueRange, delta);
  shiftRange(x.targetRange, delta);
}

export class OpenDocument {
  readonly model: TextModel;
  private doc!: ParsedDocument;
  /** Lines that are template statements (they decide `isTemplate` when near the top). */
  private statements = new Set<ParsedLine>();
  private nulLines = 0;

  constructor(
    text: string,
    readonly fileName: string,
  ) {
    this.model = new TextModel(text);
    this.parseAll();
  }

  /** The current parse; a new object after every edit, so caches keyed by it stay right. */
  get parsed(): ParsedDocument {
    return this.doc;
  }

  getText(): string {
    return this.model.getText();
  }

  private parseAll(): void {
    this.doc = parseSource(this.model, this.fileName);
    this.statements = new Set();
    this.nulLines = 0;
    for (const l of this.doc.lines) this.count(l, 1);
  }

  private count(l: ParsedLine, sign: 1 | -1): void {
    if (l.text.includes('\u0000')) this.nulLines += sign;
    if (isTemplateStatement(l.text)) {
      if (sign > 0) this.statements.add(l);
      else this.statements.delete(l);
    }
  }

  /** Applies one change and re-parses what it touched. */
  apply(change: ContentChange): ParseChange {
    const old = this.doc;
    const span = this.model.apply(change.range, change.text);
    const removed = old.lines.slice(span.start, span.start + span.deleted);
    if (!change.range || old.isLegacy || old.isBinary) return this.full(span, removed);
    for (const l of removed) this.count(l, -1);
    const fresh: ParsedLine[] = [];
    for (let i = 0; i < span.inserted; i++) {
      const line = span.start + i;
      const text = this.model.lineText(line);
      const hasBom = line === 0 && text.charCodeAt(0) === 0xfeff;
      const l = parseLine(line, text, this.model.lineEol(line), hasBom ? 1 : 0, old.isTemplate, undefined);
      fresh.push(l);
      this.count(l, 1);
    }
    const lines = old.lines;
    replace(lines, span.start, span.deleted, fresh);
    const delta = span.inserted - span.deleted;
    if (delta !== 0) for (let i = span.start + span.inserted; i < lines.length; i++) shiftLine(lines[i], delta);
    if (this.fileLevelChanged(old, fresh)) return this.full(span, removed);
    const first = this.model.lineText(0);
    this.doc = { ...old, lines, hasBom: first.charCodeAt(0) === 0xfeff, eol: lines.length > 1 ? this.model.lineEol(0) : '\n' };
    return { ...span, full: false, removed };
  }

  /** Did the edit change what the whole file decides? Then every line must be parsed again. */
  private fileLevelChanged(old: ParsedDocument, fresh: ParsedLine[]): boolean {
    if (fresh.some((l) => l.kind === 'section')) return true;
    if (this.nulLines > 0 || isBinaryLines(this.model, false)) return true;
    let template = isTemplateFileName(this.fileName);
    if (!template) for (const l of this.statements) if (l.line < TEMPLATE_SCAN_LINES) template = true;
    return template !== old.isTemplate;
  }

  private full(span: LineSpan, removed: ParsedLine[]): ParseChange {
    this.parseAll();
    return { ...span, full: true, removed };
  }
}
