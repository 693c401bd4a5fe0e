// An open document bound to the checks: edits re-parse only the lines they touched and re-check only
// the lines whose results can change. The language server keeps one session per open document.

import type { Catalog } from './catalog/catalog';
import { OpenDocument, type ContentChange } from './openDocument';
import { IncrementalValidator } from './services/incrementalValidation';
import type { Validator } from './services/validation';
import type { DocumentContext, YealinkDiagnostic } from './types';

export interface DocumentSession {
  readonly document: OpenDocument;
  applyEdits(changes: readonly ContentChange[]): void;
  lineText(line: number): string;
  /**
   * Diagnostics of the current text, equal to a full check. The context (file name, settings, set) is
   * kept until another is given; a different one checks the whole file again. The array and its items
   * belong to the session until the next edit.
   */
  diagnostics(ctx?: DocumentContext): YealinkDiagnostic[];
}

export function openSession(validator: Validator, catalog: Catalog, text: string, ctx: DocumentContext): DocumentSession {
  const document = new OpenDocument(text, ctx.fileName);
  const checks = new IncrementalValidator(validator, catalog);
  let context = ctx;
  return {
    document,
    applyEdits(changes) {
      for (const c of changes) checks.update(document.parsed, document.apply(c));
    },
    lineText: (line) => document.model.lineText(line),
    diagnostics(next) {
      if (next) context = next;
      return checks.diagnostics(document.parsed, context);
    },
  };
}
