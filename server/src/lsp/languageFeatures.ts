// Completion, hover and quick fixes: thin wrappers that hand the parse and settings to the core.

import {
  CodeActionKind,
  CompletionItemKind,
  InsertTextFormat,
  MarkupKind,
  type CodeAction,
  type CompletionItem,
  type CompletionList,
  type Diagnostic,
} from 'vscode-languageserver';
import { ALL_CODES, DIAGNOSTIC_SOURCE, type CompletionEntry, type YealinkDiagnostic } from '../types';
import { documentContext } from './context';
import { SOURCE_ACTION_KINDS, sourceCodeActions } from './editorFeatures';
import type { FeatureGroup } from './featureGroup';

/** What the client lets a completion list give once for all its items (LSP 3.17 item defaults). */
let sharedEdits = { editRange: false, insertTextFormat: false };

function toItem(c: CompletionEntry, withEdit: boolean, withFormat: boolean): CompletionItem {
  return {
    label: c.label,
    kind: c.kind as CompletionItem['kind'],
    ...(c.detail ? { detail: c.detail } : {}),
    ...(c.documentation ? { documentation: { kind: MarkupKind.Markdown, value: c.documentation } } : {}),
    ...(c.sortText ? { sortText: c.sortText } : {}),
    ...(c.filterText ? { filterText: c.filterText } : {}),
    ...(c.preselect ? { preselect: true } : {}),
    ...(withFormat ? { insertTextFormat: c.isSnippet ? InsertTextFormat.Snippet : InsertTextFormat.PlainText } : {}),
    ...(withEdit ? { textEdit: c.textEdit } : c.textEdit.newText !== c.label ? { textEditText: c.textEdit.newText } : {}),
  };
}

/** A list whose items share their range (and format) once, when the client allows it; else plain items. */
function completionAnswer(entries: CompletionEntry[]): CompletionItem[] | CompletionList {
  const first = entries[0];
  if (!first || !sharedEdits.editRange) return entries.map((c) => toItem(c, true, true));
  const r = first.textEdit.range;
  const sameRange = entries.every((c) => {
    const x = c.textEdit.range;
    return x.start.line === r.start.line && x.start.character === r.start.character && x.end.line === r.end.line && x.end.character === r.end.character;
  });
  if (!sameRange) return entries.map((c) => toItem(c, true, true));
  const shareFormat = sharedEdits.insertTextFormat && entries.every((c) => !!c.isSnippet === !!first.isSnippet);
  const itemDefaults = { editRange: r, ...(shareFormat ? { insertTextFormat: first.isSnippet ? InsertTextFormat.Snippet : InsertTextFormat.PlainText } : {}) };
  return { isIncomplete: false, itemDefaults, items: entries.map((c) => toItem(c, false, !shareFormat)) };
}

export const languageFeatures: FeatureGroup = {
  capabilities: (params) => {
    const defaults = params.capabilities.textDocument?.completion?.completionList?.itemDefaults ?? [];
    sharedEdits = { editRange: defaults.includes('editRange'), insertTextFormat: defaults.includes('insertTextFormat') };
    return {
      completionProvider: { triggerCharacters: ['.', '='], resolveProvider: true },
      hoverProvider: true,
      codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, ...SOURCE_ACTION_KINDS] },
    };
  },

  register(ctx) {
    const { connection, documents, service } = ctx;

    connection.onCompletion(async (params) => {
      const doc = documents.get(params.textDocument.uri);
      if (!doc) return [];
      const dc = await documentContext(ctx, doc);
      return completionAnswer(service.complete(documents.parsedOf(doc), params.position, dc, { light: true }));
    });

    // Name items are sent light; the editor asks for the detail and documentation of the one it shows.
    connection.onCompletionResolve((item) => {
      if (item.kind !== CompletionItemKind.Property || item.documentation) return item;
      const docs = service.resolveCompletion(item.label);
      return docs ? { ...item, detail: docs.detail, documentation: { kind: MarkupKind.Markdown, value: docs.documentation } } : item;
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
