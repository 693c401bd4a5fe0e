// The VS Code client, one bundle for both extension hosts (package.json `main` and `browser`): on the
// Node host it starts the language server as a process over IPC (node/startClient.ts), in a web
// workbench as a web worker (browser/startClient.ts). Each half is loaded only on its host, so the
// web host never evaluates a Node module, and the client library's common part ships once.
// Setup shared by both is in common.ts.

import type * as vscode from 'vscode';
import { claimYealinkDocuments, wireFolderAccess, type HostClient, type YealinkCfgTestApi } from './common';

export { LANGUAGE_ID } from './common';

let started: HostClient | undefined;

/** A web extension host is a web worker; the Node host (desktop, remote, code-server) is not. */
function onWebHost(): boolean {
  return typeof (globalThis as { importScripts?: unknown }).importScripts === 'function' || typeof process === 'undefined';
}

/** Returns the test-facing state readers (see YealinkCfgTestApi). */
export async function activate(context: vscode.ExtensionContext): Promise<YealinkCfgTestApi> {
  claimYealinkDocuments(context);
  const host = onWebHost() ? await import('./browser/startClient') : await import('./node/startClient');
  started = await host.startClient(context);
  const api = wireFolderAccess(context, started.client);
  await started.client.start();
  return api;
}

export async function deactivate(): Promise<void> {
  await started?.client.stop();
  started?.dispose();
  started = undefined;
}
