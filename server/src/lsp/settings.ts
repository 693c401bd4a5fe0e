// Settings per document: asked from the client (workspace/configuration) when it can answer, else
// the initialization options or the last didChangeConfiguration; cached until they change.

import type { Connection } from 'vscode-languageserver';
import { DEFAULT_MAX_DIAGNOSTICS } from '../services/diagnosticLimit';
import type { ValidationSettings } from '../types';

export interface ServerSettings extends ValidationSettings {
  validation?: { enable?: boolean; debounceMs?: number; maxDiagnostics?: number };
}

const DEFAULT_DEBOUNCE_MS = 250;

export function debounceMs(settings: ServerSettings): number {
  const v = settings.validation?.debounceMs;
  return typeof v === 'number' && v >= 0 ? v : DEFAULT_DEBOUNCE_MS;
}

/** At most this many diagnostics per file (`yealinkCfg.validation.maxDiagnostics`). */
export function maxDiagnostics(settings: ServerSettings): number {
  const v = settings.validation?.maxDiagnostics;
  return typeof v === 'number' && Number.isInteger(v) && v >= 1 ? v : DEFAULT_MAX_DIAGNOSTICS;
}

export class SettingsStore {
  configurationSupport = false;
  private global: ServerSettings = {};
  private readonly cache = new Map<string, Promise<ServerSettings>>();

  constructor(private readonly connection: Connection) {}

  setGlobal(settings: ServerSettings | undefined): void {
    if (settings) this.global = settings;
  }

  for(uri: string): Promise<ServerSettings> {
    if (!this.configurationSupport) return Promise.resolve(this.global);
    let s = this.cache.get(uri);
    if (!s) {
      s = this.connection.workspace
        .getConfiguration({ scopeUri: uri, section: 'yealinkCfg' })
        .then((v: ServerSettings | null) => v ?? {}, () => this.global);
      this.cache.set(uri, s);
    }
    return s;
  }

  forget(uri: string): void {
    this.cache.delete(uri);
  }

  clear(): void {
    this.cache.clear();
  }
}
