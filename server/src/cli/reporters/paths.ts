// File paths as CI tools want them: relative to the working directory, with forward slashes.

import { isAbsolute, relative } from 'node:path';

/**
 * The path of a reported file relative to `cwd`, with `/` separators and without a leading `./`.
 * `outside` is true when the file is not below `cwd` (the path then starts with `../` or stays absolute).
 */
export function reportPath(file: string, cwd: string | undefined): { path: string; outside: boolean } {
  let p = cwd && isAbsolute(file) ? relative(cwd, file) || file : file;
  p = p.replace(/\\/g, '/').replace(/^(?:\.\/)+/, '');
  const outside = p.startsWith('../') || p === '..' || isAbsolute(p) || /^[A-Za-z]:\//.test(p);
  return { path: p, outside };
}
