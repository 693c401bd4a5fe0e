// The one way the workspace code reads a provisioning folder: Node's file system (server and command
// line), the editor through the protocol (browser worker) or memory (tests). A folder is an opaque
// string (a path or a URI); files are named relative to it, so nothing outside the folder is asked for.

export interface FileSource {
  /** The names of the files directly inside the folder; undefined when it cannot be listed. */
  list(folder: string): Promise<string[] | undefined>;
  /** A file's text; undefined when it does not exist or cannot be read. */
  read(folder: string, name: string): Promise<string | undefined>;
}

/**
 * The same source, where a listing asked for while the same folder's listing is under way waits for
 * that one instead of asking again (the server lists a new document's folder for its index and for its
 * project configuration at once). Nothing is kept once a listing has answered.
 */
export function sharingListings(source: FileSource): FileSource {
  const pending = new Map<string, Promise<string[] | undefined>>();
  return {
    list(folder) {
      let p = pending.get(folder);
      if (!p) {
        p = source.list(folder).finally(() => pending.delete(folder));
        pending.set(folder, p);
      }
      return p.then((names) => (names ? [...names] : names));
    },
    read: (folder, name) => source.read(folder, name),
  };
}

/** A name that stays inside its folder: relative, no `..` segment, no drive, no scheme. */
export function isInsideName(name: string): boolean {
  if (name === '' || name.startsWith('/') || name.startsWith('\\') || /^[a-z][a-z0-9+.-]*:/i.test(name)) return false;
  return !name.split(/[\\/]/).some((seg) => seg === '..' || seg === '');
}

/** Files held in memory: folder -> name -> text. For tests and for the benchmark. */
export class MemoryFileSource implements FileSource {
  readonly folders = new Map<string, Map<string, string>>();
  /** Every read, in order, so tests can prove what was (not) read. */
  readonly reads: string[] = [];

  constructor(files: Record<string, Record<string, string>> = {}) {
    for (const [folder, names] of Object.entries(files)) this.folders.set(folder, new Map(Object.entries(names)));
  }

  set(folder: string, name: string, text: string | undefined): void {
    let f = this.folders.get(folder);
    if (!f) this.folders.set(folder, (f = new Map()));
    if (text === undefined) f.delete(name);
    else f.set(name, text);
  }

  async list(folder: string): Promise<string[] | undefined> {
    const f = this.folders.get(folder);
    return f ? [...f.keys()].filter((n) => !n.includes('/')) : undefined;
  }

  async read(folder: string, name: string): Promise<string | undefined> {
    this.reads.push(`${folder}|${name}`);
    if (!isInsideName(name)) return undefined;
    return this.folders.get(folder)?.get(name);
  }
}
