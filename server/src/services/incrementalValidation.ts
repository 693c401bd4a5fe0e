// Diagnostics kept up to date edit by edit. An edit re-checks only the lines whose result can change:
// the lines it replaced, the line after them (a disable comment silences the next line), the lines that
// share a name with a changed line (duplicates, the value that takes effect), and the lines whose
// conditions or `-1` inheritance read a changed name (an index of who reads whom, recorded while they
// are checked). The result equals a full check of the same text: the full check is the specification
// and a property test compares the two after long random edit sequences.

import type { Catalog } from '../catalog/catalog';
import type { ParseChange } from '../openDocument';
import { replace } from '../textModel';
import type { DocumentContext, EarlierValue, ParameterLine, ParsedDocument, ParsedLine, Range, SiteContext, YealinkDiagnostic } from '../types';
import { FileValues, type EarlierValues } from './fileValues';
import { checkSite } from './siteChecks';
// Beyond MAX_SUGGESTION_SEARCHES unknown names each edit checks the whole file (suggestions are budgeted per file).
import { byPosition, DiagnosticSink, disabledAt, LINE_CHECKED_KINDS, MAX_SUGGESTION_SEARCHES, type CheckedLine, type LineEnv, type Validator } from './validation';

/** One line's results; for a parameter line it is also the CheckedLine the file-wide checks take. */
interface LineResult extends CheckedLine {
  parsed: ParsedLine;
  /** The key of duplicates (undefined: not a parameter line, or a parameter that may repeat). */
  dupKey?: string;
  /** The canonical name the line sets (parameter lines). */
  canon?: string;
  searched: boolean;
  own?: YealinkDiagnostic[];
  dup?: YealinkDiagnostic[];
  cond?: YealinkDiagnostic[];
  site?: YealinkDiagnostic[];
  /** Canonical names the line's conditions read (itself or through `-1` inheritance). */
  reads?: string[];
}

/** The same file and settings, and a set that says the same model: the kept results may be reused. */
function compatible(a: DocumentContext, b: DocumentContext): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]) as Set<keyof DocumentContext>;
  for (const k of keys) if (k !== 'site' && a[k] !== b[k]) return false;
  return a.site === b.site || a.site?.model === b.site?.model;
}

function sameEarlier(x: EarlierValue | undefined, y: EarlierValue | undefined): boolean {
  if (x === y) return true;
  if (!x || !y) return false;
  const r = x.range;
  const q = y.range;
  return x.value === y.value && x.file === y.file && x.line === y.line &&
    r.start.line === q.start.line && r.start.character === q.start.character && r.end.line === q.end.line && r.end.character === q.end.character;
}

/** Canonical names whose value from earlier files of the set differs between two contexts. */
function changedEarlier(a: SiteContext | undefined, b: SiteContext | undefined): Set<string> {
  const out = new Set<string>();
  const x = a?.earlier ?? new Map<string, EarlierValue>();
  const y = b?.earlier ?? new Map<string, EarlierValue>();
  // Files that read the same earlier files share one map of their values: nothing to compare then.
  if (x === y) return out;
  for (const [k, v] of x) if (!sameEarlier(v, y.get(k))) out.add(k);
  for (const k of y.keys()) if (!x.has(k)) out.add(k);
  return out;
}

function cloneRange(r: Range): Range {
  return { start: { line: r.start.line, character: r.start.character }, end: { line: r.end.line, character: r.end.character } };
}

/** Diagnostics kept here own their ranges: the parse moves its own ranges when lines shift. */
function owned(items: YealinkDiagnostic[]): YealinkDiagnostic[] | undefined {
  if (items.length === 0) return undefined;
  return items.map((d) => ({
    ...d,
    range: cloneRange(d.range),
    ...(d.relatedInformation ? { relatedInformation: d.relatedInformation.map((r) => ({ ...r, range: cloneRange(r.range) })) } : {}),
  }));
}

function shift(items: YealinkDiagnostic[] | undefined, delta: number): void {
  for (const d of items ?? []) {
    d.range.start.line += delta;
    d.range.end.line += delta;
  }
}

function insertSorted(group: LineResult[], r: LineResult): void {
  let lo = 0;
  let hi = group.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (group[mid].parsed.line < r.parsed.line) lo = mid + 1;
    else hi = mid;
  }
  group.splice(lo, 0, r);
}

/** Lines by a key, in line order; a key of one line keeps the line itself (most keys have one). */
class Groups {
  private readonly map = new Map<string, LineResult | LineResult[]>();

  clear(): void {
    this.map.clear();
  }

  get(key: string): LineResult[] | undefined {
    const g = this.map.get(key);
    return g === undefined ? undefined : Array.isArray(g) ? g : [g];
  }

  last(key: string): LineResult | undefined {
    const g = this.map.get(key);
    return Array.isArray(g) ? g[g.length - 1] : g;
  }

  /** Adds a line; returns how many lines the key has now. */
  add(key: string, r: LineResult): number {
    const g = this.map.get(key);
    if (g === undefined) {
      this.map.set(key, r);
      return 1;
    }
    if (!Array.isArray(g)) {
      this.map.set(key, g.parsed.line < r.parsed.line ? [g, r] : [r, g]);
      return 2;
    }
    insertSorted(g, r);
    return g.length;
  }

  /** Removes a line; returns how many lines the key has left. */
  remove(key: string, r: LineResult): number {
    const g = this.map.get(key);
    if (g === r) {
      this.map.delete(key);
      return 0;
    }
    if (!Array.isArray(g)) return g ? 1 : 0;
    const i = g.indexOf(r);
    if (i >= 0) g.splice(i, 1);
    if (g.length === 1) this.map.set(key, g[0]);
    return g.length;
  }
}

/** File values whose lines come from the index, recording which names a check reads. */
class IndexedValues extends FileValues {
  reads: Set<string> | undefined;

  constructor(
    catalog: Catalog,
    earlier: EarlierValues | undefined,
    private readonly byName: Groups,
  ) {
    super({ lines: [] } as unknown as ParsedDocument, catalog, earlier);
  }

  override lineOf(name: string): ParameterLine | undefined {
    const key = this.canonical(name);
    this.reads?.add(key);
    return this.byName.last(key)?.line;
  }

  override earlierOf(name: string) {
    this.reads?.add(this.canonical(name));
    return super.earlierOf(name);
  }
}

export class IncrementalValidator {
  private ctx: DocumentContext | undefined;
  private doc!: ParsedDocument;
  private env!: LineEnv;
  /** Parallel to the document's lines. */
  private results: (LineResult | undefined)[] = [];
  private readonly dupGroups = new Groups();
  private readonly byName = new Groups();
  private readonly readers = new Map<string, Set<LineResult>>();
  /** Keys of duplicate groups with more than one line. */
  private readonly repeated = new Set<string>();
  private values!: IndexedValues;
  private searches = 0;
  /** Set when the whole file must be checked at the next request (no state kept, or too many unknowns). */
  private stale = true;
  /**
   * Set by the first edit (or `prepare`). Until then a request gets the plain full check: indexing every
   * line costs about three full checks, and a document that is only read never needs the index.
   */
  private indexing = false;

  constructor(
    private readonly validator: Validator,
    private readonly catalog: Catalog,
  ) {}

  private readonly disabled = { get: (line: number) => disabledAt(this.doc.lines, line) };
  private sink(): DiagnosticSink {
    return new DiagnosticSink(this.ctx?.settings, this.disabled);
  }

  /** Diagnostics of the document as it is now, in the order of a full check. */
  diagnostics(doc: ParsedDocument, ctx: DocumentContext): YealinkDiagnostic[] {
    if (this.needsRebuild(doc, ctx)) {
      if (!this.indexing) return this.validator.validate(doc, ctx);
      this.rebuild(doc, ctx);
    } else if (ctx.site !== this.ctx!.site) this.siteChanged(doc, ctx);
    else this.ctx = ctx;
    if (this.stale) return this.validator.validate(doc, ctx);
    this.doc = doc;
    return this.assemble();
  }

  /** Builds the index now (the document is about to be edited), so that the first edit is cheap too. */
  prepare(doc: ParsedDocument, ctx: DocumentContext): void {
    this.indexing = true;
    if (this.needsRebuild(doc, ctx)) this.rebuild(doc, ctx);
  }

  private needsRebuild(doc: ParsedDocument, ctx: DocumentContext): boolean {
    return !this.ctx || !compatible(ctx, this.ctx) || this.stale || doc.isBinary || doc.isLegacy;
  }

  /** The set's values changed (an earlier file was edited): re-check the readers of the names that differ. */
  private siteChanged(doc: ParsedDocument, ctx: DocumentContext): void {
    const names = changedEarlier(this.ctx?.site, ctx.site);
    this.ctx = ctx;
    this.doc = doc;
    this.values = new IndexedValues(this.catalog, ctx.site?.earlier, this.byName);
    const touched: Touched = { dup: new Set(), names, conditions: new Set() };
    // Redundant values are judged per name; a name the file sets is re-judged when its earlier value changed.
    this.settle(touched);
  }

  /** Follows one edit of the parse; cheap when nothing was checked yet. */
  update(doc: ParsedDocument, change: ParseChange): void {
    this.indexing = true;
    if (this.stale || !this.ctx) return;
    if (change.full || doc.isBinary || doc.isLegacy) {
      this.stale = true;
      return;
    }
    this.doc = doc;
    const touched = { dup: new Set<string>(), names: new Set<string>(), conditions: new Set<LineResult>() };
    const old = this.results.slice(change.start, change.start + change.deleted);
    for (const r of old) if (r) this.unindex(r, touched);
    replace(this.results, change.start, change.deleted, new Array<LineResult | undefined>(change.inserted).fill(undefined));
    const delta = change.inserted - change.deleted;
    if (delta !== 0) this.shiftAfter(change.start + change.inserted, delta, touched);
    const after = change.start + change.inserted;
    const recheck: number[] = [];
    for (let i = change.start; i < after; i++) recheck.push(i);
    if (after < doc.lines.length) recheck.push(after);
    for (const i of recheck) {
      const prev = this.results[i];
      if (prev) this.unindex(prev, touched);
      this.results[i] = this.check(doc.lines[i], touched);
    }
    if (this.searches > MAX_SUGGESTION_SEARCHES) {
      this.stale = true;
      return;
    }
    this.settle(touched);
  }

  /** Checks every line from scratch and builds the indexes. */
  private rebuild(doc: ParsedDocument, ctx: DocumentContext): void {
    this.ctx = ctx;
    this.doc = doc;
    this.results = new Array(doc.lines.length);
    this.dupGroups.clear();
    this.byName.clear();
    this.readers.clear();
    this.repeated.clear();
    this.searches = 0;
    this.stale = doc.isBinary || doc.isLegacy;
    if (this.stale) return;
    this.env = this.validator.lineEnv(doc, ctx);
    this.values = new IndexedValues(this.catalog, ctx.site?.earlier, this.byName);
    const touched = { dup: new Set<string>(), names: new Set<string>(), conditions: new Set<LineResult>() };
    for (let i = 0; i < doc.lines.length; i++) {
      this.results[i] = this.check(doc.lines[i], touched);
      // Too many unknown names: suggestions are budgeted per file, so every request checks the whole file.
      if (this.searches > MAX_SUGGESTION_SEARCHES) {
        this.stale = true;
        return;
      }
    }
    this.settle(touched);
  }

  /** The per-line checks of one line; indexes it and notes what the file-wide checks must look at. */
  private check(l: ParsedLine, touched: Touched): LineResult | undefined {
    // Comments, blank lines, the header and template lines have no per-line checks (the header is
    // checked with the file): most lines of a large file, so they cost no sink.
    if (!LINE_CHECKED_KINDS.has(l.kind)) return undefined;
    const sink = this.sink();
    const budget = { suggestions: 1 };
    const c = this.validator.checkLine(l, this.env, sink, budget, { reported: true });
    if (!c && sink.items.length === 0) return undefined;
    const r: LineResult = { parsed: l, line: c?.line as ParameterLine, clean: c?.clean ?? false, searched: budget.suggestions < 1 };
    if (c?.match) r.match = c.match;
    r.own = owned(sink.items);
    if (r.searched) this.searches++;
    if (!c) return r;
    if (!c.match?.entry.multiple) r.dupKey = c.line.name;
    r.canon = this.values.canonical(c.line.name);
    this.index(r, touched);
    return r;
  }

  private index(r: LineResult, touched: Touched): void {
    if (r.dupKey !== undefined) {
      if (this.dupGroups.add(r.dupKey, r) > 1) this.repeated.add(r.dupKey);
      touched.dup.add(r.dupKey);
    }
    if (r.canon !== undefined) {
      this.byName.add(r.canon, r);
      touched.names.add(r.canon);
      touched.conditions.add(r);
    }
  }

  private unindex(r: LineResult, touched: Touched): void {
    if (r.searched) this.searches--;
    if (r.dupKey !== undefined && this.dupGroups.remove(r.dupKey, r) < 2) this.repeated.delete(r.dupKey);
    if (r.canon !== undefined) this.byName.remove(r.canon, r);
    if (r.dupKey !== undefined) touched.dup.add(r.dupKey);
    if (r.canon !== undefined) touched.names.add(r.canon);
    this.forgetReads(r);
    touched.conditions.delete(r);
  }

  private forgetReads(r: LineResult): void {
    for (const k of r.reads ?? []) {
      const set = this.readers.get(k);
      set?.delete(r);
      if (set?.size === 0) this.readers.delete(k);
    }
    r.reads = undefined;
  }

  private readonly faulty = {
    has: (line: number): boolean => {
      const r = this.results[line];
      return r !== undefined && r.canon !== undefined && !r.clean;
    },
  };

  /** Runs the file-wide checks on what changed: duplicate groups, readers of changed names, site checks. */
  private settle(t: Touched): void {
    for (const key of t.dup) {
      const g = this.dupGroups.get(key);
      if (!g) continue;
      for (const r of g) r.dup = undefined;
      if (g.length < 2 || this.doc.isTemplate) continue;
      const sink = this.sink();
      this.validator.checkDuplicates(g, sink);
      this.distribute(sink.items, 'dup');
    }
    for (const k of t.names) for (const r of this.readers.get(k) ?? []) t.conditions.add(r);
    for (const r of t.conditions) this.checkConditions(r);
    const site = this.ctx?.site;
    const noIncludes = site && site.earlier.size > 0 ? { ...site, missingIncludes: undefined } : undefined;
    for (const k of t.names) {
      const g = this.byName.get(k);
      if (!g) continue;
      for (const r of g) r.site = undefined;
      if (!noIncludes) continue;
      const sink = this.sink();
      checkSite(g, noIncludes, sink);
      this.distribute(sink.items, 'site');
    }
  }

  private distribute(items: YealinkDiagnostic[], bucket: 'dup' | 'site' | 'cond'): void {
    for (const d of owned(items) ?? []) {
      const r = this.results[d.range.start.line];
      if (r) (r[bucket] ??= []).push(d);
    }
  }

  private checkConditions(r: LineResult): void {
    this.forgetReads(r);
    r.cond = undefined;
    if (!r.clean || !r.match?.entry.conditions?.length || !this.ctx) return;
    const sink = this.sink();
    const reads = new Set<string>();
    this.values.reads = reads;
    this.validator.checkConditions(this.doc, [r], sink, this.ctx, { values: this.values, faulty: this.faulty });
    this.values.reads = undefined;
    r.cond = owned(sink.items);
    r.reads = [...reads];
    for (const k of reads) {
      let set = this.readers.get(k);
      if (!set) this.readers.set(k, (set = new Set()));
      set.add(r);
    }
  }

  /** Every diagnostic in the order of a full check: by position, and per position in the order checks run. */
  private assemble(): YealinkDiagnostic[] {
    const sink = this.sink();
    this.validator.checkHeader(this.doc, sink);
    const out = sink.items;
    for (const r of this.results) {
      if (!r) continue;
      if (r.own) for (const d of r.own) out.push(d);
      if (r.dup) for (const d of r.dup) out.push(d);
      if (r.cond) for (const d of r.cond) out.push(d);
      if (r.site) for (const d of r.site) out.push(d);
    }
    const site = this.ctx?.site;
    if (site?.missingIncludes?.length) {
      const includes = this.sink();
      checkSite([], { ...site, earlier: new Map() }, includes);
      for (const d of includes.items) out.push(d);
    }
    return out.sort(byPosition);
  }

  /** Lines after an insertion or deletion move; results that name other lines' numbers are made again. */
  private shiftAfter(from: number, delta: number, touched: Touched): void {
    for (let i = from; i < this.results.length; i++) {
      const r = this.results[i];
      if (!r) continue;
      shift(r.own, delta);
      shift(r.site, delta);
    }
    for (const key of this.repeated) {
      const last = this.dupGroups.last(key);
      if (last && last.parsed.line >= from) touched.dup.add(key);
    }
    for (const r of this.results) if (r?.cond) touched.conditions.add(r);
  }
}

interface Touched {
  dup: Set<string>;
  names: Set<string>;
  conditions: Set<LineResult>;
}
