// Renaming an index: the `2` of `account.2.label` becomes `3` on every line whose name has `account.2`
// at its start (`account.2.sip_server.1.*` included) and nowhere else. Refused when the new index is
// out of range for the model or already used in the file.

import { splitName, type Catalog, type IndexValue } from '../catalog/catalog';
import type { DocumentContext, ParameterLine, ParsedDocument, Position, PrepareRenameResult, Range, RenameResult, TextEdit } from '../types';

const NUMBER = /^\d+$/;
const NEW_INDEX = /^(0|[1-9]\d*)$/;

/** The index under the cursor: the name segments up to it (the prefix every renamed line shares). */
interface IndexTarget {
  line: ParameterLine;
  index: IndexValue;
  /** Segment texts up to and including the index. */
  prefix: string[];
  range: Range;
}

export const RENAME_ONLY_INDICES = 'Only an index of a parameter name can be renamed (the 2 of account.2.label).';

function segRange(l: ParameterLine, start: number, end: number): Range {
  const c = l.nameRange.start.character;
  return { start: { line: l.line, character: c + start }, end: { line: l.line, character: c + end } };
}

export class RenameService {
  constructor(private readonly catalog: Catalog) {}

  prepare(doc: ParsedDocument, pos: Position): PrepareRenameResult {
    const t = this.target(doc, pos);
    return t ? { range: t.range, placeholder: t.index.text } : { error: RENAME_ONLY_INDICES };
  }

  rename(doc: ParsedDocument, pos: Position, newIndex: string, ctx: DocumentContext): RenameResult {
    const t = this.target(doc, pos);
    if (!t) return { error: RENAME_ONLY_INDICES };
    const wanted = newIndex.trim();
    if (!NEW_INDEX.test(wanted)) return { error: `The new index must be a whole number, not "${newIndex}".` };
    if (wanted === t.index.text) return { edits: [] };
    const family = t.prefix.slice(0, -1).join('.');
    const range = this.checkRange(t, wanted, ctx);
    if (range) return { error: range };
    const taken = [...t.prefix.slice(0, -1), wanted];
    const edits: TextEdit[] = [];
    for (const l of doc.lines) {
      if (l.kind !== 'parameter') continue;
      const segs = splitName(l.name);
      if (hasPrefix(segs.map((s) => s.text), taken)) {
        return { error: `${family}.${wanted} is already used in this file (line ${l.line + 1}: ${l.name}).` };
      }
      if (hasPrefix(segs.map((s) => s.text), t.prefix)) {
        const seg = segs[t.prefix.length - 1];
        edits.push({ range: segRange(l, seg.start, seg.end), newText: wanted });
      }
    }
    return { edits };
  }

  /** The numeric index of a known parameter's name under the cursor. */
  private target(doc: ParsedDocument, pos: Position): IndexTarget | undefined {
    const l = doc.lines[pos.line];
    if (!l || l.kind !== 'parameter') return undefined;
    const offset = pos.character - l.nameRange.start.character;
    const match = this.catalog.lookup(l.name);
    const index = match?.indices.find((i) => offset >= i.start && offset <= i.end && !i.isSymbolic && NUMBER.test(i.text));
    if (!index) return undefined;
    const segs = splitName(l.name);
    const at = segs.findIndex((s) => s.start === index.start);
    return { line: l, index, prefix: segs.slice(0, at + 1).map((s) => s.text), range: segRange(l, index.start, index.end) };
  }

  /** Why the new index is out of range for the placeholder (and the model), if it is. */
  private checkRange(t: IndexTarget, wanted: string, ctx: DocumentContext): string | undefined {
    const model = this.catalog.modelFor(ctx.fileName, ctx.settings);
    const min = t.index.spec.min ?? 0;
    const max = this.catalog.indexMax(t.index.spec, model);
    const n = Number(wanted);
    if (n >= min && (max === undefined || n <= max)) return undefined;
    const family = t.prefix.slice(0, -1).join('.');
    const bounds = max === undefined ? `at least ${min}` : `${min} to ${max}`;
    const forModel = model && t.index.spec.per && model.limits?.[t.index.spec.per] !== undefined ? ` on ${model.names[0]}` : '';
    return `${family}.${wanted} is out of range: the index of ${family} is ${bounds}${forModel}.`;
  }
}

function hasPrefix(texts: string[], prefix: string[]): boolean {
  if (texts.length < prefix.length) return false;
  for (let i = 0; i < prefix.length; i++) if (texts[i] !== prefix[i]) return false;
  return true;
}
