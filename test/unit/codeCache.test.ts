// The server's Node entry (dist/server.js) runs the server bundle through a V8 code cache: where the
// cache lives, and that a server starts and answers with no cache, a fresh one, a damaged one, a
// folder it cannot write, or the cache turned off.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { after, describe, it } from 'node:test';
import { cacheFileName, cacheFolder } from '../../server/src/node/codeCache';
import { ROOT } from './helpers/build';
import { LspClient } from './helpers/lspClient';

describe('code cache folder', () => {
  it('is the folder YEALINK_CFG_CODE_CACHE names, none when it is off, else the platform cache folder', () => {
    assert.equal(cacheFolder({ YEALINK_CFG_CODE_CACHE: '/var/cache/ls' }, 'linux', '/home/a'), '/var/cache/ls');
    assert.equal(cacheFolder({ YEALINK_CFG_CODE_CACHE: 'off' }, 'linux', '/home/a'), undefined);
    assert.equal(cacheFolder({ YEALINK_CFG_CODE_CACHE: '0' }, 'linux', '/home/a'), undefined);
    assert.equal(cacheFolder({ XDG_CACHE_HOME: '/xdg' }, 'linux', '/home/a'), join('/xdg', 'yealink-cfg'));
    assert.equal(cacheFolder({}, 'linux', '/home/a'), join('/home/a', '.cache', 'yealink-cfg'));
    assert.equal(cacheFolder({}, 'darwin', '/Users/a'), join('/Users/a', 'Library', 'Caches', 'yealink-cfg'));
    assert.equal(cacheFolder({ LOCALAPPDATA: 'C:\\Users\\a\\AppData\\Local' }, 'win32', 'C:\\Users\\a'), join('C:\\Users\\a\\AppData\\Local', 'yealink-cfg', 'Cache'));
    assert.equal(cacheFolder({}, 'win32', ''), undefined);
    assert.equal(cacheFolder({}, 'linux', ''), undefined);
  });

  it('names one file per bundle (size, time, a sample of its text), V8 version and architecture', () => {
    const text = 'x'.repeat(100);
    const name = cacheFileName(100, 1796002737325.6, text);
    assert.match(name, new RegExp(`^server-${process.versions.v8.replace(/\./g, '\\.')}-${process.arch}-100-1796002737325-[0-9a-f]{8}\\.bin$`));
    assert.notEqual(cacheFileName(101, 1796002737325.6, text), name);
    assert.notEqual(cacheFileName(100, 1796002737326, text), name);
    assert.notEqual(cacheFileName(100, 1796002737325.6, `y${text.slice(1)}`), name, 'same size and time, other text');
  });
});

describe('the server started through the code cache', () => {
  const tmp = mkdtempSync(join(tmpdir(), 'yealink-code-cache-'));
  after(() => rmSync(tmp, { recursive: true, force: true }));

  const cacheFile = (folder: string) => {
    const bundle = join(ROOT, 'dist', 'serverCore.js');
    const stat = statSync(bundle);
    return join(folder, cacheFileName(stat.size, stat.mtimeMs, readFileSync(bundle, 'utf8')));
  };

  async function startAndStop(env: NodeJS.ProcessEnv): Promise<void> {
    const client = new LspClient([], undefined, env);
    const r = await client.initialize();
    assert.equal(r.serverInfo?.name, 'yealink-cfg-language-server');
    assert.equal(await client.shutdown(), 0);
  }

  it('writes the cache at its first start and takes it unchanged at the next', async () => {
    const folder = join(tmp, 'fresh', 'nested');
    await startAndStop({ YEALINK_CFG_CODE_CACHE: folder });
    const file = cacheFile(folder);
    const first = statSync(file);
    assert.ok(first.size > 1000, `a cache of ${first.size} bytes`);
    assert.deepEqual(readdirSync(folder), [basename(file)], 'no partial file left');
    await startAndStop({ YEALINK_CFG_CODE_CACHE: folder });
    assert.equal(statSync(file).mtimeMs, first.mtimeMs, 'an accepted cache is not written again');
  });

  it('replaces a damaged cache', async () => {
    const folder = join(tmp, 'damaged');
    await startAndStop({ YEALINK_CFG_CODE_CACHE: folder });
    const file = cacheFile(folder);
    writeFileSync(file, Buffer.alloc(64, 7));
    await startAndStop({ YEALINK_CFG_CODE_CACHE: folder });
    assert.ok(statSync(file).size > 1000, 'written again');
  });

  it("keeps one file per runtime: an earlier bundle's cache goes, another V8's stays", async () => {
    const folder = join(tmp, 'versions');
    mkdirSync(folder);
    const older = `server-${process.versions.v8}-${process.arch}-1000-1700000000000-00000000.bin`;
    const otherV8 = `server-1.2.3-${process.arch}-1000-1700000000000-00000000.bin`;
    for (const name of [older, otherV8, 'notes.txt']) writeFileSync(join(folder, name), 'x');
    await startAndStop({ YEALINK_CFG_CODE_CACHE: folder });
    assert.deepEqual(readdirSync(folder).sort(), [basename(cacheFile(folder)), 'notes.txt', otherV8].sort());
  });

  it('starts when the folder cannot be made, and writes nothing when the cache is off', async () => {
    const blocker = join(tmp, 'a-file');
    writeFileSync(blocker, 'not a folder');
    await startAndStop({ YEALINK_CFG_CODE_CACHE: join(blocker, 'cache') });
    const home = join(tmp, 'home');
    await startAndStop({ YEALINK_CFG_CODE_CACHE: 'off', HOME: home, XDG_CACHE_HOME: join(home, '.cache') });
    assert.equal(statSync(home, { throwIfNoEntry: false }), undefined);
  });
});
