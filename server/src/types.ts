// Types shared by the parser, the catalogue and every feature. This module sits at the bottom of the
// layering: it imports nothing, so no feature has to import another feature or the facade for a type.
// Shapes are structurally compatible with the Language Server Protocol, without depending on it.

export interface Position {
  line: number;
  character: number;
}

export interface Range {
  start: Position;
  end: Position;
}

export interface TextEdit {
  range: Range;
  newText: string;
}

/** LSP severities: 1 error, 2 warning, 3 information, 4 hint. */
export type SeverityNumber = 1 | 2 | 3 | 4;
export type SeverityName = 'error' | 'warning' | 'information' | 'hint';
export type SeveritySetting = SeverityName | 'off';

export const DIAGNOSTIC_SOURCE = 'yealink-cfg';

/** Stable diagnostic codes: quick fixes, settings and disable comments refer to them by name. */
export const DiagnosticCode = {
  MissingHeader: 'missing-header',
  MalformedLine: 'malformed-line',
  UnknownParameter: 'unknown-parameter',
  IndexOutOfRange: 'index-out-of-range',
  InvalidValue: 'invalid-value',
  OutOfRange: 'out-of-range',
  InvalidEnum: 'invalid-enum',
  DuplicateParameter: 'duplicate-parameter',
  Dependency: 'dependency',
  LegacyFormat: 'legacy-format',
  MissingInclude: 'missing-include',
  RedundantOverride: 'redundant-override',
  RenamedParameter: 'renamed-parameter',
} as const;
export type DiagnosticCode = (typeof DiagnosticCode)[keyof typeof DiagnosticCode];
export const ALL_CODES: readonly DiagnosticCode[] = Object.values(DiagnosticCode);

export interface RelatedInformation {
  range: Range;
  message: string;
  /** The file the range is in (a name in the same folder); absent: the diagnostic's own file. */
  file?: string;
}

/** What a diagnostic carries for its quick fixes, so code actions need no second parse. */
export interface DiagnosticData {
  /** unknown-parameter: the closest known names, best first. */
  suggestions?: string[];
  /** invalid-enum: every allowed value with its meaning. */
  allowed?: { value: string; meaning: string }[];
  /** out-of-range / index-out-of-range: candidate replacements (nearest bound, default). */
  replacements?: { value: string; why: string }[];
  /** dependency: the deciding parameter, the values that would satisfy it and where it is set. */
  dependency?: { param: string; values: string[]; line?: number; inheritedFrom?: string; file?: string };
  /** duplicate-parameter: the line that takes effect. */
  effectiveLine?: number;
  /** redundant-override: where the same value is already given. */
  givenBy?: { file: string; line: number };
  /** renamed-parameter: the current name, written with this line's indices, and the firmware that renamed it. */
  renamed?: { current: string; firmware: string };
}

export interface YealinkDiagnostic {
  range: Range;
  severity: SeverityNumber;
  code: DiagnosticCode;
  source: typeof DIAGNOSTIC_SOURCE;
  message: string;
  data?: DiagnosticData;
  relatedInformation?: RelatedInformation[];
  /** 1 = unnecessary (rendered faded), as in LSP DiagnosticTag. */
  tags?: 1[];
}

// ---- parsed document ----------------------------------------------------------------------------

export type LineKind =
  | 'blank'
  | 'comment'
  | 'header'
  | 'parameter'
  | 'include'
  | 'section'
  | 'template'
  | 'malformed';

interface LineBase {
  /** 0-based line number. */
  line: number;
  /** The line's text without its line ending. */
  text: string;
  /** The line ending that follows it ('' for the last line). */
  eol: string;
}

export interface BlankLine extends LineBase {
  kind: 'blank';
}
export interface CommentLine extends LineBase {
  kind: 'comment';
  /** Codes named by a `# yealink-cfg-disable-next-line` comment; empty array means every code. */
  disables?: string[];
}
export interface HeaderLine extends LineBase {
  kind: 'header';
  /** The version text after `#!version:`. */
  version: string;
  range: Range;
}
export interface ParameterLine extends LineBase {
  kind: 'parameter';
  name: string;
  nameRange: Range;
  equalsRange: Range;
  /** Trimmed value; '' when empty. */
  value: string;
  /** Never includes the line ending or trailing blanks; empty values get an empty range. */
  valueRange: Range;
  /** Set when the line sits inside a legacy `[ section ]`. */
  section?: string;
}
export interface IncludeLine extends LineBase {
  kind: 'include';
  /** Model filter in `[T46S, T23G]include:config ...`, if any. */
  models?: string[];
  target: string;
  targetRange: Range;
  form: 'quoted' | 'angle' | 'bare';
}
export interface SectionLine extends LineBase {
  kind: 'section';
  section: string;
  range: Range;
}
export interface TemplateLine extends LineBase {
  kind: 'template';
}
export interface MalformedLine extends LineBase {
  kind: 'malformed';
  range: Range;
  reason: 'no-equals' | 'empty-name' | 'space-in-name';
}

export type ParsedLine =
  | BlankLine
  | CommentLine
  | HeaderLine
  | ParameterLine
  | IncludeLine
  | SectionLine
  | TemplateLine
  | MalformedLine;

export interface ParsedDocument {
  lines: ParsedLine[];
  /** The first line starts with a UTF-8 byte order mark (kept as character 0 of line 0). */
  hasBom: boolean;
  /** The line ending used for inserted lines: the file's first one, else '\n'. */
  eol: string;
  /** The file holds template-engine syntax, so template statements are not malformed lines. */
  isTemplate: boolean;
  /** The file uses the pre-V70 `[ section ]` format. */
  isLegacy: boolean;
  /** The file holds NUL bytes or other signs of binary data. */
  isBinary: boolean;
}

// ---- catalogue data (the JSON schema's shapes) ----------------------------------------------------

export interface EnumValue {
  value: string;
  meaning: string;
}

export type ValueType =
  | { kind: 'integer'; ranges?: [number, number][]; unit?: string }
  | { kind: 'enum'; values: EnumValue[] }
  | { kind: 'multiEnum'; values: EnumValue[]; separator?: string }
  | { kind: 'string'; maxLength?: number; format?: string }
  | { kind: 'address' | 'ip' | 'ipv6' | 'domain' | 'url' | 'time' | 'mac' | 'float'; maxLength?: number };

export type IndexLimit =
  | 'accounts'
  | 'linekeys'
  | 'memorykeys'
  | 'programkeys'
  | 'expansionModules'
  | 'expansionKeys'
  | 'handsets';

export interface IndexSpec {
  min?: number;
  max?: number;
  per?: IndexLimit;
  values?: string[];
}

export interface Condition {
  param: string;
  in?: string[];
  is?: 'domain' | 'nonEmpty';
}

export interface CatalogEntry {
  name: string;
  aliases?: string[];
  indices?: Record<string, IndexSpec>;
  type: ValueType;
  firmwareTypes?: FirmwareType[];
  default?: string;
  inherits?: string;
  file: 'mac' | 'common' | 'boot';
  webUi?: string;
  summary: string;
  conditions?: Condition[];
  reboot?: boolean;
  multiple?: boolean;
  sensitive?: boolean;
  models?: string;
  deprecated?: string;
  sources: string[];
}

/** Values that other firmware permits; `until` is the newest firmware generation (73 for V73) they hold for. */
export interface FirmwareType {
  firmware: string;
  until?: number;
  type: ValueType;
  source?: string;
}

/** A name older firmware used for what the current firmware calls `current` (same placeholders or fewer). */
export interface Rename {
  old: string;
  current: string;
  /** The firmware generation that introduced the current name, as the guides write it (`V80`). */
  firmware: string;
  sources: string[];
}

export interface ModelInfo {
  id: string;
  names: string[];
  limits?: Partial<Record<IndexLimit, number>>;
}

export interface CatalogData {
  entries: CatalogEntry[];
  models: ModelInfo[];
  renames?: Rename[];
}

// ---- settings -------------------------------------------------------------------------------------

export interface ValidationSettings {
  /** Per-code severity overrides; 'off' drops the code. */
  severity?: Partial<Record<string, SeveritySetting>>;
  /** A model name (`T54W`) or id (`y000000000096`) for files whose name does not say. */
  model?: string;
  /** Parameter names (exact, or patterns with `*`) never reported as unknown. */
  ignoredParameters?: string[];
  /** The firmware the files are written for (`V73`, `73`, `66.86.0.15`); empty: the newest. */
  firmware?: string;
}

/** A value set by a file the phone reads before this one. */
export interface EarlierValue {
  value: string;
  /** The file's name in the folder. */
  file: string;
  /** 0-based line and the range of the name on it. */
  line: number;
  range: Range;
}

/** An include target of a boot file that the folder lacks. */
export interface MissingInclude {
  line: number;
  target: string;
  range: Range;
  /** The closest provisioning file names of the folder, best first. */
  suggestions: string[];
}

/** A MAC file of the folder that sets a parameter a common file sets too. */
export interface OverridingLine {
  file: string;
  line: number;
  value: string;
}

/**
 * What the other files of the folder say about this one (its "set": the files a phone reads with it).
 * Built by the workspace layer; the features only read it, so they stay single-file code.
 */
export interface SiteContext {
  /** Values given by earlier files of the set, by canonical parameter name; the latest file wins. */
  earlier: ReadonlyMap<string, EarlierValue>;
  /** The files read before this one, in order (names; URLs as written). */
  earlierFiles: readonly string[];
  /** The model id the set implies (`y000000000096`), if it says one. */
  model?: string;
  /** Why the file is checked alone or with only part of its set (for hover), if it is. */
  note?: string;
  /** Boot files: include targets the folder lacks. */
  missingIncludes?: readonly MissingInclude[];
  /** Common files: the MAC files of the folder that set a canonical name too. */
  overriddenBy?: (name: string) => readonly OverridingLine[];
}

/** What the features need to know about the document besides its text. */
export interface DocumentContext {
  /** The file name (or URI path); selects the model and tells boot files and templates apart. */
  fileName: string;
  settings?: ValidationSettings;
  /** The folder around the file; absent: the file is checked alone. */
  site?: SiteContext;
  /** Extra catalogue entries (the project configuration's `catalog`), treated like built-in ones. */
  catalogExtras?: readonly CatalogEntry[];
}

// ---- feature results --------------------------------------------------------------------------------

/** LSP CompletionItemKind values used here. */
export const CompletionKind = { Property: 10, Value: 12, EnumMember: 20, Snippet: 15 } as const;

export interface CompletionEntry {
  label: string;
  kind: number;
  detail?: string;
  documentation?: string;
  sortText?: string;
  filterText?: string;
  /** true: `textEdit.newText` is an LSP snippet. */
  isSnippet?: boolean;
  textEdit: TextEdit;
  preselect?: boolean;
}

export interface HoverResult {
  /** Markdown. */
  contents: string;
  range: Range;
}

export interface QuickFix {
  title: string;
  /** The diagnostic this fixes. */
  diagnostic: YealinkDiagnostic;
  edits: TextEdit[];
  isPreferred?: boolean;
}

/** LSP SymbolKind values used here. */
export const SymbolKind = { File: 1, Namespace: 3, Property: 7 } as const;

/** A node of the outline, shaped like LSP's DocumentSymbol. */
export interface DocumentSymbolEntry {
  name: string;
  detail?: string;
  kind: number;
  /** The line, or a group's lines. */
  range: Range;
  /** The name (or the group's part of it). */
  selectionRange: Range;
  children?: DocumentSymbolEntry[];
}

/** A foldable block of whole lines, shaped like LSP's FoldingRange. */
export interface FoldingBlock {
  startLine: number;
  endLine: number;
  kind?: 'comment' | 'region';
}

/** How the formatter writes the `=` of a parameter line. */
export type EqualsStyle = ' = ' | '=' | 'preserve';

export interface InlayHintEntry {
  position: Position;
  label: string;
  /** Which setting turns it off. */
  kind: 'enumMeaning' | 'inheritedValue';
  /** The whole meaning, when the label shortens it. */
  tooltip?: string;
}

export interface InlayHintOptions {
  enumMeanings?: boolean;
  inheritedValues?: boolean;
}

/** prepareRename: the renameable range and its text, or why nothing there can be renamed. */
export type PrepareRenameResult = { range: Range; placeholder: string } | { error: string };
/** rename: the edits, or why the new name is refused. */
export type RenameResult = { edits: TextEdit[] } | { error: string };
