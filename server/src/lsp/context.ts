// What every handler group is given: the connection, the core, the open documents and the settings.

import type { Connection } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { LanguageService } from '../languageService';
import type { DocumentContext } from '../types';
import { fileNameOf, type DocumentStore } from './documents';
import type { SettingsStore } from './settings';
import type { SiteStore } from './sites';

export interface ServerContext {
  readonly connection: Connection;
  readonly service: LanguageService;
  readonly documents: DocumentStore;
  readonly settings: SettingsStore;
  /** True when the client pulls diagnostics (textDocument/diagnostic) instead of receiving them. */
  pullDiagnostics: boolean;
  /** The client can be asked to pull diagnostics again (workspace/diagnostic/refresh). */
  pullRefresh?: boolean;
  /** The folders around the open documents (a file is checked with the files a phone reads with it). */
  readonly sites?: SiteStore;
  /** The client can watch files for the server and does not already (VS Code's client does). */
  watchRegistration?: boolean;
  /** Checks these open documents again (set by the diagnostics group): their folder changed. */
  recheck?: (uris: string[]) => void;
  /** Asks the client to ask again for inlay hints (set when the client can), after a settings change. */
  refreshInlayHints?: () => void;
  /**
   * Run when the client's `initialized` notification arrives (the connection takes one handler, so the
   * groups add theirs here).
   */
  readonly afterInitialized: (() => void)[];
}

export async function documentContext(ctx: ServerContext, doc: TextDocument): Promise<DocumentContext> {
  // The folder is read while the settings are resolved (the site needs the settings' model only after).
  ctx.sites?.prefetch(doc.uri);
  const { settings, catalogExtras } = await ctx.settings.resolve(doc.uri);
  const site = await ctx.sites?.siteFor(doc, settings.model);
  return { fileName: fileNameOf(doc.uri), settings, ...(catalogExtras ? { catalogExtras } : {}), ...(site ? { site } : {}) };
}
