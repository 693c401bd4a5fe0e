// What the client tells the server about settings: only the values the user set (user, workspace,
// folder), so the project configuration file fills everything else; whether the workspace is trusted;
// and a nudge when a configuration file changes.

import * as vscode from 'vscode';
import { DidChangeConfigurationNotification, type BaseLanguageClient, type Middleware } from 'vscode-languageclient';

const SECTION = 'yealinkCfg';
export const CONFIG_FILE_GLOB = '**/{yealink-cfg,.yealink-cfg}.json';

function isObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

/** Objects (severity) merge across scopes as VS Code merges them; other values: the narrowest scope wins. */
function narrowest(values: unknown[]): unknown {
  let out: unknown;
  for (const v of values) {
    if (v === undefined) continue;
    out = isObject(v) && isObject(out) ? { ...out, ...v } : v;
  }
  return out;
}

function setPath(target: Record<string, unknown>, path: string[], value: unknown): void {
  let node = target;
  for (const seg of path.slice(0, -1)) node = (node[seg] ??= {}) as Record<string, unknown>;
  node[path[path.length - 1]] = value;
}

/** The settings the user set for a resource, nested at their dots, without any default. */
export function explicitSettings(keys: string[], scopeUri?: string): Record<string, unknown> {
  const config = vscode.workspace.getConfiguration(SECTION, scopeUri ? vscode.Uri.parse(scopeUri) : undefined);
  const out: Record<string, unknown> = {};
  for (const key of keys) {
    const i = config.inspect(key);
    if (!i) continue;
    const v = narrowest([i.globalValue, i.workspaceValue, i.workspaceFolderValue, i.globalLanguageValue, i.workspaceLanguageValue, i.workspaceFolderLanguageValue]);
    if (v !== undefined) setPath(out, key.split('.'), v);
  }
  return out;
}

/** The setting names (without the prefix) the manifest declares. */
export function settingKeys(packageJSON: { contributes?: { configuration?: { properties?: Record<string, unknown> } } }): string[] {
  return Object.keys(packageJSON.contributes?.configuration?.properties ?? {})
    .filter((k) => k.startsWith(`${SECTION}.`))
    .map((k) => k.slice(SECTION.length + 1));
}

/** Answers workspace/configuration for our section with the explicit settings only. */
export function configurationMiddleware(keys: string[]): Middleware['workspace'] {
  return {
    configuration: (params, token, next) => {
      if (!params.items.every((item) => item.section === SECTION)) return next(params, token);
      return params.items.map((item) => explicitSettings(keys, item.scopeUri));
    },
  };
}

export function initializationOptions(): { workspaceTrusted: boolean } {
  return { workspaceTrusted: vscode.workspace.isTrusted };
}

/** Re-reads project configuration files when one changes; restarts the server once trust is granted. */
export function watchConfiguration(context: vscode.ExtensionContext, client: () => BaseLanguageClient | undefined, restart: () => Promise<void>): void {
  const watcher = vscode.workspace.createFileSystemWatcher(CONFIG_FILE_GLOB);
  const changed = () => void client()?.sendNotification(DidChangeConfigurationNotification.type, { settings: null });
  context.subscriptions.push(watcher, watcher.onDidChange(changed), watcher.onDidCreate(changed), watcher.onDidDelete(changed));
  context.subscriptions.push(vscode.workspace.onDidGrantWorkspaceTrust(() => void restart()));
}
