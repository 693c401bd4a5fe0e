// The values a file gives its parameters, with defaults and `-1` inheritance applied: what the phone
// would use for a parameter if this file were the only one it loaded. Validation (conditions) and hover
// both ask it, so they always agree.

import { PLACEHOLDER, type Catalog, type ParameterMatch } from '../catalog/catalog';
import { hasTemplateSyntax } from '../parser';
import type { Condition, ParameterLine, ParsedDocument } from '../types';
import { isDomainName } from '../catalog/valueTypes';

export interface ResolvedValue {
  value: string;
  /** Where the value comes from: a line of this file or the catalogue default. */
  origin: 'line' | 'default';
  /** The 0-based line that sets it (origin 'line'). */
  line?: number;
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

const perDocument = new WeakMap<ParsedDocument, FileValues>();

export class FileValues {
  /** One instance per parsed document: hover and validation of the same parse share it. */
  static of(doc: ParsedDocument, catalog: Catalog): FileValues {
    let v = perDocument.get(doc);
    if (!v || v.catalog !== catalog) {
      v = new FileValues(doc, catalog);
      perDocument.set(doc, v);
    }
    return v;
  }

  /** The last line setting each name: the one that takes effect. */
  private readonly last = new Map<string, ParameterLine>();

  constructor(
    doc: ParsedDocument,
    private readonly catalog: Catalog,
  ) {
    for (const l of doc.lines) if (l.kind === 'parameter') this.last.set(this.canonical(l.name), l);
  }

  /** One spelling per setting: a name written with an alias (`foo` for `static.foo`) maps to the entry's name. */
  canonical(name: string): string {
    // No catalogue name comes near this length, and looking a very long name up costs time.
    if (name.length > 256) return name;
    const match = this.catalog.lookup(name);
    return match?.isAlias ? substitute(match.entry.name, match) : name;
  }

  lineOf(name: string): ParameterLine | undefined {
    return this.last.get(this.canonical(name));
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
    const line = values.lineOf(param);
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
  const where = r.origin === 'line' ? `line ${r.line! + 1}` : 'the default';
  return r.inheritedFrom ? `inherited through -1 from ${r.inheritedFrom}, ${where}` : where;
}
