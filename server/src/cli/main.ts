// Command-line checker for CI pipelines: the same engine as the editor. This file picks the command;
// each command has its own file.

import { readFileSync } from 'node:fs';
import { ALL_CODES } from '../types';
import { runCheck } from './check';
import type { CliResult, ReadFile } from './types';

export type { CliResult } from './types';

export const USAGE = `Usage: yealink-cfg check [options] FILE...

Checks Yealink provisioning files (y0000000000xx.cfg, <MAC>.cfg, .boot) and prints one line per problem.

Options:
  --format text|json       output format (default: text)
  --severity CODE=LEVEL    change a code's severity: error, warning, information, hint or off
                           (repeatable; CODE is one of: ${ALL_CODES.join(', ')})
  --model MODEL            model for files whose name does not say it (e.g. T54W or y000000000096)
  --ignore NAME            never report NAME as unknown (repeatable; * matches any text)
  -h, --help               show this help

Exit status: 0 no errors, 1 errors found, 2 bad usage or unreadable file.`;

function usage(msg?: string): CliResult {
  return msg === undefined
    ? { code: 0, stdout: `${USAGE}\n`, stderr: '' }
    : { code: 2, stdout: '', stderr: `yealink-cfg: ${msg}\n\n${USAGE}\n` };
}

/** Runs the command line without touching the process, so tests can call it directly. */
export function runCli(argv: string[], readFile: ReadFile = (p) => readFileSync(p)): CliResult {
  if (argv.length === 0) return { code: 2, stdout: '', stderr: `${USAGE}\n` };
  if (argv[0] === '-h' || argv[0] === '--help') return usage();
  if (argv[0] === 'check') return runCheck(argv.slice(1), readFile, usage);
  return usage(`unknown command "${argv[0]}"`);
}

if (require.main === module) {
  const r = runCli(process.argv.slice(2));
  process.stdout.write(r.stdout);
  process.stderr.write(r.stderr);
  process.exitCode = r.code;
}
