// The facade: one object binding the parser and one service per feature to a catalogue. It takes text
// and positions and returns plain results, so the language server, the command line, a web worker and
// the tests all use the same code.

import { Catalog } from './catalog/catalog';
import { openSession, type DocumentSession } from './documentSession';
import { parse } from './parser';
import { CodeActionService } from './services/codeActions';
import { CompletionService } from './services/completion';
import { FoldingService } from './services/folding';
import { FormattingService, type FormatOptions } from './services/formatting';
import { HoverService } from './services/hover';
import { InlayHintService } from './services/inlayHints';
import { RenameService } from './services/rename';
import { SourceActionService } from './services/sourceActions';
import { SymbolService } from './services/symbols';
import { Validator } from './services/validation';
import type {
  CatalogData,
  CompletionEntry,
  DocumentContext,
  DocumentSymbolEntry,
  FoldingBlock,
  HoverResult,
  InlayHintEntry,
  InlayHintOptions,
  ParsedDocument,
  Position,
  PrepareRenameResult,
  QuickFix,
  Range,
  RenameResult,
  TextEdit,
  YealinkDiagnostic,
} from './types';

export interface LanguageService {
  readonly catalog: Catalog;
  parse(text: string, fileName?: string): ParsedDocument;
  validate(text: string | ParsedDocument, ctx: DocumentContext): YealinkDiagnostic[];
  /** `light`: name items without detail and documentation; `resolveCompletion(label)` gives them. */
  complete(text: string | ParsedDocument, pos: Position, ctx: DocumentContext, options?: { light?: boolean }): CompletionEntry[];
  resolveCompletion(resolveKey: string): { detail: string; documentation: string } | undefined;
  hover(text: string | ParsedDocument, pos: Position, ctx: DocumentContext): HoverResult | undefined;
  quickFixes(text: string | ParsedDocument, diagnostics: YealinkDiagnostic[], ctx: DocumentContext): QuickFix[];
  symbols(text: string | ParsedDocument, ctx: DocumentContext): DocumentSymbolEntry[];
  folds(text: string | ParsedDocument, ctx: DocumentContext): FoldingBlock[];
  format(text: string | ParsedDocument, ctx: DocumentContext, options?: FormatOptions, range?: Range): TextEdit[];
  inlayHints(text: string | ParsedDocument, ctx: DocumentContext, range?: Range, options?: InlayHintOptions): InlayHintEntry[];
  prepareRename(text: string | ParsedDocument, pos: Position, ctx: DocumentContext): PrepareRenameResult;
  rename(text: string | ParsedDocument, pos: Position, newName: string, ctx: DocumentContext): RenameResult;
  /** Edits deleting the lines that only restate their catalogue default. */
  removeDefaults(text: string | ParsedDocument, ctx: DocumentContext): TextEdit[];
  /** Edits applying every fix that is the single obvious one. */
  fixAll(text: string | ParsedDocument, ctx: DocumentContext): TextEdit[];
  /** Opens a document for editing: edits re-parse and re-check only what they can change. */
  openDocument(text: string, ctx: DocumentContext): DocumentSession;
}

export type { DocumentSession };

export function createLanguageService(data: CatalogData | Catalog): LanguageService {
  const catalog = data instanceof Catalog ? data : new Catalog(data);
  const validator = new Validator(catalog);
  const completion = new CompletionService(catalog);
  const hover = new HoverService(catalog);
  const actions = new CodeActionService();
  const symbols = new SymbolService(catalog);
  const folding = new FoldingService(catalog);
  const formatting = new FormattingService();
  const hints = new InlayHintService(catalog);
  const renaming = new RenameService(catalog);
  const sourceActions = new SourceActionService(catalog);
  const doc = (t: string | ParsedDocument, ctx: DocumentContext) => (typeof t === 'string' ? parse(t, ctx.fileName) : t);
  return {
    catalog,
    parse,
    validate: (t, ctx) => validator.validate(doc(t, ctx), ctx),
    complete: (t, pos, ctx, options) => completion.complete(doc(t, ctx), pos, options?.light),
    resolveCompletion: (key) => completion.resolve(key),
    hover: (t, pos, ctx) => hover.hover(doc(t, ctx), pos, ctx),
    quickFixes: (t, diagnostics, ctx) => actions.quickFixes(doc(t, ctx), diagnostics),
    symbols: (t, ctx) => symbols.symbols(doc(t, ctx)),
    folds: (t, ctx) => folding.folds(doc(t, ctx)),
    format: (t, ctx, options, range) => formatting.format(doc(t, ctx), options, range),
    inlayHints: (t, ctx, range, options) => hints.hints(doc(t, ctx), range, options),
    prepareRename: (t, pos, ctx) => renaming.prepare(doc(t, ctx), pos),
    rename: (t, pos, newName, ctx) => renaming.rename(doc(t, ctx), pos, newName, ctx),
    removeDefaults: (t, ctx) => sourceActions.removeDefaults(doc(t, ctx)),
    fixAll: (t, ctx) => {
      const d = doc(t, ctx);
      return sourceActions.fixAll(actions.quickFixes(d, validator.validate(d, ctx)));
    },
    openDocument: (text, ctx) => openSession(validator, catalog, text, ctx),
  };
}

/**
 * The facade, built on first use: a server answers `initialize` before it loads the catalogue and
 * builds its indexes, and starts loading them right after.
 */
export function createLazyLanguageService(load: () => CatalogData): LanguageService {
  let real: LanguageService | undefined;
  return new Proxy({} as LanguageService, {
    get: (_target, key) => {
      real ??= createLanguageService(load());
      return real[key as keyof LanguageService];
    },
  });
}

/** A facade's catalogue, loaded when first used: for holders created before the first request. */
export function lazyCatalog(service: LanguageService): Catalog {
  return new Proxy({} as Catalog, {
    get: (_target, key) => {
      const c = service.catalog;
      const v: unknown = Reflect.get(c, key, c);
      return typeof v === 'function' ? v.bind(c) : v;
    },
  });
}
