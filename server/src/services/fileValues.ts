// The values a file gives its parameters, with defaults and `-1` inheritance applied: what the phone
// would use for a parameter if this file were the only one it loaded. Validation (conditions) and hover
// both ask it, so they always agree.

import { PLACEHOLDER, type Catalog, type ParameterMatch } from '../catalog/catalog';
import { hasTemplateSyntax } from '../parser';
import type { Condition, EarlierValue, ParameterLine, ParsedDocument } from '../types';
import { isDomainName } from '../catalog/valueTypes';
import type { LineByName } from './lastLines';
import { NameMap } from './nameMap';

export interface ResolvedValue {
  value: string;
  /** Where the value comes from: a line of this file, a line of an earlier file of its set, or the catalogue default. */
  origin: 'line' | 'default';
  /** The 0-based line that sets it (origin 'line'). */
  line?: number;
  /** The earlier file that sets it, when not this file. */
  file?: string;
  /** The concrete name that finally gave the value, when reached through `-1` inheritance. */
  inheritedFrom?: string;
  /** The concrete name asked for. */
  name: string;
}

/** Values that say nothing about what the phone will use. */
export function isIndeterminate(value: string): boolean {
  return value === '' || value === '%NULL%' || value === '%EMPTY%' || hasTemplateSyntax(value);
}

/** Replaces each placeholder letter of a pattern with the index text the current line uses for it. */
export function substitute(pattern: string, match: ParameterMatch): string {
  const byLetter = new Map(match.indices.map((i) => [i.letter, i.text]));
  return pattern
    .split('.')
    .map((seg) => (PLACEHOLDER.test(seg) ? (byLetter.get(seg) ?? seg) : seg))
    .join('.');
}

/**
 * One spelling per setting: a name written with an alias (`foo` for `static.foo`) maps to the entry's
 * name. A name too long to be a parameter is not looked up (Catalog.nameId refuses it).
 */
export function canonicalName(catalog: Catalog, name: string): string {
  const match = catalog.lookup(name);
  return match?.isAlias ? substitute(match.entry.name, match) : name;
}

const perDocument = new WeakMap<ParsedDocument, FileValues>();

/** A parameter line and what the catalogue knows of its name (nothing for an unknown name). */
export interface MatchedLine {
  line: ParameterLine;
  match?: ParameterMatch;
}

/**
 * A file's parameter lines by name, as validation builds them in its one pass: the last line of each
 * name as written (a legacy section's names prefixed with the section), and apart the lines whose
 * canonical name differs from that key (aliases, names in sections).
 */
export interface NameIndex {
  lastByName: LineByName;
  others: MatchedLine[];
}

/** Values given by the files a phone reads before this one, by canonical name (see SiteContext). */
export type EarlierValues = ReadonlyMap<string, EarlierValue>;

export class FileValues {
  /** One instance per parsed document and set context: hover and validation of the same parse share it. */
  static of(doc: ParsedDocument, catalog: Catalog, earlier?: EarlierValues, index?: NameIndex): FileValues {
    let v = perDocument.get(doc);
    if (!v || v.catalog !== catalog || v.earlier !== earlier || v.last.isStale?.()) {
      v = new FileValues(doc, catalog, earlier, index);
      perDocument.set(doc, v);
    }
    return v;
  }

  /** The last line setting each name: the one that takes effect. */
  private readonly last: LineByName;

  constructor(
    doc: ParsedDocument,
    private readonly catalog: Catalog,
    /** What earlier files of the set give; this file's own lines win over them. */
    readonly earlier?: EarlierValues,
    /** The file's names as the validator indexed them (saves looking every name up again). */
    index?: NameIndex,
  ) {
    if (!index) {
      this.last = new NameMap(doc.lines.length);
      for (const l of doc.lines) if (l.kind === 'parameter') this.last.set(this.canonical(l.name), l);
      return;
    }
    // Most files spell every name canonically outside sections: the validator's map is already the answer.
    if (index.others.length === 0) {
      this.last = index.lastByName;
      return;
    }
    this.last = index.lastByName.clone();
    for (const { line, match } of index.others) {
      const key = match?.isAlias ? substitute(match.entry.name, match) : line.name;
      const seen = this.last.get(key);
      if (!seen || seen.line < line.line) this.last.set(key, line);
    }
  }

  canonical(name: string): string {
    return canonicalName(this.catalog, name);
  }

  lineOf(name: string): ParameterLine | undefined {
    return this.last.get(this.canonical(name));
  }

  /** The value an earlier file of the set gives a name (this file's own lines not considered). */
  earlierOf(name: string): EarlierValue | undefined {
    return this.earlier?.get(this.canonical(name));
  }

  /** The value the phone would use for a concrete name; undefined when it cannot be known. */
  resolve(name: string, depth = 0): ResolvedValue | undefined {
    if (depth > 8) return undefined; // an inheritance cycle in the data must not hang anything
    const line = this.lineOf(name);
    const match = this.catalog.lookup(name);
    if (line) {
      if (isIndeterminate(line.value)) return undefined;
      if (line.value === '-1' && match?.entry.inherits) return this.inherit(name, match, depth);
      return { value: line.value, origin: 'line', line: line.line, name };
    }
    const before = this.earlierOf(name);
    if (before) {
      if (isIndeterminate(before.value)) return undefined;
      // `-1` is resolved by the phone against the final values, so through this file's lines too.
      if (before.value === '-1' && match?.entry.inherits) return this.inherit(name, match, depth);
      return { value: before.value, origin: 'line', line: before.line, file: before.file, name };
    }
    const def = match?.entry.default;
    if (def === undefined || !match) return undefined;
    if (def === '-1' && match.entry.inherits) return this.inherit(name, match, depth);
    return { value: def, origin: 'default', name };
  }

  private inherit(name: string, match: ParameterMatch, depth: number): ResolvedValue | undefined {
    const target = substitute(match.entry.inherits!, match);
    const r = this.resolve(target, depth + 1);
    return r ? { ...r, name, inheritedFrom: r.inheritedFrom ?? target } : undefined;
  }
}

export interface ConditionState {
  condition: Condition;
  /** The concrete deciding parameter. */
  param: string;
  resolved?: ResolvedValue;
  /** true met, false unmet, undefined unknown (nothing is said). */
  met?: boolean;
}

export function evaluateCondition(condition: Condition, match: ParameterMatch, values: FileValues): ConditionState {
  const param = substitute(condition.param, match);
  const resolved = values.resolve(param);
  if (condition.is === 'nonEmpty') {
    const line = values.lineOf(param) ?? values.earlierOf(param);
    if (line && (line.value === '' || line.value === '%NULL%')) return { condition, param, met: false };
    if (!resolved) return { condition, param };
    return { condition, param, resolved, met: resolved.value !== '' };
  }
  if (!resolved || resolved.value === '') return { condition, param };
  if (condition.is === 'domain') return { condition, param, resolved, met: isDomainName(resolved.value) };
  return { condition, param, resolved, met: condition.in!.includes(resolved.value) };
}

/** Describes where a resolved value comes from: "line 5", "the default", "-1 inherits from ...". */
export function describeOrigin(r: ResolvedValue): string {
  const where = r.origin === 'line' ? `${r.file ? `${r.file}, ` : ''}line ${r.line! + 1}` : 'the default';
  return r.inheritedFrom ? `inherited through -1 from ${r.inheritedFrom}, ${where}` : where;
}
