// Completion, hover and quick fixes: thin wrappers that hand the parse and settings to the core.

import {
  CodeActionKind,
  InsertTextFormat,
  MarkupKind,
  type CodeAction,
  type CompletionItem,
  type Diagnostic,
} from 'vscode-languageserver';
import { ALL_CODES, DIAGNOSTIC_SOURCE, type YealinkDiagnostic } from '../types';
import { documentContext } from './context';
import { SOURCE_ACTION_KINDS, sourceCodeActions } from './editorFeatures';
import type { FeatureGroup } from './featureGroup';

export const languageFeatures: FeatureGroup = {
  capabilities: () => ({
    completionProvider: { triggerCharacters: ['.', '='], resolveProvider: false },
    hoverProvider: true,
    codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, ...SOURCE_ACTION_KINDS] },
  }),

  register(ctx) {
    const { connection, documents, service } = ctx;

    connection.onCompletion(async (params) => {
      const doc = documents.get(params.textDocument.uri);
      if (!doc) return [];
      const dc = await documentContext(ctx, doc);
      return service.complete(documents.parsedOf(doc), params.position, dc).map(
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
      const h = service.hover(documents.parsedOf(doc), params.position, await documentContext(ctx, doc));
      return h ? { contents: { kind: MarkupKind.Markdown, value: h.contents }, range: h.range } : null;
    });

    connection.onCodeAction(async (params) => {
      const doc = documents.get(params.textDocument.uri);
      if (!doc) return [];
      const only = params.context.only;
      // Whole-file source actions come only when asked for by kind (Source Action menu, on save).
      const source = await sourceCodeActions(ctx, doc, only);
      if (only && !only.some((k) => CodeActionKind.QuickFix.startsWith(k))) return source;
      const ours = params.context.diagnostics.filter(
        (d) => d.source === DIAGNOSTIC_SOURCE && typeof d.code === 'string' && (ALL_CODES as readonly string[]).includes(d.code),
      ) as unknown as YealinkDiagnostic[];
      if (ours.length === 0) return source;
      const dc = await documentContext(ctx, doc);
      const fixes = service.quickFixes(documents.parsedOf(doc), ours, dc).map(
        (f): CodeAction => ({
          title: f.title,
          kind: CodeActionKind.QuickFix,
          diagnostics: [f.diagnostic as unknown as Diagnostic],
          ...(f.isPreferred ? { isPreferred: true } : {}),
          edit: { changes: { [doc.uri]: f.edits } },
        }),
      );
      return [...fixes, ...source];
    });
  },
};
