// Yealink: Check Folder. Every provisioning file of the workspace folders (or of a folder picked in the
// Explorer) is checked by the server with the files a phone reads with it, and the problems go into
// the Problems panel, files no editor shows included. Shared by the Node and the browser client.
//
// Who shows a file's problems: VS Code's client pulls the diagnostics of the Yealink documents shown
// in editor tabs, into its own collection. This command's collection holds every other checked file,
// so no file is listed twice: a file that gets a tab leaves this collection, and when its tab closes
// it is checked again (the editor's unsaved text is gone) and comes back. The results follow the
// folder: a file changed, created or deleted on disk, an edit in a file of the same folder, a settings
// or yealink-cfg.json change and a server restart check the files concerned again.

import * as vscode from 'vscode';
import { State, type BaseLanguageClient, type Diagnostic as LspDiagnostic } from 'vscode-languageclient';
import { countSeverities, summaryLine, type Counts } from '../../server/src/problemCounts';
import { PROVISIONING_GLOB } from './folderAccess';
import { CONFIG_FILE_GLOB } from './settings';

const LANGUAGE_ID = 'yealink-cfg';
const CHECK_FILES_REQUEST = 'yealinkCfg/checkFiles';
/** URIs per request: progress moves and a cancel takes effect between batches. */
const BATCH = 100;
/** More files than this get a progress notification; fewer, the status bar's. */
const NOTIFY_ABOVE = 200;
/** As the command line: folders starting with a dot and node_modules are not walked. */
const SKIPPED_SEGMENT = /^(\..*|node_modules)$/;
const RECHECK_DELAY_MS = 400;
/** Typing in an editor waits longer: a common file is read by every phone of the folder. */
const TYPING_DELAY_MS = 1000;
const MAC_FILE = /^([0-9a-f]{12})\.cfg$/i;
const LOCAL_FILE = /^[0-9a-f]{12}-local\.cfg$/i;

interface CheckFilesResult {
  checked: { uri: string; diagnostics: LspDiagnostic[] }[];
  skipped: { uri: string; reason: string }[];
}

/** What a run found; `message` is the text shown to the user. */
export interface CheckFolderResult extends Counts {
  message: string;
  files: number;
  unreadable: string[];
  cancelled: boolean;
}

function folderOf(uri: string): string {
  return uri.slice(0, uri.lastIndexOf('/'));
}

/** A workspace folder by its name, a folder inside one by its path from there. */
function folderLabel(uri: vscode.Uri): string {
  const ws = vscode.workspace.getWorkspaceFolder(uri);
  if (ws && ws.uri.toString() === uri.toString()) return ws.name;
  return vscode.workspace.asRelativePath(uri, false) || uri.path;
}

/** The URIs VS Code's client pulls diagnostics for: Yealink documents shown in a tab. */
function pulledUris(): Set<string> {
  const tabs = new Set<string>();
  for (const group of vscode.window.tabGroups.all) {
    for (const tab of group.tabs) {
      const input = tab.input;
      if (input instanceof vscode.TabInputText || input instanceof vscode.TabInputCustom) tabs.add(input.uri.toString());
      else if (input instanceof vscode.TabInputTextDiff) tabs.add(input.modified.toString());
    }
  }
  const out = new Set<string>();
  for (const doc of vscode.workspace.textDocuments) {
    const u = doc.uri.toString();
    if (doc.languageId === LANGUAGE_ID && tabs.has(u)) out.add(u);
  }
  return out;
}

/** The provisioning file candidates below the roots (the user's files.exclude applies), sorted. */
async function listFiles(roots: vscode.Uri[], token: vscode.CancellationToken): Promise<string[]> {
  const out = new Set<string>();
  for (const root of roots) {
    const found = await vscode.workspace.findFiles(new vscode.RelativePattern(root, PROVISIONING_GLOB), undefined, undefined, token);
    for (const uri of found) {
      const rel = uri.path.slice(root.path.replace(/\/+$/, '').length + 1).split('/');
      if (!rel.slice(0, -1).some((seg) => SKIPPED_SEGMENT.test(seg))) out.add(uri.toString());
    }
  }
  return [...out].sort();
}

export class FolderCheck implements vscode.Disposable {
  private readonly collection = vscode.languages.createDiagnosticCollection('yealink-cfg-folder');
  /** The last run's results by URI (open files too, so the summary and later placements know them). */
  private readonly results = new Map<string, vscode.Diagnostic[]>();
  private roots: vscode.Uri[] = [];
  private pulled = pulledUris();
  private run: vscode.CancellationTokenSource | undefined;
  private pending = new Set<string>();
  private pendingAll = false;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private readonly disposables: vscode.Disposable[] = [];

  constructor(private readonly client: BaseLanguageClient) {
    const watcher = vscode.workspace.createFileSystemWatcher(PROVISIONING_GLOB);
    const configWatcher = vscode.workspace.createFileSystemWatcher(CONFIG_FILE_GLOB);
    this.disposables.push(
      this.collection,
      watcher,
      configWatcher,
      watcher.onDidCreate((u) => this.fileChanged(u)),
      watcher.onDidChange((u) => this.fileChanged(u)),
      watcher.onDidDelete((u) => this.fileDeleted(u)),
      configWatcher.onDidCreate(() => this.schedule(true)),
      configWatcher.onDidChange(() => this.schedule(true)),
      configWatcher.onDidDelete(() => this.schedule(true)),
      vscode.window.tabGroups.onDidChangeTabs(() => this.placeAll()),
      vscode.workspace.onDidOpenTextDocument(() => this.placeAll()),
      vscode.workspace.onDidCloseTextDocument(() => this.placeAll()),
      vscode.workspace.onDidChangeTextDocument((e) => e.contentChanges.length && this.siblingsChanged(e.document.uri.toString())),
      vscode.workspace.onDidChangeConfiguration((e) => e.affectsConfiguration('yealinkCfg') && this.schedule(true)),
      client.onDidChangeState((e) => e.newState === State.Running && e.oldState !== State.Running && this.schedule(true)),
    );
  }

  dispose(): void {
    this.run?.cancel();
    clearTimeout(this.timer);
    for (const d of this.disposables) d.dispose();
  }

  /** Forgets every result (the Problems panel keeps only what open editors show). */
  clear(): void {
    this.run?.cancel();
    this.roots = [];
    this.results.clear();
    this.collection.clear();
  }

  /** Checks the folders, replacing the last run's results; shows and returns the summary. */
  async checkFolders(target?: vscode.Uri): Promise<CheckFolderResult | undefined> {
    const roots = target ? [target] : (vscode.workspace.workspaceFolders ?? []).map((f) => f.uri);
    if (roots.length === 0) {
      void vscode.window.showInformationMessage('Open a folder to check its Yealink provisioning files.');
      return undefined;
    }
    this.clear();
    const run = (this.run = new vscode.CancellationTokenSource());
    this.roots = roots;
    const uris = await vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: 'Yealink: finding provisioning files' }, () =>
      listFiles(roots, run.token),
    );
    const location = uris.length > NOTIFY_ABOVE ? vscode.ProgressLocation.Notification : vscode.ProgressLocation.Window;
    const title = `Yealink: checking ${uris.length} provisioning file${uris.length === 1 ? '' : 's'}`;
    let unreadable: string[];
    try {
      unreadable = await vscode.window.withProgress({ location, title, cancellable: true }, async (progress, token) => {
        token.onCancellationRequested(() => run.cancel());
        const step = (100 * Math.min(BATCH, uris.length)) / Math.max(uris.length, 1);
        return this.checkUris(uris, run.token, (done) => progress.report({ message: `${done} of ${uris.length}`, increment: step }));
      });
    } catch (e) {
      void vscode.window.showErrorMessage(`Yealink: Check Folder stopped: ${e instanceof Error ? e.message : String(e)}`);
      return undefined;
    } finally {
      if (this.run === run) this.run = undefined;
    }
    return this.summarize(roots, unreadable, run.token.isCancellationRequested);
  }

  private summarize(roots: vscode.Uri[], unreadable: string[], cancelled: boolean): CheckFolderResult {
    // VS Code numbers severities from 0 (Error), the protocol from 1.
    const counts = countSeverities([...this.results.values()].map((ds) => ds.map((d) => ({ severity: d.severity + 1 }))));
    const where = roots.map(folderLabel).join(', ');
    let message = `Yealink: ${summaryLine(counts, this.results.size)} (${where})${cancelled ? ', stopped before the end' : ''}.`;
    if (unreadable.length) message += ` ${unreadable.length} could not be read.`;
    const problems = counts.errors + counts.warnings + counts.infos + counts.hints;
    const show = counts.errors ? vscode.window.showWarningMessage : vscode.window.showInformationMessage;
    void show(message, ...(problems ? ['Show Problems'] : [])).then((pick) => pick && vscode.commands.executeCommand('workbench.actions.view.problems'));
    return { ...counts, message, files: this.results.size, unreadable, cancelled };
  }

  /** Asks the server about the URIs in batches; stores and places the results; returns the unreadable ones. */
  private async checkUris(uris: string[], token: vscode.CancellationToken, onBatch?: (done: number) => void): Promise<string[]> {
    const unreadable: string[] = [];
    for (let i = 0; i < uris.length && !token.isCancellationRequested; i += BATCH) {
      const batch = uris.slice(i, i + BATCH);
      let r: CheckFilesResult;
      try {
        r = await this.client.sendRequest<CheckFilesResult>(CHECK_FILES_REQUEST, { uris: batch }, token);
      } catch (e) {
        if (token.isCancellationRequested) break;
        throw e;
      }
      if (token.isCancellationRequested) break;
      for (const s of r.skipped) {
        this.forget(s.uri);
        if (!s.reason.startsWith('not a provisioning file')) unreadable.push(vscode.Uri.parse(s.uri).path);
      }
      for (const f of r.checked) {
        this.results.set(f.uri, await this.client.protocol2CodeConverter.asDiagnostics(f.diagnostics));
        this.place(f.uri);
      }
      onBatch?.(Math.min(i + BATCH, uris.length));
    }
    return unreadable;
  }

  private forget(uri: string): void {
    this.results.delete(uri);
    this.collection.delete(vscode.Uri.parse(uri));
  }

  /** A file's results go to the Problems panel unless the client pulls its diagnostics. */
  private place(uri: string): void {
    const u = vscode.Uri.parse(uri);
    const r = this.results.get(uri);
    if (!r || this.pulled.has(uri)) this.collection.delete(u);
    else this.collection.set(u, r);
  }

  /** Tabs or documents changed: files that got a tab leave the collection, files that lost one are checked again. */
  private placeAll(): void {
    const before = this.pulled;
    this.pulled = pulledUris();
    for (const uri of this.results.keys()) {
      if (this.pulled.has(uri)) this.place(uri);
      else if (before.has(uri)) this.schedule(false, [uri]);
    }
  }

  private inScope(uri: vscode.Uri): boolean {
    return this.roots.some((r) => {
      const root = r.toString().replace(/\/+$/, '');
      if (!uri.toString().startsWith(`${root}/`)) return false;
      return !uri.path.slice(r.path.replace(/\/+$/, '').length + 1).split('/').slice(0, -1).some((seg) => SKIPPED_SEGMENT.test(seg));
    });
  }

  /**
   * The checked files of a file's folder that can read it (a phone's set lives in one folder): a MAC
   * file is read before its -local file only; any other file can be read by all.
   */
  private siblingsOf(uri: string): string[] {
    const folder = folderOf(uri);
    const name = uri.slice(folder.length + 1);
    if (LOCAL_FILE.test(name)) return []; // read last, by nobody else
    const mac = MAC_FILE.exec(name);
    if (mac) return [...this.results.keys()].filter((u) => u.toLowerCase() === `${folder}/${mac[1]}-local.cfg`.toLowerCase());
    return [...this.results.keys()].filter((u) => folderOf(u) === folder && u !== uri);
  }

  private fileChanged(uri: vscode.Uri): void {
    if (!this.inScope(uri)) return;
    const u = uri.toString();
    this.schedule(false, [u, ...this.siblingsOf(u)]);
  }

  private fileDeleted(uri: vscode.Uri): void {
    const u = uri.toString();
    const siblings = this.siblingsOf(u);
    this.forget(u);
    // A deleted folder: its files go too.
    for (const k of [...this.results.keys()]) if (k.startsWith(`${u}/`)) this.forget(k);
    if (this.inScope(uri)) this.schedule(false, siblings);
  }

  /** An editor's text changed: the other checked files of its folder may read it. */
  private siblingsChanged(uri: string): void {
    if (this.results.size && this.inScope(vscode.Uri.parse(uri))) this.schedule(false, this.siblingsOf(uri), TYPING_DELAY_MS);
  }

  /** Checks again after a short quiet time: every result (`all`), or these URIs. */
  private schedule(all: boolean, uris: string[] = [], delay = RECHECK_DELAY_MS): void {
    if (this.roots.length === 0 || (!all && uris.length === 0)) return;
    this.pendingAll ||= all;
    for (const u of uris) this.pending.add(u);
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.flush(), delay);
  }

  private async flush(): Promise<void> {
    if (this.run) {
      // A run is under way: check after it.
      this.timer = setTimeout(() => void this.flush(), RECHECK_DELAY_MS);
      return;
    }
    const uris = this.pendingAll ? [...this.results.keys()] : [...this.pending].filter((u) => this.results.has(u) || this.inScope(vscode.Uri.parse(u)));
    this.pending = new Set();
    this.pendingAll = false;
    if (uris.length === 0 || !this.client.isRunning()) return;
    const run = (this.run = new vscode.CancellationTokenSource());
    try {
      await vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: 'Yealink: checking again' }, () => this.checkUris(uris.sort(), run.token));
    } catch {
      // The server went away (restart): its Running state brings the next check.
    } finally {
      if (this.run === run) this.run = undefined;
    }
  }
}

export function registerCheckFolder(context: vscode.ExtensionContext, client: BaseLanguageClient): FolderCheck {
  const check = new FolderCheck(client);
  context.subscriptions.push(
    check,
    vscode.commands.registerCommand('yealinkCfg.checkFolder', (target?: unknown) => check.checkFolders(target instanceof vscode.Uri ? target : undefined)),
    vscode.commands.registerCommand('yealinkCfg.clearFolderCheck', () => check.clear()),
  );
  return check;
}
