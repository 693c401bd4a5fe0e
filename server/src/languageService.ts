// The facade: one object binding the parser and one service per feature to a catalogue. It takes text
// and positions and returns plain results, so the language server, the command line, a web worker and
// the tests all use the same code.

import { Catalog } from './catalog/catalog';
import { parse } from './parser';
import { CodeActionService } from './services/codeActions';
import { CompletionService } from './services/completion';
import { HoverService } from './services/hover';
import { Validator } from './services/validation';
import type {
  CatalogData,
  CompletionEntry,
  DocumentContext,
  HoverResult,
  ParsedDocument,
  Position,
  QuickFix,
  YealinkDiagnostic,
} from './types';

export interface LanguageService {
  readonly catalog: Catalog;
  parse(text: string, fileName?: string): ParsedDocument;
  validate(text: string | ParsedDocument, ctx: DocumentContext): YealinkDiagnostic[];
  complete(text: string | ParsedDocument, pos: Position, ctx: DocumentContext): CompletionEntry[];
  hover(text: string | ParsedDocument, pos: Position, ctx: DocumentContext): HoverResult | undefined;
  quickFixes(text: string | ParsedDocument, diagnostics: YealinkDiagnostic[], ctx: DocumentContext): QuickFix[];
}

export function createLanguageService(data: CatalogData | Catalog): LanguageService {
  const catalog = data instanceof Catalog ? data : new Catalog(data);
  const validator = new Validator(catalog);
  const completion = new CompletionService(catalog);
  const hover = new HoverService(catalog);
  const actions = new CodeActionService();
  const doc = (t: string | ParsedDocument, ctx: DocumentContext) => (typeof t === 'string' ? parse(t, ctx.fileName) : t);
  return {
    catalog,
    parse,
    validate: (t, ctx) => validator.validate(doc(t, ctx), ctx),
    complete: (t, pos, ctx) => completion.complete(doc(t, ctx), pos),
    hover: (t, pos, ctx) => hover.hover(doc(t, ctx), pos),
    quickFixes: (t, diagnostics, ctx) => actions.quickFixes(doc(t, ctx), diagnostics),
  };
}
