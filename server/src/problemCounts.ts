// Problems counted by severity and said in one line ("3 errors, 2 warnings in 5 files"): the command
// line's summary and the editor's Check Folder message. No imports, so both clients can bundle it.

export interface Counts {
  errors: number;
  warnings: number;
  infos: number;
  hints: number;
}

/** Problems by severity (1 error, 2 warning, 3 information, 4 hint) over any number of files. */
export function countSeverities(files: Iterable<readonly { severity?: number }[]>): Counts {
  const c: Counts = { errors: 0, warnings: 0, infos: 0, hints: 0 };
  for (const diagnostics of files) {
    for (const d of diagnostics) {
      if (d.severity === 1) c.errors++;
      else if (d.severity === 2) c.warnings++;
      else if (d.severity === 3) c.infos++;
      else c.hints++;
    }
  }
  return c;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** "3 errors, 2 warnings in 5 files"; information and hints only when there are some. */
export function summaryLine(c: Counts, files: number): string {
  const parts = [plural(c.errors, 'error'), plural(c.warnings, 'warning')];
  if (c.infos) parts.push(`${c.infos} information`);
  if (c.hints) parts.push(plural(c.hints, 'hint'));
  return `${parts.join(', ')} in ${plural(files, 'file')}`;
}
