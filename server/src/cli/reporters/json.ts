// The JSON format: one document with every file and its diagnostics (0-based ranges, severity names).

import { SEVERITY_NAMES, type FileReport } from '../types';

export function jsonReport(reports: FileReport[]): string {
  return `${JSON.stringify({
    files: reports.map((r) => ({
      file: r.file,
      diagnostics: r.diagnostics.map((d) => ({ range: d.range, severity: SEVERITY_NAMES[d.severity - 1], code: d.code, message: d.message })),
    })),
  })}\n`;
}
