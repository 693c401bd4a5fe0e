// `yealink-cfg effective`: what one phone ends up with, from the files of its folder.

import { catalogData } from '../catalog/catalogData';
import { Catalog } from '../catalog/catalog';
import { effectiveConfiguration, renderEffectiveJson, renderEffectiveText } from '../workspace/effective';
import { oneOf, UsageError } from './args';
import { loadFolder } from './sites';
import { ExitCode, type CliIO, type CliResult, type Command, type ParsedArgs } from './types';

export const EFFECTIVE_USAGE = `Usage: yealink-cfg effective [options] --mac MAC FOLDER

Prints every parameter the phone with this MAC address gets from the provisioning files of FOLDER,
with its value and the file and line it comes from, one per line:
  name = value  # file:line
The phone reads its boot file (<MAC>.boot, else y000000000000.boot) and the files it includes, top to
bottom; without a boot file its common file, <MAC>.cfg and <MAC>-local.cfg. Later files win. URLs
in a boot file are never fetched; what they would add is not shown.

Options:
  --mac MAC                the phone's MAC address (12 hexadecimal digits; required)
  -f, --format FORMAT      text (default) or json:
                           {"phone":{"mac","model","files"},"parameters":[{"name","value","file","line"}]}
  --defaults               also list the catalogue defaults of the parameters no file sets
  --model MODEL            the phone's model where the folder does not say it (e.g. T54W)
  --show-secrets           show the values of passwords, keys and PINs (hidden by default)
  -h, --help               show this help

Exit status: 0 done, 2 bad usage, a folder that cannot be read or holds no file for the phone.`;

function runEffective(args: ParsedArgs, io: CliIO): CliResult {
  const format = oneOf(args, 'format', ['text', 'json'], 'text');
  const mac = args.values.mac;
  if (typeof mac !== 'string') throw new UsageError('--mac MAC is required');
  const clean = mac.replace(/[:-]/g, '').toLowerCase();
  if (!/^[0-9a-f]{12}$/.test(clean)) throw new UsageError(`--mac takes 12 hexadecimal digits, got "${mac}"`);
  if (args.positionals.length !== 1) throw new UsageError('give exactly one FOLDER');
  const folder = args.positionals[0].replace(/\/+$/, '') || '/';
  if (!io.readDir(folder)) return fail(`cannot read the folder ${folder}`);
  const catalog = new Catalog(catalogData);
  const model = typeof args.values.model === 'string' ? args.values.model : undefined;
  if (model && !catalog.modelFor('', { model })) throw new UsageError(`unknown model "${model}"`);
  const index = loadFolder(io, folder, catalog);
  if (index.size === 0) return fail(`${folder} holds no provisioning file (.boot, y0000000000xx.cfg, <MAC>.cfg)`);
  const cfg = effectiveConfiguration(index, clean, { defaults: args.values.defaults === true, model, showSecrets: args.values['show-secrets'] === true });
  if (cfg.phone.files.length === 0) return fail(`no file of ${folder} applies to the phone ${clean}`);
  const stdout = format === 'json' ? renderEffectiveJson(cfg) : renderEffectiveText(cfg);
  return { code: ExitCode.Ok, stdout, stderr: cfg.notes.map((n) => `yealink-cfg: note: ${n}\n`).join('') };
}

function fail(message: string): CliResult {
  return { code: ExitCode.Usage, stdout: '', stderr: `yealink-cfg: ${message}\n` };
}

export const effectiveCommand: Command = {
  name: 'effective',
  summary: "print what one phone gets: every parameter, its value and the file and line",
  usage: EFFECTIVE_USAGE,
  options: {
    mac: { type: 'string' },
    format: { type: 'string', short: 'f' },
    defaults: { type: 'boolean' },
    model: { type: 'string' },
    'show-secrets': { type: 'boolean' },
  },
  run: runEffective,
};
