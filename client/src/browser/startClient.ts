// The web extension host's half of the client (vscode.dev, github.dev and other web workbenches): the
// same language server bundle as on Node (dist/serverCore.js, which runs its web-worker entry there; the
// catalogue, dist/catalog.json, handed to it). The server has no file system there; it reads the folder's
// provisioning files through the client, which reads them through VS Code's workspace file system
// (folderAccess.ts), so a folder is still one system. Loaded only on that host (see ../extension.ts).

import * as vscode from 'vscode';
import { LanguageClient } from 'vscode-languageclient/browser';
import { CLIENT_ID, CLIENT_NAME, clientOptions, type HostClient } from '../common';

/**
 * A worker from the server bundle. `new Worker(extensionUri)` is refused where the workbench serves
 * extensions from another origin (`vscode-remote:`), so the bundle is read through the workbench's
 * file system and started from a blob URL, which works on every web host. The catalogue ships once
 * (dist/catalog.json, shared with the Node server): the blob starts by giving it to the worker as the
 * global the bundle reads.
 */
async function startServerWorker(context: vscode.ExtensionContext): Promise<{ worker: Worker; url: string }> {
  const dist = vscode.Uri.joinPath(context.extensionUri, 'dist');
  const [catalog, bundle] = await Promise.all([
    vscode.workspace.fs.readFile(vscode.Uri.joinPath(dist, 'catalog.json')),
    vscode.workspace.fs.readFile(vscode.Uri.joinPath(dist, 'serverCore.js')),
  ]);
  const parts = ['globalThis.yealinkCatalog = ', catalog, ';\n', bundle] as BlobPart[];
  const url = URL.createObjectURL(new Blob(parts, { type: 'application/javascript' }));
  return { worker: new Worker(url, { name: CLIENT_NAME }), url };
}

export async function startClient(context: vscode.ExtensionContext): Promise<HostClient> {
  const { worker, url } = await startServerWorker(context);
  const client = new LanguageClient(CLIENT_ID, CLIENT_NAME, clientOptions(context), worker);
  return { client, dispose: () => URL.revokeObjectURL(url) };
}
