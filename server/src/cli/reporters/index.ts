// The output formats of `check`, by name.

import { githubReport } from './github';
import { jsonReport } from './json';
import { sarifReport } from './sarif';
import { textReport } from './text';
import type { Reporter } from './types';

export type { ReportContext, Reporter } from './types';

export const REPORTERS: Record<string, Reporter> = { text: textReport, json: jsonReport, sarif: sarifReport, github: githubReport };
