// What a phone ends up with: every parameter of its set, the value that wins and the file and line it
// comes from; the catalogue's defaults for the rest when asked. One result, two renderings (text, JSON).

import type { Catalog } from '../catalog/catalog';
import { HIDDEN_VALUE } from '../services/messages';
import type { CatalogEntry } from '../types';
import { modelIdOf, phoneSet } from './fileSet';
import type { FolderIndex } from './folderIndex';

export interface EffectiveParameter {
  name: string;
  value: string;
  /** The file that gives the value; null for a default. */
  file: string | null;
  /** 1-based; null for a default. */
  line: number | null;
}

export interface EffectiveConfiguration {
  phone: { mac: string; model: string | null; files: string[] };
  parameters: EffectiveParameter[];
  /** What the result cannot show (URLs not fetched, lines for other models); not part of the JSON. */
  notes: string[];
}

const byName = (a: EffectiveParameter, b: EffectiveParameter) => a.name.localeCompare(b.name, 'en', { numeric: true });

/** The effective configuration of the phone with this MAC, from the files of its folder. */
export function effectiveConfiguration(
  index: FolderIndex,
  mac: string,
  options: { defaults?: boolean; model?: string; showSecrets?: boolean } = {},
): EffectiveConfiguration {
  const catalog = index.catalog;
  const set = phoneSet(catalog, index, mac, modelIdOf(catalog, options.model));
  const winners = new Map<string, EffectiveParameter>();
  for (const m of set.members) {
    const f = m.kind === 'file' ? index.file(m.name) : undefined;
    for (const p of f?.params ?? []) {
      // Entries that may repeat (user:pwd, admin:pwd) keep one line per account they name.
      const multiple = catalog.lookup(p.name)?.entry.multiple;
      const key = multiple ? `${p.key}\u0000${p.value.split(':')[0]}` : p.key;
      winners.delete(key); // keeps the order of the last setting
      winners.set(key, { name: p.key, value: p.value, file: f!.name, line: p.line + 1 });
    }
  }
  const parameters = [...winners.values()];
  if (!options.showSecrets) for (const p of parameters) p.value = hideSecret(catalog, p);
  if (options.defaults) parameters.push(...defaultsFor(catalog, new Set(parameters.map((p) => p.name))));
  const model = set.modelId ? (catalog.models.find((x) => x.id === set.modelId)?.names.join('/') ?? null) : null;
  return {
    phone: { mac: mac.toLowerCase(), model, files: set.members.map((m) => m.name) },
    parameters: parameters.sort(byName),
    notes: set.notes,
  };
}

const PLACEHOLDER_SEGMENT = /^[A-Z]$/;

/**
 * Defaults of the parameters the set does not give. Names with placeholders are filled in for the
 * index values the set already uses (account 1 configured: account 1's defaults), where the remaining
 * placeholders span at most a few values.
 */
function defaultsFor(catalog: Catalog, given: Set<string>): EffectiveParameter[] {
  const used = usedFirstIndices(given);
  const out: EffectiveParameter[] = [];
  for (const entry of catalog.entries) {
    if (entry.default === undefined || entry.deprecated) continue;
    for (const name of concreteNames(catalog, entry, used)) {
      if (!given.has(name)) out.push({ name, value: entry.default, file: null, line: null });
    }
  }
  return out;
}

/** For `account.1.x` and `account.2.y`: "account" -> {1, 2}. */
function usedFirstIndices(names: Set<string>): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  for (const n of names) {
    const segs = n.split('.');
    const i = segs.findIndex((s) => /^\d+$/.test(s));
    if (i <= 0) continue;
    const prefix = segs.slice(0, i).join('.');
    if (!out.has(prefix)) out.set(prefix, new Set());
    out.get(prefix)!.add(segs[i]);
  }
  return out;
}

function concreteNames(catalog: Catalog, entry: CatalogEntry, used: Map<string, Set<string>>): string[] {
  const segs = entry.name.split('.');
  const first = segs.findIndex((s) => PLACEHOLDER_SEGMENT.test(s));
  if (first < 0) return [entry.name];
  const firstValues = used.get(segs.slice(0, first).join('.'));
  if (!firstValues) return [];
  const rest = segs.slice(first + 1).filter((s) => PLACEHOLDER_SEGMENT.test(s));
  let combos: string[][] = [...firstValues].map((v) => [v]);
  for (const letter of rest) {
    const spec = entry.indices?.[letter];
    const values = spec?.values ?? (spec?.max !== undefined && spec.max - (spec.min ?? 1) < 4 ? range(spec.min ?? 1, spec.max) : undefined);
    if (!values) return [];
    combos = combos.flatMap((c) => values.map((v) => [...c, v]));
  }
  return combos.map((c) => catalog.fill(entry.name, c, entry.indices));
}

/** A sensitive value is shown as hidden; a `user:password` pair keeps the user. */
function hideSecret(catalog: Catalog, p: EffectiveParameter): string {
  const entry = catalog.lookup(p.name)?.entry;
  if (!entry?.sensitive || p.value === '') return p.value;
  return entry.multiple && p.value.includes(':') ? `${p.value.split(':')[0]}:${HIDDEN_VALUE}` : HIDDEN_VALUE;
}

function range(a: number, b: number): string[] {
  const out: string[] = [];
  for (let i = a; i <= b; i++) out.push(String(i));
  return out;
}

/** `name = value  # file:line`, one line per parameter. */
export function renderEffectiveText(cfg: EffectiveConfiguration): string {
  return cfg.parameters.map((p) => `${p.name} = ${p.value}  # ${p.file === null ? 'default' : `${p.file}:${p.line}`}\n`).join('');
}

/** `{"phone":{"mac","model","files"},"parameters":[{"name","value","file","line"}]}`. */
export function renderEffectiveJson(cfg: EffectiveConfiguration): string {
  return `${JSON.stringify({ phone: cfg.phone, parameters: cfg.parameters }, null, 2)}\n`;
}
