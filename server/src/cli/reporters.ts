// Output formats of `check`: one line per problem (text) or one JSON document.

import { SEVERITY_NAMES, type FileReport } from './types';

export function textReport(reports: FileReport[]): string {
  let out = '';
  for (const r of reports) {
    for (const d of r.diagnostics) {
      out += `${r.file}:${d.range.start.line + 1}:${d.range.start.character + 1}: ${SEVERITY_NAMES[d.severity - 1]} ${d.code} ${d.message}\n`;
    }
  }
  return out;
}

export function jsonReport(reports: FileReport[]): string {
  return `${JSON.stringify({
    files: reports.map((r) => ({
      file: r.file,
      diagnostics: r.diagnostics.map((d) => ({ range: d.range, severity: SEVERITY_NAMES[d.severity - 1], code: d.code, message: d.message })),
    })),
  })}\n`;
}

export const REPORTERS: Record<string, (reports: FileReport[]) => string> = { text: textReport, json: jsonReport };
