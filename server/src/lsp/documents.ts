// Open documents: our own text sync. Each document's text is kept as lines split exactly the way the
// parser splits them (a lone CR, a lone LF and CRLF each end a line, as the protocol says), so an
// incremental change lands where the editor applied it, and only the lines it touched are parsed again.

import type { Connection, DidChangeTextDocumentParams, DidCloseTextDocumentParams, DidOpenTextDocumentParams } from 'vscode-languageserver';
import type { Position, Range, TextDocument } from 'vscode-languageserver-textdocument';
import type { DocumentSession, LanguageService } from '../languageService';
import type { ParsedDocument } from '../types';

/** The file name the core sees for a document URI (decoded, without query or fragment). */
export function fileNameOf(uri: string): string {
  try {
    return decodeURIComponent(uri.split(/[?#]/)[0]);
  } catch {
    return uri;
  }
}

/** An open document: the protocol's TextDocument view over the core's session (text, parse, diagnostics). */
export class StoredDocument implements TextDocument {
  private offsets: number[] | undefined;

  constructor(
    readonly uri: string,
    readonly languageId: string,
    public version: number,
    readonly session: DocumentSession,
  ) {}

  get lineCount(): number {
    return this.session.document.model.lineCount;
  }

  getText(range?: Range): string {
    const text = this.session.document.getText();
    return range ? text.slice(this.offsetAt(range.start), this.offsetAt(range.end)) : text;
  }

  /** Called after every change: the line offsets are computed again when next asked for. */
  changed(version: number): void {
    this.version = version;
    this.offsets = undefined;
  }

  private lineOffsets(): number[] {
    if (!this.offsets) {
      const model = this.session.document.model;
      const out: number[] = new Array(model.lineCount);
      let at = 0;
      for (let i = 0; i < model.lineCount; i++) {
        out[i] = at;
        at += model.lineText(i).length + model.lineEol(i).length;
      }
      out.push(at);
      this.offsets = out;
    }
    return this.offsets;
  }

  offsetAt(position: Position): number {
    const p = this.session.document.model.clamp(position);
    return this.lineOffsets()[p.line] + p.character;
  }

  positionAt(offset: number): Position {
    const offsets = this.lineOffsets();
    const end = offsets[offsets.length - 1];
    const o = Math.max(0, Math.min(Number.isFinite(offset) ? offset : 0, end));
    let lo = 0;
    let hi = offsets.length - 2;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (offsets[mid] <= o) lo = mid;
      else hi = mid - 1;
    }
    const model = this.session.document.model;
    return { line: lo, character: Math.min(o - offsets[lo], model.lineText(lo).length) };
  }
}

type Listener = (e: { document: StoredDocument }) => void;

/** Set by an entry that can ask for a full garbage collection (Node); closing documents then returns their memory. */
let releaseMemory: (() => void) | undefined;
export function setMemoryRelease(release: () => void): void {
  releaseMemory = release;
}

/** The events handlers subscribe to (the same shape as the protocol library's TextDocuments). */
export class DocumentEvents {
  private readonly listeners = { open: [] as Listener[], change: [] as Listener[], close: [] as Listener[] };
  onDidOpen(l: Listener): void {
    this.listeners.open.push(l);
  }
  onDidChangeContent(l: Listener): void {
    this.listeners.change.push(l);
  }
  onDidClose(l: Listener): void {
    this.listeners.close.push(l);
  }
  fire(kind: 'open' | 'change' | 'close', document: StoredDocument): void {
    for (const l of this.listeners[kind]) l({ document });
  }
}

export class DocumentStore {
  readonly documents = new DocumentEvents();
  private readonly open = new Map<string, StoredDocument>();
  private releaseTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly service: LanguageService) {}

  get(uri: string): StoredDocument | undefined {
    return this.open.get(uri);
  }

  all(): StoredDocument[] {
    return [...this.open.values()];
  }

  /** The parse of the document's current text (kept up to date edit by edit). */
  parsedOf(doc: TextDocument): ParsedDocument {
    const stored = doc instanceof StoredDocument ? doc : this.open.get(doc.uri);
    return stored ? stored.session.document.parsed : this.service.parse(doc.getText(), fileNameOf(doc.uri));
  }

  /** didOpen: a new document, or new text for one already open (it replaces the old text entirely). */
  didOpen(p: DidOpenTextDocumentParams): void {
    const { uri, languageId, version, text } = p.textDocument;
    const session = this.service.openDocument(text, { fileName: fileNameOf(uri) });
    const doc = new StoredDocument(uri, languageId, version, session);
    this.open.set(uri, doc);
    this.documents.fire('open', doc);
  }

  didChange(p: DidChangeTextDocumentParams): void {
    const doc = this.open.get(p.textDocument.uri);
    if (!doc) return;
    doc.session.applyEdits(p.contentChanges.map((c) => ('range' in c && c.range ? { range: c.range, text: c.text } : { text: c.text })));
    doc.changed(p.textDocument.version);
    this.documents.fire('change', doc);
  }

  didClose(p: DidCloseTextDocumentParams): void {
    const doc = this.open.get(p.textDocument.uri);
    if (!doc) return;
    this.open.delete(p.textDocument.uri);
    this.documents.fire('close', doc);
    this.scheduleRelease();
  }

  /** A while after the last close, collect twice: the closed documents' heap goes back to the system. */
  private scheduleRelease(): void {
    if (!releaseMemory) return;
    const release = releaseMemory;
    clearTimeout(this.releaseTimer);
    this.releaseTimer = setTimeout(() => {
      if (this.open.size === 0) this.service.catalog.clearCaches();
      release();
      this.releaseTimer = setTimeout(release, 300);
      this.releaseTimer.unref?.();
    }, 200);
    this.releaseTimer.unref?.();
  }

  listen(connection: Connection): void {
    connection.onDidOpenTextDocument((p) => this.didOpen(p));
    connection.onDidChangeTextDocument((p) => this.didChange(p));
    connection.onDidCloseTextDocument((p) => this.didClose(p));
  }
}
