// The server with settings of the wrong type and with project configuration files, over stdio.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';
import { ensureBuilt } from './helpers/build';

const SERVER = join(__dirname, '..', '..', 'dist', 'server.js');
const TEXT = '#!version:1.0.0.1\nqqqq = 1\naccount.4.enable = 1\n';

interface Published {
  uri: string;
  diagnostics: { code: string; severity: number; message: string }[];
}

const children: ReturnType<typeof spawn>[] = [];
// A failed assertion must not leave a server running (the test run would wait for it).
after(() => {
  for (const c of children) if (c.exitCode === null) c.kill();
});

/** A server over stdio; `configuration` answers workspace/configuration (undefined: not supported). */
function startSession(configuration?: unknown) {
  const child = spawn(process.execPath, [SERVER, '--stdio']);
  children.push(child);
  const conn: MessageConnection = createMessageConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  const published: Published[] = [];
  const messages: string[] = [];
  conn.onNotification('textDocument/publishDiagnostics', (p: Published) => published.push(p));
  conn.onNotification('window/showMessage', (p: { message: string }) => messages.push(p.message));
  conn.onRequest('window/showMessageRequest', (p: { message: string }) => void messages.push(p.message));
  conn.onRequest('workspace/configuration', (p: { items: unknown[] }) => p.items.map(() => configuration));
  conn.onRequest('client/registerCapability', () => null);
  conn.listen();
  const exited = new Promise<number | null>((r) => child.on('exit', (c) => r(c)));
  const diagnosticsFor = async (uri: string) => {
    for (let i = 0; i < 200; i++) {
      const p = published.find((x) => x.uri === uri);
      if (p) return p.diagnostics;
      await new Promise((r) => setTimeout(r, 25));
    }
    throw new Error(`no diagnostics for ${uri}`);
  };
  return { child, conn, published, messages, exited, diagnosticsFor };
}

async function initialize(s: ReturnType<typeof startSession>, init: { capabilities: object; initializationOptions?: unknown; folder?: string }) {
  await s.conn.sendRequest('initialize', {
    processId: process.pid,
    rootUri: null,
    capabilities: init.capabilities,
    initializationOptions: init.initializationOptions,
    workspaceFolders: init.folder ? [{ uri: pathToFileURL(init.folder).href, name: 'ws' }] : null,
  });
  await s.conn.sendNotification('initialized', {});
}

async function stop(s: ReturnType<typeof startSession>) {
  await s.conn.sendRequest('shutdown');
  await s.conn.sendNotification('exit');
  assert.equal(await s.exited, 0);
  s.conn.dispose();
}

const codes = (d: { code: string; severity: number }[]) => d.map((x) => `${x.code}:${x.severity}`);

describe('server: settings of the wrong type', () => {
  before(() => ensureBuilt('server.js'));

  for (const bad of [{ model: 42 }, { model: { a: 1 } }, { ignoredParameters: 'foo.*' }, [42]]) {
    it(`keeps serving with ${JSON.stringify(bad)} and says once which setting is wrong`, async () => {
      const s = startSession(bad);
      await initialize(s, { capabilities: { workspace: { configuration: true } } });
      await s.conn.sendNotification('textDocument/didOpen', { textDocument: { uri: 'file:///x/a.cfg', languageId: 'yealink-cfg', version: 1, text: TEXT } });
      assert.deepEqual(codes(await s.diagnosticsFor('file:///x/a.cfg')), ['unknown-parameter:2']);
      await s.conn.sendNotification('textDocument/didOpen', { textDocument: { uri: 'file:///x/b.cfg', languageId: 'yealink-cfg', version: 1, text: TEXT } });
      await s.diagnosticsFor('file:///x/b.cfg');
      const hover = await s.conn.sendRequest('textDocument/hover', { textDocument: { uri: 'file:///x/a.cfg' }, position: { line: 2, character: 3 } });
      assert.ok(hover);
      assert.equal(s.messages.length, 1, s.messages.join('\n'));
      assert.match(s.messages[0], /^Yealink cfg: Setting yealinkCfg(\.model|\.ignoredParameters)?: must be .*; its default is used instead\.$/);
      await stop(s);
    });
  }

  it('an unknown severity level is named, and the valid levels still apply (initializationOptions)', async () => {
    const s = startSession();
    await initialize(s, { capabilities: {}, initializationOptions: { settings: { severity: { 'unknown-parameter': 'error', dependency: 'loud' } } } });
    await s.conn.sendNotification('textDocument/didOpen', { textDocument: { uri: 'file:///x/a.cfg', languageId: 'yealink-cfg', version: 1, text: TEXT } });
    assert.deepEqual(codes(await s.diagnosticsFor('file:///x/a.cfg')), ['unknown-parameter:1']);
    assert.deepEqual(s.messages, ['Yealink cfg: Setting yealinkCfg.severity.dependency: must be one of "error", "warning", "information", "hint", "off", not "loud"; its default is used instead.']);
    await stop(s);
  });
});

describe('server: a client that cannot show messages', () => {
  before(() => ensureBuilt('server.js'));

  it('stays up when window/showMessageRequest is refused', async () => {
    const s = startSession({ model: 42 });
    s.conn.onRequest('window/showMessageRequest', () => {
      throw new Error('not supported');
    });
    await initialize(s, { capabilities: { workspace: { configuration: true } } });
    await s.conn.sendNotification('textDocument/didOpen', { textDocument: { uri: 'file:///x/a.cfg', languageId: 'yealink-cfg', version: 1, text: TEXT } });
    assert.deepEqual(codes(await s.diagnosticsFor('file:///x/a.cfg')), ['unknown-parameter:2']);
    await new Promise((r) => setTimeout(r, 200));
    assert.ok(await s.conn.sendRequest('textDocument/hover', { textDocument: { uri: 'file:///x/a.cfg' }, position: { line: 2, character: 3 } }));
    await stop(s);
  });
});

describe('server: the project configuration file', () => {
  let dir: string;
  before(() => {
    ensureBuilt('server.js');
    dir = mkdtempSync(join(tmpdir(), 'yealink-cfg-'));
    mkdirSync(join(dir, 'site'));
    writeFileSync(join(dir, 'yealink-cfg.json'), JSON.stringify({ model: 'T23G', severity: { 'unknown-parameter': 'off' }, overrides: [{ files: ['bad.cfg'], severity: { 'unknown-parameter': 'hint' } }] }));
    writeFileSync(join(dir, 'site', '.yealink-cfg.json'), '{"severity": {"unknown-parameter": 3}}');
  });
  after(() => rmSync(dir, { recursive: true, force: true }));
  const uriOf = (...p: string[]) => pathToFileURL(join(dir, ...p)).href;

  it('applies the nearest file under the client settings, with its overrides', async () => {
    // Client settings (explicit ones only) go on top: the model from the file, ignoredParameters from the client.
    const s = startSession({ ignoredParameters: ['nothing'] });
    await initialize(s, { capabilities: { workspace: { configuration: true } }, folder: dir });
    await s.conn.sendNotification('textDocument/didOpen', { textDocument: { uri: uriOf('a.cfg'), languageId: 'yealink-cfg', version: 1, text: TEXT } });
    assert.deepEqual(codes(await s.diagnosticsFor(uriOf('a.cfg'))), ['index-out-of-range:1']);
    await s.conn.sendNotification('textDocument/didOpen', { textDocument: { uri: uriOf('bad.cfg'), languageId: 'yealink-cfg', version: 1, text: TEXT } });
    assert.deepEqual(codes(await s.diagnosticsFor(uriOf('bad.cfg'))), ['unknown-parameter:4', 'index-out-of-range:1']);
    // A bad file nearer the document: its bad field is named once and ignored (defaults apply there).
    await s.conn.sendNotification('textDocument/didOpen', { textDocument: { uri: uriOf('site', 'c.cfg'), languageId: 'yealink-cfg', version: 1, text: TEXT } });
    assert.deepEqual(codes(await s.diagnosticsFor(uriOf('site', 'c.cfg'))), ['unknown-parameter:2']);
    assert.deepEqual(s.messages, [`Yealink cfg: ${join(dir, 'site', '.yealink-cfg.json')}: severity.unknown-parameter: must be a string, not 3; that field is ignored.`]);
    await stop(s);
  });

  it('is not read when the client says the workspace is not trusted', async () => {
    const s = startSession(null);
    await initialize(s, { capabilities: { workspace: { configuration: true } }, initializationOptions: { workspaceTrusted: false }, folder: dir });
    await s.conn.sendNotification('textDocument/didOpen', { textDocument: { uri: uriOf('a.cfg'), languageId: 'yealink-cfg', version: 1, text: TEXT } });
    assert.deepEqual(codes(await s.diagnosticsFor(uriOf('a.cfg'))), ['unknown-parameter:2']);
    await stop(s);
  });
});
