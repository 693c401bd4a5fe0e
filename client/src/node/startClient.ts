// The Node extension host's half of the client: the language server runs as a Node process
// (dist/server.js) and talks over IPC. Loaded only on that host (see ../extension.ts).

import * as path from 'node:path';
import type * as vscode from 'vscode';
import { LanguageClient, TransportKind, type ServerOptions } from 'vscode-languageclient/node';
import { CLIENT_ID, CLIENT_NAME, clientOptions, type HostClient } from '../common';

export async function startClient(context: vscode.ExtensionContext): Promise<HostClient> {
  const module = context.asAbsolutePath(path.join('dist', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6011'] } },
  };
  const client = new LanguageClient(CLIENT_ID, CLIENT_NAME, serverOptions, clientOptions(context));
  return { client, dispose: () => {} };
}
