// The parameter catalogue: entries from the data files, indexed so that looking up a concrete name
// (`account.3.sip_server.2.expires`) costs one map lookup, whatever the catalogue's size.

import { distance } from 'fastest-levenshtein';
import { parseFirmware } from './firmware';
import { NameTable } from './nameTable';
import type { CatalogData, CatalogEntry, IndexSpec, ModelInfo, Rename, ValidationSettings } from '../types';

/** A pattern segment that is one capital letter is a placeholder (`account.X.label`). */
export const PLACEHOLDER = /^[A-Z]$/;
/**
 * In a concrete name, a segment that stands for "any index" as written in guides and vendor templates:
 * a capital letter, a lower-case `x`, `*` or a printf `%d` (`account.x.share_line.barge_in.enable`).
 */
const LITERAL_INDEX = /^(?:[A-Z]|x|\*|%d)$/;
const NUMBER = /^\d+$/;
// A template expression inside a name may itself contain dots: `account.{$row.line}.label`.
const NAME_TOKEN = /\{\{.*?\}\}|\{%.*?%\}|\{\$[^}]*\}|\$\{[^}]*\}|\{[a-z_]+\}|\$[A-Za-z_][A-Za-z0-9_]*|@[A-Z_]+@|[^.]/y;
/** Longer names are never parameters (the longest known is under 100 characters). */
export const MAX_NAME_LENGTH = 256;
/** The segment that stands for any index in the lookup keys. */
const ANY_INDEX = '#';
/** The segment that stands for a template expression or literal letter where a word index goes. */
const ANY_WORD = '#w';

export interface NameSegment {
  text: string;
  start: number;
  end: number;
  isTemplate: boolean;
}

/** Splits a concrete name into its dot-separated segments, keeping template expressions whole. */
export function splitName(name: string): NameSegment[] {
  const segs: NameSegment[] = [];
  if (!/[{$@]/.test(name)) {
    // Fast path: no template expression, so every dot separates segments.
    let start = 0;
    for (const text of name.split('.')) {
      segs.push({ text, start, end: start + text.length, isTemplate: false });
      start += text.length + 1;
    }
    return segs;
  }
  let start = 0;
  let isTemplate = false;
  let i = 0;
  while (i < name.length) {
    if (name[i] === '.') {
      segs.push({ text: name.slice(start, i), start, end: i, isTemplate });
      start = i + 1;
      isTemplate = false;
      i++;
      continue;
    }
    NAME_TOKEN.lastIndex = i;
    const m = NAME_TOKEN.exec(name);
    const len = m ? m[0].length : 1;
    if (len > 1) isTemplate = true;
    i += len;
  }
  segs.push({ text: name.slice(start), start, end: name.length, isTemplate });
  return segs;
}

export interface IndexValue {
  /** The placeholder letter in the pattern. */
  letter: string;
  /** The concrete segment text (`3`, `pcmu`, a template expression or a literal `X`). */
  text: string;
  /** Offsets of the segment within the name. */
  start: number;
  end: number;
  spec: IndexSpec;
  /** The segment is a template expression or a literal placeholder letter: not checkable. */
  isSymbolic: boolean;
}

export interface ParameterMatch {
  entry: CatalogEntry;
  /** The spelling that matched: the entry's name or one of its aliases. */
  pattern: string;
  isAlias: boolean;
  indices: IndexValue[];
  /** The spelling is a name older firmware used, which newer firmware renamed. */
  renamed?: Rename;
}

export interface PatternRecord {
  pattern: string;
  entry: CatalogEntry;
  isAlias: boolean;
  segments: string[];
  renamed?: Rename;
}

export class Catalog {
  readonly entries: readonly CatalogEntry[];
  readonly models: readonly ModelInfo[];
  /** Every spelling (name and aliases) with its segments, for completion and suggestions. */
  readonly patterns: readonly PatternRecord[];
  readonly renames: readonly Rename[];
  private readonly byKey = new Map<string, PatternRecord>();
  private readonly byPattern = new Map<string, CatalogEntry>();
  private readonly suggestionCache = new Map<string, string[]>();
  /** Per pattern, what suggestions compare an unknown name with (see comparedForm); made at the first search. */
  private comparedForms: (string | undefined)[] | undefined;
  /** Every concrete name looked up so far, numbered, with its match (see NameTable). */
  readonly names = new NameTable<ParameterMatch>();

  constructor(data: CatalogData) {
    this.entries = data.entries;
    this.models = data.models;
    const patterns: PatternRecord[] = [];
    for (const entry of data.entries) {
      for (const pattern of [entry.name, ...(entry.aliases ?? [])]) {
        const rec: PatternRecord = { pattern, entry, isAlias: pattern !== entry.name, segments: pattern.split('.') };
        patterns.push(rec);
        this.byPattern.set(pattern, entry);
        for (const key of expandKeys(rec.segments, entry.indices)) {
          if (!this.byKey.has(key)) this.byKey.set(key, rec);
        }
      }
    }
    this.renames = data.renames ?? [];
    for (const renamed of this.renames) {
      const entry = this.byPattern.get(renamed.current);
      if (!entry || this.byPattern.has(renamed.old)) continue;
      const rec: PatternRecord = { pattern: renamed.old, entry, isAlias: true, segments: renamed.old.split('.'), renamed };
      patterns.push(rec);
      this.byPattern.set(renamed.old, entry);
      for (const key of expandKeys(rec.segments, entry.indices)) {
        if (!this.byKey.has(key)) this.byKey.set(key, rec);
      }
    }
    this.patterns = patterns;
  }

  /**
   * The current name for a line that uses a renamed name: the current pattern written with the line's
   * own indices (by placeholder letter); placeholders the old name lacked take their lowest value.
   */
  currentName(match: ParameterMatch): string | undefined {
    if (!match.renamed) return undefined;
    const byLetter = new Map(match.indices.map((ix) => [ix.letter, ix.text]));
    const indices = match.entry.indices;
    return match.renamed.current
      .split('.')
      .map((seg) => (PLACEHOLDER.test(seg) ? (byLetter.get(seg) ?? indices?.[seg]?.values?.[0] ?? String(indices?.[seg]?.min ?? 1)) : seg))
      .join('.');
  }

  /** The firmware generation the settings target (`yealinkCfg.firmware`), if they name a valid one. */
  firmwareOf(settings: ValidationSettings | undefined): number | undefined {
    return parseFirmware(settings?.firmware);
  }

  /** Forgets the names looked up so far (when no document is open, they only take memory). */
  clearCaches(): void {
    this.names.clear();
    this.suggestionCache.clear();
  }

  /** The entry whose name or alias is exactly this pattern (`account.X.sip_server.Y.address`). */
  entryByPattern(pattern: string): CatalogEntry | undefined {
    return this.byPattern.get(pattern);
  }

  /**
   * The entry a concrete name belongs to, with its index values. Results are kept per name: a file is
   * validated again on every edit, and its names rarely change between two validations.
   */
  lookup(name: string): ParameterMatch | undefined {
    return this.lookupId(this.nameId(name), name);
  }

  /** The name's number in `names`; -1 for a name too long to be one (or a full table). */
  nameId(name: string): number {
    // No parameter name comes near this length; refusing early keeps pathological lines cheap.
    return name.length > MAX_NAME_LENGTH ? -1 : this.names.idOf(name);
  }

  /** `lookup` of a name whose number `nameId` gave. */
  lookupId(id: number, name: string): ParameterMatch | undefined {
    if (id < 0) return name.length > MAX_NAME_LENGTH ? undefined : this.lookupUncached(name);
    const known = this.names.matchAt(id);
    if (known !== undefined) return known ?? undefined;
    const found = this.lookupUncached(name);
    this.names.setMatch(id, found ?? null);
    return found;
  }

  private lookupUncached(name: string): ParameterMatch | undefined {
    const segs = splitName(name);
    const key = segs.map((s) => (NUMBER.test(s.text) || s.isTemplate || LITERAL_INDEX.test(s.text) ? ANY_INDEX : s.text)).join('.');
    const rec = this.byKey.get(key) ?? this.byKey.get(segs.map((s) => s.text).join('.')) ?? this.lookupSymbolicWords(segs);
    if (!rec) return undefined;
    const indices: IndexValue[] = [];
    rec.segments.forEach((p, i) => {
      if (!PLACEHOLDER.test(p)) return;
      const seg = segs[i];
      indices.push({
        letter: p,
        text: seg.text,
        start: seg.start,
        end: seg.end,
        spec: rec.entry.indices?.[p] ?? {},
        isSymbolic: seg.isTemplate || LITERAL_INDEX.test(seg.text),
      });
    });
    return { entry: rec.entry, pattern: rec.pattern, isAlias: rec.isAlias, indices, ...(rec.renamed ? { renamed: rec.renamed } : {}) };
  }

  /**
   * A template expression or a literal letter may also stand where a word index goes
   * (`account.1.codec.{$codec}.enable`): tries each symbolic segment as a word index.
   */
  private lookupSymbolicWords(segs: NameSegment[]): PatternRecord | undefined {
    const symbolic = segs.map((s, i) => (s.isTemplate || LITERAL_INDEX.test(s.text) ? i : -1)).filter((i) => i >= 0);
    if (symbolic.length === 0 || symbolic.length > 6) return undefined;
    const base = segs.map((s) => (NUMBER.test(s.text) || s.isTemplate || LITERAL_INDEX.test(s.text) ? ANY_INDEX : s.text));
    for (let mask = 1; mask < 1 << symbolic.length; mask++) {
      const key = base.map((t, i) => {
        const bit = symbolic.indexOf(i);
        return bit >= 0 && mask & (1 << bit) ? ANY_WORD : t;
      });
      const rec = this.byKey.get(key.join('.'));
      if (rec) return rec;
    }
    return undefined;
  }

  /**
   * The parameter holds a password, key or PIN (the entry's `sensitive` flag): its value is never shown
   * by hover, outline, hints or messages.
   */
  isSensitive(name: string): boolean {
    return this.lookup(name)?.entry.sensitive === true;
  }

  /** The model a file is for: its common file name (`y000000000096.cfg`), else the `model` setting. */
  modelFor(fileName: string, settings?: ValidationSettings): ModelInfo | undefined {
    const base = fileName.split(/[\\/]/).pop() ?? '';
    const m = /^(y\d{12})\.cfg$/i.exec(base);
    // y000000000000.cfg is shared by many models in practice, so it does not narrow the ranges.
    if (m && m[1].toLowerCase() !== 'y000000000000') {
      const byId = this.models.find((x) => x.id === m[1].toLowerCase());
      if (byId) return byId;
    }
    const wanted = settings?.model?.trim().toLowerCase();
    if (!wanted) return undefined;
    return this.models.find(
      (x) => x.id === wanted || x.names.some((n) => n.toLowerCase().replace(/\s+/g, '') === wanted.replace(/\s+/g, '')),
    );
  }

  /** The highest index a placeholder allows, for the model if known. */
  indexMax(spec: IndexSpec, model: ModelInfo | undefined): number | undefined {
    const perModel = spec.per ? model?.limits?.[spec.per] : undefined;
    return perModel ?? spec.max;
  }

  /** Replaces a pattern's placeholders with concrete index texts, in order; missing ones become their minimum. */
  fill(pattern: string, indexTexts: string[], indices?: Record<string, IndexSpec>): string {
    let n = 0;
    return pattern
      .split('.')
      .map((seg) => {
        if (!PLACEHOLDER.test(seg)) return seg;
        const given = indexTexts[n++];
        if (given !== undefined) return given;
        const spec = indices?.[seg];
        return spec?.values?.[0] ?? String(spec?.min ?? 1);
      })
      .join('.');
  }

  /** Known names closest to an unknown one, written with the unknown name's own indices (numbers and words). */
  suggest(name: string, limit = 3): string[] {
    const segs = splitName(name);
    const texts = segs.map((s) => s.text);
    const isIndex = segs.map((s) => NUMBER.test(s.text) || s.isTemplate);
    const key = segs.map((s, i) => (isIndex[i] ? 'X' : s.text)).join('.');
    const cacheKey = `${limit}\u0000${key}`;
    let best = this.suggestionCache.get(cacheKey);
    if (!best) {
      // A few spare candidates: some may fill to a name the catalogue refuses and are dropped below.
      best = this.closestPatterns(key, limit + 3, texts);
      if (this.suggestionCache.size > 5000) this.suggestionCache.clear();
      this.suggestionCache.set(cacheKey, best);
    }
    const isTemplate = segs.map((s) => s.isTemplate);
    const out: string[] = [];
    for (const p of best) {
      const s = this.fillFrom(p, texts, isIndex, isTemplate);
      // A suggestion is a name the catalogue knows, never the name itself.
      if (s !== name && !out.includes(s) && this.lookup(s)) out.push(s);
      if (out.length === limit) break;
    }
    return out;
  }

  /** Fills a pattern from a concrete name: word indices by position, numeric ones in order. */
  private fillFrom(pattern: string, texts: string[], isIndex: boolean[], isTemplate: boolean[]): string {
    const indices = this.byPattern.get(pattern)?.indices;
    const segments = pattern.split('.');
    const wordAt = (i: number) => PLACEHOLDER.test(segments[i] ?? '') && !!indices?.[segments[i]]?.values;
    const numeric = texts.filter((_, i) => isIndex[i] && !wordAt(i));
    let n = 0;
    return segments
      .map((seg, i) => {
        if (!PLACEHOLDER.test(seg)) return seg;
        const spec = indices?.[seg];
        // A word slot keeps the name's own word or template expression; a number there is not a word.
        if (spec?.values) return spec.values.includes(texts[i]) || isTemplate[i] ? texts[i] : spec.values[0];
        return numeric[n++] ?? String(spec?.min ?? 1);
      })
      .join('.');
  }

  private closestPatterns(key: string, limit: number, texts: string[]): string[] {
    const lower = key.toLowerCase();
    // Distances are compared on names with every placeholder written as X, so indices do not count;
    // a word index the unknown name gives where the pattern takes words is compared as itself.
    const budget = Math.max(2, Math.floor(key.length / 5));
    const scored: { p: string; d: number }[] = [];
    const forms = (this.comparedForms ??= this.patterns.map(comparedForm));
    for (let i = 0; i < this.patterns.length; i++) {
      const rec = this.patterns[i];
      if (rec.isAlias || rec.entry.deprecated) continue;
      const cand = forms[i] ?? wordIndexForm(rec, texts);
      if (Math.abs(cand.length - key.length) > budget) continue;
      const d = cand === lower ? 0 : distance(lower, cand);
      if (d <= budget) scored.push({ p: rec.pattern, d });
    }
    scored.sort((a, b) => a.d - b.d || a.p.localeCompare(b.p));
    return scored.slice(0, limit).map((s) => s.p);
  }
}

/**
 * A pattern as suggestions compare it, placeholders written as X, in lower case. Undefined for a pattern
 * with a word index: the unknown name's own word may stand there, so the form depends on the name.
 */
function comparedForm(rec: PatternRecord): string | undefined {
  return rec.segments.some((s) => PLACEHOLDER.test(s) && rec.entry.indices?.[s]?.values) ? undefined : wordIndexForm(rec, []);
}

/** The compared form with the unknown name's own words where the pattern takes them (`texts`: its segments). */
function wordIndexForm(rec: PatternRecord, texts: string[]): string {
  return rec.segments
    .map((s, i) => (PLACEHOLDER.test(s) ? (rec.entry.indices?.[s]?.values?.includes(texts[i]) ? texts[i] : 'X') : s))
    .join('.')
    .toLowerCase();
}

function expandKeys(segments: string[], indices: Record<string, IndexSpec> | undefined): string[] {
  let keys = [''];
  for (const seg of segments) {
    const values = indices?.[seg]?.values;
    const opts = PLACEHOLDER.test(seg) ? (values ? [...values, ANY_WORD] : [ANY_INDEX]) : [seg];
    keys = keys.flatMap((k) => opts.map((o) => (k ? `${k}.${o}` : o)));
  }
  return keys;
}
