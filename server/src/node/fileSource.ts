// The folder reader of the Node server and the command line: the file system, files directly in the
// folder or below it, never through a symbolic link and never outside it. A folder is a path or a
// file: URI; other URIs cannot be read here.

import { close, constants, lstat, open, readdir, readFile, type Dirent, type Stats } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isInsideName, type FileSource } from '../workspace/fileSource';

/** Larger files are not provisioning files; reading them would only cost memory. */
const MAX_FILE_BYTES = 8 * 1024 * 1024;

function toPath(folder: string): string | undefined {
  if (folder.startsWith('file:')) {
    try {
      return fileURLToPath(folder);
    } catch {
      return undefined;
    }
  }
  return /^[a-z][a-z0-9+.-]+:/i.test(folder) && !/^[a-z]:[\\/]/i.test(folder) ? undefined : folder;
}

/** Opening refuses a symbolic link as the last part of the path, where the system can say so. */
const NO_FOLLOW = constants.O_NOFOLLOW;

/**
 * The callback forms throughout: markedly faster than fs/promises for thousands of small files, and
 * node:fs/promises is not loaded at all (a server's start does not pay for it).
 */
function listEntries(dir: string): Promise<Dirent[]> {
  return new Promise((resolve, reject) => readdir(dir, { withFileTypes: true }, (err, entries) => (err ? reject(err) : resolve(entries))));
}

function linkStat(path: string): Promise<Stats> {
  return new Promise((resolve, reject) => lstat(path, (err, stats) => (err ? reject(err) : resolve(stats))));
}

function readBytes(path: string): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    open(path, constants.O_RDONLY | (NO_FOLLOW ?? 0), (err, fd) => {
      if (err) return reject(err);
      readFile(fd, (e, data) => close(fd, () => (e ? reject(e) : resolve(data))));
    }),
  );
}

export const nodeFileSource: FileSource = {
  async list(folder) {
    const dir = toPath(folder);
    if (dir === undefined) return undefined;
    try {
      return (await listEntries(dir)).filter((e) => e.isFile()).map((e) => e.name);
    } catch {
      return undefined;
    }
  },

  async read(folder, name) {
    const dir = toPath(folder);
    if (dir === undefined || !isInsideName(name)) return undefined;
    const parts = name.split(/[\\/]/);
    const path = join(dir, ...parts);
    try {
      // Without O_NOFOLLOW (Windows), and for paths into a subfolder, the file is looked at first.
      if ((parts.length > 1 || NO_FOLLOW === undefined) && !(await linkStat(path)).isFile()) return undefined;
      const bytes = await readBytes(path);
      return bytes.length > MAX_FILE_BYTES ? undefined : new TextDecoder('utf-8').decode(bytes);
    } catch {
      return undefined;
    }
  },
};
