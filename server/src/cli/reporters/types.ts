// What every output format of `check` is given.

import type { FileReport } from '../types';

export interface ReportContext {
  /** Colour (ANSI escapes) for the text format: only on a terminal, never with NO_COLOR. */
  color: boolean;
  /** How many files were checked, clean ones included. */
  filesChecked: number;
  /** The working directory: SARIF and GitHub annotations give paths relative to it. */
  cwd?: string;
}

export type Reporter = (reports: FileReport[], ctx: ReportContext) => string;
