// A file's SiteContext: what the other files of its folder tell the features about it. Values of the
// files read before it, the model its set implies, missing include targets (boot files) and the MAC
// files that override a shared file's lines.

import { distance } from 'fastest-levenshtein';
import type { EarlierValue, MissingInclude, OverridingLine, SiteContext } from '../types';
import { modelIdOf, phoneSet, placeFile, resolveInclude, roleOf, type SetMember } from './fileSet';
import type { FolderIndex } from './folderIndex';

/** Values of the given files, later files winning: the "values given by earlier files". */
export function valuesOf(index: FolderIndex, members: readonly SetMember[]): Map<string, EarlierValue> {
  const out = new Map<string, EarlierValue>();
  for (const m of members) {
    const f = m.kind === 'file' ? index.file(m.name) : undefined;
    if (!f) continue;
    for (const p of f.params) {
      const range = { start: { line: p.line, character: p.start }, end: { line: p.line, character: p.end } };
      out.set(p.key, { value: p.value, file: f.name, line: p.line, range });
    }
  }
  return out;
}

const cache = new WeakMap<FolderIndex, Map<string, { revision: number; site: SiteContext }>>();
const valuesCache = new WeakMap<FolderIndex, { revision: number; byFiles: Map<string, Map<string, EarlierValue>> }>();

/**
 * valuesOf, shared by every file with the same earlier files (10,000 MAC files read the same boot and
 * common file), until a shared file changes. Sets holding a MAC file (a -local file's) are not shared.
 */
function sharedValuesOf(index: FolderIndex, members: readonly SetMember[]): Map<string, EarlierValue> {
  if (members.some((m) => roleOf(m.name).role === 'mac')) return valuesOf(index, members);
  let c = valuesCache.get(index);
  if (!c || c.revision !== index.sharedRevision) valuesCache.set(index, (c = { revision: index.sharedRevision, byFiles: new Map() }));
  const key = members.map((m) => m.name).join('\u0000');
  let v = c.byFiles.get(key);
  if (!v) c.byFiles.set(key, (v = valuesOf(index, members)));
  return v;
}

/** The context of a file of the index; cached until a file other than a MAC file changes. */
export function siteContext(index: FolderIndex, name: string, modelSetting?: string): SiteContext {
  const role = roleOf(name).role;
  const key = `${name.toLowerCase()}\u0000${modelSetting ?? ''}`;
  let perIndex = cache.get(index);
  if (!perIndex) cache.set(index, (perIndex = new Map()));
  const hit = perIndex.get(key);
  // A -local file's context holds its MAC file's values, which change without a shared revision.
  if (hit && hit.revision === index.sharedRevision && role !== 'local') return hit.site;
  const site = buildSite(index, name, role, modelSetting);
  perIndex.set(key, { revision: index.sharedRevision, site });
  return site;
}

function buildSite(index: FolderIndex, name: string, role: ReturnType<typeof roleOf>['role'], modelSetting?: string): SiteContext {
  const catalog = index.catalog;
  const place = placeFile(catalog, index, name, modelIdOf(catalog, modelSetting));
  // What the set leaves open matters to a phone's own files; a shared file never sees per-phone files.
  const perPhone = role === 'mac' || role === 'local';
  const notes = [...(perPhone ? place.set.notes : []), ...(place.note ? [place.note] : [])];
  const model = place.set.modelId && place.set.modelId !== 'y000000000000' ? place.set.modelId : undefined;
  const site: SiteContext = {
    earlier: sharedValuesOf(index, place.earlier),
    earlierFiles: place.earlier.map((m) => m.name),
    ...(model ? { model } : {}),
    ...(notes.length ? { note: notes.join('; ') } : {}),
  };
  if (role === 'boot' || role === 'mac-boot') site.missingIncludes = missingIncludes(index, name);
  else if (role !== 'mac' && role !== 'local') site.overriddenBy = (key) => overridersOf(index, name, key, modelIdOf(catalog, modelSetting));
  return site;
}

/** Include targets of a boot file that name a file of the folder which is not there. */
export function missingIncludes(index: FolderIndex, boot: string): MissingInclude[] {
  const out: MissingInclude[] = [];
  for (const inc of index.includes(boot)) {
    const t = resolveInclude(inc.target);
    if (t.kind !== 'file' || index.find(t.name)) continue;
    out.push({ line: inc.line, target: inc.target, range: inc.targetRange, suggestions: closestNames(index, t.name) });
  }
  return out;
}

/** Up to three file names of the folder close to a missing one, closest first. */
export function closestNames(index: FolderIndex, wanted: string): string[] {
  const base = wanted.split(/[\\/]/).pop()!.toLowerCase();
  const limit = Math.max(3, Math.ceil(base.length * 0.4));
  return index
    .names()
    .filter((n) => /\.cfg$/i.test(n))
    .map((n) => ({ n, d: distance(base, n.toLowerCase()) }))
    .filter((x) => x.d <= limit)
    .sort((a, b) => a.d - b.d || a.n.localeCompare(b.n))
    .slice(0, 3)
    .map((x) => x.n);
}

/** The MAC files whose phones read a shared file and then set the same key themselves. */
export function overridersOf(index: FolderIndex, shared: string, key: string, modelId?: string): OverridingLine[] {
  const out: OverridingLine[] = [];
  const lower = shared.toLowerCase();
  for (const f of index.all()) {
    const r = roleOf(f.name);
    if (r.role !== 'mac') continue;
    let last: { line: number; value: string } | undefined;
    for (const p of f.params) if (p.key === key) last = p;
    if (!last) continue;
    const members = phoneSet(index.catalog, index, r.mac!, modelId).members.map((m) => m.name.toLowerCase());
    const at = members.indexOf(lower);
    if (at >= 0 && at < members.indexOf(f.name.toLowerCase())) out.push({ file: f.name, line: last.line, value: last.value });
  }
  return out.sort((a, b) => a.file.localeCompare(b.file));
}
