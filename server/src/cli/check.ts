// `yealink-cfg check`: validates files with the same engine as the editor.

import { catalogData } from '../catalog/catalogData';
import { parseFirmware } from '../catalog/firmware';
import { withCatalogExtras } from '../config/catalogExtras';
import { mergeSettings } from '../config/projectConfig';
import { createLanguageService, type LanguageService } from '../languageService';
import { ALL_CODES, type SeveritySetting, type ValidationSettings } from '../types';
import { count, list, oneOf, UsageError } from './args';
import { fixFile } from './fix';
import { collectInputs, type CheckInput } from './inputs';
import { ProjectConfigs } from './projectConfigs';
import { countProblems } from './reporters/counts';
import { REPORTERS } from './reporters/index';
import { CliSites } from './sites';
import { ExitCode, SEVERITY_NAMES, type CliIO, type CliResult, type Command, type FileReport, type ParsedArgs } from './types';

const LEVELS: readonly string[] = [...SEVERITY_NAMES, 'off'];
const FORMATS = Object.keys(REPORTERS);

export const CHECK_USAGE = `Usage: yealink-cfg check [options] PATH...

Checks Yealink provisioning files and prints one line per problem. A PATH is a file, a folder (every
provisioning file below it: .boot, y0000000000xx.cfg, <MAC>.cfg and .cfg files starting with the
"#!version:" header), a glob such as "sites/**/*.cfg" (quote it), or - for standard input.

A folder is one site: each file is checked with the files a phone reads before it (the boot file and
what it includes; without a boot file the common file, then the MAC file, then <MAC>-local.cfg). Files
named alone are checked the same way, with the other provisioning files of their folder read for
context; only the named files are reported.

Options:
  -f, --format FORMAT      output format: ${FORMATS.join(', ')} (default: text)
  --severity CODE=LEVEL    change a code's severity: error, warning, information, hint or off
                           (repeatable; CODE is one of: ${ALL_CODES.join(', ')})
  --model MODEL            model for files whose name does not say it (e.g. T54W or y000000000096)
  --firmware VERSION       firmware the files target (V73, 84 or 66.86.0.15): renamed names and ranges
                           follow it (default: the newest)
  --ignore NAME            never report NAME as unknown (repeatable; * matches any text)
  --max-warnings N         fail (exit 1) when there are more than N warnings
  --stdin-filename NAME    the file name to check standard input as (with -)
  --isolated               check each file alone, without the other files of its folder
  --fix                    first apply every fix that is the single obvious one (the header, a name
                           with one clear match, an overridden line), rewriting the files in place
  --config FILE            use this configuration file for every file instead of looking up the
                           nearest yealink-cfg.json or .yealink-cfg.json above each file
  --no-config              use no configuration file
  --no-color               no colour, even on a terminal (NO_COLOR=1 does the same)
  -h, --help               show this help

Settings come from the nearest configuration file, then its "overrides" matching the file, then
the options above.

Exit status: 0 no errors, 1 errors found (or more warnings than --max-warnings),
2 bad usage, an unreadable input or a bad configuration file.`;

interface CheckOptions {
  format: string;
  settings: ValidationSettings;
  maxWarnings?: number;
  paths: string[];
  stdinFilename?: string;
  color: boolean;
  fix: boolean;
  isolated: boolean;
  configs: ProjectConfigs;
}

function severityFlags(args: ParsedArgs): Record<string, SeveritySetting> {
  const out: Record<string, SeveritySetting> = {};
  for (const v of list(args, 'severity')) {
    const [code, level] = v.split('=');
    if (!(ALL_CODES as readonly string[]).includes(code) || !LEVELS.includes(level)) throw new UsageError(`--severity takes CODE=LEVEL, got "${v}"`);
    out[code] = level as SeveritySetting;
  }
  return out;
}

function readOptions(args: ParsedArgs, io: CliIO): CheckOptions {
  if (args.positionals.length === 0) throw new UsageError('no files given');
  const stdinFilename = args.values['stdin-filename'] as string | undefined;
  if (args.values.fix === true && args.positionals.includes('-')) throw new UsageError('--fix cannot rewrite standard input');
  if (stdinFilename !== undefined && !args.positionals.includes('-')) throw new UsageError('--stdin-filename needs - among the paths');
  // Only what the options say: the rest comes from the configuration file or the defaults.
  const settings: ValidationSettings = {};
  const severity = severityFlags(args);
  if (Object.keys(severity).length) settings.severity = severity;
  if (list(args, 'ignore').length) settings.ignoredParameters = list(args, 'ignore');
  const model = args.values.model;
  if (typeof model === 'string') settings.model = model;
  const firmware = args.values.firmware;
  if (typeof firmware === 'string') {
    if (parseFirmware(firmware) === undefined) throw new UsageError(`--firmware takes a version such as V73, 84 or 66.86.0.15, got "${firmware}"`);
    settings.firmware = firmware;
  }
  if (args.values.config !== undefined && args.values['no-config']) throw new UsageError('--config and --no-config exclude each other');
  return {
    format: oneOf(args, 'format', FORMATS, 'text'),
    settings,
    maxWarnings: count(args, 'max-warnings'),
    paths: args.positionals,
    stdinFilename,
    color: io.isTTY && args.values['no-color'] !== true && !io.env.NO_COLOR,
    fix: args.values.fix === true,
    isolated: args.values.isolated === true,
    configs: new ProjectConfigs(io, args.values.config as string | undefined, args.values['no-config'] !== true),
  };
}

function readInput(input: CheckInput, io: CliIO): string {
  return input.text ?? new TextDecoder('utf-8').decode(io.readFile(input.path));
}

function checkAll(service: LanguageService, inputs: CheckInput[], opts: CheckOptions, io: CliIO): { reports: FileReport[]; stderr: string } {
  const reports: FileReport[] = [];
  let stderr = '';
  const sites = opts.isolated ? undefined : new CliSites(io, service.catalog);
  for (const input of inputs) {
    // The nearest configuration file, its overrides, then the command-line options.
    const project = opts.configs.forFile(input.path);
    const settings = mergeSettings(project.settings, opts.settings as Record<string, unknown>) as ValidationSettings;
    let text: string;
    try {
      text = readInput(input, io);
      if (opts.fix) {
        const fixed = fixFile(service, input.path, settings, io);
        if ('error' in fixed) stderr += `yealink-cfg: ${fixed.error}\n`;
        else text = fixed.text;
      }
    } catch (e) {
      stderr += `yealink-cfg: cannot read ${input.path}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}\n`;
      continue;
    }
    const site = sites?.siteFor(input.path, text, settings.model);
    const ctx = { fileName: input.path, settings, ...(project.catalogExtras ? { catalogExtras: project.catalogExtras } : {}), ...(site ? { site } : {}) };
    reports.push({ file: input.path, diagnostics: service.validate(text, ctx) });
  }
  return { reports, stderr };
}

function exitCode(reports: FileReport[], opts: CheckOptions, failedInputs: boolean): number {
  if (failedInputs) return ExitCode.Usage;
  const c = countProblems(reports);
  if (c.errors > 0) return ExitCode.Problems;
  if (opts.maxWarnings !== undefined && c.warnings > opts.maxWarnings) return ExitCode.Problems;
  return ExitCode.Ok;
}

function runCheck(args: ParsedArgs, io: CliIO): CliResult {
  const opts = readOptions(args, io);
  const service = withCatalogExtras(createLanguageService(catalogData), createLanguageService);
  if (opts.settings.model && !service.catalog.modelFor('', opts.settings)) throw new UsageError(`unknown model "${opts.settings.model}"`);
  const { inputs, errors } = collectInputs(opts.paths, io, opts.stdinFilename);
  const { reports, stderr } = checkAll(service, inputs, opts, io);
  const configProblems = opts.configs.problems.map((p) => `yealink-cfg: ${p}\n`).join('');
  let err = configProblems + errors.map((e) => `yealink-cfg: ${e}\n`).join('') + stderr;
  const c = countProblems(reports);
  if (opts.maxWarnings !== undefined && c.warnings > opts.maxWarnings) {
    err += `yealink-cfg: ${c.warnings} warnings, more than --max-warnings ${opts.maxWarnings}\n`;
  }
  const stdout = REPORTERS[opts.format](reports, { color: opts.color, filesChecked: reports.length, cwd: io.cwd });
  return { code: exitCode(reports, opts, errors.length > 0 || stderr !== '' || configProblems !== ''), stdout, stderr: err };
}

export const checkCommand: Command = {
  name: 'check',
  summary: 'check files, folders or globs and report problems',
  usage: CHECK_USAGE,
  options: {
    format: { type: 'string', short: 'f' },
    severity: { type: 'string', multiple: true },
    model: { type: 'string' },
    firmware: { type: 'string' },
    ignore: { type: 'string', multiple: true },
    'max-warnings': { type: 'string' },
    'stdin-filename': { type: 'string' },
    'no-color': { type: 'boolean' },
    fix: { type: 'boolean' },
    isolated: { type: 'boolean' },
    config: { type: 'string' },
    'no-config': { type: 'boolean' },
  },
  run: runCheck,
};
