// The two worlds a command runs in: the real file system and streams (the Node entry), or memory
// (tests, and any embedder that has the files already).

import { chmodSync, readdirSync, readFileSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, posix } from 'node:path';
import type { CliIO, DirEntry } from './types';

export function nodeIO(): CliIO {
  return {
    readFile: (p) => readFileSync(p),
    readDir(p): DirEntry[] | undefined {
      try {
        if (!statSync(p).isDirectory()) return undefined;
        // Symbolic links are not followed into folders: no loops, no leaving the tree.
        return readdirSync(p, { withFileTypes: true }).map((d) => ({ name: d.name, isDirectory: d.isDirectory() }));
      } catch {
        return undefined;
      }
    },
    writeFile: writeFileAtomically,
    readStdin: () => readFileSync(0),
    cwd: process.cwd(),
    isTTY: !!process.stdout.isTTY,
    env: process.env,
  };
}

/**
 * Replaces a file without ever leaving half of it: writes a temporary file beside it with the same
 * mode, then renames it over the original (atomic on one file system).
 */
export function writeFileAtomically(path: string, data: string | Buffer): void {
  const tmp = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
  try {
    writeFileSync(tmp, data, { flag: 'w' });
    try {
      chmodSync(tmp, statSync(path).mode & 0o7777);
    } catch {
      // A new file keeps the default mode.
    }
    renameSync(tmp, path);
  } catch (e) {
    try {
      unlinkSync(tmp);
    } catch {
      // Nothing was left behind.
    }
    throw e;
  }
}

function enoent(path: string): NodeJS.ErrnoException {
  const e = new Error(`ENOENT: no such file or directory, open '${path}'`) as NodeJS.ErrnoException;
  e.code = 'ENOENT';
  return e;
}

/**
 * Files held in memory, keyed by path relative to `cwd` (`/work` unless given). Folders exist where a
 * file's path passes through them. Writes land in the same map.
 */
export function memoryIO(files: Record<string, string | Buffer>, options: { cwd?: string; stdin?: string; isTTY?: boolean; env?: Record<string, string> } = {}): CliIO & { files: Map<string, Buffer> } {
  const cwd = options.cwd ?? '/work';
  const abs = (p: string) => posix.resolve(cwd, p);
  const map = new Map<string, Buffer>();
  for (const [p, t] of Object.entries(files)) map.set(abs(p), typeof t === 'string' ? Buffer.from(t, 'utf8') : t);
  return {
    files: map,
    readFile(p) {
      const b = map.get(abs(p));
      if (!b) throw enoent(p);
      return b;
    },
    readDir(p) {
      const dir = abs(p);
      const prefix = dir === '/' ? '/' : `${dir}/`;
      const found = new Map<string, boolean>();
      for (const key of map.keys()) {
        if (!key.startsWith(prefix)) continue;
        const rest = key.slice(prefix.length).split('/');
        found.set(rest[0], found.get(rest[0]) || rest.length > 1);
      }
      if (found.size === 0) return undefined;
      return [...found].sort().map(([name, isDirectory]) => ({ name, isDirectory }));
    },
    writeFile(p, data) {
      map.set(abs(p), typeof data === 'string' ? Buffer.from(data, 'utf8') : data);
    },
    readStdin: () => Buffer.from(options.stdin ?? '', 'utf8'),
    cwd,
    isTTY: options.isTTY ?? false,
    env: options.env ?? {},
  };
}
