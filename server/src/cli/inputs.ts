// What `check` was asked to read: files as given, folders walked for provisioning files, globs matched
// against the tree below their fixed part, or `-` for standard input. Every file carries its site: the
// folder it sits in, the unit a phone reads its files from.

import { posix } from 'node:path';
import picomatch from 'picomatch';
import { isProvisioningFile } from '../workspace/folderCheck';
import type { CliIO } from './types';

export interface CheckInput {
  /** The path as shown in reports (as given, or joined from a given folder). */
  path: string;
  /** The folder of the file: each folder is its own site. */
  site: string;
  /** Set for standard input; files are read when checked. */
  text?: string;
}

export interface CollectedInputs {
  inputs: CheckInput[];
  /** Inputs that name nothing: a missing path, a glob that matches no file. */
  errors: string[];
}

const SKIPPED_FOLDER = /^(\.|node_modules$)/;

function headOf(io: CliIO, path: string): string | undefined {
  try {
    return io.readFile(path).subarray(0, 64).toString('utf8');
  } catch {
    return undefined;
  }
}

function join(dir: string, name: string): string {
  return dir === '.' ? name : posix.join(dir, name);
}

/** Every provisioning file below a folder, sorted by path, folders starting with a dot skipped. */
export function walkFolder(io: CliIO, dir: string, accept: (path: string) => boolean = () => true): string[] {
  const out: string[] = [];
  const visit = (d: string) => {
    for (const e of io.readDir(d) ?? []) {
      const p = join(d, e.name);
      if (e.isDirectory) {
        if (!SKIPPED_FOLDER.test(e.name)) visit(p);
      } else if (accept(p) && isProvisioningFile(e.name, () => headOf(io, p))) out.push(p);
    }
  };
  visit(dir);
  return out.sort();
}

export function isGlob(arg: string): boolean {
  return picomatch.scan(arg).isGlob;
}

function expandGlob(io: CliIO, glob: string): string[] {
  const { base } = picomatch.scan(glob);
  const matches = picomatch(glob, { dot: false });
  return walkFolder(io, base || '.', (p) => matches(p));
}

/** Expands the positional arguments of `check`. */
export function collectInputs(args: string[], io: CliIO, stdinFilename?: string): CollectedInputs {
  const inputs: CheckInput[] = [];
  const errors: string[] = [];
  const seen = new Set<string>();
  const add = (path: string, text?: string) => {
    if (seen.has(path)) return;
    seen.add(path);
    inputs.push({ path, site: posix.dirname(path), text });
  };
  for (const arg of args) {
    if (arg === '-') {
      add(stdinFilename ?? '-', io.readStdin().toString('utf8'));
    } else if (io.readDir(arg)) {
      const found = walkFolder(io, arg.replace(/\/+$/, '') || '/');
      if (found.length === 0) errors.push(`${arg} holds no provisioning file (.boot, y0000000000xx.cfg, <MAC>.cfg)`);
      for (const p of found) add(p);
    } else if (isGlob(arg)) {
      const found = expandGlob(io, arg);
      if (found.length === 0) errors.push(`no provisioning file matches ${arg}`);
      for (const p of found) add(p);
    } else add(arg);
  }
  return { inputs, errors };
}
