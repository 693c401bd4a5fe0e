// The folder features over the protocol, against the built server and a real folder on disk: checking
// a MAC file with its set, re-checking it when the common file changes (editor and disk), include
// links, go to definition, references, workspace symbols and the effective configuration.

import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';
import { ensureBuilt, ROOT } from './helpers/build';

const H = '#!version:1.0.0.1';
const MAC = '001565a1b2c3';
const BOOT = [H, 'include:config "y000000000096.cfg"', 'include:config "$mac.cfg"', 'include:config "https://prov.example.com/extra.cfg"', ''].join('\n');
const COMMON = [H, 'account.1.sip_server.1.address = pbx.example.com', 'account.1.sip_server.1.failback_mode = 3', 'account.1.sip_server.1.register_on_enable = 1', ''].join('\n');
const PHONE = [H, 'account.1.sip_server.1.failback_timeout = 120', 'account.1.sip_server.1.only_signal_with_registered = 1', ''].join('\n');
const OTHER = [H, 'account.1.sip_server.1.failback_mode = 1', ''].join('\n');

interface Published {
  uri: string;
  diagnostics: { code: string; message: string; relatedInformation?: { location: { uri: string } }[] }[];
}

function within<T>(p: Promise<T>, what: string, ms = 15_000): Promise<T> {
  let t: ReturnType<typeof setTimeout>;
  return Promise.race([p, new Promise<T>((_, rej) => (t = setTimeout(() => rej(new Error(`timed out waiting for ${what}`)), ms)))]).finally(() => clearTimeout(t));
}

describe('a folder over the protocol (push diagnostics)', () => {
  let dir: string;
  let uri: (name: string) => string;
  let conn: MessageConnection;
  let kill: () => void;
  const published: Published[] = [];

  /** The next publication for a URI that satisfies a test. */
  async function next(u: string, test: (p: Published) => boolean = () => true): Promise<Published> {
    return within(
      new Promise<Published>((resolve) => {
        const poll = () => {
          const i = published.findIndex((p) => p.uri === u && test(p));
          if (i >= 0) resolve(published.splice(i, 1)[0]);
          else setTimeout(poll, 20);
        };
        poll();
      }),
      `diagnostics of ${u}`,
    );
  }

  before(async () => {
    ensureBuilt('server.js');
    dir = mkdtempSync(join(tmpdir(), 'yealink-site-'));
    uri = (name) => pathToFileURL(join(dir, name)).href;
    writeFileSync(join(dir, 'y000000000000.boot'), BOOT);
    writeFileSync(join(dir, 'y000000000096.cfg'), COMMON);
    writeFileSync(join(dir, `${MAC}.cfg`), PHONE);
    writeFileSync(join(dir, '001565ffffff.cfg'), OTHER);
    const child = spawn(process.execPath, [join(ROOT, 'dist', 'server.js'), '--stdio']);
    kill = () => child.kill();
    conn = createMessageConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
    conn.onNotification('textDocument/publishDiagnostics', (p: Published) => published.push(p));
    conn.onRequest('workspace/configuration', (p: { items: unknown[] }) => p.items.map(() => null));
    conn.onRequest('client/registerCapability', () => null);
    conn.listen();
    await conn.sendRequest('initialize', { processId: process.pid, rootUri: null, capabilities: {}, initializationOptions: { settings: { validation: { debounceMs: 0 } } } });
    await conn.sendNotification('initialized', {});
  });
  after(() => {
    kill();
    conn.dispose();
    rmSync(dir, { recursive: true, force: true });
  });

  it('checks an open MAC file with the common file the boot file includes before it', async () => {
    await conn.sendNotification('textDocument/didOpen', { textDocument: { uri: uri(`${MAC}.cfg`), languageId: 'yealink-cfg', version: 1, text: PHONE } });
    assert.deepEqual((await next(uri(`${MAC}.cfg`))).diagnostics, []);
  });

  it('checks the open MAC file again when the open common file is edited, naming the common file', async () => {
    await conn.sendNotification('textDocument/didOpen', { textDocument: { uri: uri('y000000000096.cfg'), languageId: 'yealink-cfg', version: 1, text: COMMON } });
    await next(uri('y000000000096.cfg'));
    await conn.sendNotification('textDocument/didChange', {
      textDocument: { uri: uri('y000000000096.cfg'), version: 2 },
      contentChanges: [{ range: { start: { line: 2, character: 39 }, end: { line: 2, character: 40 } }, text: '1' }],
    });
    const p = await next(uri(`${MAC}.cfg`), (x) => x.diagnostics.length > 0);
    assert.deepEqual(p.diagnostics.map((d) => d.message), [
      'account.1.sip_server.1.failback_timeout has no effect: it works only if account.1.sip_server.1.failback_mode is 3, but it is 1 (y000000000096.cfg, line 3).',
    ]);
    assert.equal(p.diagnostics[0].relatedInformation?.[0].location.uri, uri('y000000000096.cfg'));
  });

  it('follows the disk when the common file is closed and changed there (watched files)', async () => {
    await conn.sendNotification('textDocument/didClose', { textDocument: { uri: uri('y000000000096.cfg') } });
    await next(uri(`${MAC}.cfg`), (x) => x.diagnostics.length === 0);
    writeFileSync(join(dir, 'y000000000096.cfg'), COMMON.replace('register_on_enable = 1', 'register_on_enable = 0'));
    await conn.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uri('y000000000096.cfg'), type: 2 }] });
    const p = await next(uri(`${MAC}.cfg`), (x) => x.diagnostics.length > 0);
    assert.deepEqual(p.diagnostics.map((d) => d.message), [
      'account.1.sip_server.1.only_signal_with_registered has no effect: it works only if account.1.sip_server.1.register_on_enable is 1, but it is 0 (y000000000096.cfg, line 4).',
    ]);
  });

  it('links include targets, goes to the overridden line, finds references and symbols', async () => {
    await conn.sendNotification('textDocument/didOpen', { textDocument: { uri: uri('y000000000000.boot'), languageId: 'yealink-cfg', version: 1, text: BOOT } });
    const links = await conn.sendRequest<{ range: unknown; target: string }[]>('textDocument/documentLink', { textDocument: { uri: uri('y000000000000.boot') } });
    assert.deepEqual(links.map((l) => l.target), [uri('y000000000096.cfg'), 'https://prov.example.com/extra.cfg']);
    const other = [H, 'account.1.sip_server.1.failback_mode = 2', ''].join('\n');
    await conn.sendNotification('textDocument/didOpen', { textDocument: { uri: uri('001565ffffff.cfg'), languageId: 'yealink-cfg', version: 1, text: other } });
    const def = await conn.sendRequest<{ uri: string; range: unknown }>('textDocument/definition', { textDocument: { uri: uri('001565ffffff.cfg') }, position: { line: 1, character: 5 } });
    assert.deepEqual(def, { uri: uri('y000000000096.cfg'), range: { start: { line: 2, character: 0 }, end: { line: 2, character: 36 } } });
    const refs = await conn.sendRequest<{ uri: string; range: { start: { line: number } } }[]>('textDocument/references', {
      textDocument: { uri: uri('001565ffffff.cfg') }, position: { line: 1, character: 5 }, context: { includeDeclaration: true },
    });
    assert.deepEqual(refs.map((r) => [r.uri, r.range.start.line]), [[uri('001565ffffff.cfg'), 1], [uri('y000000000096.cfg'), 2]]);
    const symbols = await conn.sendRequest<{ name: string; containerName: string }[]>('workspace/symbol', { query: 'REGISTER_ON' });
    assert.deepEqual(symbols.map((s) => [s.name, s.containerName]), [['account.1.sip_server.1.register_on_enable', 'y000000000096.cfg']]);
  });

  it('answers the effective configuration of a MAC file, and lists the phones from a boot file', async () => {
    const r = await conn.sendRequest<{ mac: string; text: string }>('yealinkCfg/effectiveConfiguration', { uri: uri(`${MAC}.cfg`) });
    assert.equal(r.mac, MAC);
    assert.equal(
      r.text,
      [
        `## Effective configuration of the phone ${MAC} (T54W)`,
        `## Files read, in order: y000000000000.boot, y000000000096.cfg, ${MAC}.cfg, https://prov.example.com/extra.cfg`,
        '## Note: https://prov.example.com/extra.cfg is a URL: its contents are not known here',
        '',
        'account.1.sip_server.1.address = pbx.example.com  # y000000000096.cfg:2',
        'account.1.sip_server.1.failback_mode = 3  # y000000000096.cfg:3',
        `account.1.sip_server.1.failback_timeout = 120  # ${MAC}.cfg:2`,
        `account.1.sip_server.1.only_signal_with_registered = 1  # ${MAC}.cfg:3`,
        'account.1.sip_server.1.register_on_enable = 0  # y000000000096.cfg:4',
        '',
      ].join('\n'),
    );
    assert.deepEqual(await conn.sendRequest('yealinkCfg/effectiveConfiguration', { uri: uri('y000000000000.boot') }), { macs: [MAC, '001565ffffff'] });
  });
});
