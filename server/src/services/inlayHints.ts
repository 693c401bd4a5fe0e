// Inlay hints after values: what an enumeration value means (`failback_mode = 3` → `duration`), and
// for `-1`, the value it takes and where from (`→ 3 (account.1.sip_server.1.failback_mode)`).
// Plain numbers and strings, secrets, comments and template values get none.

import type { Catalog } from '../catalog/catalog';
import { meaningOf, shortMeaning } from '../catalog/valueTypes';
import type { InlayHintEntry, InlayHintOptions, ParameterLine, ParsedDocument, Range } from '../types';
import { describeOrigin, FileValues, isIndeterminate, substitute } from './fileValues';

export class InlayHintService {
  constructor(private readonly catalog: Catalog) {}

  hints(doc: ParsedDocument, range?: Range, options: InlayHintOptions = {}): InlayHintEntry[] {
    const first = Math.max(0, range?.start.line ?? 0);
    const last = Math.min(doc.lines.length - 1, range?.end.line ?? doc.lines.length - 1);
    const out: InlayHintEntry[] = [];
    for (let i = first; i <= last; i++) {
      const l = doc.lines[i];
      if (l.kind !== 'parameter' || isIndeterminate(l.value)) continue;
      const hint = this.hintFor(doc, l, options);
      if (hint) out.push(hint);
    }
    return out;
  }

  private hintFor(doc: ParsedDocument, l: ParameterLine, options: InlayHintOptions): InlayHintEntry | undefined {
    const match = this.catalog.lookup(l.name);
    if (!match || match.entry.sensitive) return undefined;
    const position = l.valueRange.end;
    const entry = match.entry;
    if (l.value === '-1' && entry.inherits) {
      if (options.inheritedValues === false) return undefined;
      const target = substitute(entry.inherits, match);
      const r = FileValues.of(doc, this.catalog).resolve(target);
      if (!r) return undefined;
      const from = `${r.inheritedFrom ?? target}${r.origin === 'default' ? ', default' : ''}`;
      // Editors cut long labels; the tooltip always says it all.
      const tooltip = `-1 takes the value of ${target}: ${r.value} (${describeOrigin(r)})`;
      return { position, label: `→ ${r.value} (${from})`, kind: 'inheritedValue', tooltip };
    }
    if (options.enumMeanings === false) return undefined;
    const meaning = this.meaning(entry.type, l.value);
    if (!meaning) return undefined;
    const label = shortMeaning(meaning);
    return { position, label, kind: 'enumMeaning', ...(label !== meaning ? { tooltip: meaning } : {}) };
  }

  /** An enumeration's meaning; for a list of values, each one's meaning. */
  private meaning(type: Parameters<typeof meaningOf>[0], value: string): string | undefined {
    if (type.kind === 'enum') return meaningOf(type, value);
    if (type.kind !== 'multiEnum') return undefined;
    const sep = type.separator ?? ',';
    const items = sep === '' ? [...value] : value.split(sep).map((s) => s.trim());
    const meanings = items.map((i) => meaningOf(type, i));
    return meanings.every((m) => m !== undefined) ? meanings.join(', ') : undefined;
  }
}
