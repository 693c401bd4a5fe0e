// The protocol glue: binds the language service to an LSP connection. Shared by the Node entry
// (node/serverMain.ts) and the web-worker entry (browser/serverMain.ts); nothing else imports the
// protocol libraries.

import {
  CodeActionKind,
  DiagnosticSeverity,
  DocumentDiagnosticReportKind,
  InsertTextFormat,
  MarkupKind,
  TextDocuments,
  TextDocumentSyncKind,
  type CodeAction,
  type CompletionItem,
  type Connection,
  type Diagnostic,
  type InitializeResult,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { catalogData } from './catalog/catalogData';
import { createLanguageService } from './languageService';
import { ALL_CODES, DIAGNOSTIC_SOURCE, type DocumentContext, type ParsedDocument, type ValidationSettings, type YealinkDiagnostic } from './types';

export interface ServerSettings extends ValidationSettings {
  validation?: { enable?: boolean; debounceMs?: number };
}

const DEFAULT_DEBOUNCE_MS = 250;

function fileNameOf(uri: string): string {
  try {
    return decodeURIComponent(uri.split(/[?#]/)[0]);
  } catch {
    return uri;
  }
}

export function startServer(connection: Connection): void {
  const service = createLanguageService(catalogData);
  const documents = new TextDocuments(TextDocument);
  let pullDiagnostics = false;
  let configurationSupport = false;
  let globalSettings: ServerSettings = {};
  const settingsCache = new Map<string, Promise<ServerSettings>>();
  const pushTimers = new Map<string, ReturnType<typeof setTimeout>>();
  const lastChange = new Map<string, number>();

  connection.onInitialize((params): InitializeResult => {
    const caps = params.capabilities;
    pullDiagnostics = !!caps.textDocument?.diagnostic;
    configurationSupport = !!caps.workspace?.configuration;
    const init = params.initializationOptions as { settings?: ServerSettings } | undefined;
    if (init?.settings) globalSettings = init.settings;
    return {
      capabilities: {
        textDocumentSync: TextDocumentSyncKind.Incremental,
        completionProvider: { triggerCharacters: ['.', '='], resolveProvider: false },
        hoverProvider: true,
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix] },
        ...(pullDiagnostics
          ? { diagnosticProvider: { identifier: DIAGNOSTIC_SOURCE, interFileDependencies: false, workspaceDiagnostics: false } }
          : {}),
      },
      serverInfo: { name: 'yealink-cfg-language-server' },
    };
  });

  function settingsFor(uri: string): Promise<ServerSettings> {
    if (!configurationSupport) return Promise.resolve(globalSettings);
    let s = settingsCache.get(uri);
    if (!s) {
      s = connection.workspace
        .getConfiguration({ scopeUri: uri, section: 'yealinkCfg' })
        .then((v: ServerSettings | null) => v ?? {}, () => globalSettings);
      settingsCache.set(uri, s);
    }
    return s;
  }

  // One parse per document version, shared by validation, completion, hover and code actions.
  const parsed = new Map<string, { version: number; doc: ParsedDocument }>();
  function parsedOf(doc: TextDocument): ParsedDocument {
    const hit = parsed.get(doc.uri);
    if (hit && hit.version === doc.version) return hit.doc;
    const p = service.parse(doc.getText(), fileNameOf(doc.uri));
    parsed.set(doc.uri, { version: doc.version, doc: p });
    return p;
  }

  async function diagnose(doc: TextDocument): Promise<Diagnostic[]> {
    const settings = await settingsFor(doc.uri);
    if (settings.validation?.enable === false) return [];
    const ctx: DocumentContext = { fileName: fileNameOf(doc.uri), settings };
    return service.validate(parsedOf(doc), ctx).map((d) => toLsp(d, doc.uri));
  }

  function debounceMs(settings: ServerSettings): number {
    const v = settings.validation?.debounceMs;
    return typeof v === 'number' && v >= 0 ? v : DEFAULT_DEBOUNCE_MS;
  }

  async function schedulePush(doc: TextDocument, immediate: boolean): Promise<void> {
    // Cancel the pending run before waiting for settings, so two quick edits schedule one run.
    clearTimeout(pushTimers.get(doc.uri));
    pushTimers.delete(doc.uri);
    const settings = await settingsFor(doc.uri);
    clearTimeout(pushTimers.get(doc.uri));
    const run = async () => {
      pushTimers.delete(doc.uri);
      const current = documents.get(doc.uri);
      if (!current) return;
      const version = current.version;
      const diagnostics = await diagnose(current);
      if (documents.get(doc.uri)?.version === version) connection.sendDiagnostics({ uri: doc.uri, version, diagnostics });
    };
    if (immediate) void run();
    else pushTimers.set(doc.uri, setTimeout(() => void run(), debounceMs(settings)));
  }

  documents.onDidOpen((e) => {
    if (!pullDiagnostics) void schedulePush(e.document, true);
  });
  documents.onDidChangeContent((e) => {
    lastChange.set(e.document.uri, Date.now());
    if (!pullDiagnostics) void schedulePush(e.document, false);
  });
  documents.onDidClose((e) => {
    clearTimeout(pushTimers.get(e.document.uri));
    pushTimers.delete(e.document.uri);
    settingsCache.delete(e.document.uri);
    lastChange.delete(e.document.uri);
    parsed.delete(e.document.uri);
    if (!pullDiagnostics) connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
  });

  // Pull diagnostics: while the user types, answer only once the document has been quiet for the
  // debounce time, so a burst of keystrokes costs one validation.
  connection.languages.diagnostics.on(async (params, token) => {
    const doc = documents.get(params.textDocument.uri);
    if (!doc) return { kind: DocumentDiagnosticReportKind.Full, items: [] };
    const settings = await settingsFor(doc.uri);
    const wait = (lastChange.get(doc.uri) ?? 0) + debounceMs(settings) - Date.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    if (token.isCancellationRequested) return { kind: DocumentDiagnosticReportKind.Full, items: [] };
    const current = documents.get(doc.uri) ?? doc;
    return { kind: DocumentDiagnosticReportKind.Full, items: await diagnose(current) };
  });

  connection.onDidChangeConfiguration((change) => {
    settingsCache.clear();
    const s = (change.settings as { yealinkCfg?: ServerSettings } | undefined)?.yealinkCfg;
    if (s) globalSettings = s;
    if (pullDiagnostics) connection.languages.diagnostics.refresh();
    else for (const doc of documents.all()) void schedulePush(doc, true);
  });

  connection.onCompletion(async (params) => {
    const doc = documents.get(params.textDocument.uri);
    if (!doc) return [];
    const ctx: DocumentContext = { fileName: fileNameOf(doc.uri), settings: await settingsFor(doc.uri) };
    return service.complete(parsedOf(doc), params.position, ctx).map(
      (c): CompletionItem => ({
        label: c.label,
        kind: c.kind as CompletionItem['kind'],
        ...(c.detail ? { detail: c.detail } : {}),
        ...(c.documentation ? { documentation: { kind: MarkupKind.Markdown, value: c.documentation } } : {}),
        ...(c.sortText ? { sortText: c.sortText } : {}),
        ...(c.filterText ? { filterText: c.filterText } : {}),
        ...(c.preselect ? { preselect: true } : {}),
        insertTextFormat: c.isSnippet ? InsertTextFormat.Snippet : InsertTextFormat.PlainText,
        textEdit: c.textEdit,
      }),
    );
  });

  connection.onHover(async (params) => {
    const doc = documents.get(params.textDocument.uri);
    if (!doc) return null;
    const ctx: DocumentContext = { fileName: fileNameOf(doc.uri), settings: await settingsFor(doc.uri) };
    const h = service.hover(parsedOf(doc), params.position, ctx);
    return h ? { contents: { kind: MarkupKind.Markdown, value: h.contents }, range: h.range } : null;
  });

  connection.onCodeAction(async (params) => {
    const doc = documents.get(params.textDocument.uri);
    if (!doc) return [];
    const ours = params.context.diagnostics.filter(
      (d) => d.source === DIAGNOSTIC_SOURCE && typeof d.code === 'string' && (ALL_CODES as readonly string[]).includes(d.code),
    ) as unknown as YealinkDiagnostic[];
    if (ours.length === 0) return [];
    const ctx: DocumentContext = { fileName: fileNameOf(doc.uri), settings: await settingsFor(doc.uri) };
    return service.quickFixes(parsedOf(doc), ours, ctx).map(
      (f): CodeAction => ({
        title: f.title,
        kind: CodeActionKind.QuickFix,
        diagnostics: [f.diagnostic as unknown as Diagnostic],
        ...(f.isPreferred ? { isPreferred: true } : {}),
        edit: { changes: { [doc.uri]: f.edits } },
      }),
    );
  });

  documents.listen(connection);
  connection.listen();
}

function toLsp(d: YealinkDiagnostic, uri: string): Diagnostic {
  return {
    range: d.range,
    severity: d.severity as DiagnosticSeverity,
    code: d.code,
    source: d.source,
    message: d.message,
    ...(d.data ? { data: d.data } : {}),
    ...(d.tags ? { tags: d.tags } : {}),
    ...(d.relatedInformation
      ? { relatedInformation: d.relatedInformation.map((r) => ({ location: { uri, range: r.range }, message: r.message })) }
      : {}),
  };
}
