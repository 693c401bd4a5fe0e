// What the Node host's client and the web host's client share: the language, the claiming of `.cfg` files that
// another language took by extension but whose first line is the Yealink header, the client options,
// and the folder wiring (watched files, folder reads for a server without a file system, the
// effective configuration, Check Folder). Nothing here may import Node modules: the web host evaluates
// it too.

import * as vscode from 'vscode';
import { MessageType, ShowMessageNotification, type BaseLanguageClient, type LanguageClientOptions } from 'vscode-languageclient';
import { registerCheckFolder, type CheckFolderResult } from './checkFolder';
import { registerEditorCommands, type StatusView } from './editorCommands';
import { PROVISIONING_GLOB, registerEffectiveConfiguration, serveFolderReads } from './folderAccess';
import { configurationMiddleware, initializationOptions, settingKeys, watchConfiguration } from './settings';

export const LANGUAGE_ID = 'yealink-cfg';
export const CLIENT_ID = 'yealinkCfg';
export const CLIENT_NAME = 'Yealink cfg';
const HEADER = /^\uFEFF?#!version:/;

/** A .cfg document that VS Code gave to another language but that starts with the Yealink header. */
function shouldClaim(doc: vscode.TextDocument): boolean {
  if (doc.languageId === LANGUAGE_ID || doc.uri.scheme === 'git' || !/\.cfg$/i.test(doc.fileName)) return false;
  return doc.lineCount > 0 && HEADER.test(doc.lineAt(0).text);
}

async function claim(doc: vscode.TextDocument): Promise<void> {
  if (shouldClaim(doc)) await vscode.languages.setTextDocumentLanguage(doc, LANGUAGE_ID);
}

/** Gives the Yealink language to header-marked .cfg documents, open now or opened later. */
export function claimYealinkDocuments(context: vscode.ExtensionContext): void {
  context.subscriptions.push(vscode.workspace.onDidOpenTextDocument((d) => void claim(d)));
  for (const d of vscode.workspace.textDocuments) void claim(d);
}

export function clientOptions(context?: vscode.ExtensionContext): LanguageClientOptions {
  return {
    documentSelector: [{ language: LANGUAGE_ID }],
    synchronize: { configurationSection: 'yealinkCfg', fileEvents: vscode.workspace.createFileSystemWatcher(PROVISIONING_GLOB) },
    // The client watches the provisioning files itself (above), so the server need not ask to; the
    // workspace trust decides whether the server reads yealink-cfg.json (asked again on restart).
    initializationOptions: () => ({ watchesFiles: true, ...initializationOptions() }),
    // Only the settings the user set go to the server, so yealink-cfg.json fills the rest.
    ...(context ? { middleware: { workspace: configurationMiddleware(settingKeys(context.extension.packageJSON)) } } : {}),
  };
}

/**
 * What activate() returns, for tests (the extension's `exports`): the state of things VS Code gives
 * extensions no way to read back. Not a stable API for other extensions.
 */
export interface YealinkCfgTestApi {
  /** The language status item's text and detail, as shown for the active editor. */
  languageStatus(): StatusView;
  /** The messages the server asked to show (window/showMessage), oldest first, as shown. */
  serverMessages(): { type: 'error' | 'warning' | 'info'; message: string }[];
}

type ServerMessage = ReturnType<YealinkCfgTestApi['serverMessages']>[number];

/** Shows the server's messages as the client library would, and keeps the last ones for tests. */
function showServerMessages(client: BaseLanguageClient): () => ServerMessage[] {
  const kept: ServerMessage[] = [];
  client.onNotification(ShowMessageNotification.type, (p) => {
    const type = p.type === MessageType.Error ? 'error' : p.type === MessageType.Warning ? 'warning' : 'info';
    if (kept.push({ type, message: p.message }) > 50) kept.shift();
    const show = type === 'error' ? vscode.window.showErrorMessage : type === 'warning' ? vscode.window.showWarningMessage : vscode.window.showInformationMessage;
    void show(p.message);
  });
  return () => [...kept];
}

export type { CheckFolderResult, StatusView };

/** The language client made for one host (not started yet); dispose() frees what the host needed for it. */
export interface HostClient {
  client: BaseLanguageClient;
  dispose(): void;
}

/** What every client does for the server's folder features, before it starts. */
export function wireFolderAccess(context: vscode.ExtensionContext, client: BaseLanguageClient): YealinkCfgTestApi {
  serveFolderReads(client);
  registerEffectiveConfiguration(context, client);
  const languageStatus = registerEditorCommands(context, client);
  const serverMessages = showServerMessages(client);
  registerCheckFolder(context, client);
  watchConfiguration(context, () => client, async () => {
    await client.stop();
    await client.start();
  });
  return { languageStatus, serverMessages };
}
