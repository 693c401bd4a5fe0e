// A tolerant, line-based parser: every line gets a kind and exact ranges; nothing throws.
// Positions are in UTF-16 code units, as in LSP and in JavaScript strings.

import type {
  ParameterLine,
  ParsedDocument,
  ParsedLine,
  Range,
} from './types';

export const HEADER_TEXT = '#!version:1.0.0.1';
export const DISABLE_NEXT_LINE = 'yealink-cfg-disable-next-line';

const LINE_BREAK = /\r\n|\r|\n/g;
// Template statements and expressions of the engines PBX products use (Smarty, Jinja/Twig, Velocity,
// Tempita, provisioner.net, Asterisk res_phoneprov). Velocity directives need their `(` or a line of
// their own, so that comments such as `#if unsure, leave 0` or `#end of account 1` stay comments.
const TEMPLATE_STATEMENT =
  /^\s*(\{%|\{#|\{\{|\{\/?(if|else|elseif|foreach|foreachelse|section|sectionelse|literal|include|assign|capture|strip|function|call|line_loop|loop|math)\b|\{\/|#(set|if|elseif|foreach|macro|parse|include|define)\s*\(|#\{?(else|end|break|stop)\}?\s*$)/;
// The paired forms ({{ }}, {% %}, {$ }, ${ }) are checked by hasPair; these need no search for a closer.
const TEMPLATE_EXPRESSION = /\{[a-z_]+\}|\$[A-Za-z_][A-Za-z0-9_]*|@[A-Z_]+@/;
const TEMPLATE_FILE = /\.(tpl|tmpl|vm|twig|j2|jinja2?)$/i;
const SECTION = /^\s*\[([^\]]*)\]\s*$/;
// The target is trimmed in code: a lazy `(.*?)\s*$` is quadratic on a line of many blanks.
const INCLUDE = /^\s*(?:\[([^\]]*)\]\s*)?include:config([\s\S]*)$/;

/** `open ... close` somewhere in the text, found in linear time (a lazy regular expression is quadratic on `{{{{...`). */
function hasPair(text: string, open: string, close: string): boolean {
  const i = text.indexOf(open);
  return i >= 0 && text.indexOf(close, i + open.length) >= 0;
}

export function hasTemplateSyntax(text: string): boolean {
  // Every form below holds `{`, `$` or `@`; most values hold none, and this runs for every value.
  if (text.indexOf('{') < 0 && text.indexOf('$') < 0 && text.indexOf('@') < 0) return false;
  if (hasPair(text, '{{', '}}') || hasPair(text, '{%', '%}') || hasPair(text, '{$', '}') || hasPair(text, '${', '}')) return true;
  return TEMPLATE_EXPRESSION.test(text);
}

/**
 * A name a template engine computes whole: it starts with an expression (`${s.ProfileName}`,
 * `{{ key }}.x`) or ends with one (`account.${id}.${setting}`). No catalogue name can be checked there.
 */
function isGeneratedName(name: string): boolean {
  return /^(\$\{|\{\{|\{\$|\{%|\$[A-Za-z_])/.test(name) || (/\}$/.test(name) && hasTemplateSyntax(name));
}

function range(line: number, start: number, end: number): Range {
  return { start: { line, character: start }, end: { line, character: end } };
}

/** Splits text into lines, keeping each line's ending so ranges can rebuild the text exactly. */
export function splitLines(text: string): { text: string; eol: string }[] {
  const out: { text: string; eol: string }[] = [];
  let start = 0;
  LINE_BREAK.lastIndex = 0;
  for (let m = LINE_BREAK.exec(text); m; m = LINE_BREAK.exec(text)) {
    out.push({ text: text.slice(start, m.index), eol: m[0] });
    start = m.index + m[0].length;
  }
  out.push({ text: text.slice(start), eol: '' });
  return out;
}

/** Lines as the parser reads them: the parse of a whole text and of an open document's lines share one path. */
export interface LineSource {
  readonly lineCount: number;
  lineText(line: number): string;
  lineEol(line: number): string;
}

/** Only the first lines decide whether a file is a template. */
export const TEMPLATE_SCAN_LINES = 5000;
/** The share of replacement characters is measured on this many first characters. */
export const BINARY_SAMPLE = 65536;

/** A template statement on its own line: one such line in the first part of a file makes it a template. */
export function isTemplateStatement(t: string): boolean {
  // Cheap pre-check: every template statement holds '{' or starts with '#'.
  if (!t.includes('{') && !t.trimStart().startsWith('#')) return false;
  return TEMPLATE_STATEMENT.test(t) && !t.trimStart().startsWith('#!');
}

/** NUL never occurs in a text file; many replacement characters mean undecodable bytes. */
export function isBinaryLines(src: LineSource, hasNul?: boolean): boolean {
  if (hasNul ?? anyLine(src, (t) => t.includes('\u0000'))) return true;
  let seen = 0;
  let bad = 0;
  for (let i = 0; i < src.lineCount && seen < BINARY_SAMPLE; i++) {
    const t = src.lineText(i);
    const room = BINARY_SAMPLE - seen;
    if (t.includes('\uFFFD')) {
      const n = Math.min(t.length, room);
      for (let k = 0; k < n; k++) if (t.charCodeAt(k) === 0xfffd) bad++;
    }
    seen += Math.min(t.length + src.lineEol(i).length, room);
  }
  return seen > 0 && bad / seen > 0.1;
}

function anyLine(src: LineSource, test: (t: string) => boolean): boolean {
  for (let i = 0; i < src.lineCount; i++) if (test(src.lineText(i))) return true;
  return false;
}

export function isTemplateFileName(fileName: string): boolean {
  return TEMPLATE_FILE.test(fileName);
}

/** "Clearly a template": a template file name, or a template statement on its own line near the top. */
export function detectTemplate(src: LineSource, fileName: string): boolean {
  if (isTemplateFileName(fileName)) return true;
  const limit = Math.min(src.lineCount, TEMPLATE_SCAN_LINES);
  for (let i = 0; i < limit; i++) if (isTemplateStatement(src.lineText(i))) return true;
  return false;
}

/** The line endings, by the index `lineOffsets` records for each line. */
export const EOL_TEXT = ['', '\n', '\r\n', '\r'];

/** Where each line of a text starts and ends, and which ending follows it (an index into EOL_TEXT). */
export interface LineOffsets {
  count: number;
  starts: Int32Array;
  ends: Int32Array;
  eols: Uint8Array;
}

/**
 * A text's lines as offsets, split as `splitLines` does but with no object or string per line: typed
 * arrays of the exact size, counted first (growing arrays of 100,000 numbers are copied at each step).
 * A text without CR is cut at each LF found by indexOf rather than by looking at every character in script.
 */
export function lineOffsets(text: string): LineOffsets {
  const lfOnly = !text.includes('\r');
  const count = lfOnly ? countLf(text) + 1 : scanBreaks(text, undefined);
  const o: LineOffsets = { count, starts: new Int32Array(count), ends: new Int32Array(count), eols: new Uint8Array(count) };
  if (lfOnly) scanLf(text, o);
  else scanBreaks(text, o);
  return o;
}

function setLine(o: LineOffsets, line: number, start: number, end: number, eol: number): void {
  o.starts[line] = start;
  o.ends[line] = end;
  o.eols[line] = eol;
}

function countLf(text: string): number {
  let n = 0;
  for (let at = text.indexOf('\n'); at >= 0; at = text.indexOf('\n', at + 1)) n++;
  return n;
}

function scanLf(text: string, o: LineOffsets): void {
  let start = 0;
  let n = 0;
  for (let at = text.indexOf('\n'); at >= 0; at = text.indexOf('\n', start)) {
    setLine(o, n++, start, at, 1);
    start = at + 1;
  }
  setLine(o, n, start, text.length, 0);
}

/** Any mix of LF, CRLF and CR; returns the number of lines, and records them into `o` when given. */
function scanBreaks(text: string, o: LineOffsets | undefined): number {
  let start = 0;
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c !== 10 && c !== 13) continue;
    const crlf = c === 13 && text.charCodeAt(i + 1) === 10;
    if (o) setLine(o, n, start, i, c === 10 ? 1 : crlf ? 2 : 3);
    n++;
    if (crlf) i++;
    start = i + 1;
  }
  if (o) setLine(o, n, start, text.length, 0);
  return n + 1;
}

/** A whole text read as lines through their offsets: a line's text is sliced only when the parser asks for it. */
class TextSource implements LineSource {
  private readonly offsets: LineOffsets;
  readonly hasNul: boolean;

  constructor(private readonly text: string) {
    this.hasNul = text.includes('\u0000');
    this.offsets = lineOffsets(text);
  }

  get lineCount(): number {
    return this.offsets.count;
  }
  lineText(line: number): string {
    return this.text.slice(this.offsets.starts[line], this.offsets.ends[line]);
  }
  lineEol(line: number): string {
    return EOL_TEXT[this.offsets.eols[line]];
  }
}

export function parse(text: string, fileName = ''): ParsedDocument {
  const src = new TextSource(text);
  return parseSource(src, fileName, src.hasNul);
}

/** Parses lines given one by one (an open document's text model, or a split text). */
export function parseSource(src: LineSource, fileName = '', hasNul?: boolean): ParsedDocument {
  const first = src.lineText(0);
  const hasBom = first.charCodeAt(0) === 0xfeff;
  const firstBreak = src.lineCount > 1 ? src.lineEol(0) : '\n';
  const isBinary = isBinaryLines(src, hasNul);
  const isTemplate = detectTemplate(src, fileName);
  const lines: ParsedLine[] = new Array(src.lineCount);
  let section: string | undefined;
  let isLegacy = false;
  for (let i = 0; i < src.lineCount; i++) {
    const last = parseLine(i, src.lineText(i), src.lineEol(i), hasBom && i === 0 ? 1 : 0, isTemplate, section);
    lines[i] = last;
    if (last.kind === 'section') {
      section = last.section;
      isLegacy = true;
    } else if (last.kind === 'parameter' && section !== undefined) {
      last.section = section;
    }
  }
  return { lines, hasBom, eol: firstBreak, isTemplate, isLegacy, isBinary };
}

export function parseLine(
  line: number,
  text: string,
  eol: string,
  offset: number,
  isTemplate: boolean,
  section: string | undefined,
): ParsedLine {
  const body = offset ? text.slice(offset) : text;
  const trimmed = body.trim();
  if (trimmed === '') return { kind: 'blank', line, text, eol };
  const lead = offset + (body.length - body.trimStart().length);
  const end = offset + body.trimEnd().length;
  if (trimmed.startsWith('#!version:') && line === 0) {
    return { kind: 'header', line, text, eol, version: trimmed.slice('#!version:'.length), range: range(line, lead, end) };
  }
  if (isTemplate && TEMPLATE_STATEMENT.test(body) && !trimmed.startsWith('##')) {
    return { kind: 'template', line, text, eol };
  }
  // `;` comments belong to the legacy INI format only.
  if (trimmed.startsWith('#') || (trimmed.startsWith(';') && section !== undefined)) {
    const comment = { kind: 'comment' as const, line, text, eol };
    const m = /^[#;]+\s*yealink-cfg-disable-next-line\b(.*)$/.exec(trimmed);
    if (m) {
      const codes = m[1].split(/[\s,]+/).filter(Boolean);
      return { ...comment, disables: codes };
    }
    return comment;
  }
  const inc = body.includes('include:config') ? INCLUDE.exec(body) : null;
  if (inc) {
    const models = inc[1]?.split(',').map((s) => s.trim()).filter(Boolean);
    const rest = inc[2];
    let target = rest.trim();
    let form: 'quoted' | 'angle' | 'bare' = 'bare';
    let tStart = offset + body.length - rest.length + (rest.length - rest.trimStart().length);
    if (target.length >= 2 && target.startsWith('"') && target.endsWith('"')) {
      form = 'quoted';
      target = target.slice(1, -1);
      tStart += 1;
    } else if (target.length >= 2 && target.startsWith('<') && target.endsWith('>')) {
      form = 'angle';
      target = target.slice(1, -1);
      tStart += 1;
    }
    return {
      kind: 'include', line, text, eol, target, form,
      targetRange: range(line, tStart, tStart + target.length),
      ...(models ? { models } : {}),
    };
  }
  // Legacy section headers may hold '=' themselves: `[ cfg:/phone/config/voip/sipAccount0.cfg,account=0;reboot=0 ]`.
  const sec = trimmed.startsWith('[') ? SECTION.exec(body) : null;
  if (sec) return { kind: 'section', line, text, eol, section: sec[1].trim(), range: range(line, lead, end) };
  const eq = body.indexOf('=');
  if (eq < 0) {
    if (isTemplate && hasTemplateSyntax(body)) return { kind: 'template', line, text, eol };
    return { kind: 'malformed', line, text, eol, range: range(line, lead, end), reason: 'no-equals' };
  }
  // Bounds found by scanning, then one slice each: trimming slices first would allocate two more
  // strings per line, and a file's every byte allocated costs twice (young and old generation).
  let ns = 0;
  while (ns < eq && isTrimmed(body.charCodeAt(ns))) ns++;
  let ne = eq;
  while (ne > ns && isTrimmed(body.charCodeAt(ne - 1))) ne--;
  const name = body.slice(ns, ne);
  const eqAt = offset + eq;
  if (name === '') {
    if (isTemplate && hasTemplateSyntax(body)) return { kind: 'template', line, text, eol };
    return { kind: 'malformed', line, text, eol, range: range(line, lead, end), reason: 'empty-name' };
  }
  if (isTemplate && isGeneratedName(name)) return { kind: 'template', line, text, eol };
  if (/\s/.test(name) && !hasTemplateSyntax(name)) {
    return { kind: 'malformed', line, text, eol, range: range(line, lead, end), reason: 'space-in-name' };
  }
  let vs = eq + 1;
  while (vs < body.length && isTrimmed(body.charCodeAt(vs))) vs++;
  let ve = body.length;
  while (ve > vs && isTrimmed(body.charCodeAt(ve - 1))) ve--;
  const value = body.slice(vs, ve);
  const vStart = value ? offset + vs : eqAt + 1;
  const p = new ParameterLineNode(line, text, eol, name, value, lead, eqAt, vStart);
  if (section !== undefined) p.section = section;
  return p;
}

/** What `String.prototype.trim` removes: ECMAScript white space and line terminators. */
function isTrimmed(c: number): boolean {
  if (c === 32 || c === 9) return true;
  if (c < 160) return c >= 10 && c <= 13;
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/**
 * A parameter line keeps its columns as numbers and makes its ranges when asked: a file of 20,000
 * lines would otherwise allocate nine range objects per line that most checks never read. Moving the
 * line (`line += n`) moves its ranges too.
 */
class ParameterLineNode implements ParameterLine {
  readonly kind = 'parameter' as const;
  // Declared only: most lines sit in no section, and an own `section: undefined` would show in comparisons.
  declare section?: string;
  constructor(
    public line: number,
    public text: string,
    public eol: string,
    public name: string,
    public value: string,
    private readonly nameStart: number,
    private readonly eqAt: number,
    private readonly valueStart: number,
  ) {}
  get nameRange(): Range {
    return range(this.line, this.nameStart, this.nameStart + this.name.length);
  }
  get equalsRange(): Range {
    return range(this.line, this.eqAt, this.eqAt + 1);
  }
  get valueRange(): Range {
    return range(this.line, this.valueStart, this.valueStart + this.value.length);
  }
}

/** The parameter line at a position's line, if any. */
export function lineAt(doc: ParsedDocument, line: number): ParsedLine | undefined {
  return doc.lines[line];
}
