// `check --fix`: applies every fix that is the single obvious one (the editor's "Fix all"), writes the
// file back through CliIO.writeFile (atomic on disk), and lets check report what is left.

import { applyEdits } from '../edits';
import type { LanguageService } from '../languageService';
import type { ValidationSettings } from '../types';
import { decodeText } from './format';
import type { CliIO } from './types';

/** A fix can make another one possible (a header, then a name); a few rounds reach the end. */
const MAX_ROUNDS = 5;

export function fixText(service: LanguageService, text: string, fileName: string, settings: ValidationSettings): string {
  let out = text;
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const edits = service.fixAll(out, { fileName, settings });
    if (edits.length === 0) break;
    out = applyEdits(out, edits);
  }
  return out;
}

/** Fixes one file in place; the text to report on, or why the file was left alone. */
export function fixFile(service: LanguageService, path: string, settings: ValidationSettings, io: CliIO): { text: string; fixed: boolean } | { error: string } {
  const text = decodeText(io.readFile(path));
  if (text === undefined || service.parse(text, path).isBinary) return { error: `${path} is not UTF-8 text; not fixed` };
  const fixed = fixText(service, text, path, settings);
  if (fixed === text) return { text, fixed: false };
  try {
    io.writeFile(path, fixed);
  } catch (e) {
    return { error: `cannot write ${path}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}` };
  }
  return { text: fixed, fixed: true };
}
