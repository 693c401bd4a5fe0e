// Navigation across the files of a folder: include links, the line a parameter overrides, every line
// that sets a name, and parameter names across the folder. Results name files relative to the folder;
// the protocol layer turns them into URIs.

import type { Catalog } from '../catalog/catalog';
import { FileValues, substitute } from '../services/fileValues';
import type { ParsedDocument, Position, Range, SiteContext } from '../types';
import { resolveInclude } from './fileSet';
import type { FolderIndex } from './folderIndex';

/** A place in a file of the folder; file undefined: the document asked about. */
export interface FolderLocation {
  file?: string;
  range: Range;
}

export interface IncludeLink {
  range: Range;
  /** A file of the folder, or a URL (only ever opened by the editor, never fetched here). */
  file?: string;
  url?: string;
}

function inRange(r: Range, p: Position): boolean {
  return p.line === r.start.line && p.character >= r.start.character && p.character <= r.end.character;
}

const START: Range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

/** Links on include targets: files of the folder that exist, and URLs. */
export function includeLinks(doc: ParsedDocument, index: FolderIndex | undefined): IncludeLink[] {
  const out: IncludeLink[] = [];
  for (const l of doc.lines) {
    if (l.kind !== 'include') continue;
    const t = resolveInclude(l.target);
    if (t.kind === 'url') out.push({ range: l.targetRange, url: t.url });
    else if (t.kind === 'file') {
      const found = index?.find(t.name);
      if (found) out.push({ range: l.targetRange, file: found });
    }
  }
  return out;
}

/**
 * Go to definition: on an include target, the file; on a name, the line of an earlier file it overrides;
 * on a `-1` (name or value), the line that gives the inherited parameter's value.
 */
export function definitionAt(doc: ParsedDocument, pos: Position, catalog: Catalog, site: SiteContext | undefined, index?: FolderIndex): FolderLocation | undefined {
  const line = doc.lines[pos.line];
  if (line?.kind === 'include' && inRange(line.targetRange, pos)) {
    const t = resolveInclude(line.target);
    const found = t.kind === 'file' ? index?.find(t.name) : undefined;
    return found ? { file: found, range: START } : undefined;
  }
  if (line?.kind !== 'parameter' || !(inRange(line.nameRange, pos) || inRange(line.valueRange, pos))) return undefined;
  const match = catalog.lookup(line.name);
  const values = FileValues.of(doc, catalog, site?.earlier);
  if (match?.entry.inherits && line.value === '-1') {
    const r = values.resolve(substitute(match.entry.inherits, match));
    if (r?.origin !== 'line') return undefined;
    const giver = r.inheritedFrom ?? r.name;
    if (r.file) {
      const e = site?.earlier.get(values.canonical(giver));
      return e ? { file: e.file, range: e.range } : undefined;
    }
    const own = doc.lines[r.line!];
    return own?.kind === 'parameter' ? { range: own.nameRange } : undefined;
  }
  const given = site?.earlier.get(values.canonical(line.name));
  return given ? { file: given.file, range: given.range } : undefined;
}

/** Every line of the folder that sets the same setting (whatever spelling), in file order. */
export function referencesOf(index: FolderIndex, key: string): FolderLocation[] {
  const out: FolderLocation[] = [];
  const files = [...index.all()].sort((a, b) => a.name.localeCompare(b.name));
  for (const f of files) {
    for (const p of f.params) {
      if (p.key === key) out.push({ file: f.name, range: { start: { line: p.line, character: p.start }, end: { line: p.line, character: p.end } } });
    }
  }
  return out;
}

export interface FolderSymbol {
  name: string;
  file: string;
  range: Range;
}

/**
 * Parameter names of the folder that contain the query (case-insensitive), one per name and file;
 * shared files first, at most `limit`.
 */
export function folderSymbols(index: FolderIndex, query: string, limit = 500): FolderSymbol[] {
  const q = query.toLowerCase();
  const out: FolderSymbol[] = [];
  const files = [...index.all()].sort((a, b) => rank(a.name) - rank(b.name) || a.name.localeCompare(b.name));
  for (const f of files) {
    const seen = new Set<string>();
    for (const p of f.params) {
      if (seen.has(p.name) || (q && !p.name.toLowerCase().includes(q))) continue;
      seen.add(p.name);
      out.push({ name: p.name, file: f.name, range: { start: { line: p.line, character: p.start }, end: { line: p.line, character: p.end } } });
      if (out.length >= limit) return out;
    }
  }
  return out;
}

/** Boot and common files before MAC files: they hold what most searches look for. */
function rank(name: string): number {
  return /\.boot$/i.test(name) ? 0 : /^y\d{12}\.cfg$/i.test(name) ? 1 : /^[0-9a-f]{12}(-local)?\.cfg$/i.test(name) ? 3 : 2;
}
