// Provenance and coverage figures of the catalogue data, shared by the coverage report, the generated
// docs/CATALOGUE.md and the data tests: how many entries a guide backs, how many rest on file names alone.

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CatalogEntry } from '../server/src/types';

export const DATA_DIR = join(__dirname, '..', 'server', 'src', 'catalog', 'data');

/** A source that names a Yealink guide (and its section or page) or one of the seed pages of a guide. */
export function isGuideSource(source: string): boolean {
  return /^(guide|seed):\s*\S/.test(source);
}

/** Sources that only say the name was seen in real files. */
export function isFileSource(source: string): boolean {
  return /^corpus\b/.test(source);
}

export const isGuideBacked = (e: CatalogEntry): boolean => e.sources.some(isGuideSource);
export const isFileOnly = (e: CatalogEntry): boolean => e.sources.every(isFileSource);

export interface Family {
  /** The data file's name without `.json`. */
  name: string;
  entries: CatalogEntry[];
}

/** The data files, one family each, in name order. */
export function readFamilies(dir = DATA_DIR): Family[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => ({ name: f.replace(/\.json$/, ''), entries: JSON.parse(readFileSync(join(dir, f), 'utf8')) as CatalogEntry[] }));
}

export interface Coverage {
  entries: number;
  guideBacked: number;
  fileOnly: number;
  withDefault: number;
  withWebUi: number;
  withConditions: number;
  withFirmwareTypes: number;
  withModels: number;
  aliases: number;
}

export function coverageOf(entries: readonly CatalogEntry[]): Coverage {
  const count = (p: (e: CatalogEntry) => boolean) => entries.filter(p).length;
  return {
    entries: entries.length,
    guideBacked: count(isGuideBacked),
    fileOnly: count(isFileOnly),
    withDefault: count((e) => e.default !== undefined),
    withWebUi: count((e) => !!e.webUi),
    withConditions: count((e) => !!e.conditions?.length),
    withFirmwareTypes: count((e) => !!e.firmwareTypes?.length),
    withModels: count((e) => !!e.models),
    aliases: entries.reduce((n, e) => n + (e.aliases?.length ?? 0), 0),
  };
}

/** A share as a percentage with one decimal (`38.2%`). */
export function percent(part: number, whole: number): string {
  return whole === 0 ? '0.0%' : `${((100 * part) / whole).toFixed(1)}%`;
}
