// Diagnostics: pushed after a debounce (publishDiagnostics) or pulled (textDocument/diagnostic) when
// the client supports it. Settings changes re-check every open document.

import { DocumentDiagnosticReportKind, LSPErrorCodes, ResponseError, type Diagnostic } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { DIAGNOSTIC_SOURCE } from '../types';
import { documentContext, type ServerContext } from './context';
import { toLspDiagnostic } from './convert';
import type { FeatureGroup } from './featureGroup';
import { capDiagnostics } from '../services/diagnosticLimit';
import { debounceMs, maxDiagnostics, type ServerSettings } from './settings';
import { fileNameOf, type StoredDocument } from './documents';
import { EFFECTIVE_SCHEME } from './sites';

/** The diagnostics of an open document as the editor shows them (settings, its folder, the cap). */
export async function diagnose(ctx: ServerContext, doc: TextDocument): Promise<Diagnostic[]> {
  if (doc.uri.startsWith(`${EFFECTIVE_SCHEME}:`)) return []; // a rendering of other files, not a file
  const dc = await documentContext(ctx, doc);
  if ((dc.settings as ServerSettings).validation?.enable === false) return [];
  const stored = ctx.documents.get(doc.uri);
  // A session checks with the catalogue it was opened with; extra entries of a project configuration
  // need the extended catalogue, which a full check through the service picks.
  const items = stored && !dc.catalogExtras ? stored.session.diagnostics(dc) : ctx.service.validate(ctx.documents.parsedOf(doc), dc);
  return capDiagnostics(items, maxDiagnostics(dc.settings as ServerSettings)).map((d) => toLspDiagnostic(d, doc.uri));
}

/**
 * The per-line diagnostics of the first lines of a very large document not yet read in (published
 * before its full check); undefined when it gets none.
 */
async function earlyDiagnose(ctx: ServerContext, doc: StoredDocument): Promise<Diagnostic[] | undefined> {
  if (doc.uri.startsWith(`${EFFECTIVE_SCHEME}:`) || !doc.session.mayCheckEarly()) return undefined;
  const { settings, catalogExtras } = await ctx.settings.resolve(doc.uri);
  if ((settings as ServerSettings).validation?.enable === false || catalogExtras) return undefined;
  // The set matters to a line's own checks only through the model. When the file name (a model's
  // common file) or the settings say the model, the set is not needed: its folder is not indexed (nor
  // the document parsed for it) before the early diagnostics.
  const fileName = fileNameOf(doc.uri);
  const dc = ctx.service.catalog.modelFor(fileName) || settings.model ? { fileName, settings } : await documentContext(ctx, doc);
  return doc.session.early(dc, maxDiagnostics(settings as ServerSettings))?.map((d) => toLspDiagnostic(d, doc.uri));
}

/**
 * One pending check per document: after the debounce time, or with a debounce of 0 as soon as the
 * messages already read are handled (setImmediate, where there is one; a timer waits at least 1 ms).
 */
class PendingRuns {
  private readonly cancels = new Map<string, () => void>();

  /** `f` runs once; by then the run is no longer pending. */
  schedule(uri: string, ms: number, f: () => void): void {
    this.cancel(uri);
    const run = () => {
      this.cancels.delete(uri);
      f();
    };
    if (ms <= 0 && typeof setImmediate === 'function') {
      const handle = setImmediate(run);
      this.cancels.set(uri, () => clearImmediate(handle));
    } else {
      const handle = setTimeout(run, ms);
      this.cancels.set(uri, () => clearTimeout(handle));
    }
  }

  cancel(uri: string): void {
    this.cancels.get(uri)?.();
    this.cancels.delete(uri);
  }
}

/**
 * How long a document must stay quiet after its diagnostics were sent before its lines are indexed for
 * incremental checking (until then, or until its first edit, a request gets a plain full check).
 */
const INDEX_WHEN_IDLE_MS = 300;

export const diagnosticsFeature: FeatureGroup = {
  capabilities: (params) =>
    params.capabilities.textDocument?.diagnostic
      ? { diagnosticProvider: { identifier: DIAGNOSTIC_SOURCE, interFileDependencies: true, workspaceDiagnostics: false } }
      : {},

  register(ctx) {
    const { connection, documents } = ctx;
    const pushTimers = new PendingRuns();
    /** Documents whose first pull was answered (early or not): later pulls get the full check. */
    const pulledEarly = new WeakSet<StoredDocument>();
    /** Documents whose full check was pulled once: their lines are indexed when they are idle. */
    const pulledIndexed = new WeakSet<StoredDocument>();
    const lastChange = new Map<string, number>();
    const indexTimers = new PendingRuns();
    const indexWhenIdle = (uri: string) =>
      indexTimers.schedule(uri, INDEX_WHEN_IDLE_MS, () => documents.get(uri)?.session.prepare());

    /**
     * A very large document just opened: the per-line diagnostics of its first lines, published before
     * the full check. Waiting for the write lets them leave before the full check takes the thread.
     */
    async function publishEarly(doc: StoredDocument, version: number): Promise<boolean> {
      const items = await earlyDiagnose(ctx, doc);
      if (!items || documents.get(doc.uri) !== doc || doc.version !== version) return false;
      await connection.sendDiagnostics({ uri: doc.uri, version, diagnostics: items });
      return true;
    }

    async function schedulePush(doc: TextDocument, immediate: boolean, opened = false): Promise<void> {
      // Cancel the pending run before waiting for settings, so two quick edits schedule one run.
      pushTimers.cancel(doc.uri);
      const run = async () => {
        const current = documents.get(doc.uri);
        if (!current) return;
        const version = current.version;
        // The same document at the same version (not replaced by another didOpen, not edited).
        const unchanged = () => documents.get(doc.uri) === current && current.version === version;
        if (opened && (await publishEarly(current, version)) && !unchanged()) return;
        const diagnostics = await diagnose(ctx, current);
        if (!unchanged()) return;
        connection.sendDiagnostics({ uri: doc.uri, version, diagnostics });
        if (opened) indexWhenIdle(doc.uri);
      };
      // An immediate run needs no debounce time: it does not wait for the settings first (the check
      // resolves them itself, from the same cache).
      if (immediate) return void run();
      const settings = await ctx.settings.for(doc.uri);
      pushTimers.schedule(doc.uri, debounceMs(settings), () => void run());
    }

    documents.documents.onDidOpen((e) => {
      if (!ctx.pullDiagnostics) void schedulePush(e.document, true, true);
    });
    documents.documents.onDidChangeContent((e) => {
      lastChange.set(e.document.uri, Date.now());
      if (!ctx.pullDiagnostics) void schedulePush(e.document, false);
    });
    documents.documents.onDidClose((e) => {
      pushTimers.cancel(e.document.uri);
      indexTimers.cancel(e.document.uri);
      ctx.settings.forget(e.document.uri);
      lastChange.delete(e.document.uri);
      if (!ctx.pullDiagnostics) connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
    });

    // Pull diagnostics: while the user types, answer only once the document has been quiet for the
    // debounce time, so a burst of keystrokes costs one validation.
    connection.languages.diagnostics.on(async (params, token) => {
      const doc = documents.get(params.textDocument.uri);
      if (!doc) return { kind: DocumentDiagnosticReportKind.Full, items: [] };
      const settings = await ctx.settings.for(doc.uri);
      const wait = (lastChange.get(doc.uri) ?? 0) + debounceMs(settings) - Date.now();
      if (wait > 0) await new Promise((r) => setTimeout(r, wait));
      // A cancelled pull is answered with the cancellation error: an empty "full" report would tell a
      // client that does not drop it that the file has no problems.
      if (token.isCancellationRequested) throw new ResponseError(LSPErrorCodes.RequestCancelled, 'The diagnostic request was cancelled.');
      const current = documents.get(doc.uri) ?? doc;
      // A very large document not read in yet: the first pull is answered with its first lines, and the
      // client is asked to pull again (after this answer has gone), which checks it whole. A client that
      // cannot be asked gets the full check at once (it would keep the first lines only).
      if (ctx.pullRefresh && !pulledEarly.has(current)) {
        pulledEarly.add(current);
        const early = await earlyDiagnose(ctx, current);
        if (early) {
          setTimeout(() => connection.languages.diagnostics.refresh(), 0);
          return { kind: DocumentDiagnosticReportKind.Full, items: early };
        }
      }
      const items = await diagnose(ctx, current);
      if (!pulledIndexed.has(current)) {
        pulledIndexed.add(current);
        indexWhenIdle(current.uri);
      }
      return { kind: DocumentDiagnosticReportKind.Full, items };
    });

    // Another file of a document's folder changed: pull clients are asked to pull again, push clients
    // get the documents' diagnostics again.
    ctx.recheck = (uris) => {
      if (uris.length === 0) return;
      if (ctx.pullDiagnostics) connection.languages.diagnostics.refresh();
      else for (const uri of uris) {
        const doc = documents.get(uri);
        if (doc) void schedulePush(doc, false);
      }
    };

    connection.onDidChangeConfiguration((change) => {
      ctx.settings.clear();
      const all = change.settings as { yealinkCfg?: unknown } | null | undefined;
      ctx.settings.setGlobal(all !== null && typeof all === 'object' ? all.yealinkCfg : undefined);
      ctx.refreshInlayHints?.();
      if (ctx.pullDiagnostics) connection.languages.diagnostics.refresh();
      else for (const doc of documents.all()) void schedulePush(doc, true);
    });
  },
};
