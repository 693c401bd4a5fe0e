// Argument parsing with node's util.parseArgs: strict (unknown options are errors), no dependency.
// Its error texts are turned into short messages that name the option.

import { parseArgs } from 'node:util';
import type { Command, ParsedArgs } from './types';

export class UsageError extends Error {}

function optionIn(message: string): string {
  // "Option '-f, --format <value>' argument missing" -> --format
  const m = /'(?:-\w, )?(-[^ ',]+)/.exec(message);
  return m?.[1] ?? '';
}

/** Parses the arguments after the command name; throws UsageError with a readable message. */
export function parseCommandArgs(command: Command, argv: string[]): ParsedArgs & { help: boolean } {
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({
      args: argv,
      options: { ...command.options, help: { type: 'boolean', short: 'h' } },
      allowPositionals: true,
      strict: true,
    });
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    const option = optionIn(err.message);
    if (err.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') throw new UsageError(`unknown option "${option}"`);
    if (err.code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
      const name = option.replace(/^-+/, '');
      const spec = command.options[name] ?? Object.entries(command.options).find(([, s]) => s.short === name)?.[0];
      throw new UsageError(spec && typeof spec !== 'string' && spec.type === 'boolean' ? `${option} takes no value` : `${option} needs a value`);
    }
    throw new UsageError(err.message);
  }
  const { help, ...values } = parsed.values as Record<string, string | boolean | string[] | undefined>;
  return { values, positionals: parsed.positionals, help: help === true };
}

/** A string option that takes one of a few words. */
export function oneOf(args: ParsedArgs, name: string, words: readonly string[], fallback: string): string {
  const v = args.values[name];
  if (v === undefined) return fallback;
  if (typeof v !== 'string' || !words.includes(v)) throw new UsageError(`--${name} takes ${words.join(', ').replace(/, ([^,]*)$/, ' or $1')}`);
  return v;
}

/** A string option whose value is a whole number from 0. */
export function count(args: ParsedArgs, name: string): number | undefined {
  const v = args.values[name];
  if (v === undefined) return undefined;
  if (typeof v !== 'string' || !/^\d+$/.test(v)) throw new UsageError(`--${name} takes a whole number, got "${String(v)}"`);
  return Number(v);
}

/** The values of a repeatable string option. */
export function list(args: ParsedArgs, name: string): string[] {
  const v = args.values[name];
  return Array.isArray(v) ? v : typeof v === 'string' ? [v] : [];
}
