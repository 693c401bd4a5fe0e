// The protocol glue: binds the language service to an LSP connection. Shared by the Node entry
// (node/serverMain.ts) and the web-worker entry (browser/serverMain.ts); nothing else imports the
// protocol libraries. Each feature group (one file each) adds its capabilities and handlers.

import { TextDocumentSyncKind, type Connection, type InitializeResult } from 'vscode-languageserver';
import { loadCatalogData } from '../catalog/loadCatalog';
import { withCatalogExtras } from '../config/catalogExtras';
import { createLanguageService, createLazyLanguageService, lazyCatalog } from '../languageService';
import type { ServerContext } from './context';
import { diagnosticsFeature } from './diagnostics';
import { DocumentStore } from './documents';
import { editorFeatures } from './editorFeatures';
import type { FeatureGroup } from './featureGroup';
import { languageFeatures } from './languageFeatures';
import { SiteStore } from './sites';
import { effectiveFeature } from './effective';
import { editorCommandsFeature } from './editorCommands';
import { checkFilesFeature } from './checkFiles';
import { workspaceFeatures } from './workspaceFeatures';
import { sharingListings, type FileSource } from '../workspace/fileSource';
import type { ProtocolGate } from './protocolGate';
import { SettingsStore } from './settings';

const FEATURE_GROUPS: readonly FeatureGroup[] = [diagnosticsFeature, languageFeatures, editorFeatures, workspaceFeatures, effectiveFeature, editorCommandsFeature, checkFilesFeature];

export interface ServerOptions {
  /** How the server reads the folders of open files (Node: the file system; browser: the client). */
  fileSource?: (connection: Connection) => FileSource;
  /** The protocol rules the connection was created with (see protocolGate.ts); it answers refused requests. */
  gate?: ProtocolGate;
}

function loadCatalogNow(ctx: ServerContext): void {
  try {
    void ctx.service.catalog;
  } catch (e) {
    // A catalogue that cannot load (a web worker started without it) fails each request with this text.
    ctx.connection.console.error(`The parameter catalogue could not be loaded: ${e instanceof Error ? e.message : String(e)}`);
  }
}

export function startServer(connection: Connection, options: ServerOptions = {}): void {
  // Extra catalogue entries of a project configuration are picked per call from the document context.
  const service = withCatalogExtras(createLazyLanguageService(loadCatalogData), createLanguageService);
  const documents = new DocumentStore(service);
  const given = options.fileSource?.(connection);
  const source = given && sharingListings(given);
  const ctx: ServerContext = {
    connection,
    service,
    documents,
    settings: new SettingsStore(connection, source),
    pullDiagnostics: false,
    afterInitialized: [],
    ...(source ? { sites: new SiteStore(source, lazyCatalog(service), documents) } : {}),
  };

  connection.onInitialize((params): InitializeResult => {
    ctx.pullDiagnostics = !!params.capabilities.textDocument?.diagnostic;
    ctx.pullRefresh = !!params.capabilities.workspace?.diagnostics?.refreshSupport;
    ctx.settings.configurationSupport = !!params.capabilities.workspace?.configuration;
    const watchesItself = (params.initializationOptions as { watchesFiles?: boolean } | undefined)?.watchesFiles === true;
    ctx.watchRegistration = !watchesItself && !!params.capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration;
    const init = (params.initializationOptions ?? {}) as { settings?: unknown; workspaceTrusted?: unknown };
    ctx.settings.setGlobal(init.settings);
    // Restricted mode: the client says so, and project configuration files are not read.
    ctx.settings.trusted = init.workspaceTrusted !== false;
    ctx.settings.roots = Array.isArray(params.workspaceFolders) ? params.workspaceFolders.map((f) => String(f?.uri)) : [];
    let capabilities = {};
    for (const g of FEATURE_GROUPS) capabilities = { ...capabilities, ...g.capabilities(params, ctx) };
    return {
      capabilities: { textDocumentSync: TextDocumentSyncKind.Incremental, ...capabilities },
      serverInfo: { name: 'yealink-cfg-language-server' },
    };
  });

  options.gate?.install(connection);
  for (const g of FEATURE_GROUPS) g.register(ctx);
  // Load the catalogue once the client has the answer to initialize (loading it earlier, even on a
  // timer, delayed that answer), and before its first document arrives.
  ctx.afterInitialized.push(() => loadCatalogNow(ctx));
  connection.onInitialized(() => {
    for (const f of ctx.afterInitialized) f();
  });
  ctx.documents.listen(connection);
  connection.listen();
}
