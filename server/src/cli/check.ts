// `yealink-cfg check`: validates files with the same engine as the editor.

import { catalogData } from '../catalog/catalogData';
import { createLanguageService } from '../languageService';
import { ALL_CODES, type SeveritySetting, type ValidationSettings } from '../types';
import { REPORTERS } from './reporters';
import { SEVERITY_NAMES, type CliResult, type FileReport, type ReadFile } from './types';

const LEVELS: readonly string[] = [...SEVERITY_NAMES, 'off'];

interface CheckOptions {
  format: string;
  settings: ValidationSettings;
  files: string[];
}

/** Parses the options after `check`; a string is a usage error. */
function parseCheckArgs(argv: string[]): CheckOptions | string | 'help' {
  const opts: CheckOptions = { format: 'text', settings: { severity: {}, ignoredParameters: [] }, files: [] };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const next = () => (i + 1 < argv.length ? argv[++i] : undefined);
    if (a === '--format' || a.startsWith('--format=')) {
      const f = a === '--format' ? next() : a.slice('--format='.length);
      if (f !== 'text' && f !== 'json') return '--format takes text or json';
      opts.format = f;
    } else if (a === '--severity') {
      const v = next() ?? '';
      const [code, level] = v.split('=');
      if (!(ALL_CODES as readonly string[]).includes(code) || !LEVELS.includes(level)) return `--severity takes CODE=LEVEL, got "${v}"`;
      opts.settings.severity![code] = level as SeveritySetting;
    } else if (a === '--model') {
      const m = next();
      if (!m) return '--model needs a model name';
      opts.settings.model = m;
    } else if (a === '--ignore') {
      const n = next();
      if (!n) return '--ignore needs a parameter name';
      opts.settings.ignoredParameters!.push(n);
    } else if (a === '-h' || a === '--help') {
      return 'help';
    } else if (a.startsWith('-') && a !== '-') {
      return `unknown option "${a}"`;
    } else opts.files.push(a);
  }
  return opts.files.length === 0 ? 'no files given' : opts;
}

export function runCheck(argv: string[], readFile: ReadFile, usage: (msg?: string) => CliResult): CliResult {
  const opts = parseCheckArgs(argv);
  if (opts === 'help') return usage();
  if (typeof opts === 'string') return usage(opts);
  const service = createLanguageService(catalogData);
  if (opts.settings.model && !service.catalog.modelFor('', opts.settings)) return usage(`unknown model "${opts.settings.model}"`);

  const reports: FileReport[] = [];
  let stderr = '';
  for (const file of opts.files) {
    let text: string;
    try {
      text = new TextDecoder('utf-8').decode(readFile(file));
    } catch (e) {
      stderr += `yealink-cfg: cannot read ${file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}\n`;
      continue;
    }
    reports.push({ file, diagnostics: service.validate(text, { fileName: file, settings: opts.settings }) });
  }
  const hasErrors = reports.some((r) => r.diagnostics.some((d) => d.severity === 1));
  const unreadable = reports.length < opts.files.length;
  return { code: unreadable ? 2 : hasErrors ? 1 : 0, stdout: REPORTERS[opts.format](reports), stderr };
}
