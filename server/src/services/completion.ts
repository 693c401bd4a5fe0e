// Completion of parameter names (placeholders become snippet tab stops) and of values (the permitted
// values with their meanings, the default first).

import { PLACEHOLDER, type Catalog, type PatternRecord } from '../catalog/catalog';
import { describeType, listValues } from '../catalog/valueTypes';
import type { CatalogEntry, CompletionEntry, ParsedDocument, Position, Range } from '../types';
import { CompletionKind } from '../types';
import { renderEntryDocs } from './entryDocs';
import { substitute } from './fileValues';

function snippetEscape(s: string): string {
  return s.replace(/[$}\\]/g, '\\$&');
}

function choiceEscape(s: string): string {
  return s.replace(/[$}\\,|]/g, '\\$&');
}

interface LineStartName {
  rec: PatternRecord;
  label: string;
  newText: string;
}

export class CompletionService {
  /** Detail and documentation depend only on the entry, so they are rendered once per pattern. */
  private readonly docsCache = new Map<string, { detail: string; documentation: string }>();

  /** Snippets of names completed from nothing typed, per pattern (with and without ` = value`). */
  private readonly snippetCache = new Map<string, { label: string; newText: string }>();

  /** The line-start name list, without and with ` = value` (see lineStartNames). */
  private readonly lineStartCache: [LineStartName[]?, LineStartName[]?] = [];

  constructor(private readonly catalog: Catalog) {}

  private docsFor(entry: CatalogEntry, pattern: string): { detail: string; documentation: string } {
    let d = this.docsCache.get(pattern);
    if (!d) {
      d = { detail: shortType(entry), documentation: renderEntryDocs(entry, pattern) };
      this.docsCache.set(pattern, d);
    }
    return d;
  }

  /** Detail and documentation of a light name item (by its label), given when the editor shows it. */
  resolve(name: string): { detail: string; documentation: string } | undefined {
    const match = this.catalog.lookup(name);
    return match ? this.docsFor(match.entry, match.pattern) : undefined;
  }

  /**
   * `light`: name items without detail and documentation (they come through `resolve`), so a list of
   * two thousand names stays small enough to send on every keystroke.
   */
  complete(doc: ParsedDocument, at: Position, light = false): CompletionEntry[] {
    const line = doc.lines[at.line];
    if (!line) return [];
    const text = line.text;
    const start = at.line === 0 && doc.hasBom ? 1 : 0;
    // A position before the byte order mark or past the line's end means the nearest place on the line,
    // so every range below stays inside the line and ordered.
    const pos = { line: at.line, character: Math.min(Math.max(at.character, start), text.length) };
    const before = text.slice(start, pos.character);
    if (/^\s*[#;]/.test(before)) return []; // inside a comment
    if (line.text.slice(start).trimStart().startsWith('#') && before.trim() === '') return []; // before a comment's '#'
    const eq = text.indexOf('=');
    if (eq >= 0 && pos.character > eq) return this.completeValue(text, eq, pos);
    const lead = before.length - before.trimStart().length;
    const nameStart = start + lead;
    const typed = text.slice(nameStart, pos.character);
    if (/\s/.test(typed)) return [];
    // The name being edited runs to the '=' or the first blank after the cursor.
    const restMatch = /^[^\s=]*/.exec(text.slice(pos.character));
    const nameEnd = pos.character + (restMatch ? restMatch[0].length : 0);
    const replace: Range = { start: { line: pos.line, character: nameStart }, end: { line: pos.line, character: nameEnd } };
    return this.completeName(typed, replace, eq < 0, light);
  }

  private completeName(typed: string, replace: Range, addValue: boolean, light: boolean): CompletionEntry[] {
    if (typed === '') return this.lineStartNames(addValue).map((t) => this.itemOf(t.rec, t.label, { range: replace, newText: t.newText }, light));
    const typedSegs = typed.split('.');
    const done = typedSegs.slice(0, -1); // complete segments
    const partial = typedSegs[typedSegs.length - 1];
    const items: CompletionEntry[] = [];
    for (const rec of this.catalog.patterns) {
      if (rec.isAlias) continue;
      const segs = rec.segments;
      if (segs.length <= done.length) continue;
      const given = this.matchPrefix(rec, done);
      if (!given) continue;
      const next = segs[done.length];
      if (!PLACEHOLDER.test(next) && !next.startsWith(partial)) continue;
      const spec = PLACEHOLDER.test(next) ? rec.entry.indices?.[next] : undefined;
      if (PLACEHOLDER.test(next) && partial !== '' && (spec?.values ? !spec.values.some((v) => v.startsWith(partial)) : !/^\d+$/.test(partial))) continue;
      // A number already typed where an index goes is kept as that index, not replaced by a tab stop.
      const typedIndex = PLACEHOLDER.test(next) && !spec?.values && partial !== '' ? [partial] : [];
      items.push(this.nameItem(rec, [...given, ...typedIndex], replace, addValue, light));
    }
    return items;
  }

  /**
   * The names offered where nothing is typed yet (the most frequent and the longest list), with their
   * snippets, made once per form (with or without ` = value`); only the replaced range differs per call.
   */
  private lineStartNames(addValue: boolean): readonly LineStartName[] {
    const i = addValue ? 1 : 0;
    let names = this.lineStartCache[i];
    if (!names) {
      names = [];
      for (const rec of this.catalog.patterns) {
        if (rec.isAlias) continue;
        names.push({ rec, label: this.catalog.fill(rec.pattern, [], rec.entry.indices), newText: this.nameSnippet(rec, [], addValue) });
      }
      this.lineStartCache[i] = names;
    }
    return names;
  }

  /** Index texts the typed prefix gives for the pattern's placeholders, or undefined if it does not fit. */
  private matchPrefix(rec: PatternRecord, done: string[]): string[] | undefined {
    const given: string[] = [];
    for (let i = 0; i < done.length; i++) {
      const seg = rec.segments[i];
      const t = done[i];
      if (PLACEHOLDER.test(seg)) {
        const spec = rec.entry.indices?.[seg];
        if (spec?.values ? !spec.values.includes(t) : !/^\d+$/.test(t)) return undefined;
        given.push(t);
      } else if (seg !== t) return undefined;
    }
    return given;
  }

  private nameItem(rec: PatternRecord, given: string[], replace: Range, addValue: boolean, light: boolean): CompletionEntry {
    let label: string;
    let newText: string;
    const key = `${addValue ? '=' : ' '}${rec.pattern}`;
    const hit = given.length === 0 ? this.snippetCache.get(key) : undefined;
    if (hit) ({ label, newText } = hit);
    else {
      label = this.catalog.fill(rec.pattern, given, rec.entry.indices);
      newText = this.nameSnippet(rec, given, addValue);
      if (given.length === 0) this.snippetCache.set(key, { label, newText });
    }
    return this.itemOf(rec, label, { range: replace, newText }, light);
  }

  private itemOf(rec: PatternRecord, label: string, textEdit: { range: Range; newText: string }, light: boolean): CompletionEntry {
    if (light) return { label, kind: CompletionKind.Property, isSnippet: true, textEdit };
    return { label, kind: CompletionKind.Property, ...this.docsFor(rec.entry, rec.pattern), filterText: label, sortText: label, isSnippet: true, textEdit };
  }

  /** The name as a snippet: indices not given become tab stops (a choice for word indices). */
  private nameSnippet(rec: PatternRecord, given: string[], addValue: boolean): string {
    const entry = rec.entry;
    let stop = 0;
    let gi = 0;
    const snippetName = rec.segments
      .map((seg) => {
        if (!PLACEHOLDER.test(seg)) return snippetEscape(seg);
        if (gi < given.length) return given[gi++];
        const spec = entry.indices?.[seg];
        stop++;
        if (spec?.values) return `\${${stop}|${spec.values.map(choiceEscape).join(',')}|}`;
        return `\${${stop}:${spec?.min ?? 1}}`;
      })
      .join('.');
    return addValue ? `${snippetName} = ${this.valueSnippet(entry, stop + 1)}` : snippetName;
  }

  private valueSnippet(entry: CatalogEntry, stop: number): string {
    const t = entry.type;
    if (t.kind === 'enum') {
      const vals = t.values.map((v) => v.value);
      // An inheriting entry's default `-1` is a permitted value too, and comes first.
      if (entry.inherits && entry.default === '-1' && !vals.includes('-1')) vals.push('-1');
      const ordered = entry.default !== undefined && vals.includes(entry.default) ? [entry.default, ...vals.filter((v) => v !== entry.default)] : vals;
      return `\${${stop}|${ordered.map(choiceEscape).join(',')}|}`;
    }
    return `\${${stop}:${snippetEscape(entry.default ?? '')}}`;
  }

  private completeValue(text: string, eq: number, pos: Position): CompletionEntry[] {
    const name = text.slice(0, eq).trim().replace(/^\uFEFF/, '');
    const match = this.catalog.lookup(name);
    if (!match) return [];
    const entry = match.entry;
    const after = text.slice(eq + 1);
    const vStart = eq + 1 + (after.length - after.trimStart().length);
    const vEnd = eq + 1 + after.trimEnd().length;
    const replace: Range = {
      start: { line: pos.line, character: Math.min(vStart, pos.character) },
      end: { line: pos.line, character: Math.max(vEnd, pos.character) },
    };
    const items: CompletionEntry[] = [];
    const add = (value: string, detail: string, documentation?: string) => {
      const isDefault = value === entry.default;
      items.push({
        label: value,
        kind: CompletionKind.EnumMember,
        detail: isDefault ? `${detail} (default)` : detail,
        ...(documentation ? { documentation } : {}),
        // The default sorts first; the rest keep the catalogue's order.
        sortText: isDefault ? '0' : `1${String(items.length).padStart(4, '0')}`,
        filterText: value,
        textEdit: { range: replace, newText: value },
        ...(isDefault ? { preselect: true } : {}),
      });
    };
    const t = entry.type;
    if (t.kind === 'enum' || t.kind === 'multiEnum') {
      for (const v of t.values) add(v.value, v.meaning);
    } else if (entry.default !== undefined && entry.default !== '' && !(entry.inherits && entry.default === '-1')) {
      add(entry.default, describeType(t));
    }
    if (entry.inherits) {
      add('-1', `Use the value of ${substitute(entry.inherits, match)}`);
    }
    items.sort((a, b) => (a.sortText! < b.sortText! ? -1 : a.sortText! > b.sortText! ? 1 : 0));
    return items;
  }
}

function shortType(entry: CatalogEntry): string {
  const t = entry.type;
  // Values only: their meanings are in the documentation, and a long detail hides the name in the list.
  const parts = [
    t.kind === 'enum'
      ? t.values.length > 6
        ? `one of ${t.values.length} values`
        : listValues(t.values.map((v) => v.value))
      : describeType(t),
  ];
  if (entry.default !== undefined) parts.push(`default ${entry.default === '' ? 'blank' : entry.default}`);
  return parts.join(' · ');
}
