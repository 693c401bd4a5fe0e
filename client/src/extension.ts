// The VS Code client: starts the language server over IPC and hands it the documents of the
// `yealink-cfg` language. It also claims `.cfg` files that another language took by extension but
// whose first line is the Yealink header.

import * as path from 'node:path';
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { PROVISIONING_GLOB, registerEffectiveConfiguration, serveFolderReads } from './folderAccess';

export const LANGUAGE_ID = 'yealink-cfg';
const HEADER = /^\uFEFF?#!version:/;

let client: LanguageClient | undefined;

/** A .cfg document that VS Code gave to another language but that starts with the Yealink header. */
function shouldClaim(doc: vscode.TextDocument): boolean {
  if (doc.languageId === LANGUAGE_ID || doc.uri.scheme === 'git' || !/\.cfg$/i.test(doc.fileName)) return false;
  return doc.lineCount > 0 && HEADER.test(doc.lineAt(0).text);
}

async function claim(doc: vscode.TextDocument): Promise<void> {
  if (shouldClaim(doc)) await vscode.languages.setTextDocumentLanguage(doc, LANGUAGE_ID);
}

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  context.subscriptions.push(vscode.workspace.onDidOpenTextDocument((d) => void claim(d)));
  for (const d of vscode.workspace.textDocuments) void claim(d);

  const module = context.asAbsolutePath(path.join('dist', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6011'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [{ language: LANGUAGE_ID }],
    synchronize: { configurationSection: 'yealinkCfg', fileEvents: vscode.workspace.createFileSystemWatcher(PROVISIONING_GLOB) },
    // The client watches the provisioning files itself (above), so the server need not ask to.
    initializationOptions: { watchesFiles: true },
  };
  client = new LanguageClient('yealinkCfg', 'Yealink cfg', serverOptions, clientOptions);
  serveFolderReads(client);
  registerEffectiveConfiguration(context, client);
  await client.start();
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
