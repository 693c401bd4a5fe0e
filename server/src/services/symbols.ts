// The outline: parameters grouped by the segments of their names (`account 1` > `sip_server 1` >
// `failback_mode`), legacy `[ section ]` blocks and boot-file includes. Groups follow the file's order:
// a family that comes back after another one opens a second group, so every group's range holds
// exactly its own lines and breadcrumbs always name the group the cursor is in.

import type { Catalog } from '../catalog/catalog';
import { meaningOf, shortMeaning } from '../catalog/valueTypes';
import type { DocumentSymbolEntry, IncludeLine, ParameterLine, ParsedDocument, Range, SectionLine } from '../types';
import { SymbolKind } from '../types';
import { FileValues, substitute } from './fileValues';
import { nameComponents, type NameComponent } from './nameGroups';

/** What the outline shows instead of a secret value. */
export const SECRET_MASK = '••••';

function lineRange(doc: ParsedDocument, line: number): Range {
  const start = line === 0 && doc.hasBom ? 1 : 0;
  return { start: { line, character: start }, end: { line, character: doc.lines[line].text.length } };
}

export class SymbolService {
  constructor(private readonly catalog: Catalog) {}

  /** A leaf's detail: its value, an enumeration's meaning, what `-1` takes; never a secret. */
  detail(doc: ParsedDocument, line: ParameterLine): string {
    const match = this.catalog.lookup(line.name);
    if (line.value === '') return '';
    if (match?.entry.sensitive) return SECRET_MASK;
    if (line.value === '-1' && match?.entry.inherits) {
      const r = FileValues.of(doc, this.catalog).resolve(substitute(match.entry.inherits, match));
      return r ? `-1 (→ ${r.value})` : '-1';
    }
    const meaning = match ? meaningOf(match.entry.type, line.value) : undefined;
    return meaning ? `${line.value} (${shortMeaning(meaning)})` : line.value;
  }

  symbols(doc: ParsedDocument): DocumentSymbolEntry[] {
    const tree = new SymbolTree(doc);
    for (const l of doc.lines) {
      if (l.kind === 'section') tree.openSection(l);
      else if (l.kind === 'include') tree.addInclude(l);
      else if (l.kind === 'parameter') tree.addParameter(l, nameComponents(this.catalog, l.name), this.detail(doc, l));
      else if (l.kind === 'comment' || l.kind === 'template' || l.kind === 'malformed') tree.extendSection(l.line);
    }
    return tree.roots;
  }
}

interface OpenGroup {
  key: string;
  node: DocumentSymbolEntry;
}

/** Builds the tree in one pass: a stack of the groups the previous parameter line was in. */
class SymbolTree {
  readonly roots: DocumentSymbolEntry[] = [];
  private stack: OpenGroup[] = [];
  /** The legacy section the lines belong to, at the bottom of the stack. */
  private section: DocumentSymbolEntry | undefined;

  constructor(private readonly doc: ParsedDocument) {}

  openSection(l: SectionLine): void {
    const range = lineRange(this.doc, l.line);
    this.section = { name: `[${l.section}]`, kind: SymbolKind.Namespace, range, selectionRange: l.range, children: [] };
    this.roots.push(this.section);
    this.stack = [];
  }

  /** Comments and other lines inside a legacy section belong to it. */
  extendSection(line: number): void {
    if (this.section) this.section.range = { start: this.section.range.start, end: lineRange(this.doc, line).end };
  }

  addInclude(l: IncludeLine): void {
    this.stack = [];
    const models = l.models?.length ? ` [${l.models.join(', ')}]` : '';
    this.container().push({
      name: l.target || '(no file)',
      detail: `include${models}`,
      kind: SymbolKind.File,
      range: lineRange(this.doc, l.line),
      selectionRange: l.target ? l.targetRange : lineRange(this.doc, l.line),
    });
    this.extendSection(l.line);
  }

  addParameter(l: ParameterLine, comps: NameComponent[], detail: string): void {
    const range = lineRange(this.doc, l.line);
    const groups = comps.slice(0, -1);
    let depth = 0;
    while (depth < this.stack.length && depth < groups.length && this.stack[depth].key === groups[depth].label) depth++;
    this.stack.length = depth;
    for (let i = depth; i < groups.length; i++) {
      const at = l.nameRange.start;
      const selectionRange = {
        start: { line: at.line, character: at.character + groups[i].start },
        end: { line: at.line, character: at.character + groups[i].end },
      };
      const node: DocumentSymbolEntry = { name: groups[i].label, kind: SymbolKind.Namespace, range, selectionRange, children: [] };
      (i === 0 ? this.container() : this.stack[i - 1].node.children!).push(node);
      this.stack.push({ key: groups[i].label, node });
    }
    const leaf: DocumentSymbolEntry = {
      name: comps[comps.length - 1].label,
      detail,
      kind: SymbolKind.Property,
      range,
      selectionRange: l.nameRange,
    };
    (this.stack.length ? this.stack[this.stack.length - 1].node.children! : this.container()).push(leaf);
    for (const g of this.stack) g.node.range = { start: g.node.range.start, end: range.end };
    this.extendSection(l.line);
  }

  private container(): DocumentSymbolEntry[] {
    return this.section ? this.section.children! : this.roots;
  }
}
