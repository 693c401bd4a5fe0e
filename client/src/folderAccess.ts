// What the client does for the server's folder features: watches the provisioning files, reads them
// for a server that has no file system (the browser worker), and shows the effective configuration of
// a phone as a read-only document. Shared by the Node and the browser client.

import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';

export const PROVISIONING_GLOB = '**/*.{cfg,boot}';
export const EFFECTIVE_SCHEME = 'yealink-effective';
const EFFECTIVE_REQUEST = 'yealinkCfg/effectiveConfiguration';
const PROVISIONING_NAME = /\.(cfg|boot)$/i;

type EffectiveResult = { macs: string[] } | { mac: string; text: string } | { error: string };

/** Answers the server's folder requests: only provisioning files, only what the editor can read. */
export function serveFolderReads(client: BaseLanguageClient): void {
  client.onRequest('yealinkCfg/listFolder', async ({ uri }: { uri: string }) => {
    try {
      const entries = await vscode.workspace.fs.readDirectory(vscode.Uri.parse(uri));
      return entries.filter(([, type]) => type === vscode.FileType.File).map(([name]) => name);
    } catch {
      return null;
    }
  });
  client.onRequest('yealinkCfg/readFile', async ({ uri }: { uri: string }) => {
    if (!PROVISIONING_NAME.test(uri)) return null;
    try {
      return new TextDecoder('utf-8').decode(await vscode.workspace.fs.readFile(vscode.Uri.parse(uri)));
    } catch {
      return null;
    }
  });
}

/**
 * `yealink-effective:/<mac>-effective[-defaults].cfg?<the file's URI>`: one document per phone and
 * folder, with or without the defaults.
 */
function effectiveUri(fileUri: string, mac: string, defaults: boolean): vscode.Uri {
  return vscode.Uri.from({ scheme: EFFECTIVE_SCHEME, path: `/${mac}-effective${defaults ? '-defaults' : ''}.cfg`, query: fileUri });
}

class EffectiveProvider implements vscode.TextDocumentContentProvider {
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;
  constructor(private readonly client: BaseLanguageClient) {}

  async provideTextDocumentContent(uri: vscode.Uri): Promise<string> {
    const m = /^\/([0-9a-f]{12})-effective(-defaults)?\.cfg$/i.exec(uri.path);
    const r = await this.client.sendRequest<EffectiveResult>(EFFECTIVE_REQUEST, { uri: uri.query, mac: m?.[1], defaults: !!m?.[2] });
    return 'text' in r ? r.text : `## ${'error' in r ? r.error : 'No phone chosen.'}\n`;
  }

  /** Shown again: the files may have changed since, so the text is asked for again. */
  refresh(uri: vscode.Uri): void {
    this.changed.fire(uri);
  }
}

/** The command: for a MAC file its phone; from any other file of the folder, a phone picked from a list. */
async function showEffective(client: BaseLanguageClient, provider: EffectiveProvider, defaults: boolean): Promise<void> {
  const editor = vscode.window.activeTextEditor;
  if (!editor || editor.document.uri.scheme === EFFECTIVE_SCHEME) {
    void vscode.window.showInformationMessage('Open a Yealink provisioning file first.');
    return;
  }
  const fileUri = editor.document.uri.toString();
  const r = await client.sendRequest<EffectiveResult>(EFFECTIVE_REQUEST, { uri: fileUri });
  let mac: string | undefined;
  if ('error' in r) return void vscode.window.showWarningMessage(r.error);
  if ('macs' in r) {
    if (r.macs.length === 0) return void vscode.window.showInformationMessage('This folder has no MAC files (<MAC>.cfg).');
    mac = await vscode.window.showQuickPick(r.macs, { placeHolder: 'The phone (MAC address) to show the effective configuration of' });
    if (!mac) return;
  } else mac = r.mac;
  const uri = effectiveUri(fileUri, mac, defaults);
  if (vscode.workspace.textDocuments.some((d) => d.uri.toString() === uri.toString())) provider.refresh(uri);
  const doc = await vscode.workspace.openTextDocument(uri);
  await vscode.languages.setTextDocumentLanguage(doc, 'yealink-cfg');
  await vscode.window.showTextDocument(doc, { preview: false, viewColumn: vscode.ViewColumn.Beside });
}

export function registerEffectiveConfiguration(context: vscode.ExtensionContext, client: BaseLanguageClient): void {
  const provider = new EffectiveProvider(client);
  context.subscriptions.push(
    vscode.workspace.registerTextDocumentContentProvider(EFFECTIVE_SCHEME, provider),
    vscode.commands.registerCommand('yealinkCfg.showEffectiveConfiguration', () => showEffective(client, provider, false)),
    vscode.commands.registerCommand('yealinkCfg.showEffectiveConfigurationWithDefaults', () => showEffective(client, provider, true)),
  );
}
