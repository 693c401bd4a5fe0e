// Validation of the settings a client sends: wrong types never reach the features. Valid fields are
// kept, others fall back to their defaults (they are left out), and each problem is named once.

import { checkAgainstSchema, type JsonSchema } from './schemaCheck';
import { nestedSettingsSchema } from './settingsSchema';

let schema: JsonSchema | undefined;

function settingsSchema(): JsonSchema {
  // Settings come from other clients too (initializationOptions): unknown top-level keys are kept,
  // since they may belong to a newer client; only known ones are checked.
  schema ??= { ...nestedSettingsSchema(), additionalProperties: true };
  return schema;
}

export interface SettingsCheck<T> {
  settings: T;
  /** "yealinkCfg.model: must be a string, not 42", one per dropped value. */
  problems: string[];
}

/** Keeps the valid part of `raw` (anything: null, a number, a malformed object). */
export function checkSettings<T extends object>(raw: unknown, where = 'yealinkCfg'): SettingsCheck<T> {
  if (raw === undefined || raw === null) return { settings: {} as T, problems: [] };
  const { value, problems } = checkAgainstSchema(raw, settingsSchema(), where);
  return { settings: (value ?? {}) as T, problems };
}
