// The GitHub Actions format: one workflow command per problem, which the runner turns into an
// annotation on the line (`::error file=...,line=...,col=...::message`). Information and hints become
// notices. Paths are relative to the working directory, which in a workflow is the repository's root.

import type { SeverityNumber } from '../../types';
import type { FileReport } from '../types';
import { reportPath } from './paths';
import type { ReportContext } from './types';

const COMMAND: Record<SeverityNumber, string> = { 1: 'error', 2: 'warning', 3: 'notice', 4: 'notice' };

/** The escaping GitHub requires of a command's message. */
export function escapeData(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** The escaping GitHub requires of a property value: the message's, plus ":" and ",". */
export function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

export function githubReport(reports: FileReport[], ctx: ReportContext): string {
  let out = '';
  for (const r of reports) {
    const file = escapeProperty(reportPath(r.file, ctx.cwd).path);
    for (const d of r.diagnostics) {
      const { start, end } = d.range;
      const where = `file=${file},line=${start.line + 1},col=${start.character + 1},endLine=${end.line + 1},endColumn=${end.character + 1}`;
      out += `::${COMMAND[d.severity]} ${where},title=${escapeProperty(d.code)}::${escapeData(d.message)}\n`;
    }
  }
  return out;
}
