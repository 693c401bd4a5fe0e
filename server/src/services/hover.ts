// Hover documentation: on a name, the entry's documentation plus what holds in this file (the value
// a `-1` inherits, whether each condition is met); on a value, what that value means.

import type { Catalog, ParameterMatch } from '../catalog/catalog';
import { checkValue, describeType, meaningOf } from '../catalog/valueTypes';
import type { HoverResult, ParameterLine, ParsedDocument, Position, Range } from '../types';
import { conditionRequirement, renderEntryDocs } from './entryDocs';
import { describeOrigin, evaluateCondition, FileValues, isIndeterminate, substitute } from './fileValues';

function contains(r: Range, p: Position): boolean {
  return p.line === r.start.line && p.character >= r.start.character && p.character <= r.end.character;
}

export class HoverService {
  constructor(private readonly catalog: Catalog) {}

  hover(doc: ParsedDocument, pos: Position): HoverResult | undefined {
    const line = doc.lines[pos.line];
    if (!line || line.kind !== 'parameter') return undefined;
    const match = this.catalog.lookup(line.name);
    if (!match) return undefined;
    if (contains(line.nameRange, pos)) return { contents: this.nameDocs(doc, line, match), range: line.nameRange };
    if (line.value !== '' && contains(line.valueRange, pos)) {
      const text = this.valueDocs(doc, line, match);
      return text ? { contents: text, range: line.valueRange } : undefined;
    }
    return undefined;
  }

  private nameDocs(doc: ParsedDocument, line: ParameterLine, match: ParameterMatch): string {
    const entry = match.entry;
    const values = FileValues.of(doc, this.catalog);
    let defaultLine: string | undefined;
    if (entry.default === '-1' && entry.inherits) {
      const target = substitute(entry.inherits, match);
      const r = values.resolve(target);
      defaultLine = `-1: uses \`${target}\`, ${r ? `here \`${r.value}\` (${describeOrigin(r)})` : 'whose value this file does not show'}`;
    }
    const conditions = (entry.conditions ?? []).map((c) => {
      const s = evaluateCondition(c, match, values);
      const want = conditionRequirement(c);
      const state =
        s.met === undefined
          ? 'not known from this file'
          : `${s.met ? 'met' : '**not met**'}: ${s.resolved ? `\`${s.resolved.value}\` (${describeOrigin(s.resolved)})` : 'empty'}`;
      return `\`${s.param}\` ${want} — ${state}`;
    });
    let docs = renderEntryDocs(entry, line.name, { defaultLine, conditions });
    if (match.isAlias) docs += `\n\nThis spelling is an alias of \`${entry.name}\`.`;
    return docs;
  }

  private valueDocs(doc: ParsedDocument, line: ParameterLine, match: ParameterMatch): string | undefined {
    const entry = match.entry;
    const v = line.value;
    if (v === '%NULL%' || v === '%EMPTY%') return `\`${v}\` sets the parameter to an empty value.`;
    if (isIndeterminate(v)) return undefined;
    if (v === '-1' && entry.inherits) {
      const target = substitute(entry.inherits, match);
      const r = FileValues.of(doc, this.catalog).resolve(target);
      return `\`-1\`: use the value of \`${target}\`${r ? `, here \`${r.value}\` (${describeOrigin(r)})` : ''}.`;
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
