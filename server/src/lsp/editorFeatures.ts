// Outline, folding, formatting, inlay hints, rename and the two source actions: thin wrappers that
// hand the parse and the settings to the core and turn refusals into protocol errors.

import {
  CodeActionKind,
  ErrorCodes,
  InlayHintKind,
  ResponseError,
  type CodeAction,
  type DocumentSymbol,
  type FoldingRange,
  type InlayHint,
  type ServerCapabilities,
} from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { EQUALS_STYLES } from '../services/formatting';
import type { EqualsStyle, InlayHintOptions } from '../types';
import { documentContext, type ServerContext } from './context';
import type { FeatureGroup } from './featureGroup';

/** The source action that deletes lines restating their default. */
export const REMOVE_DEFAULTS_KIND = `${CodeActionKind.Source}.removeDefaults`;
export const SOURCE_ACTION_KINDS = [REMOVE_DEFAULTS_KIND, CodeActionKind.SourceFixAll];

interface EditorSettings {
  format?: { equals?: unknown };
  inlayHints?: { enumMeanings?: unknown; inheritedValues?: unknown };
}

/** The `=` style from settings; anything else than the three styles falls back to " = ". */
function equalsStyle(s: EditorSettings): EqualsStyle {
  const v = s.format?.equals;
  return EQUALS_STYLES.includes(v as EqualsStyle) ? (v as EqualsStyle) : ' = ';
}

function hintOptions(s: EditorSettings): InlayHintOptions {
  return { enumMeanings: s.inlayHints?.enumMeanings !== false, inheritedValues: s.inlayHints?.inheritedValues !== false };
}

/** Whether the client asked for this kind (an `only` of `source` covers `source.fixAll`). */
function wanted(kind: string, only: string[] | undefined): boolean {
  return !!only && only.some((o) => kind === o || kind.startsWith(`${o}.`));
}

/** The source actions the `only` filter asks for; empty when it asks for none (the light bulb). */
export async function sourceCodeActions(ctx: ServerContext, doc: TextDocument, only: string[] | undefined): Promise<CodeAction[]> {
  const out: CodeAction[] = [];
  if (!SOURCE_ACTION_KINDS.some((k) => wanted(k, only))) return out;
  const dc = await documentContext(ctx, doc);
  const parsed = ctx.documents.parsedOf(doc);
  if (wanted(REMOVE_DEFAULTS_KIND, only)) {
    const edits = ctx.service.removeDefaults(parsed, dc);
    if (edits.length) out.push({ title: 'Remove lines that only restate the default', kind: REMOVE_DEFAULTS_KIND, edit: { changes: { [doc.uri]: edits } } });
  }
  if (wanted(CodeActionKind.SourceFixAll, only)) {
    const edits = ctx.service.fixAll(parsed, dc);
    if (edits.length) out.push({ title: 'Fix all obvious problems', kind: CodeActionKind.SourceFixAll, edit: { changes: { [doc.uri]: edits } } });
  }
  return out;
}

const EDITOR_CAPABILITIES: ServerCapabilities = {
  documentSymbolProvider: { label: 'Yealink cfg' },
  foldingRangeProvider: true,
  documentFormattingProvider: true,
  documentRangeFormattingProvider: true,
  inlayHintProvider: true,
  renameProvider: { prepareProvider: true },
};

export const editorFeatures: FeatureGroup = {
  capabilities: (params, ctx): ServerCapabilities => {
    if (params.capabilities.workspace?.inlayHint?.refreshSupport) ctx.refreshInlayHints = () => void ctx.connection.languages.inlayHint.refresh();
    return EDITOR_CAPABILITIES;
  },

  register(ctx) {
    const { connection, documents, service } = ctx;
    const withDoc = <T>(uri: string, empty: T, run: (doc: TextDocument) => Promise<T>): Promise<T> => {
      const doc = documents.get(uri);
      return doc ? run(doc) : Promise.resolve(empty);
    };

    connection.onDocumentSymbol((p) =>
      withDoc(p.textDocument.uri, [] as DocumentSymbol[], async (doc) =>
        // The core's kinds are LSP SymbolKind numbers.
        service.symbols(documents.parsedOf(doc), await documentContext(ctx, doc)) as DocumentSymbol[],
      ),
    );

    connection.onFoldingRanges((p) =>
      withDoc(p.textDocument.uri, [] as FoldingRange[], async (doc) => service.folds(documents.parsedOf(doc), await documentContext(ctx, doc))),
    );

    connection.onDocumentFormatting((p) =>
      withDoc(p.textDocument.uri, [], async (doc) => {
        const dc = await documentContext(ctx, doc);
        return service.format(documents.parsedOf(doc), dc, { equals: equalsStyle(dc.settings as EditorSettings) });
      }),
    );

    connection.onDocumentRangeFormatting((p) =>
      withDoc(p.textDocument.uri, [], async (doc) => {
        const dc = await documentContext(ctx, doc);
        return service.format(documents.parsedOf(doc), dc, { equals: equalsStyle(dc.settings as EditorSettings) }, p.range);
      }),
    );

    connection.languages.inlayHint.on((p) =>
      withDoc(p.textDocument.uri, [] as InlayHint[], async (doc) => {
        const dc = await documentContext(ctx, doc);
        return service.inlayHints(documents.parsedOf(doc), dc, p.range, hintOptions(dc.settings as EditorSettings)).map(
          (h): InlayHint => ({
            position: h.position,
            label: h.label,
            paddingLeft: true,
            ...(h.tooltip ? { tooltip: h.tooltip } : {}),
            ...(h.kind === 'inheritedValue' ? { kind: InlayHintKind.Type } : {}),
          }),
        );
      }),
    );

    registerRename(ctx);
  },
};

function registerRename(ctx: ServerContext): void {
  const { connection, documents, service } = ctx;
  connection.onPrepareRename(async (p) => {
    const doc = documents.get(p.textDocument.uri);
    if (!doc) return null;
    const r = service.prepareRename(documents.parsedOf(doc), p.position, await documentContext(ctx, doc));
    if ('error' in r) throw new ResponseError(ErrorCodes.InvalidRequest, r.error);
    return r;
  });
  connection.onRenameRequest(async (p) => {
    const doc = documents.get(p.textDocument.uri);
    if (!doc) return null;
    const r = service.rename(documents.parsedOf(doc), p.position, p.newName, await documentContext(ctx, doc));
    if ('error' in r) throw new ResponseError(ErrorCodes.InvalidRequest, r.error);
    return { changes: { [doc.uri]: r.edits } };
  });
}
