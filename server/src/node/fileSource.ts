// The folder reader of the Node server and the command line: the file system, files directly in the
// folder or below it, never through a symbolic link and never outside it. A folder is a path or a
// file: URI; other URIs cannot be read here.

import { lstat, readdir, readFile } from 'node:fs/promises';
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

export const nodeFileSource: FileSource = {
  async list(folder) {
    const dir = toPath(folder);
    if (dir === undefined) return undefined;
    try {
      return (await readdir(dir, { withFileTypes: true })).filter((e) => e.isFile()).map((e) => e.name);
    } catch {
      return undefined;
    }
  },

  async read(folder, name) {
    const dir = toPath(folder);
    if (dir === undefined || !isInsideName(name)) return undefined;
    const path = join(dir, ...name.split(/[\\/]/));
    try {
      const st = await lstat(path);
      if (!st.isFile() || st.size > MAX_FILE_BYTES) return undefined;
      return new TextDecoder('utf-8').decode(await readFile(path));
    } catch {
      return undefined;
    }
  },
};
