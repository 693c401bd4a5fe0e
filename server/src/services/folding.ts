// Folding: runs of two or more comment lines, legacy `[ section ]` blocks, and runs of lines of the
// same outline group (all the `account.1.` lines, with `account.1.sip_server.1.` folding inside them).

import type { Catalog } from '../catalog/catalog';
import type { FoldingBlock, ParsedDocument } from '../types';
import { nameComponents } from './nameGroups';

interface OpenGroup {
  key: string;
  startLine: number;
  endLine: number;
}

export class FoldingService {
  constructor(private readonly catalog: Catalog) {}

  folds(doc: ParsedDocument): FoldingBlock[] {
    const out = [...commentRuns(doc), ...sections(doc), ...this.groups(doc)];
    out.sort((a, b) => a.startLine - b.startLine || b.endLine - a.endLine);
    // Editors keep one fold per start line: the outermost, so a group and its first subgroup never compete.
    return out.filter((f, i) => i === 0 || out[i - 1].startLine !== f.startLine);
  }

  private groups(doc: ParsedDocument): FoldingBlock[] {
    const out: FoldingBlock[] = [];
    let stack: OpenGroup[] = [];
    const close = (depth: number) => {
      for (const g of stack.slice(depth)) if (g.endLine > g.startLine) out.push({ startLine: g.startLine, endLine: g.endLine });
      stack = stack.slice(0, depth);
    };
    for (const l of doc.lines) {
      if (l.kind === 'section' || l.kind === 'include') close(0);
      if (l.kind !== 'parameter') continue;
      const groups = nameComponents(this.catalog, l.name).slice(0, -1);
      let depth = 0;
      while (depth < stack.length && depth < groups.length && stack[depth].key === groups[depth].label) depth++;
      close(depth);
      for (let i = depth; i < groups.length; i++) stack.push({ key: groups[i].label, startLine: l.line, endLine: l.line });
      for (const g of stack) g.endLine = l.line;
    }
    close(0);
    return out;
  }
}

function commentRuns(doc: ParsedDocument): FoldingBlock[] {
  const out: FoldingBlock[] = [];
  let start = -1;
  for (let i = 0; i <= doc.lines.length; i++) {
    const isComment = i < doc.lines.length && doc.lines[i].kind === 'comment';
    if (isComment && start < 0) start = i;
    if (!isComment && start >= 0) {
      if (i - 1 > start) out.push({ startLine: start, endLine: i - 1, kind: 'comment' });
      start = -1;
    }
  }
  return out;
}

/** A legacy section runs from its header to its last non-blank line before the next one. */
function sections(doc: ParsedDocument): FoldingBlock[] {
  const out: FoldingBlock[] = [];
  let start = -1;
  let last = -1;
  const flush = () => {
    if (start >= 0 && last > start) out.push({ startLine: start, endLine: last, kind: 'region' });
  };
  for (const l of doc.lines) {
    if (l.kind === 'section') {
      flush();
      start = last = l.line;
    } else if (l.kind !== 'blank' && start >= 0) last = l.line;
  }
  flush();
  return out;
}
