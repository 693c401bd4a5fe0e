// The editor features over the standalone server (stdio), as any LSP client sees them.

import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';
import { ensureBuilt } from './helpers/build';

const ROOT = join(__dirname, '..', '..');
const URI = 'file:///provisioning/0015651234ab.cfg';
const TEXT = [
  '#!version:1.0.0.1',
  '# account 1',
  '# main server',
  'account.1.sip_server.1.address   =sip.example.com',
  'account.1.sip_server.1.failback_mode = 3',
  'account.1.outbound_proxy.1.failback_mode = -1',
  'account.1.password = secret',
  'account.1.sip_server.1.port = 5060',
  '',
].join('\r\n');

const range = (l1: number, c1: number, l2: number, c2: number) => ({ start: { line: l1, character: c1 }, end: { line: l2, character: c2 } });

describe('editor features over stdio', () => {
  let conn: MessageConnection;
  let settings: unknown = null;
  let refreshes = 0;
  const child = () => spawn(process.execPath, [join(ROOT, 'dist', 'server.js'), '--stdio'], { cwd: ROOT });
  let proc: ReturnType<typeof child>;

  before(async () => {
    ensureBuilt('server.js');
    proc = child();
    conn = createMessageConnection(new StreamMessageReader(proc.stdout), new StreamMessageWriter(proc.stdin));
    conn.onRequest('workspace/configuration', (p: { items: unknown[] }) => p.items.map(() => settings));
    conn.onNotification('textDocument/publishDiagnostics', () => undefined);
    conn.onRequest('workspace/inlayHint/refresh', () => {
      refreshes++;
      return null;
    });
    conn.listen();
    const init = await conn.sendRequest<{ capabilities: Record<string, unknown> }>('initialize', {
      processId: process.pid,
      rootUri: null,
      capabilities: { workspace: { configuration: true, inlayHint: { refreshSupport: true } } },
    });
    assert.deepEqual(
      [init.capabilities.documentSymbolProvider, init.capabilities.foldingRangeProvider, init.capabilities.documentFormattingProvider],
      [{ label: 'Yealink cfg' }, true, true],
    );
    assert.deepEqual(init.capabilities.renameProvider, { prepareProvider: true });
    assert.equal(init.capabilities.inlayHintProvider, true);
    await conn.sendNotification('initialized', {});
    await conn.sendNotification('textDocument/didOpen', { textDocument: { uri: URI, languageId: 'yealink-cfg', version: 1, text: TEXT } });
  });
  after(() => {
    conn.dispose();
    proc.kill();
  });

  const doc = { textDocument: { uri: URI } };

  it('answers documentSymbol with the grouped tree and a masked secret', async () => {
    const symbols = await conn.sendRequest<{ name: string; children?: { name: string; detail?: string; children?: unknown[] }[] }[]>('textDocument/documentSymbol', doc);
    assert.deepEqual(symbols.map((s) => s.name), ['account 1']);
    assert.deepEqual(symbols[0].children!.map((c) => `${c.name}:${c.detail ?? ''}`), ['sip_server 1:', 'outbound_proxy 1:', 'password:••••', 'sip_server 1:']);
    const server = symbols[0].children![0].children as { name: string; detail: string }[];
    assert.deepEqual(server.map((c) => `${c.name}:${c.detail}`), ['address:sip.example.com', 'failback_mode:3 (duration)']);
  });

  it('answers foldingRange', async () => {
    assert.deepEqual(await conn.sendRequest('textDocument/foldingRange', doc), [
      { startLine: 1, endLine: 2, kind: 'comment' },
      { startLine: 3, endLine: 7 },
    ]);
  });

  it('formats with the equals setting and keeps CRLF', async () => {
    const opts = { tabSize: 4, insertSpaces: true };
    assert.deepEqual(await conn.sendRequest('textDocument/formatting', { ...doc, options: opts }), [
      { range: range(3, 0, 3, 34), newText: 'account.1.sip_server.1.address = ' },
    ]);
    settings = { format: { equals: '=' } };
    await conn.sendNotification('workspace/didChangeConfiguration', { settings: {} });
    const tight = await conn.sendRequest<{ newText: string }[]>('textDocument/rangeFormatting', { ...doc, options: opts, range: range(4, 0, 5, 3) });
    assert.deepEqual(tight.map((e) => e.newText), ['account.1.sip_server.1.failback_mode=', 'account.1.outbound_proxy.1.failback_mode=']);
    settings = { format: { equals: 42 } };
    await conn.sendNotification('workspace/didChangeConfiguration', { settings: {} });
    assert.equal((await conn.sendRequest<unknown[]>('textDocument/formatting', { ...doc, options: opts })).length, 1);
    settings = null;
    await conn.sendNotification('workspace/didChangeConfiguration', { settings: {} });
  });

  it('answers inlayHint, and a setting turns a kind off', async () => {
    const all = await conn.sendRequest('textDocument/inlayHint', { ...doc, range: range(0, 0, 8, 0) });
    assert.deepEqual(all, [
      {
        position: { line: 4, character: 40 },
        label: 'duration',
        paddingLeft: true,
        tooltip: 'duration: keep using the last registered server; retry the primary after the failback timeout',
      },
      {
        position: { line: 5, character: 45 },
        label: '→ 3 (account.1.sip_server.1.failback_mode)',
        paddingLeft: true,
        tooltip: '-1 takes the value of account.1.sip_server.1.failback_mode: 3 (line 5)',
        kind: 1,
      },
    ]);
    settings = { inlayHints: { enumMeanings: false } };
    const before = refreshes;
    await conn.sendNotification('workspace/didChangeConfiguration', { settings: {} });
    // the client is asked to ask again, so hints change without an edit
    for (let i = 0; i < 100 && refreshes === before; i++) await new Promise((r) => setTimeout(r, 20));
    assert.ok(refreshes > before, 'workspace/inlayHint/refresh was sent');
    const some = await conn.sendRequest<{ label: string }[]>('textDocument/inlayHint', { ...doc, range: range(0, 0, 8, 0) });
    assert.deepEqual(some.map((h) => h.label), ['→ 3 (account.1.sip_server.1.failback_mode)']);
    settings = null;
    await conn.sendNotification('workspace/didChangeConfiguration', { settings: {} });
  });

  it('prepares and performs an index rename, and refuses with a message', async () => {
    assert.deepEqual(await conn.sendRequest('textDocument/prepareRename', { ...doc, position: { line: 3, character: 8 } }), {
      range: range(3, 8, 3, 9),
      placeholder: '1',
    });
    const edit = await conn.sendRequest<{ changes: Record<string, { range: unknown; newText: string }[]> }>('textDocument/rename', {
      ...doc,
      position: { line: 3, character: 8 },
      newName: '2',
    });
    assert.deepEqual(edit.changes[URI].map((e) => e.range), [3, 4, 5, 6, 7].map((l) => range(l, 8, l, 9)));
    await assert.rejects(conn.sendRequest('textDocument/prepareRename', { ...doc, position: { line: 3, character: 2 } }), /Only an index/);
    await assert.rejects(conn.sendRequest('textDocument/rename', { ...doc, position: { line: 3, character: 8 }, newName: '99' }), /out of range/);
  });

  it('offers the source actions only when asked for by kind', async () => {
    const ask = (only?: string[]) =>
      conn.sendRequest<{ title: string; kind: string }[]>('textDocument/codeAction', { ...doc, range: range(0, 0, 0, 0), context: { diagnostics: [], ...(only ? { only } : {}) } });
    assert.deepEqual(await ask(), []);
    assert.deepEqual((await ask(['source'])).map((a) => `${a.kind}: ${a.title}`), ['source.removeDefaults: Remove lines that only restate the default']);
    assert.deepEqual(await ask(['source.fixAll']), []);
  });
});
