// A folder is one system: re-checking open documents when another file of their folder changes
// (editors and watched files), include links, go to definition, find references and workspace symbols.

import {
  DidChangeWatchedFilesNotification,
  SymbolKind,
  type Connection,
  type DocumentLink,
  type Location,
  type SymbolInformation,
} from 'vscode-languageserver';
import type { FolderLocation } from '../workspace/navigation';
import { definitionAt, folderSymbols, includeLinks, referencesOf } from '../workspace/navigation';
import { canonicalName } from '../services/fileValues';
import { documentContext, type ServerContext } from './context';
import { siblingUri } from './convert';
import type { FeatureGroup } from './featureGroup';
import { uriIn } from './sites';

/** The files a phone may read; watched so that changes on disk reach the open documents. */
export const PROVISIONING_GLOB = '**/*.{cfg,boot}';
const RECHECK_DELAY_MS = 300;

function toLocation(uri: string, loc: FolderLocation): Location {
  return { uri: siblingUri(uri, loc.file), range: loc.range };
}

/** Collects the documents to check again and checks them once, shortly after the last change. */
function recheckLater(ctx: ServerContext): (uris: Promise<string[]>) => void {
  const pending = new Set<string>();
  let timer: ReturnType<typeof setTimeout> | undefined;
  return (uris) => {
    void uris.then((list) => {
      for (const u of list) pending.add(u);
      if (pending.size === 0) return;
      clearTimeout(timer);
      timer = setTimeout(() => {
        const all = [...pending];
        pending.clear();
        ctx.recheck?.(all);
      }, RECHECK_DELAY_MS);
    });
  };
}

function watchFolders(ctx: ServerContext): void {
  const { connection, documents } = ctx;
  const sites = ctx.sites!;
  const later = recheckLater(ctx);
  documents.documents.onDidOpen((e) => later(sites.changed(e.document.uri)));
  documents.documents.onDidChangeContent((e) => later(sites.changed(e.document.uri)));
  documents.documents.onDidClose((e) => later(sites.closed(e.document.uri)));
  connection.onDidChangeWatchedFiles((params) => later(sites.filesChanged(params.changes.map((c) => c.uri))));
}

function registerNavigation(ctx: ServerContext, connection: Connection): void {
  const { documents, service } = ctx;
  const sites = ctx.sites!;

  connection.onDocumentLinks(async (params): Promise<DocumentLink[]> => {
    const doc = documents.get(params.textDocument.uri);
    if (!doc) return [];
    const index = await sites.indexFor(doc.uri);
    return includeLinks(documents.parsedOf(doc), index).map((l) => ({
      range: l.range,
      target: l.url ?? (index ? uriIn(index.folder, l.file!) : siblingUri(doc.uri, l.file)),
      tooltip: l.url ? 'Open the URL (the server never fetches it)' : `Open ${l.file}`,
    }));
  });

  connection.onDefinition(async (params) => {
    const doc = documents.get(params.textDocument.uri);
    if (!doc) return null;
    const dc = await documentContext(ctx, doc);
    const index = await sites.indexFor(doc.uri);
    const loc = definitionAt(documents.parsedOf(doc), params.position, service.catalog, dc.site, index);
    return loc ? toLocation(doc.uri, loc) : null;
  });

  connection.onReferences(async (params) => {
    const doc = documents.get(params.textDocument.uri);
    const line = doc && documents.parsedOf(doc).lines[params.position.line];
    if (!doc || line?.kind !== 'parameter') return [];
    const index = await sites.indexFor(doc.uri);
    if (!index) return [{ uri: doc.uri, range: line.nameRange }];
    return referencesOf(index, canonicalName(service.catalog, line.name)).map((l) => ({ uri: uriIn(index.folder, l.file!), range: l.range }));
  });

  connection.onWorkspaceSymbol(async (params): Promise<SymbolInformation[]> => {
    const out: SymbolInformation[] = [];
    for (const { index } of await sites.loaded()) {
      for (const s of folderSymbols(index, params.query, 500 - out.length)) {
        out.push({ name: s.name, kind: SymbolKind.Property, location: { uri: uriIn(index.folder, s.file), range: s.range }, containerName: s.file });
      }
    }
    return out;
  });
}

export const workspaceFeatures: FeatureGroup = {
  capabilities: (_params, ctx) =>
    ctx.sites ? { documentLinkProvider: { resolveProvider: false }, definitionProvider: true, referencesProvider: true, workspaceSymbolProvider: true } : {},

  register(ctx) {
    if (!ctx.sites) return;
    watchFolders(ctx);
    registerNavigation(ctx, ctx.connection);
    // Clients that watch nothing themselves (other editors) are asked to watch the provisioning files.
    ctx.afterInitialized.push(() => {
      if (ctx.watchRegistration) void ctx.connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: PROVISIONING_GLOB }] });
    });
  },
};
