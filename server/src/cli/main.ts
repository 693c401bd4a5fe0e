// Command-line checker for CI pipelines: the same engine as the editor. This file picks the command
// from the table below; each command has its own file and its own option table.

import { parseCommandArgs, UsageError } from './args';
import { checkCommand } from './check';
import { effectiveCommand } from './effective';
import { explainCommand } from './explain';
import { formatCommand } from './format';
import { nodeIO } from './io';
import { ExitCode, type CliIO, type CliResult, type Command } from './types';

export type { CliIO, CliResult, Command } from './types';

/** Every subcommand. A new command is one file exporting a Command, added here. */
export const COMMANDS: readonly Command[] = [checkCommand, explainCommand, formatCommand, effectiveCommand];

export const EXIT_STATUS = `Exit status:
  0  no errors (warnings alone pass unless --max-warnings is exceeded)
  1  problems found: errors, more warnings than --max-warnings, an unknown parameter for explain
  2  bad usage, an unreadable input, a bad configuration file or an internal error`;

export function mainUsage(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length)) + 2;
  const list = COMMANDS.map((c) => `  ${c.name.padEnd(width)}${c.summary}`).join('\n');
  return `Usage: yealink-cfg COMMAND [options] ...

Checks and explains Yealink provisioning files (y0000000000xx.cfg, <MAC>.cfg, .boot).

Commands:
${list}

Run "yealink-cfg COMMAND --help" for a command's options.

${EXIT_STATUS}`;
}

function usageError(msg: string, command?: Command): CliResult {
  return { code: ExitCode.Usage, stdout: '', stderr: `yealink-cfg: ${msg}\n\n${command ? command.usage : mainUsage()}\n` };
}

function runCommand(command: Command, argv: string[], io: CliIO): CliResult {
  try {
    const args = parseCommandArgs(command, argv);
    if (args.help) return { code: ExitCode.Ok, stdout: `${command.usage}\n`, stderr: '' };
    return command.run(args, io);
  } catch (e) {
    if (e instanceof UsageError) return usageError(e.message, command);
    return { code: ExitCode.Usage, stdout: '', stderr: `yealink-cfg: internal error: ${(e as Error)?.stack ?? String(e)}\n` };
  }
}

/** Runs the command line without touching the process, so tests can call it directly. */
export function runCli(argv: string[], io: CliIO = nodeIO()): CliResult {
  if (argv.length === 0) return { code: ExitCode.Usage, stdout: '', stderr: `${mainUsage()}\n` };
  if (argv[0] === '-h' || argv[0] === '--help') return { code: ExitCode.Ok, stdout: `${mainUsage()}\n`, stderr: '' };
  const command = COMMANDS.find((c) => c.name === argv[0]);
  if (!command) return usageError(`unknown command "${argv[0]}"`);
  return runCommand(command, argv.slice(1), io);
}

if (require.main === module) {
  const r = runCli(process.argv.slice(2));
  process.stdout.write(r.stdout);
  process.stderr.write(r.stderr);
  process.exitCode = r.code;
}
