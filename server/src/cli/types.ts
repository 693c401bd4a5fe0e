// Shapes shared by the command-line commands and reporters.

import type { YealinkDiagnostic } from '../types';

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

export interface FileReport {
  file: string;
  diagnostics: YealinkDiagnostic[];
}

/** How the commands read files; tests pass an in-memory reader. */
export type ReadFile = (path: string) => Buffer;

export const SEVERITY_NAMES = ['error', 'warning', 'information', 'hint'] as const;
