// The provisioning files of one folder, parsed once and kept small: per file only its parameter lines
// (name, canonical name, value, position) and, for boot files, its include lines. Updates replace one
// file at a time; the text of an open editor wins over the disk until the editor closes.

import type { Catalog } from '../catalog/catalog';
import { parse } from '../parser';
import { canonicalName } from '../services/fileValues';
import type { IncludeLine, ParsedDocument } from '../types';
import { isInsideName, type FileSource } from './fileSource';
import { isProvisioningName, resolveInclude, roleOf, type FolderFiles } from './fileSet';

export interface IndexedParam {
  /** As written. */
  name: string;
  /** One spelling per setting: an alias maps to its entry's name. */
  key: string;
  value: string;
  /** 0-based line and the name's start and end characters. */
  line: number;
  start: number;
  end: number;
}

export interface IndexedFile {
  name: string;
  params: IndexedParam[];
  /** Boot files: their include lines. */
  includes: IncludeLine[];
  /** The text comes from an open editor; watched-file changes leave it alone. */
  open: boolean;
  /** The line that takes effect per key, built on first use. */
  lastByKey?: Map<string, IndexedParam>;
}

const READ_BATCH = 256;

/** A folder read synchronously: names relative to it. */
export interface SyncFileSource {
  list(): string[] | undefined;
  read(name: string): string | undefined;
}

function safeRead(source: SyncFileSource, name: string): string | undefined {
  if (!isInsideName(name)) return undefined;
  try {
    return source.read(name);
  } catch {
    return undefined;
  }
}

export class FolderIndex implements FolderFiles {
  private readonly files = new Map<string, IndexedFile>();
  /** names(), kept until a file is added or removed. */
  private nameList: string[] | undefined;
  /** Bumps on every change that can alter another file's set context (anything but a MAC file's text). */
  sharedRevision = 0;
  /** Bumps on every change. */
  revision = 0;

  constructor(
    readonly folder: string,
    private readonly source: FileSource,
    readonly catalog: Catalog,
  ) {}

  /** Reads every provisioning file of the folder, and the include targets of its boot files in subfolders. */
  async load(): Promise<boolean> {
    const listing = await this.source.list(this.folder).catch(() => undefined);
    await this.readAll((listing ?? []).filter(isProvisioningName));
    await this.loadNestedTargets();
    return listing !== undefined;
  }

  /**
   * The same as load() for callers that can only read synchronously (the command line). The reader is
   * given names relative to the folder, never anything outside it.
   */
  loadSync(source: SyncFileSource): void {
    const names = (source.list() ?? []).filter(isProvisioningName);
    for (const n of names) this.setText(n, safeRead(source, n));
    for (const n of this.nestedTargets()) this.setText(n, safeRead(source, n));
  }

  private async readAll(names: string[]): Promise<void> {
    for (let i = 0; i < names.length; i += READ_BATCH) {
      const batch = names.slice(i, i + READ_BATCH);
      const texts = await Promise.all(batch.map((n) => this.source.read(this.folder, n).catch(() => undefined)));
      batch.forEach((n, k) => {
        if (!this.files.get(n.toLowerCase())?.open) this.setText(n, texts[k]);
      });
    }
  }

  /** Include targets such as `models/y000000000096.cfg` live below the folder and are not in its listing. */
  private async loadNestedTargets(): Promise<void> {
    const wanted = this.nestedTargets();
    if (wanted.length) await this.readAll(wanted);
  }

  private nestedTargets(): string[] {
    const wanted = new Set<string>();
    for (const f of this.files.values()) {
      for (const inc of f.includes) {
        const t = resolveInclude(inc.target, '000000000000');
        if (t.kind === 'file' && /[\\/]/.test(t.name) && !t.name.includes('000000000000') && !this.find(t.name)) wanted.add(t.name);
      }
    }
    return [...wanted];
  }

  /** Replaces a file's text (undefined removes it). */
  setText(name: string, text: string | undefined, open = false): void {
    const key = name.toLowerCase();
    const role = roleOf(name).role;
    const existed = this.files.has(key);
    if (existed !== (text !== undefined)) this.nameList = undefined;
    if (text === undefined) this.files.delete(key);
    else this.files.set(key, this.indexFile(name, text, open));
    this.revision++;
    if (!(role === 'mac' && existed && text !== undefined)) this.sharedRevision++;
  }

  /** Takes a parse the caller already has (an open editor's), so the text is not parsed twice. */
  setParsed(name: string, doc: ParsedDocument, open = true): void {
    const key = name.toLowerCase();
    const existed = this.files.has(key);
    if (!existed) this.nameList = undefined;
    this.files.set(key, this.indexParsed(name, doc, open));
    this.revision++;
    if (!(roleOf(name).role === 'mac' && existed)) this.sharedRevision++;
  }

  /** Reads a file again from the source, unless an editor holds it. Returns whether anything changed. */
  async reload(name: string): Promise<boolean> {
    if (this.files.get(name.toLowerCase())?.open) return false;
    const text = await this.source.read(this.folder, name).catch(() => undefined);
    const had = this.files.has(name.toLowerCase());
    if (text === undefined && !had) return false;
    this.setText(name, text);
    if (roleOf(name).role === 'boot' || roleOf(name).role === 'mac-boot') await this.loadNestedTargets();
    return true;
  }

  /** An editor closed: the disk's text counts again. */
  async release(name: string): Promise<void> {
    const f = this.files.get(name.toLowerCase());
    if (f) f.open = false;
    await this.reload(name);
  }

  private indexFile(name: string, text: string, open: boolean): IndexedFile {
    return this.indexParsed(name, parse(text, name), open);
  }

  private indexParsed(name: string, doc: ParsedDocument, open: boolean): IndexedFile {
    const params: IndexedParam[] = [];
    const includes: IncludeLine[] = [];
    for (const l of doc.lines) {
      if (l.kind === 'parameter') {
        const { start, end } = l.nameRange;
        params.push({ name: l.name, key: canonicalName(this.catalog, l.name), value: l.value, line: l.line, start: start.character, end: end.character });
      } else if (l.kind === 'include') includes.push(l);
    }
    return { name, params, includes, open };
  }

  file(name: string): IndexedFile | undefined {
    return this.files.get(name.toLowerCase());
  }

  all(): IterableIterator<IndexedFile> {
    return this.files.values();
  }

  get size(): number {
    return this.files.size;
  }

  find(name: string): string | undefined {
    return this.files.get(name.toLowerCase())?.name;
  }

  names(): readonly string[] {
    this.nameList ??= [...this.files.values()].map((f) => f.name);
    return this.nameList;
  }

  includes(boot: string): readonly IncludeLine[] {
    return this.file(boot)?.includes ?? [];
  }

  /** The line that takes effect for a key in a file. */
  lastOf(file: IndexedFile, key: string): IndexedParam | undefined {
    if (!file.lastByKey) {
      file.lastByKey = new Map();
      for (const p of file.params) file.lastByKey.set(p.key, p);
    }
    return file.lastByKey.get(key);
  }
}
