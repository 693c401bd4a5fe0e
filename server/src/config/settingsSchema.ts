// The schema of our settings, read from the extension manifest (package.json `contributes.configuration`),
// so a setting added there is validated everywhere without further code: in the server's settings, in
// the project configuration file and in its shipped JSON Schema.

import { ALL_CODES } from '../types';
import type { JsonSchema } from './schemaCheck';

export const SETTINGS_PREFIX = 'yealinkCfg.';
export const SEVERITY_LEVELS = ['error', 'warning', 'information', 'hint', 'off'];

// eslint-disable-next-line @typescript-eslint/no-require-imports
const manifest = require('../../../package.json') as { contributes: { configuration: { properties: Record<string, JsonSchema> } } };

/** Keys of a setting's schema that describe the VS Code settings UI, not the value. */
const UI_ONLY = new Set(['scope', 'order', 'tags', 'ignoreSync', 'restricted', 'deprecationMessage', 'markdownDeprecationMessage', 'editPresentation']);

function valueSchema(s: JsonSchema): JsonSchema {
  const out: JsonSchema = {};
  for (const [k, v] of Object.entries(s)) if (!UI_ONLY.has(k)) out[k] = v;
  if (typeof s.markdownDescription === 'string' && !s.description) out.description = s.markdownDescription.replace(/`/g, '');
  return out;
}

/** Severity levels per diagnostic code, from the codes themselves: a new code is accepted at once. */
function severitySchema(s: JsonSchema): JsonSchema {
  const properties: Record<string, JsonSchema> = {};
  for (const code of ALL_CODES) properties[code] = s.properties?.[code] ?? { type: 'string', enum: SEVERITY_LEVELS };
  return { ...s, properties, additionalProperties: false };
}

/**
 * The settings as one nested object schema: `validation.enable` becomes `validation: { enable }`, as
 * VS Code hands them over. `skip` drops top-level groups (the project file has no `trace`).
 */
export function nestedSettingsSchema(properties: Record<string, JsonSchema> = manifest.contributes.configuration.properties, skip: string[] = []): JsonSchema {
  const root: JsonSchema = { type: 'object', properties: {}, additionalProperties: false };
  for (const [key, schema] of Object.entries(properties)) {
    if (!key.startsWith(SETTINGS_PREFIX)) continue;
    const path = key.slice(SETTINGS_PREFIX.length).split('.');
    if (skip.includes(path[0])) continue;
    let node = root;
    for (const seg of path.slice(0, -1)) {
      node.properties![seg] ??= { type: 'object', properties: {}, additionalProperties: false };
      node = node.properties![seg];
    }
    const leaf = path[path.length - 1];
    node.properties![leaf] = leaf === 'severity' && node === root ? severitySchema(valueSchema(schema)) : valueSchema(schema);
  }
  return root;
}
