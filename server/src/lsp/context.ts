// What every handler group is given: the connection, the core, the open documents and the settings.

import type { Connection } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { LanguageService } from '../languageService';
import type { DocumentContext } from '../types';
import { fileNameOf, type DocumentStore } from './documents';
import type { SettingsStore } from './settings';

export interface ServerContext {
  readonly connection: Connection;
  readonly service: LanguageService;
  readonly documents: DocumentStore;
  readonly settings: SettingsStore;
  /** True when the client pulls diagnostics (textDocument/diagnostic) instead of receiving them. */
  pullDiagnostics: boolean;
}

export async function documentContext(ctx: ServerContext, doc: TextDocument): Promise<DocumentContext> {
  return { fileName: fileNameOf(doc.uri), settings: await ctx.settings.for(doc.uri) };
}
