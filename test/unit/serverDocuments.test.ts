// The server's copy of open documents over the protocol: a lone CR typed before an LF, and a second
// didOpen of an open URI with new text at the same version.

import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';
import { ensureBuilt } from './helpers/build';

const SERVER = join(__dirname, '..', '..', 'dist', 'server.js');

interface Published {
  uri: string;
  version?: number;
  diagnostics: { code: string; message: string; range: unknown }[];
}

class Client {
  readonly conn: MessageConnection;
  private readonly child = spawn(process.execPath, [SERVER, '--stdio']);
  private waiters: { uri: string; version: number; resolve: (p: Published) => void }[] = [];

  constructor() {
    this.conn = createMessageConnection(new StreamMessageReader(this.child.stdout), new StreamMessageWriter(this.child.stdin));
    this.conn.onNotification('textDocument/publishDiagnostics', (p: Published) => {
      const w = this.waiters.find((x) => x.uri === p.uri && x.version === p.version);
      if (w) {
        this.waiters = this.waiters.filter((x) => x !== w);
        w.resolve(p);
      }
    });
    this.conn.listen();
  }

  async initialize(validation: object = {}, capabilities: object = {}): Promise<void> {
    await this.conn.sendRequest('initialize', {
      processId: null,
      rootUri: null,
      capabilities,
      initializationOptions: { settings: { validation: { debounceMs: 0, ...validation } } },
    });
    await this.conn.sendNotification('initialized', {});
  }

  diagnostics(uri: string, version: number): Promise<Published> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no diagnostics for ${uri} version ${version}`)), 10000);
      this.waiters.push({ uri, version, resolve: (p) => (clearTimeout(timer), resolve(p)) });
    });
  }

  open(uri: string, text: string, version: number): Promise<void> {
    return this.conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'yealink-cfg', version, text } });
  }

  insert(uri: string, version: number, line: number, character: number, text: string): Promise<void> {
    const at = { line, character };
    return this.conn.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ range: { start: at, end: at }, text }] });
  }

  stop(): void {
    this.conn.dispose();
    this.child.kill();
  }
}

describe('open documents over the protocol', () => {
  let c: Client;
  before(async () => {
    ensureBuilt('server.js');
    c = new Client();
    await c.initialize();
  });
  after(() => c.stop());

  it('a CR inserted before an LF: the next edit lands where the editor put it', async () => {
    const uri = 'file:///sync/lone-cr.cfg';
    await c.open(uri, '#!version:1.0.0.1\naccount.1.enable = 1\n', 1);
    await c.diagnostics(uri, 1);
    await c.insert(uri, 2, 0, 17, '\r');
    await c.diagnostics(uri, 2);
    await c.insert(uri, 3, 1, 0, 'x');
    const p = await c.diagnostics(uri, 3);
    assert.deepEqual(
      p.diagnostics.map((d) => [d.code, d.range]),
      [['unknown-parameter', { start: { line: 1, character: 0 }, end: { line: 1, character: 17 } }]],
    );
    assert.match(p.diagnostics[0].message, /^Unknown parameter "xaccount\.1\.enable"/);
  });

  it('didOpen again with new text at the same version: every answer comes from the new text', async () => {
    const uri = 'file:///sync/reopen.cfg';
    await c.open(uri, '#!version:1.0.0.1\naccount.1.enable = 7\n', 1);
    assert.deepEqual((await c.diagnostics(uri, 1)).diagnostics.map((d) => d.code), ['invalid-enum']);
    await c.open(uri, '#!version:1.0.0.1\nfeatures.bogus_name = 1\n', 1);
    assert.deepEqual((await c.diagnostics(uri, 1)).diagnostics.map((d) => d.code), ['unknown-parameter']);
    const hover = await c.conn.sendRequest<{ contents: { value: string } } | null>('textDocument/hover', {
      textDocument: { uri },
      position: { line: 1, character: 3 },
    });
    assert.equal(hover, null);
    const values = await c.conn.sendRequest<unknown[] | { items: unknown[] }>('textDocument/completion', {
      textDocument: { uri },
      position: { line: 1, character: 23 },
    });
    assert.deepEqual(Array.isArray(values) ? values : values.items, []);
  });
});

describe('the diagnostics cap over the protocol', () => {
  it('publishes at most yealinkCfg.validation.maxDiagnostics, the last saying how many more', async () => {
    ensureBuilt('server.js');
    const c = new Client();
    try {
      await c.initialize({ maxDiagnostics: 2 });
      const uri = 'file:///sync/many.cfg';
      await c.open(uri, ['#!version:1.0.0.1', 'features.a1 = 1', 'features.a2 = 1', 'features.a3 = 1', 'features.a4 = 1'].join('\n'), 1);
      const p = await c.diagnostics(uri, 1);
      assert.deepEqual(p.diagnostics.map((d) => d.code), ['unknown-parameter', 'unknown-parameter']);
      assert.match(p.diagnostics[1].message, / \(2 more problems in this file not shown: see the setting yealinkCfg\.validation\.maxDiagnostics\.\)$/);
    } finally {
      c.stop();
    }
  });
});

describe('completion lists over the protocol', () => {
  it('give the edit range and format once when the client allows it, and documentation on resolve', async () => {
    ensureBuilt('server.js');
    const c = new Client();
    try {
      await c.initialize({}, { textDocument: { completion: { completionList: { itemDefaults: ['editRange', 'insertTextFormat'] } } } });
      const uri = 'file:///sync/list.cfg';
      await c.open(uri, '#!version:1.0.0.1\naccount.1.sip_server.1.\n', 1);
      await c.diagnostics(uri, 1);
      type Item = { label: string; kind: number; textEditText?: string; textEdit?: unknown; documentation?: { value: string }; detail?: string };
      const list = await c.conn.sendRequest<{ isIncomplete: boolean; itemDefaults: unknown; items: Item[] }>('textDocument/completion', {
        textDocument: { uri },
        position: { line: 1, character: 23 },
      });
      assert.equal(list.isIncomplete, false);
      assert.deepEqual(list.itemDefaults, { editRange: { start: { line: 1, character: 0 }, end: { line: 1, character: 23 } }, insertTextFormat: 2 });
      const mode = list.items.find((i) => i.label === 'account.1.sip_server.1.failback_mode');
      assert.deepEqual(mode, { label: 'account.1.sip_server.1.failback_mode', kind: 10, textEditText: 'account.1.sip_server.1.failback_mode = ${1|0,1,2,3|}' });
      assert.ok(list.items.every((i) => i.textEdit === undefined && i.documentation === undefined));
      const resolved = await c.conn.sendRequest<Item>('completionItem/resolve', mode);
      assert.match(resolved.documentation?.value ?? '', /failback/i);
      assert.equal(typeof resolved.detail, 'string');
    } finally {
      c.stop();
    }
  });
});
