// Quick fixes. Each fix is chosen by the diagnostic's code and built from the diagnostic's range and
// data, so no second parse is needed; a fix edits only the range it names.

import { DISABLE_NEXT_LINE, HEADER_TEXT } from '../parser';
import { deleteLines } from './lineRemoval';
import { DiagnosticCode, type ParsedDocument, type QuickFix, type Range, type TextEdit, type YealinkDiagnostic } from '../types';

function at(line: number, character: number): Range {
  return { start: { line, character }, end: { line, character } };
}

function replace(range: Range, newText: string): TextEdit {
  return { range, newText };
}

/** Where text inserted at the start of a line goes: after the byte order mark on line 0. */
function lineStart(doc: ParsedDocument, line: number): number {
  return line === 0 && doc.hasBom ? 1 : 0;
}

export class CodeActionService {
  /** Fixes for the given diagnostics (as the client sends them back), in a stable order. */
  quickFixes(doc: ParsedDocument, diagnostics: YealinkDiagnostic[]): QuickFix[] {
    const fixes: QuickFix[] = [];
    for (const d of diagnostics) {
      // No edit makes a binary file provisioning text; only silencing the report is of use there.
      if (!doc.isBinary) fixes.push(...this.fixesFor(doc, d));
      const disable = this.disableForLine(doc, d);
      if (disable) fixes.push(disable);
    }
    return fixes;
  }

  private fixesFor(doc: ParsedDocument, d: YealinkDiagnostic): QuickFix[] {
    const data = d.data ?? {};
    const fix = (title: string, edits: TextEdit[], isPreferred = false): QuickFix => ({ title, diagnostic: d, edits, ...(isPreferred ? { isPreferred } : {}) });
    switch (d.code) {
      case DiagnosticCode.MissingHeader: {
        const first = doc.lines[0];
        const start = lineStart(doc, 0);
        if (first.kind === 'header') {
          return [fix(`Replace with "${HEADER_TEXT}"`, [replace(first.range, HEADER_TEXT)], true)];
        }
        return [fix(`Insert the header "${HEADER_TEXT}"`, [replace(at(0, start), HEADER_TEXT + doc.eol)], true)];
      }
      case DiagnosticCode.UnknownParameter:
        return (data.suggestions ?? []).map((s, i) => fix(`Change to ${s}`, [replace(d.range, s)], i === 0));
      case DiagnosticCode.InvalidEnum:
        return (data.allowed ?? []).map((a) => fix(`Change to ${a.value} (${a.meaning})`, [replace(d.range, a.value)]));
      case DiagnosticCode.OutOfRange:
      case DiagnosticCode.InvalidValue:
      case DiagnosticCode.IndexOutOfRange:
        return (data.replacements ?? []).map((r, i) => fix(`Change to ${r.value} (${r.why})`, [replace(d.range, r.value)], i === 0));
      case DiagnosticCode.RenamedParameter:
        return data.renamed ? [fix(`Rename to ${data.renamed.current}`, [replace(d.range, data.renamed.current)], true)] : [];
      case DiagnosticCode.DuplicateParameter: {
        const line = d.range.start.line;
        return [fix('Remove this overridden line', [deleteLines(doc, [line])[0]], true)];
      }
      case DiagnosticCode.RedundantOverride: {
        const given = data.givenBy;
        const title = given ? `Remove this line (${given.file}, line ${given.line + 1} gives the same value)` : 'Remove this line';
        return [fix(title, [deleteLines(doc, [d.range.start.line])[0]], true)];
      }
      case DiagnosticCode.MissingInclude:
        return (data.suggestions ?? []).map((s, i) => fix(`Change to ${s}`, [replace(d.range, s)], i === 0));
      case DiagnosticCode.Dependency: {
        const dep = data.dependency;
        if (!dep || dep.values.length === 0) return [];
        return dep.values.map((v, i) => {
          const existing = dep.line !== undefined ? doc.lines[dep.line] : undefined;
          if (existing && existing.kind === 'parameter') {
            return fix(`Set ${dep.param} to ${v} (line ${dep.line! + 1})`, [replace(existing.valueRange, v)], i === 0);
          }
          // Insert the deciding line just above the line that needs it, so the file reads in order.
          const line = d.range.start.line;
          return fix(`Insert ${dep.param} = ${v}`, [replace(at(line, lineStart(doc, line)), `${dep.param} = ${v}${doc.eol}`)], i === 0);
        });
      }
      case DiagnosticCode.MalformedLine: {
        const line = doc.lines[d.range.start.line];
        if (!line) return [];
        // After the byte order mark, which must stay the file's first character.
        return [fix('Comment out this line', [replace(at(line.line, lineStart(doc, line.line)), '# ')])];
      }
      default:
        return [];
    }
  }

  private disableForLine(doc: ParsedDocument, d: YealinkDiagnostic): QuickFix | undefined {
    const line = d.range.start.line;
    const existing = line > 0 ? doc.lines[line - 1] : undefined;
    if (existing?.kind === 'comment' && existing.disables) {
      // Add the code to the comment already there instead of stacking a second one.
      if (existing.disables.length === 0 || existing.disables.includes(d.code)) return undefined;
      const end = existing.text.trimEnd().length;
      return { title: `Disable ${d.code} for this line`, diagnostic: d, edits: [replace(at(line - 1, end), ` ${d.code}`)] };
    }
    const text = doc.lines[line]?.text ?? '';
    const bomSkip = lineStart(doc, line);
    const indent = /^\s*/.exec(text.slice(bomSkip))![0];
    return {
      title: `Disable ${d.code} for this line`,
      diagnostic: d,
      edits: [replace(at(line, bomSkip), `${indent}# ${DISABLE_NEXT_LINE} ${d.code}${doc.eol}`)],
    };
  }
}
