// Which files a phone reads, in order (its "set"): the boot file (`<MAC>.boot`, else
// `y000000000000.boot`) and what it includes top to bottom; without a boot file the model's common file,
// the MAC file and `<MAC>-local.cfg`. Later files override earlier ones.

import type { Catalog } from '../catalog/catalog';
import type { IncludeLine } from '../types';
import { isInsideName } from './fileSource';

export type FileRole = 'boot' | 'mac-boot' | 'common' | 'mac' | 'local' | 'other';

const COMMON_BOOT = 'y000000000000.boot';

/** What a file's name says it is. */
export function roleOf(name: string): { role: FileRole; mac?: string; modelId?: string } {
  const base = (name.split(/[\\/]/).pop() ?? '').toLowerCase();
  let m: RegExpExecArray | null;
  if (base === COMMON_BOOT) return { role: 'boot' };
  if ((m = /^([0-9a-f]{12})\.boot$/.exec(base))) return { role: 'mac-boot', mac: m[1] };
  if ((m = /^(y\d{12})\.cfg$/.exec(base))) return { role: 'common', modelId: m[1] };
  if ((m = /^([0-9a-f]{12})\.cfg$/.exec(base))) return { role: 'mac', mac: m[1] };
  if ((m = /^([0-9a-f]{12})-local\.cfg$/.exec(base))) return { role: 'local', mac: m[1] };
  return { role: 'other' };
}

/** Files that take part in provisioning: `.cfg` and `.boot`. */
export function isProvisioningName(name: string): boolean {
  return /\.(cfg|boot)$/i.test(name);
}

/** What the set code needs to know about a folder. */
export interface FolderFiles {
  /** The name as the folder spells it, compared without case; undefined when absent. */
  find(name: string): string | undefined;
  /** The provisioning files of the folder. */
  names(): readonly string[];
  /** The include lines of a boot file of the folder, top to bottom. */
  includes(boot: string): readonly IncludeLine[];
}

export type IncludeTarget =
  | { kind: 'file'; name: string }
  | { kind: 'url'; url: string }
  /** Names the MAC placeholder and no phone is given: it depends on the phone. */
  | { kind: 'per-phone' }
  /** Outside the folder, or another variable that only the provisioning server fills in. */
  | { kind: 'unknown'; why: string };

const URL = /^[a-z][a-z0-9+.-]*:\/\//i;
const MAC_PLACEHOLDER = /\{\$mac\}|\$\{mac\}|\$mac\b|\$MAC\b/g;

/** Resolves an include target relative to the boot file's folder, with the phone's MAC if given. */
export function resolveInclude(target: string, mac?: string): IncludeTarget {
  const t = target.trim();
  if (URL.test(t)) return { kind: 'url', url: t };
  MAC_PLACEHOLDER.lastIndex = 0;
  if (MAC_PLACEHOLDER.test(t) && mac === undefined) return { kind: 'per-phone' };
  const name = t.replace(MAC_PLACEHOLDER, (p) => (p === '$MAC' ? mac!.toUpperCase() : mac!.toLowerCase())).replace(/^\.\//, '');
  if (/[$%{}]/.test(name)) return { kind: 'unknown', why: 'it uses a variable that only the provisioning server fills in' };
  if (!isInsideName(name)) return { kind: 'unknown', why: 'it lies outside this folder' };
  return { kind: 'file', name };
}

export interface SetMember {
  /** A file name of the folder, or a URL as written. */
  name: string;
  kind: 'file' | 'url';
  /** The boot file line that includes it. */
  line?: number;
}

export interface FileSet {
  /** In reading order; the boot file first when there is one. */
  members: SetMember[];
  /** The model id the set implies (`y000000000096`), if any. */
  modelId?: string;
  /** What the set leaves out or why it is partial, for hover and for the effective configuration. */
  notes: string[];
}

/** The model id a `yealinkCfg.model` setting names, if it names one. */
export function modelIdOf(catalog: Catalog, setting: string | undefined): string | undefined {
  return setting?.trim() ? catalog.modelFor('', { model: setting })?.id : undefined;
}

function norm(model: string): string {
  return model.toUpperCase().replace(/[\s_-]/g, '');
}

/** Whether a `[T46S, T48S]` filter applies to a model; undefined when the model is unknown. */
export function filterApplies(catalog: Catalog, models: readonly string[], modelId: string | undefined): boolean | undefined {
  const info = modelId ? catalog.models.find((m) => m.id === modelId) : undefined;
  if (!info) return undefined;
  const names = new Set(info.names.map(norm));
  return models.some((m) => names.has(norm(m)));
}

/** The common files a boot file includes on every line without a filter: their model, when only one. */
function bootModel(folder: FolderFiles, boot: string): string | undefined {
  const ids = new Set<string>();
  for (const inc of folder.includes(boot)) {
    const t = resolveInclude(inc.target, '000000000000');
    if (!inc.models && t.kind === 'file' && folder.find(t.name)) {
      const r = roleOf(t.name);
      if (r.role === 'common') ids.add(r.modelId!);
    }
  }
  return ids.size === 1 ? [...ids][0] : undefined;
}

/** The files a boot file makes a phone read (mac given) or every phone read (mac undefined). */
function bootSet(catalog: Catalog, folder: FolderFiles, boot: string, mac: string | undefined, modelSetting?: string): FileSet {
  const modelId = modelSetting ?? bootModel(folder, boot);
  const set: FileSet = { members: [{ name: boot, kind: 'file' }], notes: [], ...(modelId ? { modelId } : {}) };
  for (const inc of folder.includes(boot)) {
    if (inc.models) {
      const applies = filterApplies(catalog, inc.models, modelId);
      if (applies === undefined) set.notes.push(`${boot}, line ${inc.line + 1} applies only to ${inc.models.join(', ')}, and the phone's model is unknown (setting yealinkCfg.model)`);
      if (!applies) continue;
    }
    const t = resolveInclude(inc.target, mac);
    if (t.kind === 'url') {
      set.members.push({ name: t.url, kind: 'url', line: inc.line });
      set.notes.push(`${t.url} is a URL: its contents are not known here`);
    } else if (t.kind === 'file') {
      const found = folder.find(t.name);
      if (found) set.members.push({ name: found, kind: 'file', line: inc.line });
    } else if (t.kind === 'unknown') {
      set.notes.push(`"${inc.target}" (${boot}, line ${inc.line + 1}) is not read: ${t.why}`);
    }
  }
  return set;
}

/** Without a boot file: the model's common file, the MAC file, `<MAC>-local.cfg`. */
function bootlessSet(folder: FolderFiles, mac: string, modelSetting?: string): FileSet {
  const commons = folder.names().filter((n) => roleOf(n).role === 'common');
  const set: FileSet = { members: [], notes: [] };
  let common: string | undefined;
  if (commons.length === 1) common = commons[0];
  else if (commons.length > 1 && modelSetting) common = folder.find(`${modelSetting}.cfg`);
  if (common) {
    set.members.push({ name: common, kind: 'file' });
    set.modelId = roleOf(common).modelId;
  } else if (commons.length > 1) {
    set.notes.push(`the folder has ${commons.length} common files (${commons.join(', ')}) and no boot file; set yealinkCfg.model to say which one this phone reads`);
  }
  if (modelSetting && !set.modelId) set.modelId = modelSetting;
  for (const n of [`${mac}.cfg`, `${mac}-local.cfg`]) {
    const found = folder.find(n);
    if (found) set.members.push({ name: found, kind: 'file' });
  }
  return set;
}

/** The files the phone with this MAC reads, in order. */
export function phoneSet(catalog: Catalog, folder: FolderFiles, mac: string, modelSetting?: string): FileSet {
  const m = mac.toLowerCase();
  const boot = folder.find(`${m}.boot`) ?? folder.find(COMMON_BOOT);
  return boot ? bootSet(catalog, folder, boot, m, modelSetting) : bootlessSet(folder, m, modelSetting);
}

/** The files every phone reads through the common boot file: no MAC file, no per-phone line. */
export function sharedSet(catalog: Catalog, folder: FolderFiles, modelId?: string): FileSet {
  const boot = folder.find(COMMON_BOOT);
  return boot ? bootSet(catalog, folder, boot, undefined, modelId) : { members: [], notes: [], ...(modelId ? { modelId } : {}) };
}

export interface Placement {
  /** The set the file was placed in. */
  set: FileSet;
  /** The files read before it (members of the set before its first occurrence). */
  earlier: SetMember[];
  /** Why it is checked alone, if it is although it belongs to a site. */
  note?: string;
}

/** Where a file stands in its set: MAC files in their phone's, the others in the set shared by every phone. */
export function placeFile(catalog: Catalog, folder: FolderFiles, name: string, modelSetting?: string): Placement {
  const r = roleOf(name);
  if (r.role === 'boot' || r.role === 'mac-boot') return { set: { members: [], notes: [] }, earlier: [] };
  const set =
    r.role === 'mac' || r.role === 'local'
      ? phoneSet(catalog, folder, r.mac!, modelSetting)
      : sharedSet(catalog, folder, r.role === 'common' ? r.modelId : modelSetting);
  const at = set.members.findIndex((m) => m.kind === 'file' && m.name.toLowerCase() === name.toLowerCase());
  if (at >= 0) return { set, earlier: set.members.slice(0, at) };
  const boot = set.members[0]?.name;
  if (boot && /\.boot$/i.test(boot)) return { set, earlier: [], note: `${boot} does not include this file, so it is checked alone` };
  return { set, earlier: [] };
}
