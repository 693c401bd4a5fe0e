// Two whole-file actions. "Remove lines that only restate the default" deletes every parameter line
// whose value is exactly its catalogue default; comments, unknown parameters and names set more than
// once with different values stay (removing one of those could change what the phone uses).
// "Fix all" applies each quick fix that is the only one offered for its problem and is preferred; a
// problem with several candidate fixes, or whose fix would change another setting, is left to the user.

import type { Catalog } from '../catalog/catalog';
import { DISABLE_NEXT_LINE } from '../parser';
import { DiagnosticCode, type ParameterLine, type ParsedDocument, type QuickFix, type TextEdit, type YealinkDiagnostic } from '../types';
import { FileValues, isIndeterminate } from './fileValues';
import { deleteLines } from './lineRemoval';

/** Codes whose single fix still is not obvious: it changes another parameter's value. */
const NEVER_AUTOMATIC: readonly string[] = [DiagnosticCode.Dependency];

export class SourceActionService {
  constructor(private readonly catalog: Catalog) {}

  /** Edits deleting the lines that restate their default. */
  removeDefaults(doc: ParsedDocument): TextEdit[] {
    if (doc.isBinary) return [];
    const values = FileValues.of(doc, this.catalog);
    const byName = new Map<string, ParameterLine[]>();
    for (const l of doc.lines) {
      if (l.kind !== 'parameter') continue;
      const key = values.canonical(l.name);
      byName.set(key, [...(byName.get(key) ?? []), l]);
    }
    const remove = new Set<number>();
    for (const lines of byName.values()) {
      if (lines.every((l) => this.isDefault(l))) for (const l of lines) remove.add(l.line);
    }
    return deleteLines(doc, [...remove].sort((a, b) => a - b));
  }

  private isDefault(l: ParameterLine): boolean {
    if (isIndeterminate(l.value) && l.value !== '') return false;
    const def = this.catalog.lookup(l.name)?.entry.default;
    return def !== undefined && l.value === def;
  }

  /** The fixes "Fix all" applies, in document order, none overlapping another. */
  fixAll(fixes: QuickFix[]): TextEdit[] {
    const byDiagnostic = new Map<YealinkDiagnostic, QuickFix[]>();
    for (const f of fixes) {
      // Disable comments are offered for every problem; they are never a fix.
      if (f.edits.some((e) => e.newText.includes(DISABLE_NEXT_LINE))) continue;
      byDiagnostic.set(f.diagnostic, [...(byDiagnostic.get(f.diagnostic) ?? []), f]);
    }
    const chosen: TextEdit[] = [];
    for (const [d, list] of byDiagnostic) {
      if (list.length === 1 && list[0].isPreferred && !NEVER_AUTOMATIC.includes(d.code)) chosen.push(...list[0].edits);
    }
    return withoutOverlaps(chosen);
  }
}

function cmp(a: { line: number; character: number }, b: { line: number; character: number }): number {
  return a.line - b.line || a.character - b.character;
}

/** Sorted edits; an edit that overlaps one already kept is dropped (the next run picks it up). */
export function withoutOverlaps(edits: TextEdit[]): TextEdit[] {
  const sorted = [...edits].sort((a, b) => cmp(a.range.start, b.range.start) || cmp(a.range.end, b.range.end));
  const out: TextEdit[] = [];
  for (const e of sorted) {
    const prev = out[out.length - 1];
    if (prev && cmp(e.range.start, prev.range.end) < 0) continue;
    if (prev && cmp(e.range.start, prev.range.start) === 0 && cmp(e.range.start, e.range.end) === 0 && cmp(prev.range.start, prev.range.end) === 0) continue;
    out.push(e);
  }
  return out;
}
