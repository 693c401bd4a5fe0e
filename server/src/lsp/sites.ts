// The folders around the open documents, indexed once each: the server reads the provisioning files of
// an open file's folder through a FileSource, keeps the text of open editors above the disk's, and
// tells which open documents must be checked again when a file of their folder changes.

import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Catalog } from '../catalog/catalog';
import type { SiteContext } from '../types';
import type { FileSource } from '../workspace/fileSource';
import { isProvisioningName, roleOf } from '../workspace/fileSet';
import { FolderIndex } from '../workspace/folderIndex';
import { siteContext } from '../workspace/site';
import type { DocumentStore } from './documents';

/** The read-only documents of the effective configuration: never indexed, never checked. */
export const EFFECTIVE_SCHEME = 'yealink-effective';

/** Splits a document URI into its folder URI and its decoded file name; undefined when it has no folder. */
export function splitUri(uri: string): { folder: string; name: string } | undefined {
  const clean = uri.split(/[?#]/)[0];
  const at = clean.lastIndexOf('/');
  if (at < 0 || /^(untitled|git|yealink-effective):/i.test(uri)) return undefined;
  try {
    return { folder: clean.slice(0, at), name: decodeURIComponent(clean.slice(at + 1)) };
  } catch {
    return undefined;
  }
}

/** The URI of a file of a folder (names may hold `/` for files in subfolders). */
export function uriIn(folder: string, name: string): string {
  return `${folder}/${name.split('/').map(encodeURIComponent).join('/')}`;
}

interface Folder {
  index: FolderIndex;
  /** The folder could be listed: without a listing, files are checked alone. */
  listed: boolean;
  /** Open documents whose text the index has not taken yet. */
  dirty: Set<string>;
}

export class SiteStore {
  private readonly folders = new Map<string, Promise<Folder>>();

  constructor(
    private readonly source: FileSource,
    private readonly catalog: Catalog,
    private readonly documents: DocumentStore,
  ) {}

  /** The folder of a document, loaded on first use with the open editors' text. */
  private folder(folderUri: string): Promise<Folder> {
    let f = this.folders.get(folderUri);
    if (!f) {
      f = this.load(folderUri);
      this.folders.set(folderUri, f);
    }
    return f;
  }

  private async load(folderUri: string): Promise<Folder> {
    const index = new FolderIndex(folderUri, this.source, this.catalog);
    const listed = await index.load();
    const folder: Folder = { index, listed, dirty: new Set() };
    for (const doc of this.documents.all()) {
      const s = splitUri(doc.uri);
      if (s?.folder === folderUri && isProvisioningName(s.name)) folder.dirty.add(doc.uri);
    }
    return folder;
  }

  /** Takes the current text of the open documents of a folder that changed since the last look. */
  private sync(folder: Folder): void {
    for (const uri of folder.dirty) {
      const doc = this.documents.get(uri);
      const s = splitUri(uri);
      if (doc && s) folder.index.setParsed(s.name, this.documents.parsedOf(doc), true);
    }
    folder.dirty.clear();
  }

  /**
   * Starts reading a document's folder, if it is a provisioning file, without waiting: the caller
   * resolves its settings meanwhile and asks siteFor() next, so the two sets of reads overlap.
   */
  prefetch(uri: string): void {
    const s = splitUri(uri);
    if (s && isProvisioningName(s.name)) void this.folder(s.folder).catch(() => undefined);
  }

  /** What the folder says about an open document; undefined when it has no readable folder. */
  async siteFor(doc: TextDocument, model: string | undefined): Promise<SiteContext | undefined> {
    const s = splitUri(doc.uri);
    if (!s || !isProvisioningName(s.name)) return undefined;
    const folder = await this.folder(s.folder);
    if (!folder.listed) return undefined;
    this.sync(folder);
    if (!folder.index.file(s.name)) folder.index.setParsed(s.name, this.documents.parsedOf(doc), true);
    return siteContext(folder.index, s.name, model);
  }

  /** The index of a document's folder once loaded (navigation, effective configuration). */
  async indexFor(uri: string): Promise<FolderIndex | undefined> {
    const s = splitUri(uri);
    if (!s) return undefined;
    const folder = await this.folder(s.folder);
    this.sync(folder);
    return folder.listed ? folder.index : undefined;
  }

  /**
   * A file no editor holds, as its folder has it (Check Folder): its text read now, and the folder's
   * index (loaded on first use) unless the folder cannot be listed. Undefined when it cannot be read.
   */
  async fileOf(uri: string): Promise<{ name: string; text: string; index?: FolderIndex } | undefined> {
    const s = splitUri(uri);
    if (!s) return undefined;
    const text = await this.source.read(s.folder, s.name).catch(() => undefined);
    if (text === undefined) return undefined;
    const folder = await this.folder(s.folder);
    if (!folder.listed) return { name: s.name, text };
    this.sync(folder);
    if (isProvisioningName(s.name) && !folder.index.file(s.name)) folder.index.setText(s.name, text);
    return { name: s.name, text, index: folder.index };
  }

  /** Every folder loaded so far (workspace symbols). */
  async loaded(): Promise<{ folder: string; index: FolderIndex }[]> {
    const all = await Promise.all(this.folders.values());
    return all.filter((f) => f.listed).map((f) => (this.sync(f), { folder: f.index.folder, index: f.index }));
  }

  /**
   * An open document changed. Returns the other open documents of its folder whose set may have
   * changed with it (none when the change only touches the document itself).
   */
  async changed(uri: string): Promise<string[]> {
    const s = splitUri(uri);
    const f = s && this.folders.get(s.folder);
    if (!s || !f || !isProvisioningName(s.name)) return [];
    const folder = await f;
    folder.dirty.add(uri);
    return this.dependents(s.folder, s.name);
  }

  /** An editor closed: the disk's text counts again. */
  async closed(uri: string): Promise<string[]> {
    const s = splitUri(uri);
    const f = s && this.folders.get(s.folder);
    if (!s || !f) return [];
    const folder = await f;
    folder.dirty.delete(uri);
    // A folder that could not be listed has an empty index: there is no disk text to read back.
    if (folder.listed) await folder.index.release(s.name);
    return this.dependents(s.folder, s.name);
  }

  /** Files changed on disk (watched files). Returns the open documents to check again. */
  async filesChanged(uris: string[]): Promise<string[]> {
    const out = new Set<string>();
    for (const uri of uris) {
      const s = splitUri(uri);
      const f = s && this.folders.get(s.folder);
      if (!s || !f || !isProvisioningName(s.name) || this.documents.get(uri)) continue;
      const folder = await f;
      if (await folder.index.reload(s.name)) for (const d of this.dependents(s.folder, s.name)) out.add(d);
    }
    return [...out];
  }

  /** Open documents of the folder other than `name` that a change of `name` can affect. */
  private dependents(folderUri: string, name: string): string[] {
    const r = roleOf(name);
    const out: string[] = [];
    for (const doc of this.documents.all()) {
      const s = splitUri(doc.uri);
      if (!s || s.folder !== folderUri || s.name.toLowerCase() === name.toLowerCase()) continue;
      // A MAC file's text matters only to its -local file (and to hovers, which are always fresh).
      if (r.role === 'mac' && roleOf(s.name).mac !== r.mac) continue;
      out.push(doc.uri);
    }
    return out;
  }
}
