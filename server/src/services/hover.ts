// Hover documentation: on a name, the entry's documentation plus what holds in this file (the value
// a `-1` inherits, whether each condition is met); on a value, what that value means.

import type { Catalog, ParameterMatch } from '../catalog/catalog';
import { checkValue, describeType, meaningOf } from '../catalog/valueTypes';
import type { DocumentContext, HoverResult, ParameterLine, ParsedDocument, Position, Range, SiteContext } from '../types';
import { conditionRequirement, renderEntryDocs } from './entryDocs';
import { HIDDEN_VALUE, Messages } from './messages';
import { describeOrigin, evaluateCondition, FileValues, isIndeterminate, substitute } from './fileValues';

function contains(r: Range, p: Position): boolean {
  return p.line === r.start.line && p.character >= r.start.character && p.character <= r.end.character;
}

export class HoverService {
  constructor(private readonly catalog: Catalog) {}

  hover(doc: ParsedDocument, pos: Position, ctx?: DocumentContext): HoverResult | undefined {
    const line = doc.lines[pos.line];
    if (!line || line.kind !== 'parameter') return undefined;
    const match = this.catalog.lookup(line.name);
    if (!match) return undefined;
    const site = ctx?.site;
    if (contains(line.nameRange, pos)) return { contents: this.nameDocs(doc, line, match, site), range: line.nameRange };
    if (line.value !== '' && contains(line.valueRange, pos)) {
      const text = this.valueDocs(doc, line, match, site);
      return text ? { contents: text, range: line.valueRange } : undefined;
    }
    return undefined;
  }

  private nameDocs(doc: ParsedDocument, line: ParameterLine, match: ParameterMatch, site?: SiteContext): string {
    const entry = match.entry;
    const values = FileValues.of(doc, this.catalog, site?.earlier);
    let defaultLine: string | undefined;
    if (entry.default === '-1' && entry.inherits) {
      const target = substitute(entry.inherits, match);
      const r = values.resolve(target);
      defaultLine = `-1: uses \`${target}\`, ${r ? `here \`${this.shown(target, r.value)}\` (${describeOrigin(r)})` : 'whose value this file does not show'}`;
    }
    const conditions = (entry.conditions ?? []).map((c) => {
      const s = evaluateCondition(c, match, values);
      const want = conditionRequirement(c);
      const state =
        s.met === undefined
          ? 'not known from this file'
          : `${s.met ? 'met' : '**not met**'}: ${s.resolved ? `\`${this.shown(s.param, s.resolved.value)}\` (${describeOrigin(s.resolved)})` : 'empty'}`;
      return `\`${s.param}\` ${want} — ${state}`;
    });
    let docs = renderEntryDocs(entry, line.name, { defaultLine, conditions });
    if (match.renamed) docs += `\n\nFirmware before ${match.renamed.firmware} used this name; ${match.renamed.firmware} and newer call it \`${entry.name}\`.`;
    else if (match.isAlias) docs += `\n\nThis spelling is an alias of \`${entry.name}\`.`;
    // A file read alone has nothing to say about the folder: no empty paragraph then.
    const folderDocs = site ? siteDocs(values.canonical(line.name), line, site, entry.sensitive === true) : '';
    if (folderDocs) docs += `\n\n${folderDocs}`;
    return docs;
  }

  /** A value as hover may show it: a sensitive parameter's value is hidden. */
  private shown(name: string, value: string): string {
    return this.catalog.isSensitive(name) ? HIDDEN_VALUE : value;
  }

  private valueDocs(doc: ParsedDocument, line: ParameterLine, match: ParameterMatch, site?: SiteContext): string | undefined {
    const entry = match.entry;
    const v = line.value;
    if (v === '%NULL%' || v === '%EMPTY%') return `\`${v}\` sets the parameter to an empty value.`;
    if (entry.sensitive) return Messages.hiddenValue(line.name);
    if (isIndeterminate(v)) return undefined;
    if (v === '-1' && entry.inherits) {
      const target = substitute(entry.inherits, match);
      const r = FileValues.of(doc, this.catalog, site?.earlier).resolve(target);
      return `\`-1\`: use the value of \`${target}\`${r ? `, here \`${this.shown(target, r.value)}\` (${describeOrigin(r)})` : ''}.`;
    }
    const meaning = meaningOf(entry.type, v);
    if (meaning) return `\`${v}\`: ${meaning}${v === entry.default ? ' (default)' : ''}`;
    if (entry.type.kind === 'multiEnum') {
      const sep = entry.type.separator ?? ',';
      const items = sep === '' ? [...v] : v.split(sep).map((s) => s.trim());
      return items.map((i) => `- \`${i}\`: ${meaningOf(entry.type, i) ?? 'not a permitted value'}`).join('\n');
    }
    const problem = checkValue(entry.type, v);
    if (problem) return `\`${v}\` ${problem.problem}.`;
    return `\`${v}\`: ${describeType(entry.type)}${v === entry.default ? ' (the default)' : ''}.`;
  }
}

const SHOWN_OVERRIDERS = 5;

function shownCode(v: string): string {
  return v === '' ? '(empty)' : `\`${v.length > 60 ? `${v.slice(0, 57)}...` : v}\``;
}

/** What the other files of the folder say about this line: what it overrides, or who overrides it. */
export function siteDocs(key: string, line: ParameterLine, site: SiteContext, secret = false): string {
  const parts: string[] = [];
  // A secret's values in other files are hidden like its value here.
  const code = secret ? () => HIDDEN_VALUE : shownCode;
  const given = site.earlier.get(key);
  if (given) {
    const same = given.value === line.value ? ' (the same value: this line changes nothing)' : '';
    parts.push(`**In this folder:** overrides ${code(given.value)} from ${given.file}, line ${given.line + 1}${same}.`);
  } else if (site.earlierFiles.some((f) => !/\.boot$/i.test(f))) {
    parts.push(`**In this folder:** no file read before this one (${site.earlierFiles.join(', ')}) sets it.`);
  }
  if (site.overriddenBy) {
    const by = site.overriddenBy(key);
    if (by.length === 0) parts.push('**In this folder:** no MAC file overrides it.');
    else {
      const named = by.slice(0, SHOWN_OVERRIDERS).map((o) => `${o.file} (${code(o.value)}, line ${o.line + 1})`);
      const more = by.length > SHOWN_OVERRIDERS ? ` and ${by.length - SHOWN_OVERRIDERS} more` : '';
      parts.push(`**In this folder:** ${by.length} MAC file${by.length === 1 ? '' : 's'} override${by.length === 1 ? 's' : ''} it: ${named.join(', ')}${more}.`);
    }
  }
  if (site.note) parts.push(`Note: ${site.note}.`);
  return parts.join('\n\n');
}
