// An open document bound to the checks: edits re-parse only the lines they touched and re-check only
// the lines whose results can change. The language server keeps one session per open document.
// The text is split and parsed when first needed, so a very large file can show the per-line
// diagnostics of its first lines before that (`early`).

import type { Catalog } from './catalog/catalog';
import { OpenDocument, type ContentChange } from './openDocument';
import { EARLY_MIN_CHARS, earlyDiagnostics } from './services/earlyDiagnostics';
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
  /**
   * Before the text is first split and parsed, for a very large text: the per-line diagnostics of its
   * first lines (at most `max`), each also in the full check's result. Undefined otherwise.
   */
  early(ctx: DocumentContext, max: number): YealinkDiagnostic[] | undefined;
  /** Cheap: whether `early` may give diagnostics (a very large text not read in yet). */
  mayCheckEarly(): boolean;
  /**
   * Indexes the lines for incremental checking, which otherwise happens at the first edit's check
   * (diagnostics before any edit come from a plain full check). Meant for idle time after opening;
   * nothing happens before the first `diagnostics` (the checks have no context yet).
   */
  prepare(): void;
}

export function openSession(validator: Validator, catalog: Catalog, text: string, ctx: DocumentContext): DocumentSession {
  let unread: string | undefined = text;
  let built: OpenDocument | undefined;
  const document = (): OpenDocument => {
    if (!built) {
      built = new OpenDocument(unread ?? '', ctx.fileName);
      unread = undefined;
    }
    return built;
  };
  const checks = new IncrementalValidator(validator, catalog);
  let context = ctx;
  /** Whether the checks answered a request: only then does indexing ahead of the first edit pay. */
  let checked = false;
  return {
    get document() {
      return document();
    },
    applyEdits(changes) {
      const doc = document();
      for (const c of changes) checks.update(doc.parsed, doc.apply(c));
    },
    lineText: (line) => document().model.lineText(line),
    diagnostics(next) {
      if (next) context = next;
      checked = true;
      return checks.diagnostics(document().parsed, context);
    },
    early: (at, max) => (unread === undefined ? undefined : earlyDiagnostics(validator, unread, at, max)),
    mayCheckEarly: () => unread !== undefined && unread.length >= EARLY_MIN_CHARS,
    prepare: () => {
      if (checked) checks.prepare(document().parsed, context);
    },
  };
}
