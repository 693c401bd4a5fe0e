import * as assert from 'assert';
import * as vscode from 'vscode';

export const EXTENSION_ID = 'yealink-cfg.yealink-cfg';
export const LANGUAGE_ID = 'yealink-cfg';
export const SOURCE = 'yealink-cfg';
export const HEADER = '#!version:1.0.0.1';

/** How long to wait for something the extension does asynchronously (language server start, diagnostics). */
export const WAIT_MS = 20_000;

export function extension(): vscode.Extension<unknown> {
  const ext = vscode.extensions.getExtension(EXTENSION_ID);
  assert.ok(ext, `extension ${EXTENSION_ID} is not installed in this VS Code`);
  return ext;
}

export function workspaceRoot(): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the suite runs with the fixture workspace open');
  return folder.uri;
}

export function fixture(relative: string): vscode.Uri {
  return vscode.Uri.joinPath(workspaceRoot(), ...relative.split('/'));
}

/**
 * Opens a fixture. The language server's diagnostics are pulled for documents shown in editor
 * tabs (as a person works), so tests that wait for diagnostics pass show = true.
 */
export async function open(relative: string, show = false): Promise<vscode.TextDocument> {
  const doc = await vscode.workspace.openTextDocument(fixture(relative));
  if (show) await vscode.window.showTextDocument(doc, { preview: false });
  return doc;
}

/** The document currently open for a URI (a language change replaces the TextDocument object). */
export function currentDocument(uri: vscode.Uri): vscode.TextDocument | undefined {
  return vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
}

/**
 * Waits until `check` returns a value other than undefined, re-checking whenever one of
 * `events` fires and at least every 250 ms; fails after `timeoutMs` with `describe()`.
 */
export function waitFor<T>(
  what: string,
  check: () => T | undefined | Promise<T | undefined>,
  events: vscode.Event<unknown>[] = [],
  timeoutMs = WAIT_MS,
  describe: () => string = () => '',
): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    let done = false;
    const subs: vscode.Disposable[] = [];
    const finish = (err: Error | undefined, value?: T) => {
      if (done) return;
      done = true;
      clearInterval(interval);
      clearTimeout(timer);
      subs.forEach((s) => s.dispose());
      if (err) reject(err);
      else resolve(value as T);
    };
    const probe = async () => {
      if (done) return;
      try {
        const v = await check();
        if (v !== undefined) finish(undefined, v);
      } catch (e) {
        finish(e as Error);
      }
    };
    for (const ev of events) subs.push(ev(() => void probe()));
    const interval = setInterval(() => void probe(), 250);
    const timer = setTimeout(() => {
      const extra = describe();
      finish(new Error(`timed out after ${timeoutMs} ms waiting for ${what}${extra ? `\n${extra}` : ''}`));
    }, timeoutMs);
    void probe();
  });
}

export function codeOf(d: vscode.Diagnostic): string {
  const c = d.code;
  if (c === undefined) return '';
  if (typeof c === 'object') return String(c.value);
  return String(c);
}

export function yealinkDiagnostics(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === SOURCE);
}

export function fmtRange(r: vscode.Range): string {
  return `${r.start.line}:${r.start.character}-${r.end.line}:${r.end.character}`;
}

export const SEVERITY_NAMES: Record<number, string> = {
  [vscode.DiagnosticSeverity.Error]: 'error',
  [vscode.DiagnosticSeverity.Warning]: 'warning',
  [vscode.DiagnosticSeverity.Information]: 'information',
  [vscode.DiagnosticSeverity.Hint]: 'hint',
};

export function fmtDiagnostic(d: vscode.Diagnostic): string {
  return `${codeOf(d)} ${SEVERITY_NAMES[d.severity]} ${fmtRange(d.range)} "${d.message}"`;
}

export function fmtDiagnostics(ds: readonly vscode.Diagnostic[]): string {
  return ds.length ? ds.map((d) => '  ' + fmtDiagnostic(d)).join('\n') : '  (none)';
}

/**
 * Waits until the extension's diagnostics for `uri` satisfy `predicate`
 * (re-checked on every onDidChangeDiagnostics for that URI).
 */
export function waitForDiagnostics(
  uri: vscode.Uri,
  what: string,
  predicate: (ds: vscode.Diagnostic[]) => boolean,
  timeoutMs = WAIT_MS,
): Promise<vscode.Diagnostic[]> {
  const changed: vscode.Event<unknown> = (listener) =>
    vscode.languages.onDidChangeDiagnostics((e) => {
      if (e.uris.some((u) => u.toString() === uri.toString())) listener(e);
    });
  return waitFor(
    what,
    () => {
      const ds = yealinkDiagnostics(uri);
      return predicate(ds) ? ds : undefined;
    },
    [changed],
    timeoutMs,
    () => `diagnostics of ${vscode.workspace.asRelativePath(uri)} were:\n${fmtDiagnostics(yealinkDiagnostics(uri))}`,
  );
}

export function waitForLanguage(uri: vscode.Uri, languageId: string, timeoutMs = WAIT_MS): Promise<vscode.TextDocument> {
  return waitFor(
    `${vscode.workspace.asRelativePath(uri)} to be in language ${languageId}`,
    () => {
      const d = currentDocument(uri);
      return d && d.languageId === languageId ? d : undefined;
    },
    [vscode.workspace.onDidOpenTextDocument as vscode.Event<unknown>],
    timeoutMs,
    () => `its language is ${currentDocument(uri)?.languageId ?? '(not open)'}`,
  );
}

/** The range of `needle` on `line` (the first occurrence at or after column `from`). */
export function span(doc: vscode.TextDocument, line: number, needle: string, from = 0): vscode.Range {
  const text = doc.lineAt(line).text;
  const at = text.indexOf(needle, from);
  assert.ok(at >= 0, `fixture line ${line} ("${text}") does not contain "${needle}"`);
  return new vscode.Range(line, at, line, at + needle.length);
}

/** The range of the value on a `name = value` line. */
export function valueSpan(doc: vscode.TextDocument, line: number): vscode.Range {
  const text = doc.lineAt(line).text;
  const eq = text.indexOf('=');
  assert.ok(eq >= 0, `fixture line ${line} has no "="`);
  const value = text.slice(eq + 1).trim();
  return span(doc, line, value, eq + 1);
}

/** The range of the name on a `name = value` line. */
export function nameSpan(doc: vscode.TextDocument, line: number): vscode.Range {
  const text = doc.lineAt(line).text;
  const name = text.split('=')[0].trim();
  return span(doc, line, name);
}

export function labelOf(item: vscode.CompletionItem): string {
  return typeof item.label === 'string' ? item.label : item.label.label;
}

export function docText(x: string | vscode.MarkdownString | undefined): string {
  if (x === undefined) return '';
  return typeof x === 'string' ? x : x.value;
}

export function hoverText(hovers: vscode.Hover[]): string {
  const parts: string[] = [];
  for (const h of hovers) {
    for (const c of h.contents) {
      if (typeof c === 'string') parts.push(c);
      else if (c instanceof vscode.MarkdownString) parts.push(c.value);
      else if ('value' in c) parts.push(String(c.value));
    }
  }
  return parts.join('\n\n');
}

export async function completions(uri: vscode.Uri, position: vscode.Position, trigger?: string): Promise<vscode.CompletionItem[]> {
  const list = await vscode.commands.executeCommand<vscode.CompletionList>(
    'vscode.executeCompletionItemProvider',
    uri,
    position,
    trigger,
  );
  return list ? list.items : [];
}

export async function codeActions(uri: vscode.Uri, range: vscode.Range): Promise<vscode.CodeAction[]> {
  const all = await vscode.commands.executeCommand<(vscode.CodeAction | vscode.Command)[]>(
    'vscode.executeCodeActionProvider',
    uri,
    range,
    vscode.CodeActionKind.QuickFix.value,
    100, // resolve up to 100 actions, so that lazily computed edits are filled in
  );
  return (all ?? []).filter((a): a is vscode.CodeAction => !('command' in a && typeof a.command === 'string'));
}

export function sameRange(a: vscode.Range, b: vscode.Range): boolean {
  return a.isEqual(b);
}

/** The single text edit of a code action (asserting that it has exactly one, on `uri`). */
export function singleEdit(action: vscode.CodeAction, uri: vscode.Uri): vscode.TextEdit {
  assert.ok(action.edit, `code action "${action.title}" has no edit`);
  const entries = action.edit.entries();
  assert.strictEqual(entries.length, 1, `code action "${action.title}" edits ${entries.length} files`);
  assert.strictEqual(entries[0][0].toString(), uri.toString());
  assert.strictEqual(entries[0][1].length, 1, `code action "${action.title}" has ${entries[0][1].length} text edits`);
  return entries[0][1][0];
}

export function fmtActions(actions: vscode.CodeAction[], uri: vscode.Uri): string {
  return actions
    .map((a) => {
      let edits = '';
      if (a.edit) {
        edits = a.edit
          .entries()
          .filter(([u]) => u.toString() === uri.toString())
          .flatMap(([, es]) => es.map((e) => `${fmtRange(e.range)}=>${JSON.stringify(e.newText)}`))
          .join(', ');
      }
      const ds = (a.diagnostics ?? []).map((d) => `${codeOf(d)}@${fmtRange(d.range)}`).join(',');
      return `  "${a.title}" [${a.kind?.value}] diagnostics: ${ds} edits: ${edits}`;
    })
    .join('\n');
}
