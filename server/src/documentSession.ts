// An open document bound to the checks: edits re-parse only the lines they touched, and diagnostics
// follow the current text. The language server keeps one session per open document.

import { OpenDocument, type ContentChange } from './openDocument';
import type { Validator } from './services/validation';
import type { DocumentContext, YealinkDiagnostic } from './types';

export interface DocumentSession {
  readonly document: OpenDocument;
  applyEdits(changes: readonly ContentChange[]): void;
  lineText(line: number): string;
  /** Diagnostics of the current text; the context (file name, settings) is kept until another is given. */
  diagnostics(ctx?: DocumentContext): YealinkDiagnostic[];
}

export function openSession(validator: Validator, text: string, ctx: DocumentContext): DocumentSession {
  const document = new OpenDocument(text, ctx.fileName);
  let context = ctx;
  return {
    document,
    applyEdits(changes) {
      for (const c of changes) document.apply(c);
    },
    lineText: (line) => document.model.lineText(line),
    diagnostics(next) {
      if (next) context = next;
      return validator.validate(document.parsed, context);
    },
  };
}
