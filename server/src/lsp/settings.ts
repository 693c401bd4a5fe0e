// Settings per document: the client's settings (workspace/configuration when it can answer, else the
// initialization options or the last didChangeConfiguration), validated field by field, on top of the
// project configuration file (`yealink-cfg.json`) nearest the document, which is honoured only when the
// client says the workspace is trusted. Cached until settings or a configuration file change.

import { MessageType, ShowMessageNotification, type Connection } from 'vscode-languageserver';
import { checkSettings } from '../config/settingsCheck';
import { CONFIG_FILE_NAMES, mergeSettings, parseProjectConfig, settingsForFile, type ProjectConfig } from '../config/projectConfig';
import { DEFAULT_MAX_DIAGNOSTICS } from '../services/diagnosticLimit';
import type { CatalogEntry, ValidationSettings } from '../types';
import type { FileSource } from '../workspace/fileSource';

export interface ServerSettings extends ValidationSettings {
  validation?: { enable?: boolean; debounceMs?: number; maxDiagnostics?: number };
}

/** What the server knows about one document's settings. */
export interface ResolvedSettings {
  settings: ServerSettings;
  catalogExtras?: readonly CatalogEntry[];
  /** The URI of the project configuration file applied, if any. */
  configUri?: string;
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

/** The folder URI holding a URI (`file:///p/a.cfg` -> `file:///p`), or undefined above the top. */
export function parentUri(uri: string): string | undefined {
  const m = /^([a-z][a-z0-9+.-]*:\/\/[^/]*)(\/.*)?$/i.exec(uri);
  if (!m) return undefined;
  const path = (m[2] ?? '').replace(/\/+$/, '');
  const i = path.lastIndexOf('/');
  if (i < 0) return undefined;
  return i === 0 ? `${m[1]}/` : m[1] + path.slice(0, i);
}

/** A URI as people read it: the path of a file: URI, else the URI; decoded. */
export function shownUri(uri: string): string {
  try {
    return decodeURIComponent(uri.startsWith('file://') ? uri.slice('file://'.length) : uri);
  } catch {
    return uri;
  }
}

export class SettingsStore {
  configurationSupport = false;
  /** The client says the workspace is trusted; clients that have no such notion are trusted. */
  trusted = true;
  /** URIs of the folders open in the client: the configuration lookup does not go above them. */
  roots: string[] = [];
  private global: unknown = {};
  private readonly cache = new Map<string, Promise<ResolvedSettings>>();
  private readonly configs = new Map<string, Promise<(ProjectConfig & { uri: string }) | undefined>>();
  /** Folder listings made for the configuration lookup, kept as long as the configurations read. */
  private readonly listings = new Map<string, Promise<Set<string> | undefined>>();
  private readonly told = new Set<string>();

  constructor(private readonly connection: Connection, private readonly source?: FileSource) {}

  setGlobal(settings: unknown): void {
    if (settings !== undefined && settings !== null) this.global = settings;
  }

  for(uri: string): Promise<ServerSettings> {
    return this.resolve(uri).then((r) => r.settings);
  }

  resolve(uri: string): Promise<ResolvedSettings> {
    let s = this.cache.get(uri);
    if (!s) {
      s = this.compute(uri).catch((): ResolvedSettings => ({ settings: {} }));
      this.cache.set(uri, s);
    }
    return s;
  }

  private async clientSettings(uri: string): Promise<unknown> {
    if (!this.configurationSupport) return this.global;
    return this.connection.workspace.getConfiguration({ scopeUri: uri, section: 'yealinkCfg' }).then(
      (v: unknown) => v ?? {},
      () => this.global,
    );
  }

  private async compute(uri: string): Promise<ResolvedSettings> {
    const checked = checkSettings<ServerSettings>(await this.clientSettings(uri));
    for (const p of checked.problems) this.tellOnce(`Setting ${p}; its default is used instead.`);
    const config = await this.configFor(uri);
    if (!config) return { settings: checked.settings };
    const forFile = settingsForFile(config, shownUri(uri));
    const settings = mergeSettings(forFile, checked.settings as Record<string, unknown>) as ServerSettings;
    return { settings, catalogExtras: config.catalog.length ? config.catalog : undefined, configUri: config.uri };
  }

  /** The nearest configuration file at or above the document's folder, not above its open folder. */
  private async configFor(uri: string): Promise<(ProjectConfig & { uri: string }) | undefined> {
    if (!this.trusted || !this.source) return undefined;
    const root = this.roots
      .map((r) => r.replace(/\/+$/, ''))
      .filter((r) => uri.startsWith(`${r}/`))
      .sort((a, b) => b.length - a.length)[0];
    for (let dir = parentUri(uri); dir; dir = parentUri(dir)) {
      const config = await this.configIn(dir);
      if (config) return config;
      // Never above the open folder; outside any open folder, only the document's own folder is read.
      if (root === undefined || dir.replace(/\/+$/, '') === root) return undefined;
    }
    return undefined;
  }

  /**
   * The configuration file of one folder. The folder's listing says which of the names to read, so a
   * folder without one costs one look instead of a failed read per name; a folder that cannot be
   * listed is asked for each name.
   */
  private async configIn(dir: string): Promise<(ProjectConfig & { uri: string }) | undefined> {
    const present = await this.namesIn(dir);
    for (const name of CONFIG_FILE_NAMES) {
      if (present && !present.has(name)) continue;
      const config = await this.load(dir, name);
      if (config) return config;
    }
    return undefined;
  }

  /**
   * Which configuration names the folder holds, compared in lower case (a case-insensitive file system
   * finds them in any case); only those are kept, not the whole listing.
   */
  private namesIn(dir: string): Promise<Set<string> | undefined> {
    let names = this.listings.get(dir);
    if (!names) {
      const wanted = new Set<string>(CONFIG_FILE_NAMES);
      names = this.source!.list(dir).then(
        (list) => (list ? new Set(list.map((n) => n.toLowerCase()).filter((n) => wanted.has(n))) : undefined),
        () => undefined,
      );
      this.listings.set(dir, names);
    }
    return names;
  }

  private load(folder: string, name: string): Promise<(ProjectConfig & { uri: string }) | undefined> {
    const uri = folder.endsWith('/') ? folder + name : `${folder}/${name}`;
    let c = this.configs.get(uri);
    if (!c) {
      c = this.source!.read(folder, name).then(
        (text) => {
          if (text === undefined) return undefined;
          // Matched against decoded document URIs, so globs see plain names.
          const config = { ...parseProjectConfig(text, shownUri(uri)), uri };
          for (const p of config.problems) this.tellOnce(`${shownUri(uri)}: ${p}; that field is ignored.`);
          return config;
        },
        () => undefined,
      );
      this.configs.set(uri, c);
    }
    return c;
  }

  /** Shows a problem with the settings once per session, and logs it. */
  private tellOnce(message: string): void {
    if (this.told.has(message)) return;
    this.told.add(message);
    this.connection.console.warn(`Yealink cfg: ${message}`);
    // A notification, not a request: a client that cannot show messages has nothing to refuse.
    void this.connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Warning, message: `Yealink cfg: ${message}` }).catch(() => undefined);
  }

  forget(uri: string): void {
    this.cache.delete(uri);
  }

  /** Settings or a configuration file changed: read everything again. */
  clear(): void {
    this.cache.clear();
    this.configs.clear();
    this.listings.clear();
  }
}
