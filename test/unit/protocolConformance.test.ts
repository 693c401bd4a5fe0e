// The server against the protocol's rules, over stdio against dist/server.js: message order
// (initialize, shutdown, exit), params of the wrong shape, old document versions, cancellation, and
// framing errors.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { after, before, describe, it } from 'node:test';
import { CancellationTokenSource } from 'vscode-jsonrpc/node';
import { ensureBuilt, ROOT } from './helpers/build';
import { LspClient, SERVER, within } from './helpers/lspClient';

const URI = 'file:///provisioning/0015651234ab.cfg';
const TEXT = '#!version:1.0.0.1\naccount.1.enable = 1\n';
const at = (line: number, character: number) => ({ textDocument: { uri: URI }, position: { line, character } });

describe('protocol: message order', () => {
  const clients: LspClient[] = [];
  const client = () => {
    const c = new LspClient();
    clients.push(c);
    return c;
  };
  after(() => clients.forEach((c) => c.kill()));

  it('answers requests before initialize with -32002 and ignores notifications', async () => {
    const c = client();
    assert.deepEqual(await c.requestError('textDocument/hover', at(1, 2)), {
      code: -32002,
      message: 'The server is not initialized: textDocument/hover must come after initialize.',
    });
    await c.open(URI, TEXT);
    await c.initialize();
    assert.equal(await c.request('textDocument/hover', at(1, 2)), null, 'the early didOpen was not applied');
    assert.equal(await c.shutdown(), 0);
  });

  it('refuses a second initialize with -32600 and keeps the session as it was (push)', async () => {
    const c = client();
    const first = await c.initialize({});
    assert.equal(first.capabilities.diagnosticProvider, undefined);
    const again = await c.requestError('initialize', { processId: null, rootUri: null, capabilities: { textDocument: { diagnostic: {} } } });
    assert.deepEqual(again, { code: -32600, message: 'The server is already initialized: initialize may be sent once.' });
    await c.open(URI, '#!version:1.0.0.1\naccount.1.enable = 7\n');
    const p = await c.waitForDiagnostics(URI);
    assert.deepEqual(p.diagnostics.map((d) => d.code), ['invalid-enum']);
    assert.equal(await c.shutdown(), 0);
  });

  it('answers requests after shutdown with -32600; exit then ends with status 0', async () => {
    const c = client();
    await c.initialize();
    await c.request('shutdown', null);
    assert.deepEqual(await c.requestError('textDocument/hover', at(0, 0)), {
      code: -32600,
      message: 'The server is shutting down: textDocument/hover came after shutdown; only exit is accepted.',
    });
    await c.notify('exit');
    assert.equal(await within(c.exited, 'exit'), 0);
  });

  it('exit without shutdown ends with status 1', async () => {
    const c = client();
    await c.initialize();
    await c.notify('exit');
    assert.equal(await within(c.exited, 'exit'), 1);
  });
});

describe('protocol: params', () => {
  let c: LspClient;
  before(() => (c = new LspClient()));
  after(() => c.kill());

  it('answer missing or malformed params with -32602 saying what is wrong, and keep serving', async () => {
    await c.initialize();
    await c.open(URI, TEXT);
    const cases: [string, unknown, string][] = [
      ['textDocument/hover', { textDocument: { uri: URI } }, '"position" must be a position {line, character}'],
      ['textDocument/hover', { textDocument: { uri: URI }, position: { line: -1, character: 0 } }, '"position.line" must be a non-negative integer'],
      ['textDocument/hover', { textDocument: { uri: URI }, position: { line: 0, character: 'x' } }, '"position.character" must be a non-negative integer'],
      ['textDocument/completion', { position: { line: 0, character: 0 } }, '"textDocument" must be an object with a "uri"'],
      ['textDocument/completion', { textDocument: { uri: 5 }, position: { line: 0, character: 0 } }, '"textDocument.uri" must be a string'],
      ['textDocument/codeAction', { textDocument: { uri: URI }, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } } }, '"context.diagnostics" must be an array'],
      ['textDocument/codeAction', { textDocument: { uri: URI }, context: { diagnostics: [] } }, '"range" must be a range {start, end}'],
      ['textDocument/hover', [1, 2], 'params must be an object'],
    ];
    for (const [method, params, problem] of cases) {
      assert.deepEqual(await c.requestError(method, params), { code: -32602, message: `Invalid params for ${method}: ${problem}.` }, JSON.stringify(params));
    }
    // Malformed notifications are dropped without harm.
    await c.notify('textDocument/didChange', { textDocument: { uri: URI }, contentChanges: [{ text: 'x' }] });
    await c.notify('textDocument/didChange', { textDocument: { uri: URI, version: 2 }, contentChanges: [{ range: { start: 1 }, text: 'x' }] });
    await c.notify('textDocument/didOpen', { textDocument: { uri: 'file:///x.cfg' } });
    const hover = await c.request<{ contents: { value: string } } | null>('textDocument/hover', at(1, 9));
    assert.ok(hover?.contents.value.includes('account.1.enable'), 'the document is unchanged and hover still works');
  });

  it('ignore a didChange whose version is not newer, and never publish a version going backwards', async () => {
    const uri = 'file:///provisioning/001565000001.cfg';
    await c.open(uri, '#!version:1.0.0.1\naccount.1.enable = 1\n', 5);
    await c.change(uri, 3, [{ text: '#!version:1.0.0.1\naccount.1.enable = 9\n' }]);
    await c.change(uri, 5, [{ text: '#!version:1.0.0.1\naccount.1.enable = 8\n' }]);
    await c.change(uri, 6, [{ text: '#!version:1.0.0.1\naccount.1.enable = 0\nbogus = 1\n' }]);
    const last = await c.waitForDiagnostics(uri, (p) => p.version === 6);
    assert.deepEqual(last.diagnostics.map((d) => d.code), ['unknown-parameter']);
    const versions = c.published.filter((p) => p.uri === uri).map((p) => p.version!);
    assert.deepEqual(versions, [...versions].sort((a, b) => a - b));
    assert.ok(!versions.includes(3));
    assert.equal(c.published.filter((p) => p.uri === uri).some((p) => p.diagnostics.some((d) => d.code === 'invalid-enum')), false);
  });
});

describe('protocol: cancellation', () => {
  let c: LspClient;
  before(() => (c = new LspClient()));
  after(() => c.kill());

  it('a cancelled pull-diagnostics request is answered -32800, not an empty report', async () => {
    await c.initialize({ textDocument: { diagnostic: {} } });
    await c.open(URI, '#!version:1.0.0.1\naccount.1.enable = 7\n');
    await c.change(URI, 2, [{ text: '#!version:1.0.0.1\naccount.1.enable = 8\n' }]);
    // Just after an edit the server waits for the debounce time before answering: cancel meanwhile.
    const source = new CancellationTokenSource();
    const pending = c.requestError('textDocument/diagnostic', { textDocument: { uri: URI } }, source);
    setTimeout(() => source.cancel(), 20);
    assert.equal((await pending).code, -32800);
    const report = await c.request<{ kind: string; items: { code: string }[] }>('textDocument/diagnostic', { textDocument: { uri: URI } });
    assert.deepEqual([report.kind, report.items.map((d) => d.code)], ['full', ['invalid-enum']]);
  });
});

describe('protocol: framing errors', () => {
  /** Writes raw bytes to a fresh server; resolves with its exit status and stderr. */
  function raw(bytes: string): Promise<{ code: number | null; stderr: string }> {
    ensureBuilt('server.js');
    const child = spawn(process.execPath, [SERVER, '--stdio'], { cwd: ROOT });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    child.stdin.write(bytes);
    return within(
      new Promise((resolve) => child.on('exit', (code) => resolve({ code, stderr }))),
      'the server to exit after a framing error',
      30_000,
    );
  }
  const init = JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'initialize', params: { processId: null, rootUri: null, capabilities: {} } });

  for (const [what, bytes, reason] of [
    ['a Content-Length shorter than the body', `Content-Length: 10\r\n\r\n${init}`, 'framing error: '],
    ['a header line without a colon', `Hello there\r\n\r\n${init}`, 'framing error: '],
    ['a header without Content-Length', `Content-Type: application/json\r\n\r\n${init}`, 'framing error: Header must provide a Content-Length property.'],
    ['a Content-Length that is not a number', `Content-Length: ten\r\n\r\n${init}`, 'framing error: Content-Length value must be a number. Got ten'],
    ['a Content-Length longer than anything sent', `Content-Length: ${init.length + 50}\r\n\r\n${init}`, 'was still incomplete after'],
  ] as const) {
    it(`${what}: logged to stderr, exit status 2`, async () => {
      const { code, stderr } = await raw(bytes);
      assert.equal(code, 2);
      assert.ok(stderr.includes(reason), stderr);
      assert.ok(stderr.includes('exiting so that the client can restart the server'), stderr);
    });
  }
});
