// Shapes shared by the command-line entry, its commands and the reporters.

import type { YealinkDiagnostic } from '../types';

/** Exit status of every command: documented in the usage text and the README. */
export const ExitCode = {
  /** Nothing to report (warnings alone do not fail a run unless --max-warnings says so). */
  Ok: 0,
  /** Problems found: errors, too many warnings, a name `explain` does not know. */
  Problems: 1,
  /** Bad usage, an unreadable input, a bad configuration file or an internal error. */
  Usage: 2,
} as const;

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

export interface FileReport {
  file: string;
  diagnostics: YealinkDiagnostic[];
}

/** What a directory holds, for walking folders. */
export interface DirEntry {
  name: string;
  isDirectory: boolean;
}

/**
 * Everything a command may ask of the outside world. The Node entry passes the real file system and
 * streams; tests pass memory. Paths are as the user wrote them or joined from them with `/`.
 */
export interface CliIO {
  /** Reads a file; throws an error with `code` (ENOENT, EISDIR, ...) when it cannot. */
  readFile(path: string): Buffer;
  /** Directory entries, or undefined when `path` is not a directory. */
  readDir(path: string): DirEntry[] | undefined;
  /** Writes a file (commands that change files: format, check --fix). */
  writeFile(path: string, data: string | Buffer): void;
  /** All of standard input. */
  readStdin(): Buffer;
  /** The working directory, absolute. */
  cwd: string;
  /** Standard output is a terminal (colour, summary). */
  isTTY: boolean;
  env: Record<string, string | undefined>;
}

/** The options and positionals of one command, as util.parseArgs returns them. */
export interface ParsedArgs {
  values: Record<string, string | boolean | string[] | undefined>;
  positionals: string[];
}

/** The option table of a command, in util.parseArgs's shape. */
export type OptionSpecs = Record<string, { type: 'string' | 'boolean'; multiple?: boolean; short?: string }>;

/** One subcommand: `yealink-cfg NAME ...`. main.ts lists them in its command table. */
export interface Command {
  readonly name: string;
  /** One line for the command list of `yealink-cfg --help`. */
  readonly summary: string;
  /** The full help of `yealink-cfg NAME --help`, starting with its `Usage:` line. */
  readonly usage: string;
  readonly options: OptionSpecs;
  run(args: ParsedArgs, io: CliIO): CliResult;
}

export const SEVERITY_NAMES = ['error', 'warning', 'information', 'hint'] as const;
