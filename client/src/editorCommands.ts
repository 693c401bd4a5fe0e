// The palette commands (Explain Parameter, Restart Language Server, Show Where the Model Comes From) and the language status item that
// shows the active file's model and the files a phone reads with it. Shared by both clients.

import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';

const EXPLAIN_SCHEME = 'yealink-explain';
const LANGUAGE_ID = 'yealink-cfg';
const NAME_AT = /[A-Za-z0-9_.\-]+/;

type ExplainResult = { markdown: string } | { unknown: true; suggestions: string[] };
export type DocumentInfo = { model: string | null; modelSource: string; files?: string[]; alone?: string } | { error: string };

/** Read-only documents holding the explanations, keyed by the parameter name in the path. */
class ExplainProvider implements vscode.TextDocumentContentProvider {
  readonly texts = new Map<string, string>();
  provideTextDocumentContent(uri: vscode.Uri): string {
    return this.texts.get(uri.path) ?? '';
  }
}

function nameUnderCursor(): string {
  const editor = vscode.window.activeTextEditor;
  if (!editor || editor.document.languageId !== LANGUAGE_ID) return '';
  const range = editor.document.getWordRangeAtPosition(editor.selection.active, NAME_AT);
  return range ? editor.document.getText(range) : '';
}

/** Explains a name (given, or asked for with the name under the cursor); returns the opened document. */
async function explain(client: BaseLanguageClient, provider: ExplainProvider, given?: unknown): Promise<vscode.TextDocument | undefined> {
  const name =
    typeof given === 'string' ? given : await vscode.window.showInputBox({ prompt: 'Parameter name (account.1.enable or account.X.enable)', value: nameUnderCursor() });
  if (!name?.trim()) return undefined;
  const r = await client.sendRequest<ExplainResult>('yealinkCfg/explain', { name: name.trim() });
  if ('unknown' in r) {
    const hint = r.suggestions.length ? ` Did you mean ${r.suggestions.join(', ')}?` : '';
    void vscode.window.showWarningMessage(`Unknown parameter "${name.trim()}".${hint}`);
    return undefined;
  }
  const uri = vscode.Uri.from({ scheme: EXPLAIN_SCHEME, path: `/${name.trim()}.md` });
  provider.texts.set(uri.path, r.markdown);
  const doc = await vscode.workspace.openTextDocument(uri);
  await vscode.window.showTextDocument(doc, { preview: true, viewColumn: vscode.ViewColumn.Beside });
  return doc;
}

async function infoOfActive(client: BaseLanguageClient): Promise<DocumentInfo | undefined> {
  const doc = vscode.window.activeTextEditor?.document;
  if (!doc || doc.languageId !== LANGUAGE_ID || !client.isRunning()) return undefined;
  return client.sendRequest<DocumentInfo>('yealinkCfg/documentInfo', { uri: doc.uri.toString() });
}

function showInfo(item: vscode.LanguageStatusItem, info: DocumentInfo | undefined): void {
  if (!info || 'error' in info) {
    item.text = 'Yealink: no model';
    item.detail = info && 'error' in info ? info.error : undefined;
    return;
  }
  const files = info.files ?? [];
  item.text = `${info.model ?? 'No model'}${files.length ? ` · reads ${files.length} file${files.length === 1 ? '' : 's'}` : ''}`;
  item.detail = files.length ? `Read in order: ${files.join(', ')}` : info.alone ? `Read alone: ${info.alone}` : undefined;
}

/** What the language status item shows: its text and the detail line under it. */
export interface StatusView {
  text: string;
  detail?: string;
}

/** The status item; refreshed on editor changes, settings changes and new diagnostics. */
function registerStatusItem(context: vscode.ExtensionContext, client: BaseLanguageClient): () => StatusView {
  const item = vscode.languages.createLanguageStatusItem('yealinkCfg.model', { language: LANGUAGE_ID });
  item.name = 'Yealink model';
  item.text = 'Yealink';
  item.command = { command: 'yealinkCfg.showModelSource', title: 'Where the model comes from' };
  let timer: ReturnType<typeof setTimeout> | undefined;
  const refresh = () => {
    clearTimeout(timer);
    timer = setTimeout(() => infoOfActive(client).then((i) => showInfo(item, i), () => showInfo(item, undefined)), 150);
  };
  context.subscriptions.push(
    item,
    vscode.window.onDidChangeActiveTextEditor(refresh),
    vscode.workspace.onDidChangeConfiguration((e) => e.affectsConfiguration('yealinkCfg') && refresh()),
    vscode.languages.onDidChangeDiagnostics(refresh),
    client.onDidChangeState(refresh),
  );
  refresh();
  return () => ({ text: item.text, ...(item.detail !== undefined ? { detail: item.detail } : {}) });
}

/** Shows where the active file's model comes from; returns what the server answered. */
async function showModelSource(client: BaseLanguageClient): Promise<DocumentInfo | undefined> {
  const info = await infoOfActive(client);
  if (!info) void vscode.window.showInformationMessage('Open a Yealink provisioning file to see its model.');
  else if ('error' in info) void vscode.window.showWarningMessage(info.error);
  else void vscode.window.showInformationMessage(`Model: ${info.model ?? 'none'}. Decided by ${info.modelSource}.`);
  return info;
}

/** Registers the commands and the status item; returns how to read the item (VS Code has no API for it). */
export function registerEditorCommands(context: vscode.ExtensionContext, client: BaseLanguageClient): () => StatusView {
  const provider = new ExplainProvider();
  const restartable = client as BaseLanguageClient & { restart?: () => Promise<void> };
  context.subscriptions.push(
    vscode.workspace.registerTextDocumentContentProvider(EXPLAIN_SCHEME, provider),
    vscode.commands.registerCommand('yealinkCfg.explainParameter', (name?: unknown) => explain(client, provider, name)),
    vscode.commands.registerCommand('yealinkCfg.showModelSource', () => showModelSource(client)),
    vscode.commands.registerCommand('yealinkCfg.restartServer', async () => {
      if (restartable.restart) await restartable.restart();
      else {
        await client.stop();
        await client.start();
      }
    }),
  );
  const status = registerStatusItem(context, client);
  // The palette shows Explain and Restart once the extension runs (a Yealink file was opened).
  void vscode.commands.executeCommand('setContext', 'yealinkCfg.active', true);
  return status;
}
