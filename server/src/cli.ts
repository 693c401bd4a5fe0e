// Command-line checker for CI pipelines: the same engine as the editor, one line per problem.
//   yealink-cfg check [--format text|json] [--severity code=level]... [--model M] FILE...

import { readFileSync } from 'node:fs';
import { catalogData } from './catalog/catalogData';
import { createLanguageService } from './languageService';
import { ALL_CODES, type SeveritySetting, type ValidationSettings, type YealinkDiagnostic } from './types';

const SEVERITY_NAMES = ['error', 'warning', 'information', 'hint'] as const;
const LEVELS: readonly string[] = [...SEVERITY_NAMES, 'off'];

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

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

interface FileReport {
  file: string;
  diagnostics: YealinkDiagnostic[];
}

/** Runs the command line without touching the process, so tests can call it directly. */
export function runCli(argv: string[], readFile: (path: string) => Buffer = (p) => readFileSync(p)): CliResult {
  const bad = (msg: string): CliResult => ({ code: 2, stdout: '', stderr: `yealink-cfg: ${msg}\n\n${USAGE}\n` });
  if (argv.length === 0 || argv[0] === '-h' || argv[0] === '--help') {
    return { code: argv.length === 0 ? 2 : 0, stdout: argv.length ? `${USAGE}\n` : '', stderr: argv.length ? '' : `${USAGE}\n` };
  }
  if (argv[0] !== 'check') return bad(`unknown command "${argv[0]}"`);
  let format = 'text';
  const settings: ValidationSettings = { severity: {}, ignoredParameters: [] };
  const files: string[] = [];
  for (let i = 1; i < argv.length; i++) {
    const a = argv[i];
    const next = () => (i + 1 < argv.length ? argv[++i] : undefined);
    if (a === '--format') {
      const f = next();
      if (f !== 'text' && f !== 'json') return bad('--format takes text or json');
      format = f;
    } else if (a.startsWith('--format=')) {
      format = a.slice('--format='.length);
      if (format !== 'text' && format !== 'json') return bad('--format takes text or json');
    } else if (a === '--severity') {
      const v = next() ?? '';
      const [code, level] = v.split('=');
      if (!(ALL_CODES as readonly string[]).includes(code) || !LEVELS.includes(level)) return bad(`--severity takes CODE=LEVEL, got "${v}"`);
      settings.severity![code] = level as SeveritySetting;
    } else if (a === '--model') {
      const m = next();
      if (!m) return bad('--model needs a model name');
      settings.model = m;
    } else if (a === '--ignore') {
      const n = next();
      if (!n) return bad('--ignore needs a parameter name');
      settings.ignoredParameters!.push(n);
    } else if (a === '-h' || a === '--help') {
      return { code: 0, stdout: `${USAGE}\n`, stderr: '' };
    } else if (a.startsWith('-') && a !== '-') {
      return bad(`unknown option "${a}"`);
    } else files.push(a);
  }
  if (files.length === 0) return bad('no files given');
  const service = createLanguageService(catalogData);
  if (settings.model && !service.catalog.modelFor('', settings)) return bad(`unknown model "${settings.model}"`);

  const reports: FileReport[] = [];
  let stderr = '';
  let unreadable = false;
  for (const file of files) {
    let text: string;
    try {
      text = new TextDecoder('utf-8').decode(readFile(file));
    } catch (e) {
      stderr += `yealink-cfg: cannot read ${file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}\n`;
      unreadable = true;
      continue;
    }
    reports.push({ file, diagnostics: service.validate(text, { fileName: file, settings }) });
  }
  const hasErrors = reports.some((r) => r.diagnostics.some((d) => d.severity === 1));
  let stdout = '';
  if (format === 'json') {
    stdout = `${JSON.stringify({
      files: reports.map((r) => ({
        file: r.file,
        diagnostics: r.diagnostics.map((d) => ({ range: d.range, severity: SEVERITY_NAMES[d.severity - 1], code: d.code, message: d.message })),
      })),
    })}\n`;
  } else {
    for (const r of reports) {
      for (const d of r.diagnostics) {
        stdout += `${r.file}:${d.range.start.line + 1}:${d.range.start.character + 1}: ${SEVERITY_NAMES[d.severity - 1]} ${d.code} ${d.message}\n`;
      }
    }
  }
  return { code: unreadable ? 2 : hasErrors ? 1 : 0, stdout, stderr };
}

if (require.main === module) {
  const r = runCli(process.argv.slice(2));
  process.stdout.write(r.stdout);
  process.stderr.write(r.stderr);
  process.exitCode = r.code;
}
