// In-process figures: the core called directly, beside the floor of reading the same file and
// splitting it into lines, measured in the same run.

import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { LanguageService } from '../../server/src/languageService';
import { splitLines } from '../../server/src/parser';
import { lineEdit } from './edits';
import { note, row, time } from './report';

export interface SizeResult {
  lines: number;
  floor: number;
  validate: number;
  edit: number;
}

const ctx = { fileName: 'y000000000096.cfg' };

/** Reading the file and splitting it into lines: what any checker must at least do. */
export function readSplitFloor(file: string, runs: number): number {
  return time(() => splitLines(readFileSync(file, 'utf8')), runs);
}

export function inProcess(service: LanguageService, text: string, lines: number, tmp: string, runs: number): SizeResult {
  const file = join(tmp, `bench-${lines}.cfg`);
  writeFileSync(file, text);
  const floor = readSplitFloor(file, runs);
  console.log(`\n${lines} lines (${(text.length / 1024).toFixed(0)} KiB), in process, medians of at least ${runs} runs and 300 ms`);
  row('read + split lines (floor)', floor, floor);
  row('parse', time(() => service.parse(text, ctx.fileName), runs), floor);
  const validate = time(() => service.validate(readFileSync(file, 'utf8'), ctx), runs);
  // The goal is stated for 20,000 lines; a small file's check is mostly fixed costs beside its floor.
  row('read + parse + full validation', validate, floor, lines === 20000 ? { ratio: 8 } : undefined);
  const session = service.openDocument(text, ctx);
  session.diagnostics();
  let flip = false;
  const edit = () => {
    flip = !flip;
    session.applyEdits([lineEdit(session.lineText(Math.floor(lines / 2)), Math.floor(lines / 2), flip)]);
    return session.diagnostics();
  };
  const editMs = time(edit, runs * 4);
  row('one-line edit -> diagnostics', editMs, floor, lines === 20000 ? { ms: 1 } : undefined);
  const doc = service.parse(text, ctx.fileName);
  const last = { line: doc.lines.length - 1, character: 0 };
  row('completion at an empty line start', time(() => service.complete(doc, last, ctx), runs), floor);
  const mid = doc.lines.find((l) => l.kind === 'parameter' && l.line >= lines / 2);
  if (mid && mid.kind === 'parameter') row('hover on a name', time(() => service.hover(doc, mid.nameRange.start, ctx), runs), floor);
  note(`${service.validate(doc, ctx).length} diagnostics in the file`);
  return { lines, floor, validate, edit: editMs };
}
