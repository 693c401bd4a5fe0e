// Problem counts by severity, for the summary line and --max-warnings (the editor's Check Folder
// counts and words them the same way).

import { countSeverities, type Counts } from '../../problemCounts';
import type { FileReport } from '../types';

export { summaryLine, type Counts } from '../../problemCounts';

export function countProblems(reports: FileReport[]): Counts {
  return countSeverities(reports.map((r) => r.diagnostics));
}
