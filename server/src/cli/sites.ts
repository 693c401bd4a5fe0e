// The folders of the command line: each file is checked with the other provisioning files of its
// folder (the files a phone reads with it), read once per folder through CliIO.

import { posix } from 'node:path';
import type { Catalog } from '../catalog/catalog';
import type { SiteContext } from '../types';
import { FolderIndex } from '../workspace/folderIndex';
import { siteContext } from '../workspace/site';
import { MemoryFileSource } from '../workspace/fileSource';
import type { CliIO } from './types';

function readText(io: CliIO, path: string): string {
  return new TextDecoder('utf-8').decode(io.readFile(path));
}

/** The index of a folder read through CliIO: its files, not its subfolders (those are other sites). */
export function loadFolder(io: CliIO, folder: string, catalog: Catalog): FolderIndex {
  const index = new FolderIndex(folder, new MemoryFileSource(), catalog);
  index.loadSync({
    list: () => io.readDir(folder)?.filter((e) => !e.isDirectory).map((e) => e.name),
    read: (name) => readText(io, folder === '.' ? name : posix.join(folder, name)),
  });
  return index;
}

export class CliSites {
  private readonly folders = new Map<string, FolderIndex>();
  constructor(
    private readonly io: CliIO,
    private readonly catalog: Catalog,
  ) {}

  /** The context of a file whose text is given (it may differ from the disk: fixed, or standard input). */
  siteFor(path: string, text: string, model: string | undefined): SiteContext | undefined {
    if (path === '-') return undefined; // standard input without a file name has no folder
    const folder = posix.dirname(path);
    let index = this.folders.get(folder);
    if (!index) this.folders.set(folder, (index = loadFolder(this.io, folder, this.catalog)));
    const name = posix.basename(path);
    index.setText(name, text, true);
    return siteContext(index, name, model);
  }
}
