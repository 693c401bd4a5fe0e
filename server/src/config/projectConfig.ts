// The project configuration file, `yealink-cfg.json` or `.yealink-cfg.json`: the settings without their
// prefix, `overrides` (settings for files matching globs, applied in order) and `catalog` (extra
// entries in the catalogue's schema). The command line and the server read it the same way.

import picomatch from 'picomatch/posix';
import type { CatalogEntry } from '../types';
import { checkAgainstSchema, type JsonSchema } from './schemaCheck';
import { nestedSettingsSchema } from './settingsSchema';

export const CONFIG_FILE_NAMES = ['yealink-cfg.json', '.yealink-cfg.json'] as const;

// eslint-disable-next-line @typescript-eslint/no-require-imports
const catalogEntrySchema = require('../catalog/schema/catalog-entry.schema.json') as JsonSchema;

export type SettingsObject = Record<string, unknown>;

export interface ProjectConfig {
  /** The file's path, with `/` separators. */
  path: string;
  settings: SettingsObject;
  overrides: { files: string[]; settings: SettingsObject }[];
  catalog: CatalogEntry[];
  /** "severity.dependency: must be one of ...": one per dropped field; empty for a good file. */
  problems: string[];
}

/** The JSON Schema of the file: the settings' schema plus overrides and catalog. */
export function projectConfigSchema(): JsonSchema {
  const settings = nestedSettingsSchema(undefined, ['trace']);
  const override: JsonSchema = {
    type: 'object',
    description: 'Settings for the files matching `files`, applied after the top-level ones, in order.',
    required: ['files'],
    properties: {
      files: { type: 'array', minItems: 1, items: { type: 'string', minLength: 1 }, description: 'Globs relative to this file\'s folder; a glob without "/" matches a file name in any folder.' },
      ...settings.properties,
    },
    additionalProperties: false,
  };
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    title: 'Yealink cfg project configuration',
    description: 'Settings for checking the Yealink provisioning files in this folder and below, read by the editor and the command line.',
    type: 'object',
    properties: {
      $schema: { type: 'string' },
      ...settings.properties,
      overrides: { type: 'array', items: override, description: 'Settings for some files only.' },
      catalog: { type: 'array', items: { $ref: '#/definitions/entry' }, description: 'Extra catalogue entries: parameters newer than the built-in catalogue, or a site\'s own conventions.' },
    },
    additionalProperties: false,
    definitions: catalogEntrySchema.definitions,
  };
}

let schema: JsonSchema | undefined;

/** "Unexpected token } in JSON at position 42" -> line 3, column 5. */
function jsonErrorAt(text: string, message: string): string {
  const m = /at position (\d+)/.exec(message);
  if (!m) return message;
  const before = text.slice(0, Number(m[1]));
  const line = before.split('\n').length;
  const col = before.length - before.lastIndexOf('\n');
  return `${message.replace(/ in JSON at position \d+.*$/s, '')} (line ${line}, column ${col})`;
}

/** Reads the file's text; never throws. A bad file keeps its valid fields and lists its problems. */
export function parseProjectConfig(text: string, path: string): ProjectConfig {
  const config: ProjectConfig = { path, settings: {}, overrides: [], catalog: [], problems: [] };
  let raw: unknown;
  try {
    raw = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    config.problems.push(`not valid JSON: ${jsonErrorAt(text, (e as Error).message)}`);
    return config;
  }
  schema ??= projectConfigSchema();
  const { value, problems } = checkAgainstSchema(raw, schema);
  config.problems.push(...problems.map((p) => p.replace(/^: /, '')));
  const { overrides, catalog, $schema: _, ...settings } = (value ?? {}) as SettingsObject;
  config.settings = settings;
  for (const o of (overrides as SettingsObject[] | undefined) ?? []) {
    const { files, ...rest } = o;
    config.overrides.push({ files: files as string[], settings: rest });
  }
  config.catalog = checkCatalogExtras((catalog as CatalogEntry[] | undefined) ?? [], config.problems);
  return config;
}

/** What the schema cannot say: every placeholder of a name is declared in `indices`. */
function checkCatalogExtras(entries: CatalogEntry[], problems: string[]): CatalogEntry[] {
  return entries.filter((e, i) => {
    const undeclared = [e.name, ...(e.aliases ?? [])]
      .flatMap((n) => n.split('.'))
      .filter((seg) => /^[A-Z]$/.test(seg) && !e.indices?.[seg]);
    if (undeclared.length) problems.push(`catalog[${i}].name: placeholder ${undeclared[0]} is not declared in indices`);
    return undeclared.length === 0;
  });
}

function isPlainObject(v: unknown): v is SettingsObject {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

/** Later wins; objects merge key by key (severity), lists and scalars are replaced. */
export function mergeSettings(base: SettingsObject, top: SettingsObject): SettingsObject {
  const out: SettingsObject = { ...base };
  for (const [k, v] of Object.entries(top)) {
    if (v === undefined) continue;
    Object.defineProperty(out, k, { value: isPlainObject(v) && isPlainObject(out[k]) ? mergeSettings(out[k] as SettingsObject, v) : v, enumerable: true, writable: true, configurable: true });
  }
  return out;
}

function dirOf(path: string): string {
  const i = path.lastIndexOf('/');
  return i <= 0 ? (i === 0 ? '/' : '.') : path.slice(0, i);
}

/** The file's path relative to the configuration file's folder, or undefined when outside it. */
function relativeTo(configPath: string, filePath: string): string | undefined {
  const dir = dirOf(configPath);
  if (dir === '.') return filePath.replace(/^\.\//, '');
  const prefix = dir.endsWith('/') ? dir : `${dir}/`;
  return filePath.startsWith(prefix) ? filePath.slice(prefix.length) : undefined;
}

/** The settings for one file: the top-level fields, then every override whose globs match, in order. */
export function settingsForFile(config: ProjectConfig, filePath: string): SettingsObject {
  let settings = config.settings;
  const rel = relativeTo(config.path, filePath.replace(/\\/g, '/'));
  if (rel === undefined) return settings;
  for (const o of config.overrides) {
    if (matchesAny(o.files, rel)) settings = mergeSettings(settings, o.settings);
  }
  return settings;
}

/** A glob with a "/" matches the relative path; one without matches the file name in any folder. */
function matchesAny(globs: string[], rel: string): boolean {
  const name = rel.slice(rel.lastIndexOf('/') + 1);
  return globs.some((g) => picomatch(g.replace(/^\.\//, ''), { dot: true })(g.includes('/') ? rel : name));
}

/**
 * The nearest configuration file at or above `dir` (paths with `/`): the first folder that has one wins,
 * `yealink-cfg.json` before `.yealink-cfg.json`. `exists` answers for one path.
 */
export function findConfigPath(dir: string, exists: (path: string) => boolean): string | undefined {
  let d = dir.replace(/\\/g, '/').replace(/\/+$/, '') || '/';
  for (;;) {
    for (const name of CONFIG_FILE_NAMES) {
      const p = d === '/' ? `/${name}` : d === '.' ? name : `${d}/${name}`;
      if (exists(p)) return p;
    }
    if (d === '/' || d === '.' || /^[A-Za-z]:$/.test(d)) return undefined;
    d = dirOf(d);
  }
}
