// The text format: `file:line:col: severity code message`, 1-based, then a summary line. Colour only
// when the caller says the output is a terminal.

import { SEVERITY_NAMES, type FileReport } from '../types';
import { countProblems, summaryLine } from './counts';
import type { ReportContext } from './types';

const SEVERITY_COLOUR = ['\x1b[31m', '\x1b[33m', '\x1b[36m', '\x1b[2m'];
const DIM = '\x1b[2m';
const BOLD = '\x1b[1m';
const RESET = '\x1b[0m';

export function textReport(reports: FileReport[], ctx: ReportContext): string {
  const paint = (code: string, s: string) => (ctx.color ? `${code}${s}${RESET}` : s);
  let out = '';
  for (const r of reports) {
    for (const d of r.diagnostics) {
      const where = `${r.file}:${d.range.start.line + 1}:${d.range.start.character + 1}:`;
      const severity = paint(SEVERITY_COLOUR[d.severity - 1], SEVERITY_NAMES[d.severity - 1]);
      out += `${paint(BOLD, where)} ${severity} ${paint(DIM, d.code)} ${d.message}\n`;
    }
  }
  const counts = countProblems(reports);
  const line = summaryLine(counts, ctx.filesChecked);
  const tone = counts.errors ? SEVERITY_COLOUR[0] : counts.warnings ? SEVERITY_COLOUR[1] : undefined;
  return `${out}${tone ? paint(tone, line) : line}\n`;
}
