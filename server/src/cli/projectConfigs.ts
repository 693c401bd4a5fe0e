// The project configuration files `check` finds: the nearest `yealink-cfg.json` or `.yealink-cfg.json`
// at or above each checked file's folder (or one file given with --config), each read once.

import { posix } from 'node:path';
import { findConfigPath, parseProjectConfig, settingsForFile, type ProjectConfig, type SettingsObject } from '../config/projectConfig';
import type { CatalogEntry } from '../types';
import type { CliIO } from './types';

export interface FileSettings {
  settings: SettingsObject;
  catalogExtras?: readonly CatalogEntry[];
}

export class ProjectConfigs {
  private readonly byPath = new Map<string, ProjectConfig | undefined>();
  private readonly byDir = new Map<string, string | undefined>();
  /** Problems of every configuration file read, each "path: field: problem", once. */
  readonly problems: string[] = [];

  /** `explicit`: the --config file; `enabled` false: --no-config. */
  constructor(private readonly io: CliIO, private readonly explicit?: string, private readonly enabled = true) {}

  private abs(p: string): string {
    return posix.resolve(this.io.cwd.replace(/\\/g, '/'), p.replace(/\\/g, '/'));
  }

  private exists(p: string): boolean {
    try {
      this.io.readFile(p);
      return true;
    } catch {
      return false;
    }
  }

  private load(path: string): ProjectConfig | undefined {
    if (this.byPath.has(path)) return this.byPath.get(path);
    let config: ProjectConfig | undefined;
    try {
      config = parseProjectConfig(this.io.readFile(path).toString('utf8'), path);
    } catch (e) {
      this.problems.push(`${path}: cannot read: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
    }
    const shown = posix.relative(this.abs('.'), path) || path;
    for (const p of config?.problems ?? []) this.problems.push(`${shown}: ${p}`);
    this.byPath.set(path, config);
    return config;
  }

  /** The configuration that governs a file (a path as given on the command line). */
  configFor(file: string): ProjectConfig | undefined {
    if (!this.enabled) return undefined;
    if (this.explicit) return this.load(this.abs(this.explicit));
    const dir = posix.dirname(this.abs(file));
    if (!this.byDir.has(dir)) this.byDir.set(dir, findConfigPath(dir, (p) => this.exists(p)));
    const path = this.byDir.get(dir);
    return path ? this.load(path) : undefined;
  }

  /** The settings and extra catalogue entries for one file. */
  forFile(file: string): FileSettings {
    const config = this.configFor(file);
    if (!config) return { settings: {} };
    return { settings: settingsForFile(config, this.abs(file)), catalogExtras: config.catalog.length ? config.catalog : undefined };
  }
}
