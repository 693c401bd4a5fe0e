// Open documents and their parses: one parse per document version, shared by every handler.

import { TextDocuments, type Connection } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { LanguageService } from '../languageService';
import type { ParsedDocument } from '../types';

/** The file name the core sees for a document URI (decoded, without query or fragment). */
export function fileNameOf(uri: string): string {
  try {
    return decodeURIComponent(uri.split(/[?#]/)[0]);
  } catch {
    return uri;
  }
}

export class DocumentStore {
  readonly documents = new TextDocuments(TextDocument);
  private readonly parsed = new Map<string, { version: number; doc: ParsedDocument }>();

  constructor(private readonly service: LanguageService) {
    this.documents.onDidClose((e) => this.parsed.delete(e.document.uri));
  }

  get(uri: string): TextDocument | undefined {
    return this.documents.get(uri);
  }

  all(): TextDocument[] {
    return this.documents.all();
  }

  parsedOf(doc: TextDocument): ParsedDocument {
    const hit = this.parsed.get(doc.uri);
    if (hit && hit.version === doc.version) return hit.doc;
    const p = this.service.parse(doc.getText(), fileNameOf(doc.uri));
    this.parsed.set(doc.uri, { version: doc.version, doc: p });
    return p;
  }

  listen(connection: Connection): void {
    this.documents.listen(connection);
  }
}
