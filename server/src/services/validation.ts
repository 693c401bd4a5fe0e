// Diagnostics for a parsed file. Checks run per line in stages (syntax, then name, then value), and a
// line that fails a stage is not checked further, so one typo yields one diagnostic, not a cascade.
// File-wide checks (duplicates, conditions) use only lines that passed every stage.

import { MAX_NAME_LENGTH, type Catalog, type ParameterMatch } from '../catalog/catalog';
import { otherFirmwareTypes, parseFirmware, typeForFirmware } from '../catalog/firmware';
import { checkValue } from '../catalog/valueTypes';
import { hasTemplateSyntax, HEADER_TEXT } from '../parser';
import {
  DIAGNOSTIC_SOURCE,
  DiagnosticCode,
  type DiagnosticData,
  type DocumentContext,
  type ModelInfo,
  type ParameterLine,
  type ParsedLine,
  type ParsedDocument,
  type Range,
  type RelatedInformation,
  type SeverityName,
  type SeverityNumber,
  type SeveritySetting,
  type ValidationSettings,
  type ValueType,
  type YealinkDiagnostic,
} from '../types';
import { describeOrigin, evaluateCondition, FileValues, isIndeterminate, type MatchedLine, type NameIndex, type ResolvedValue } from './fileValues';
import { HIDDEN_VALUE, Messages } from './messages';
import { duplicateKey, grown, LastLines } from './lastLines';
import { checkSite } from './siteChecks';

export const DEFAULT_SEVERITY: Record<DiagnosticCode, SeverityNumber> = {
  'missing-header': 1,
  'malformed-line': 1,
  'unknown-parameter': 2,
  'index-out-of-range': 1,
  'invalid-value': 1,
  'out-of-range': 1,
  'invalid-enum': 1,
  'duplicate-parameter': 2,
  dependency: 2,
  'legacy-format': 3,
  'missing-include': 2,
  'redundant-override': 4,
  'renamed-parameter': 3,
};

const SEVERITY_NUMBER: Record<Exclude<SeveritySetting, 'off'>, SeverityNumber> = {
  error: 1,
  warning: 2,
  information: 3,
  hint: 4,
};

/** Unknown names per file for which the closest names are searched; each search scans the catalogue. */
export const MAX_SUGGESTION_SEARCHES = 1000;

/** Diagnostics in document order, as every check returns them. */
export function byPosition(a: YealinkDiagnostic, b: YealinkDiagnostic): number {
  return a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character;
}

/** The kinds of line `Validator.checkLine` checks; it reports nothing for the others. */
export const LINE_CHECKED_KINDS: ReadonlySet<ParsedLine['kind']> = new Set(['parameter', 'malformed', 'include', 'section']);

export function isBootFile(fileName: string): boolean {
  return /\.boot(\.[a-z0-9]+)?$/i.test(fileName);
}

function wholeLine(line: number, text: string): Range {
  return { start: { line, character: 0 }, end: { line, character: text.length } };
}

/**
 * A matcher for a name pattern where `*` is any text. Greedy with one resume point, so the cost is
 * bounded by name length times pattern length (a regular expression of several `.*` is not).
 */
export function globMatcher(glob: string): (name: string) => boolean {
  return (name) => {
    let g = 0;
    let n = 0;
    let star = -1;
    let resume = 0;
    while (n < name.length) {
      if (g < glob.length && glob[g] === '*') {
        star = g++;
        resume = n;
      } else if (g < glob.length && glob[g] === name[n]) {
        g++;
        n++;
      } else if (star >= 0) {
        g = star + 1;
        n = ++resume;
      } else return false;
    }
    while (g < glob.length && glob[g] === '*') g++;
    return g === glob.length;
  };
}

/** Collects diagnostics, applying the severity settings and the disable comments in one place. */
export class DiagnosticSink {
  readonly items: YealinkDiagnostic[] = [];
  constructor(
    private readonly settings: ValidationSettings | undefined,
    private readonly disabled: Pick<Map<number, string[]>, 'get'>,
  ) {}

  /** `mildest` caps the severity (2: at most a warning) without overriding a milder setting. */
  add(code: DiagnosticCode, range: Range, message: string, data?: DiagnosticData, extra?: Partial<YealinkDiagnostic>, mildest?: SeverityNumber): void {
    const severity = this.severityOf(code, range.start.line, mildest);
    if (severity === undefined) return;
    // Fields set one by one: a file of 100,000 lines may give as many diagnostics, and spreads copy.
    const d: YealinkDiagnostic = { range, severity, code, source: DIAGNOSTIC_SOURCE, message };
    if (data) d.data = data;
    if (extra) Object.assign(d, extra);
    this.items.push(d);
  }

  /**
   * A line a later line overrides (a large file may have tens of thousands): the diagnostic is made
   * with all its fields at once, none added afterwards.
   */
  addOverridden(range: Range, message: string, data: DiagnosticData, relatedInformation: RelatedInformation[]): void {
    const code = DiagnosticCode.DuplicateParameter;
    const severity = this.severityOf(code, range.start.line);
    if (severity === undefined) return;
    this.items.push({ range, severity, code, source: DIAGNOSTIC_SOURCE, message, data, relatedInformation, tags: UNNECESSARY });
  }

  /** The severity a diagnostic of the code gets on the line; undefined when it is off or disabled there. */
  private severityOf(code: DiagnosticCode, line: number, mildest?: SeverityNumber): SeverityNumber | undefined {
    const setting = this.settings?.severity?.[code];
    if (setting === 'off') return undefined;
    const codes = this.disabled.get(line);
    if (codes && (codes.length === 0 || codes.includes(code))) return undefined;
    const severity = setting && Object.hasOwn(SEVERITY_NUMBER, setting) ? SEVERITY_NUMBER[setting as SeverityName] : DEFAULT_SEVERITY[code];
    return mildest !== undefined && severity < mildest ? mildest : severity;
  }
}

/** Shown faded: the line has no effect. One array for every such diagnostic (nothing changes it). */
const UNNECESSARY: 1[] = [1];

/** What the files are written for: the model (index limits) and the firmware generation (names, values). */
export interface Target {
  model: ModelInfo | undefined;
  firmware: number | undefined;
}

/** What the per-line checks of one file share: the model, the kind of file and the ignored names. */
export interface LineEnv {
  target: Target;
  boot: boolean;
  ignored: ((name: string) => boolean)[];
  isTemplate: boolean;
}

/** The codes a `# yealink-cfg-disable-next-line` comment silences on a line (the one after it; line 0 also by itself). */
export function disabledAt(lines: readonly ParsedLine[], line: number): string[] | undefined {
  if (line === 0 && lines[0]?.kind === 'comment' && lines[0].disables) return lines[0].disables;
  const prev = lines[line - 1];
  return prev?.kind === 'comment' ? prev.disables : undefined;
}

export interface CheckedLine {
  line: ParameterLine;
  match?: ParameterMatch;
  /** Passed every per-line stage. */
  clean: boolean;
  /** The name's number in the catalogue's name table (-1: none); set by the per-line checks. */
  nameId?: number;
}

export class Validator {
  constructor(private readonly catalog: Catalog) {}

  validate(doc: ParsedDocument, ctx: DocumentContext): YealinkDiagnostic[] {
    const settings = ctx.settings;
    const disabled = new Map<number, string[]>();
    for (const l of doc.lines) if (l.kind === 'comment' && l.disables) disabled.set(l.line + 1, l.disables);
    // A disable comment on line 1 can also silence the header check, which reports on line 1.
    const first = doc.lines[0];
    if (first.kind === 'comment' && first.disables) disabled.set(0, first.disables);
    const sink = new DiagnosticSink(settings, disabled);

    if (doc.isBinary) {
      sink.add(DiagnosticCode.MalformedLine, wholeLine(0, doc.lines[0].text), Messages.binary());
      return sink.items;
    }
    this.checkHeader(doc, sink);
    const env = this.lineEnv(doc, ctx);
    const budget = { suggestions: MAX_SUGGESTION_SEARCHES };
    const legacy = { reported: false };
    // Per line only the name index grows; a result is kept for the lines a file-wide check reads.
    this.catalog.names.trim();
    const names = new NameIndexer(this.catalog, doc.lines);
    const kept: CheckedLine[] = [];
    const faulty = new Set<number>();
    const scratch = {} as CheckedLine;
    for (const l of doc.lines) {
      const c = this.checkLine(l, env, sink, budget, legacy, scratch);
      if (!c) continue;
      names.add(c);
      if (!c.clean) faulty.add(c.line.line);
      if (ctx.site || c.match?.entry.conditions?.length) kept.push(c.match ? { line: c.line, match: c.match, clean: c.clean } : { line: c.line, clean: c.clean });
    }
    if (!doc.isTemplate && names.repeats > 0) this.checkRepeatedNames(doc, names, sink);
    this.checkConditions(doc, kept, sink, ctx, { faulty }, names);
    if (ctx.site) checkSite(kept, ctx.site, sink);
    return sink.items.sort(byPosition);
  }

  lineEnv(doc: ParsedDocument, ctx: DocumentContext): LineEnv {
    const settings = ctx.settings;
    // The set may say the model (its one common file), where the file name does not.
    const model = this.catalog.modelFor(ctx.fileName, ctx.site?.model && !settings?.model ? { ...settings, model: ctx.site.model } : settings);
    const target: Target = { model, firmware: this.catalog.firmwareOf(settings) };
    const ignored = (settings?.ignoredParameters ?? []).map(globMatcher);
    return { target, boot: isBootFile(ctx.fileName), ignored, isTemplate: doc.isTemplate };
  }

  /** The checks of one line on its own (kinds in LINE_CHECKED_KINDS); a parameter line's result feeds the file-wide checks. */
  checkLine(
    l: ParsedLine,
    env: LineEnv,
    sink: DiagnosticSink,
    budget: { suggestions: number },
    legacy: { reported: boolean },
    /** Filled and returned instead of a new result (a full check keeps few of its 20,000 results). */
    into?: CheckedLine,
  ): CheckedLine | undefined {
    switch (l.kind) {
      case 'section':
        if (!legacy.reported) {
          sink.add(DiagnosticCode.LegacyFormat, l.range, Messages.legacy());
          legacy.reported = true;
        }
        return undefined;
      case 'malformed':
        if (l.reason === 'no-equals' && env.isTemplate && hasTemplateSyntax(l.text)) return undefined;
        sink.add(
          DiagnosticCode.MalformedLine,
          l.range,
          l.reason === 'no-equals' ? Messages.noEquals() : l.reason === 'empty-name' ? Messages.emptyName() : Messages.spaceInName(l.text.split('=')[0].trim()),
        );
        return undefined;
      case 'include':
        if (!env.boot) sink.add(DiagnosticCode.MalformedLine, wholeLine(l.line, l.text), Messages.includeOutsideBoot());
        return undefined;
      case 'parameter':
        return this.checkParameter(l, env.target, env.ignored, sink, budget, into);
      default:
        return undefined;
    }
  }

  checkHeader(doc: ParsedDocument, sink: DiagnosticSink): void {
    const first = doc.lines[0];
    if (first.kind === 'header' && first.version === HEADER_TEXT.slice('#!version:'.length)) return;
    if (doc.isTemplate && templateHasHeader(doc)) return;
    const start = doc.hasBom ? 1 : 0;
    const shown = first.text.slice(start).trim();
    const range = { start: { line: 0, character: start }, end: { line: 0, character: first.text.length } };
    sink.add(DiagnosticCode.MissingHeader, range, Messages.missingHeader(shown || undefined));
  }

  private checkParameter(
    l: ParameterLine,
    target: Target,
    ignored: ((name: string) => boolean)[],
    sink: DiagnosticSink,
    budget: { suggestions: number },
    into: CheckedLine | undefined,
  ): CheckedLine {
    const model = target.model;
    const id = this.catalog.nameId(l.name);
    const match = this.catalog.lookupId(id, l.name);
    if (!match) {
      // Keys inside legacy sections belong to the old format; the file was reported once already.
      const quiet = l.section !== undefined || ignored.some((matches) => matches(l.name)) || hasTemplateSyntax(l.name.split('.')[0]);
      if (!quiet) {
        // A file of many thousand unknown names (not a provisioning file) must not stall the editor.
        const suggestions = l.name.length > MAX_NAME_LENGTH || budget.suggestions-- <= 0 ? [] : this.catalog.suggest(l.name);
        sink.add(DiagnosticCode.UnknownParameter, l.nameRange, Messages.unknown(l.name, suggestions), { suggestions });
      }
      return lineResult(into, l, undefined, false, id);
    }
    this.checkRenamed(l, match, target.firmware, sink);
    let clean = true;
    for (const ix of match.indices) {
      if (ix.isSymbolic || ix.spec.values) continue;
      const n = Number(ix.text);
      const min = ix.spec.min ?? 1;
      const max = this.catalog.indexMax(ix.spec, model);
      if (max === undefined) continue;
      if (n < min || n > max) {
        const family = l.name.slice(0, ix.start).split('.').filter(Boolean).pop() ?? ix.letter;
        const perModel = ix.spec.per && model?.limits?.[ix.spec.per] !== undefined ? model.names.join('/') : undefined;
        const nameStart = l.nameRange.start.character;
        const range = { start: { line: l.line, character: nameStart + ix.start }, end: { line: l.line, character: nameStart + ix.end } };
        const nearest = String(n < min ? min : max);
        sink.add(DiagnosticCode.IndexOutOfRange, range, Messages.indexOutOfRange(ix.text, l.name, family, min, max, perModel), {
          replacements: [{ value: nearest, why: n < min ? 'the lowest index' : 'the highest index' }],
        });
        clean = false;
      }
    }
    if (!clean) return lineResult(into, l, match, false, id);
    return lineResult(into, l, match, this.valueIsClean(l, match, target.firmware, sink), id);
  }

  /** A name older firmware used: information with the current name, unless the target firmware is older. */
  private checkRenamed(l: ParameterLine, match: ParameterMatch, firmware: number | undefined, sink: DiagnosticSink): void {
    const renamed = match.renamed;
    if (!renamed) return;
    const since = parseFirmware(renamed.firmware);
    if (firmware !== undefined && since !== undefined && firmware < since) return;
    const current = this.catalog.currentName(match)!;
    sink.add(DiagnosticCode.RenamedParameter, l.nameRange, Messages.renamed(l.name, current, renamed.firmware), {
      renamed: { current, firmware: renamed.firmware },
    });
  }

  /** Checks the value of a known name; false when it was reported. */
  private valueIsClean(l: ParameterLine, match: ParameterMatch, firmware: number | undefined, sink: DiagnosticSink): boolean {
    const value = l.value;
    if (isIndeterminate(value)) return true;
    const entry = match.entry;
    if (entry.inherits && value === '-1') return true;
    const type = typeForFirmware(entry, firmware);
    const problem = checkValue(type, value);
    if (!problem) return true;
    const data: DiagnosticData = {};
    if (problem.code === 'invalid-enum' && (type.kind === 'enum' || type.kind === 'multiEnum')) {
      data.allowed = allowedOf(type);
    }
    if (problem.code === 'out-of-range' && type.kind === 'integer' && type.ranges) {
      data.replacements = nearestBounds(Number(value), type.ranges, entry.default);
    }
    if (problem.code === 'invalid-value' && entry.default !== undefined && entry.default !== '' && !checkValue(type, entry.default)) {
      data.replacements = [{ value: entry.default, why: 'the default' }];
    }
    // A value that only other firmware permits is a warning: the file may target that firmware. Once the
    // target firmware is set, only firmware types of unknown range still soften it.
    const older = otherFirmwareTypes(entry, firmware).find((f) => f.type !== type && !checkValue(f.type, value));
    const message = Messages.badValue(l.name, entry.sensitive ? HIDDEN_VALUE : value, problem.problem) + (older ? ` ${Messages.olderFirmware(older.firmware)}` : '');
    sink.add(problem.code, l.valueRange, message, data, undefined, older ? 2 : undefined);
    return false;
  }

  /** Reports the lines of repeated names that a later line overrides, in line order. */
  private checkRepeatedNames(doc: ParsedDocument, names: NameIndexer, sink: DiagnosticSink): void {
    const winners = names.overriddenBy();
    // The lines one winner overrides share its message, data and related information (none of them
    // is changed later): a file of 100,000 lines may hold 60,000 such lines.
    const shared: (OverriddenReport | undefined)[] = [];
    for (let i = 0; i < winners.length; i++) shared.push(undefined); // packed, not a sparse array
    for (let i = 0; i < winners.length; i++) {
      const w = winners[i] - 1;
      if (w < 0) continue;
      const report = (shared[w] ??= overriddenReport(doc.lines[w] as ParameterLine));
      sink.addOverridden((doc.lines[i] as ParameterLine).nameRange, report.message, report.data, report.related);
    }
  }

  /**
   * Reports the lines of one name that the last of them overrides. `lines`: every line of one key (an
   * entry that may not repeat), in line order, as incremental checking keeps them.
   */
  checkDuplicates(lines: CheckedLine[], sink: DiagnosticSink): void {
    if (lines.length < 2) return;
    const report = overriddenReport(lines[lines.length - 1].line);
    for (let i = 0; i < lines.length - 1; i++) sink.addOverridden(lines[i].line.nameRange, report.message, report.data, report.related);
  }

  /** `values` and `faulty` may come from an index kept up to date edit by edit (see incremental.ts). */
  checkConditions(
    doc: ParsedDocument,
    checked: CheckedLine[],
    sink: DiagnosticSink,
    ctx: DocumentContext,
    given?: { values?: FileValues; faulty: { has(line: number): boolean } },
    names?: NameIndex,
  ): void {
    let values = given?.values;
    // A deciding value that is itself reported as wrong says nothing reliable about the condition.
    const faulty = given?.faulty ?? new Set(checked.filter((c) => !c.clean).map((c) => c.line.line));
    for (const c of checked) {
      const entry = c.match?.entry;
      if (!c.clean || !c.match || !entry?.conditions?.length) continue;
      const v = c.line.value;
      // A line that sets nothing, inherits, or restates the default changes nothing: no warning.
      if (isIndeterminate(v) || (entry.inherits && v === '-1') || v === entry.default) continue;
      values ??= FileValues.of(doc, this.catalog, ctx.site?.earlier, names);
      for (const cond of entry.conditions) {
        const state = evaluateCondition(cond, c.match, values);
        if (state.met !== false) continue;
        if (state.resolved?.origin === 'line' && !state.resolved.file && faulty.has(state.resolved.line!)) continue;
        const deciding = values.lineOf(state.param);
        const origin = state.resolved ? describeOrigin(state.resolved) : deciding ? `line ${deciding.line + 1}` : 'the default';
        let message: string;
        const actual = this.catalog.isSensitive(state.param) ? HIDDEN_VALUE : state.resolved?.value ?? '';
        if (cond.is === 'domain') message = Messages.dependencyDomain(c.line.name, state.param, actual, origin);
        else if (cond.is === 'nonEmpty') message = Messages.dependencyNonEmpty(c.line.name, state.param, origin);
        else message = Messages.dependencyIn(c.line.name, state.param, cond.in!, actual, origin);
        sink.add(DiagnosticCode.Dependency, c.line.nameRange, message, {
          dependency: {
            param: state.param,
            values: cond.in ?? [],
            ...(deciding ? { line: deciding.line } : {}),
            ...(state.resolved?.inheritedFrom ? { inheritedFrom: state.resolved.inheritedFrom } : {}),
            ...(state.resolved?.file ? { file: state.resolved.file } : {}),
          },
        }, decidingLine(doc, values, state.resolved));
        break; // one unmet condition is enough to say the line has no effect
      }
    }
  }
}

const allowedByType = new WeakMap<ValueType, { value: string; meaning: string }[]>();

/** An enumeration's values for the quick fixes: one array per type, shared by its diagnostics (read only). */
function allowedOf(type: Extract<ValueType, { kind: 'enum' | 'multiEnum' }>): { value: string; meaning: string }[] {
  let allowed = allowedByType.get(type);
  if (!allowed) allowedByType.set(type, (allowed = type.values.map((v) => ({ value: v.value, meaning: v.meaning }))));
  return allowed;
}

/** What every line a winner overrides is told: the same for all of them. */
interface OverriddenReport {
  message: string;
  data: DiagnosticData;
  related: RelatedInformation[];
}

function overriddenReport(winner: ParameterLine): OverriddenReport {
  const name = winner.name;
  return {
    message: Messages.duplicate(name, winner.line),
    data: { effectiveLine: winner.line },
    related: [{ range: winner.nameRange, message: `${name} takes effect here` }],
  };
}

function lineResult(into: CheckedLine | undefined, line: ParameterLine, match: ParameterMatch | undefined, clean: boolean, nameId: number): CheckedLine {
  if (!into) return match ? { line, match, clean, nameId } : { line, clean, nameId };
  into.line = line;
  into.match = match;
  into.clean = clean;
  into.nameId = nameId;
  return into;
}

/**
 * The file's names, indexed line by line during the per-line checks: the last line of each name (for
 * the file's values), the lines an alias or a section names differently, and the names that repeat.
 * One swap per line by the name's number (the line it replaces is the previous line of the same key).
 */
export class NameIndexer implements NameIndex {
  readonly lastByName: LastLines;
  readonly others: MatchedLine[] = [];
  /** Per line: 1 + the line before it that sets the same key (0: none), for names that may not repeat. */
  private previous: Int32Array;
  /** How many lines repeat an earlier line's key. */
  repeats = 0;

  constructor(catalog: Catalog, lines: readonly ParsedLine[]) {
    this.lastByName = new LastLines(catalog.names, lines, lines.length);
    this.previous = new Int32Array(lines.length);
  }

  add(c: CheckedLine): void {
    const line = c.line;
    const id = c.nameId ?? -1;
    const before = id >= 0 && line.section === undefined ? this.lastByName.swapId(id, line.line) : this.lastByName.swapKey(duplicateKey(line), line);
    // All lines of a name share its entry: a name that may repeat (`multiple`) is never a duplicate.
    if (before >= 0 && !c.match?.entry.multiple) {
      if (line.line >= this.previous.length) this.previous = grown(this.previous, line.line + 1);
      this.previous[line.line] = before + 1;
      this.repeats++;
    }
    if (c.match?.isAlias || line.section !== undefined) this.others.push({ line, match: c.match });
  }

  /**
   * Per line: 1 + the line that overrides it (the last line of its key), 0 for lines nothing overrides.
   * Walking back from the end, the first line of a chain met is its key's last line: no name is hashed.
   */
  overriddenBy(): Int32Array {
    const previous = this.previous;
    const winner = new Int32Array(previous.length);
    for (let i = previous.length - 1; i >= 0; i--) {
      if (previous[i] === 0 || winner[i] !== 0) continue;
      for (let p = previous[i]; p !== 0; p = previous[p - 1]) winner[p - 1] = i + 1;
    }
    return winner;
  }
}

/** Related information pointing at the line that decides a condition, in this file or an earlier one. */
function decidingLine(doc: ParsedDocument, values: FileValues, r: ResolvedValue | undefined): Partial<YealinkDiagnostic> | undefined {
  if (r?.origin !== 'line') return undefined;
  const giver = r.inheritedFrom ?? r.name;
  const message = `${giver} is ${r.value} here`;
  if (r.file) {
    const e = values.earlierOf(giver);
    return e ? { relatedInformation: [{ range: e.range, message, file: e.file }] } : undefined;
  }
  const l = doc.lines[r.line!];
  return l?.kind === 'parameter' ? { relatedInformation: [{ range: l.nameRange, message }] } : undefined;
}

/** A child template (Jinja, Twig): its base template writes the header. */
const EXTENDS = /^\s*\{%-?\s*extends\s/;
const TAG_PAIRS: [string, string][] = [['{%', '%}'], ['{#', '#}'], ['{{', '}}']];

/** The line without the template statements it starts with (`{% import 'x' as y %}#!version:...`). */
function afterLeadingTags(text: string): string {
  let rest = text.trimStart();
  for (let pair = TAG_PAIRS.find(([open]) => rest.startsWith(open)); pair; pair = TAG_PAIRS.find(([open]) => rest.startsWith(open))) {
    const close = rest.indexOf(pair[1], 2);
    if (close < 0) break;
    rest = rest.slice(close + 2).trimStart();
  }
  return rest;
}

/**
 * A template may open with template statements, on lines of their own or before the header on line 1;
 * its header then comes before the first parameter. A child template that extends a base has none.
 */
function templateHasHeader(doc: ParsedDocument): boolean {
  for (const l of doc.lines) {
    if (l.kind === 'parameter' || l.kind === 'include') return false;
    if (EXTENDS.test(l.text)) return true;
    if (afterLeadingTags(l.text).trimEnd() === HEADER_TEXT) return true;
  }
  return false;
}

function nearestBounds(n: number, ranges: [number, number][], def: string | undefined): { value: string; why: string }[] {
  let best: number | undefined;
  for (const [a, b] of ranges) {
    for (const bound of [a, b]) if (best === undefined || Math.abs(bound - n) < Math.abs(best - n)) best = bound;
  }
  const out: { value: string; why: string }[] = [];
  if (best !== undefined) out.push({ value: String(best), why: 'the nearest permitted value' });
  if (def !== undefined && def !== '' && def !== String(best) && /^-?\d+$/.test(def) && ranges.some(([a, b]) => +def >= a && +def <= b)) {
    out.push({ value: def, why: 'the default' });
  }
  return out;
}
