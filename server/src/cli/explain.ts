// `yealink-cfg explain NAME`: the hover documentation of a parameter as plain text (values, default,
// home file, conditions), for terminals and scripts.

import { catalogData } from '../catalog/catalogData';
import { createLanguageService } from '../languageService';
import { renderEntryDocs } from '../services/entryDocs';
import { UsageError } from './args';
import { ExitCode, type CliResult, type Command, type ParsedArgs } from './types';

export const EXPLAIN_USAGE = `Usage: yealink-cfg explain NAME

Prints what a parameter does, its permitted values, default, home file, Web UI path and the
conditions under which it takes effect. NAME is a concrete name (account.2.sip_server.1.port) or
the catalogue's pattern (account.X.sip_server.Y.port).

Options:
  -h, --help   show this help

Exit status: 0 known parameter, 1 unknown parameter (close names are suggested), 2 bad usage.`;

/** Markdown of the entry docs -> plain text: no emphasis, no code marks, bullets kept. */
export function markdownToPlain(md: string): string {
  return md
    .replace(/\*\*([^*]+)\*\*/g, '$1')
    .replace(/(^|[\s(])\*([^*\n]+)\*/g, '$1$2')
    .replace(/`([^`]*)`/g, '$1')
    .replace(/ {2}\n/g, '\n');
}

function runExplain(args: ParsedArgs): CliResult {
  if (args.positionals.length !== 1) throw new UsageError(args.positionals.length ? 'explain takes one parameter name' : 'no parameter name given');
  const name = args.positionals[0].trim();
  const service = createLanguageService(catalogData);
  const entry = service.catalog.entryByPattern(name);
  const match = entry ? undefined : service.catalog.lookup(name);
  const found = entry ?? match?.entry;
  if (!found) {
    const suggestions = service.catalog.suggest(name);
    const hint = suggestions.length ? ` Did you mean ${suggestions.join(', ')}?` : '';
    return { code: ExitCode.Problems, stdout: '', stderr: `yealink-cfg: unknown parameter "${name}".${hint}\n` };
  }
  const pattern = entry ? name : match!.pattern;
  const text = markdownToPlain(renderEntryDocs(found, pattern)).replace(/[ \t]+$/gm, '');
  // A concrete name is shown with the pattern it belongs to on the first line.
  const shown = name === pattern ? text : text.replace(/^[^\n]*/, `${name} (${pattern})`);
  return { code: ExitCode.Ok, stdout: `${shown}\n`, stderr: '' };
}

export const explainCommand: Command = {
  name: 'explain',
  summary: 'print the documentation of a parameter',
  usage: EXPLAIN_USAGE,
  options: {},
  run: runExplain,
};
