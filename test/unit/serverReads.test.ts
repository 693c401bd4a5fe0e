// What the server reads for an open document, and when: the project configuration lookup asks a folder's
// listing before reading configuration names, a folder that cannot be listed costs no read when its
// document closes, and the folder is read while the settings are resolved.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Connection } from 'vscode-languageserver';
import { catalogData } from '../../server/src/catalog/catalogData';
import { createLanguageService } from '../../server/src/languageService';
import { documentContext, type ServerContext } from '../../server/src/lsp/context';
import { DocumentStore } from '../../server/src/lsp/documents';
import { SettingsStore } from '../../server/src/lsp/settings';
import { SiteStore } from '../../server/src/lsp/sites';
import { MemoryFileSource, sharingListings } from '../../server/src/workspace/fileSource';

const H = '#!version:1.0.0.1';
const service = createLanguageService(catalogData);

/** A memory source that also records its listings, and can refuse to list some folders. */
class RecordingSource extends MemoryFileSource {
  readonly log: string[] = [];
  readonly unlistable = new Set<string>();

  override async list(folder: string): Promise<string[] | undefined> {
    this.log.push(`list ${folder}`);
    return this.unlistable.has(folder) ? undefined : super.list(folder);
  }

  override async read(folder: string, name: string): Promise<string | undefined> {
    this.log.push(`read ${folder}|${name}`);
    return super.read(folder, name);
  }
}

/** The settings store needs a connection only to warn about bad settings. */
const warnings: string[] = [];
const connection = {
  console: { warn: (m: string) => void warnings.push(m) },
  sendNotification: async () => undefined,
} as unknown as Connection;

function store(source: RecordingSource, roots: string[] = []): SettingsStore {
  const s = new SettingsStore(connection, source);
  s.roots = roots;
  return s;
}

describe('server: the project configuration lookup', () => {
  it('lists a folder without a configuration file once and reads nothing from it', async () => {
    const source = new RecordingSource({ 'file:///p': { 'y000000000096.cfg': `${H}\n` } });
    const settings = await store(source).resolve('file:///p/y000000000096.cfg');
    assert.equal(settings.configUri, undefined);
    assert.deepEqual(source.log, ['list file:///p']);
  });

  it('reads only the configuration name the listing holds', async () => {
    const source = new RecordingSource({ 'file:///p': { 'a.cfg': `${H}\n`, '.yealink-cfg.json': '{"model": "T46U"}' } });
    const r = await store(source).resolve('file:///p/a.cfg');
    assert.equal(r.configUri, 'file:///p/.yealink-cfg.json');
    assert.equal(r.settings.model, 'T46U');
    assert.deepEqual(source.log, ['list file:///p', 'read file:///p|.yealink-cfg.json']);
  });

  it('with both names present, yealink-cfg.json wins and the other is not read', async () => {
    const source = new RecordingSource({ 'file:///p': { 'yealink-cfg.json': '{"model": "T46U"}', '.yealink-cfg.json': '{"model": "T48U"}' } });
    const r = await store(source).resolve('file:///p/a.cfg');
    assert.equal(r.configUri, 'file:///p/yealink-cfg.json');
    assert.equal(r.settings.model, 'T46U');
    assert.deepEqual(source.log, ['list file:///p', 'read file:///p|yealink-cfg.json']);
  });

  it('finds a name in another case in the listing and reads it under the configuration name', async () => {
    const source = new RecordingSource({ 'file:///p': { 'Yealink-CFG.json': '{"model": "T46U"}' } });
    const r = await store(source).resolve('file:///p/a.cfg');
    // The memory source is case-sensitive: the read under the lower-case name finds nothing, as a
    // case-sensitive file system would; a case-insensitive one would return the file.
    assert.equal(r.configUri, undefined);
    assert.deepEqual(source.log, ['list file:///p', 'read file:///p|yealink-cfg.json']);
  });

  it('reads each name in turn where the folder cannot be listed', async () => {
    const source = new RecordingSource({ 'file:///p': { '.yealink-cfg.json': '{"model": "T46U"}' } });
    source.unlistable.add('file:///p');
    const r = await store(source).resolve('file:///p/a.cfg');
    assert.equal(r.configUri, 'file:///p/.yealink-cfg.json');
    assert.deepEqual(source.log, ['list file:///p', 'read file:///p|yealink-cfg.json', 'read file:///p|.yealink-cfg.json']);
  });

  it('walks up to the open folder, one listing per folder, kept for the next document', async () => {
    const source = new RecordingSource({ 'file:///ws': { 'yealink-cfg.json': '{"model": "T46U"}' }, 'file:///ws/site': { 'a.cfg': `${H}\n`, 'b.cfg': `${H}\n` } });
    const s = store(source, ['file:///ws']);
    assert.equal((await s.resolve('file:///ws/site/a.cfg')).configUri, 'file:///ws/yealink-cfg.json');
    assert.equal((await s.resolve('file:///ws/site/b.cfg')).configUri, 'file:///ws/yealink-cfg.json');
    assert.deepEqual(source.log, ['list file:///ws/site', 'list file:///ws', 'read file:///ws|yealink-cfg.json']);
    // Settings changed: everything is looked at again.
    s.clear();
    source.log.length = 0;
    await s.resolve('file:///ws/site/a.cfg');
    assert.deepEqual(source.log, ['list file:///ws/site', 'list file:///ws', 'read file:///ws|yealink-cfg.json']);
  });
});

function context(source: RecordingSource): ServerContext {
  const documents = new DocumentStore(service);
  return {
    connection,
    service,
    documents,
    settings: store(source),
    pullDiagnostics: false,
    afterInitialized: [],
    sites: new SiteStore(source, service.catalog, documents),
  };
}

function open(ctx: ServerContext, uri: string, text: string): void {
  ctx.documents.didOpen({ textDocument: { uri, languageId: 'yealink-cfg', version: 1, text } });
}

describe('server: the folder of an open document', () => {
  it('is listed while the settings are resolved, before any configuration name is read', async () => {
    const source = new RecordingSource({ 'file:///p': { 'y000000000096.cfg': `${H}\n`, 'yealink-cfg.json': '{}' } });
    const ctx = context(source);
    const uri = 'file:///p/y000000000096.cfg';
    open(ctx, uri, `${H}\naccount.1.enable = 1\n`);
    const dc = await documentContext(ctx, ctx.documents.get(uri)!);
    assert.ok(dc.site);
    // Both listings are asked for at once: the folder index's and the configuration lookup's.
    assert.deepEqual(source.log.slice(0, 2), ['list file:///p', 'list file:///p']);
    assert.ok(source.log.includes('read file:///p|yealink-cfg.json'));
  });

  it('costs no read when it cannot be listed and its document closes', async () => {
    const source = new RecordingSource({});
    const ctx = context(source);
    const uri = 'file:///gone/y000000000096.cfg';
    open(ctx, uri, `${H}\naccount.1.enable = 1\n`);
    const dc = await documentContext(ctx, ctx.documents.get(uri)!);
    assert.equal(dc.site, undefined);
    source.log.length = 0;
    ctx.documents.didClose({ textDocument: { uri } });
    assert.deepEqual(await ctx.sites!.closed(uri), []);
    assert.deepEqual(source.log, []);
  });

  it('is read back from the disk when its document closes, when it could be listed', async () => {
    const source = new RecordingSource({ 'file:///p': { 'y000000000096.cfg': `${H}\naccount.1.enable = 0\n` } });
    const ctx = context(source);
    const uri = 'file:///p/y000000000096.cfg';
    open(ctx, uri, `${H}\naccount.1.enable = 1\n`);
    await documentContext(ctx, ctx.documents.get(uri)!);
    source.log.length = 0;
    ctx.documents.didClose({ textDocument: { uri } });
    await ctx.sites!.closed(uri);
    assert.deepEqual(source.log, ['read file:///p|y000000000096.cfg']);
  });
});

describe('server: listings asked for at once', () => {
  it('share one listing of the folder while it is under way, and ask again after it answered', async () => {
    const source = new RecordingSource({ 'file:///p': { 'a.cfg': `${H}\n`, 'b.cfg': `${H}\n` } });
    const shared = sharingListings(source);
    const [one, two] = await Promise.all([shared.list('file:///p'), shared.list('file:///p')]);
    assert.deepEqual(one, ['a.cfg', 'b.cfg']);
    assert.deepEqual(two, ['a.cfg', 'b.cfg']);
    // Each caller gets its own array.
    assert.notEqual(one, two);
    assert.deepEqual(source.log, ['list file:///p']);
    await shared.list('file:///p');
    assert.deepEqual(source.log, ['list file:///p', 'list file:///p']);
    assert.equal(await shared.read('file:///p', 'a.cfg'), `${H}\n`);
  });

  it('share a failed listing too', async () => {
    const source = new RecordingSource({});
    const shared = sharingListings(source);
    assert.deepEqual(await Promise.all([shared.list('file:///gone'), shared.list('file:///gone')]), [undefined, undefined]);
    assert.deepEqual(source.log, ['list file:///gone']);
  });
});
