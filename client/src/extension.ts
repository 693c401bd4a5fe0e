// The VS Code client (Node extension host): starts the language server over IPC and hands it the
// documents of the `yealink-cfg` language. Setup shared with the browser client is in common.ts.

import * as path from 'node:path';
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type ServerOptions } from 'vscode-languageclient/node';
import { CLIENT_ID, CLIENT_NAME, claimYealinkDocuments, clientOptions, wireFolderAccess, type YealinkCfgTestApi } from './common';

export { LANGUAGE_ID } from './common';

let client: LanguageClient | undefined;

/** Returns the test-facing state readers (see YealinkCfgTestApi). */
export async function activate(context: vscode.ExtensionContext): Promise<YealinkCfgTestApi> {
  claimYealinkDocuments(context);

  const module = context.asAbsolutePath(path.join('dist', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6011'] } },
  };
  client = new LanguageClient(CLIENT_ID, CLIENT_NAME, serverOptions, clientOptions(context));
  const api = wireFolderAccess(context, client);
  await client.start();
  return api;
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
