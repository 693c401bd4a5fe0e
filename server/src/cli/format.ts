// `yealink-cfg format`: the editor's formatter on files. Prints the formatted text of one file,
// rewrites files in place with --write (through CliIO.writeFile, which writes a temporary file and
// renames it over the original), or with --check changes nothing and lists the files that would change.

import { catalogData } from '../catalog/catalogData';
import { applyEdits } from '../edits';
import { createLanguageService, type LanguageService } from '../languageService';
import { EQUALS_STYLES } from '../services/formatting';
import type { EqualsStyle, ValidationSettings } from '../types';
import { UsageError } from './args';
import { collectInputs, type CheckInput } from './inputs';
import { ExitCode, type CliIO, type CliResult, type Command, type ParsedArgs } from './types';

export const FORMAT_USAGE = `Usage: yealink-cfg format [options] PATH...

Formats Yealink provisioning files as the editor does: one spacing around "=" and no blanks before
names. Names, values, comments, blank lines, the header, the byte order mark, line endings and the
final newline never change; template lines are left alone. A PATH is a file, a folder (every
provisioning file below it), a glob (quote it), or - for standard input.

Without --write or --check, prints the formatted text of the one file given.

Options:
  --write                  rewrite the files that change, in place (atomically), and list them
  --check                  change nothing; list the files that would change and exit 1 if any
  --strip-defaults         also remove the lines whose value is the catalogue default
  --equals STYLE           " = " (default), "=" or preserve (also: spaced, tight)
  --model MODEL            model for files whose name does not say it (e.g. T54W)
  --stdin-filename NAME    the file name to format standard input as (with -)
  -h, --help               show this help

Exit status: 0 done (or, with --check, nothing would change), 1 with --check, files would change,
2 bad usage, an unreadable or non-UTF-8 file, or a file that cannot be written.`;

interface FormatOptions {
  check: boolean;
  write: boolean;
  stripDefaults: boolean;
  equals: EqualsStyle;
  settings: ValidationSettings;
}

const STYLE_WORDS: Record<string, EqualsStyle> = { spaced: ' = ', tight: '=' };

function readOptions(args: ParsedArgs): FormatOptions {
  if (args.positionals.length === 0) throw new UsageError('no files given');
  const check = args.values.check === true;
  const write = args.values.write === true;
  if (check && write) throw new UsageError('--check and --write cannot be used together');
  const raw = args.values.equals;
  const equals = typeof raw === 'string' ? (STYLE_WORDS[raw] ?? raw) : ' = ';
  if (!EQUALS_STYLES.includes(equals as EqualsStyle)) throw new UsageError(`--equals takes " = ", "=" or preserve, got "${String(raw)}"`);
  const settings: ValidationSettings = typeof args.values.model === 'string' ? { model: args.values.model } : {};
  return { check, write, stripDefaults: args.values['strip-defaults'] === true, equals: equals as EqualsStyle, settings };
}

/** UTF-8 text with its byte order mark kept; undefined for bytes that are not UTF-8 (never rewritten). */
export function decodeText(bytes: Uint8Array): string | undefined {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

/** The formatted text of one file (without its default lines when asked). */
export function formatText(service: LanguageService, text: string, fileName: string, opts: Omit<FormatOptions, 'check' | 'write'>): string {
  const ctx = { fileName, settings: opts.settings };
  let out = text;
  if (opts.stripDefaults) out = applyEdits(out, service.removeDefaults(out, ctx));
  return applyEdits(out, service.format(out, ctx, { equals: opts.equals }));
}

/** The text of an input, or the reason it cannot be formatted. */
function readText(service: LanguageService, input: CheckInput, io: CliIO): { text: string } | { error: string } {
  if (input.text !== undefined) return { text: input.text };
  let text: string | undefined;
  try {
    text = decodeText(io.readFile(input.path));
  } catch (e) {
    return { error: `cannot read ${input.path}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}` };
  }
  if (text === undefined || service.parse(text, input.path).isBinary) return { error: `${input.path} is not UTF-8 text; left unchanged` };
  return { text };
}

function runFormat(args: ParsedArgs, io: CliIO): CliResult {
  const opts = readOptions(args);
  const stdinFilename = args.values['stdin-filename'] as string | undefined;
  const { inputs, errors } = collectInputs(args.positionals, io, stdinFilename);
  const service = createLanguageService(catalogData);
  if (opts.settings.model && !service.catalog.modelFor('', opts.settings)) throw new UsageError(`unknown model "${opts.settings.model}"`);
  const printOne = !opts.check && !opts.write;
  if (printOne && (inputs.length !== 1 || errors.length > 0 || args.positionals.length !== 1)) {
    throw new UsageError('without --write or --check, format prints one file: name exactly one file');
  }
  if (opts.write && inputs.some((i) => i.text !== undefined)) throw new UsageError('--write cannot rewrite standard input');
  let stdout = '';
  let stderr = errors.map((e) => `yealink-cfg: ${e}\n`).join('');
  let changed = false;
  for (const input of inputs) {
    const read = readText(service, input, io);
    if ('error' in read) {
      stderr += `yealink-cfg: ${read.error}\n`;
      continue;
    }
    const formatted = formatText(service, read.text, input.path, opts);
    if (printOne) return { code: ExitCode.Ok, stdout: formatted, stderr: '' };
    if (formatted === read.text) continue;
    changed = true;
    if (opts.write) {
      try {
        io.writeFile(input.path, formatted);
      } catch (e) {
        stderr += `yealink-cfg: cannot write ${input.path}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}\n`;
        continue;
      }
    }
    stdout += `${input.path}\n`;
  }
  const code = stderr ? ExitCode.Usage : opts.check && changed ? ExitCode.Problems : ExitCode.Ok;
  return { code, stdout, stderr };
}

export const formatCommand: Command = {
  name: 'format',
  summary: 'format files (print, --write in place, or --check)',
  usage: FORMAT_USAGE,
  options: {
    check: { type: 'boolean' },
    write: { type: 'boolean' },
    'strip-defaults': { type: 'boolean' },
    equals: { type: 'string' },
    model: { type: 'string' },
    'stdin-filename': { type: 'string' },
  },
  run: runFormat,
};
