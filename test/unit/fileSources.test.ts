import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, describe, it } from 'node:test';
import type { Connection } from 'vscode-languageserver';
import { clientFileSource } from '../../server/src/lsp/clientFileSource';
import { splitUri, uriIn } from '../../server/src/lsp/sites';
import { nodeFileSource } from '../../server/src/node/fileSource';
import { isInsideName, MemoryFileSource } from '../../server/src/workspace/fileSource';

describe('file sources: one interface, nothing outside the folder', () => {
  const root = mkdtempSync(join(tmpdir(), 'yealink-src-'));
  const site = join(root, 'site');
  mkdirSync(join(site, 'models'), { recursive: true });
  writeFileSync(join(site, 'y000000000000.boot'), 'boot');
  writeFileSync(join(site, 'models', 'y000000000096.cfg'), 'common');
  writeFileSync(join(root, 'secret.cfg'), 'secret');
  symlinkSync(join(root, 'secret.cfg'), join(site, 'link.cfg'));
  after(() => rmSync(root, { recursive: true, force: true }));

  it('tells names inside the folder from the rest', () => {
    for (const n of ['a.cfg', 'models/a.cfg']) assert.equal(isInsideName(n), true, n);
    for (const n of ['../a.cfg', 'a/../../b.cfg', '/etc/passwd', 'C:\\x.cfg', 'http://h/x.cfg', '', 'a//b.cfg']) assert.equal(isInsideName(n), false, n);
  });

  it('Node: lists plain files (no symbolic links, no folders), reads paths and file: URIs, refuses the rest', async () => {
    assert.deepEqual((await nodeFileSource.list(site))?.sort(), ['y000000000000.boot']);
    assert.equal(await nodeFileSource.read(site, 'models/y000000000096.cfg'), 'common');
    assert.equal(await nodeFileSource.read(pathToFileURL(site).href, 'y000000000000.boot'), 'boot');
    assert.equal(await nodeFileSource.read(site, '../secret.cfg'), undefined);
    assert.equal(await nodeFileSource.read(site, 'link.cfg'), undefined, 'a symbolic link to a file outside the folder');
    assert.equal(await nodeFileSource.list('vscode-vfs://github/x'), undefined);
    assert.equal(await nodeFileSource.read(site, 'missing.cfg'), undefined);
  });

  it('memory: records every read', async () => {
    const m = new MemoryFileSource({ '/s': { 'a.cfg': 'A' } });
    assert.equal(await m.read('/s', 'a.cfg'), 'A');
    assert.equal(await m.read('/s', '../a.cfg'), undefined);
    assert.deepEqual(m.reads, ['/s|a.cfg', '/s|../a.cfg']);
  });

  it('the client (browser worker): asks by URI, only for names inside the folder', async () => {
    const asked: [string, unknown][] = [];
    const connection = {
      sendRequest: async (method: string, params: { uri: string }) => {
        asked.push([method, params]);
        return method === 'yealinkCfg/listFolder' ? ['a.cfg', 7] : params.uri.endsWith('a.cfg') ? 'A' : null;
      },
    } as unknown as Connection;
    const src = clientFileSource(connection);
    assert.deepEqual(await src.list('vscode-vfs://github/o/r/site'), ['a.cfg']);
    assert.equal(await src.read('vscode-vfs://github/o/r/site', 'a.cfg'), 'A');
    assert.equal(await src.read('vscode-vfs://github/o/r/site', 'b c.cfg'), undefined);
    assert.equal(await src.read('vscode-vfs://github/o/r/site', '../x.cfg'), undefined);
    assert.deepEqual(asked, [
      ['yealinkCfg/listFolder', { uri: 'vscode-vfs://github/o/r/site' }],
      ['yealinkCfg/readFile', { uri: 'vscode-vfs://github/o/r/site/a.cfg' }],
      ['yealinkCfg/readFile', { uri: 'vscode-vfs://github/o/r/site/b%20c.cfg' }],
    ]);
  });

  it('splits document URIs into folder and name, and joins them back', () => {
    assert.deepEqual(splitUri('file:///sites/hq/0015651234ab.cfg'), { folder: 'file:///sites/hq', name: '0015651234ab.cfg' });
    assert.deepEqual(splitUri('file:///sites/my%20site/a%20b.cfg'), { folder: 'file:///sites/my%20site', name: 'a b.cfg' });
    assert.equal(splitUri('untitled:Untitled-1'), undefined);
    assert.equal(splitUri('yealink-effective:/0015651234ab-effective.cfg?x'), undefined);
    assert.equal(uriIn('file:///sites/hq', 'models/a b.cfg'), 'file:///sites/hq/models/a%20b.cfg');
  });
});
