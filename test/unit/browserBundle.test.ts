// The server bundle (dist/serverCore.js, built by `npm run build`) runs in a web worker with what a
// browser worker has and nothing more: no require, no process, no file system. Its client gives it the
// shipped catalogue (dist/catalog.json) as a global, so the .vsix holds one copy. The client bundle
// (dist/extension.js) serves both extension hosts: loaded as the web host loads it, it requires nothing
// but `vscode`.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import vm from 'node:vm';

const dist = join(__dirname, '..', '..', 'dist');

function bundle(name: string): string {
  const file = join(dist, name);
  assert.ok(existsSync(file), `${file} is missing: run npm run build`);
  return readFileSync(file, 'utf8');
}

type Message = { id?: number; method?: string; params?: any; result?: any };

/** Starts the server bundle in a context shaped like a dedicated worker; returns how to talk to it. */
function startWorker(withCatalog = true) {
  const received: Message[] = [];
  // postMessage copies what it sends, as a worker's structured clone does
  const self: any = { postMessage: (m: Message) => received.push(JSON.parse(JSON.stringify(m))), addEventListener: () => {} };
  const context = vm.createContext({
    self,
    console: { log() {}, info() {}, warn() {}, error() {} },
    setTimeout, clearTimeout, setInterval, clearInterval, queueMicrotask, TextEncoder, TextDecoder, URL, performance,
  });
  self.self = self;
  // as the browser client starts it: the shipped catalogue first, as the global the bundle reads
  const catalog = readFileSync(join(dist, 'catalog.json'), 'utf8');
  vm.runInContext(`${withCatalog ? `globalThis.yealinkCatalog = ${catalog};` : ''}\n${bundle('serverCore.js')}`, context, { filename: 'serverCore.js' });
  assert.equal(typeof self.onmessage, 'function', 'the server listens on the worker port');
  const send = (m: Message) => self.onmessage({ data: { jsonrpc: '2.0', ...m } });
  const waitFor = async (what: string, pick: (m: Message) => boolean): Promise<Message> => {
    for (let i = 0; i < 200; i++) {
      const found = received.find(pick);
      if (found) return found;
      // answer the server's own requests (registrations) so it is never blocked
      for (const r of received.filter((x) => x.id !== undefined && x.method && !(x as any).answered)) {
        (r as any).answered = true;
        send({ id: r.id, result: null });
      }
      await new Promise((r) => setTimeout(r, 25));
    }
    throw new Error(`no ${what} from the worker; got ${JSON.stringify(received.map((m) => m.method ?? m.id))}`);
  };
  return { send, waitFor };
}

describe('browser bundles', () => {
  it('the server runs in a bare worker context and checks a document with its own catalogue', async () => {
    const w = startWorker();
    w.send({ id: 1, method: 'initialize', params: { processId: null, rootUri: null, capabilities: {} } });
    const init = await w.waitFor('initialize result', (m) => m.id === 1 && m.method === undefined);
    assert.ok(init.result?.capabilities?.completionProvider, JSON.stringify(init));
    w.send({ method: 'initialized', params: {} });
    const uri = 'memory:/site/001565000e01.cfg';
    const text = '#!version:1.0.0.1\naccount.1.sip_server.1.failback_mode = 7\n';
    w.send({ method: 'textDocument/didOpen', params: { textDocument: { uri, languageId: 'yealink-cfg', version: 1, text } } });
    const pub = await w.waitFor('diagnostics', (m) => m.method === 'textDocument/publishDiagnostics' && m.params.uri === uri);
    assert.deepEqual(
      pub.params.diagnostics.map((d: any) => [d.code, d.range.start.line, d.range.start.character, d.range.end.character]),
      [['invalid-enum', 1, 39, 40]],
    );
  });

  it('the server bundle does not hold a second copy of the catalogue; it reads the one its client gives', () => {
    const src = bundle('serverCore.js');
    assert.ok(!src.includes('account.X.sip_server.Y.failback_mode'), 'the catalogue is inside the bundle');
    assert.ok(src.includes('globalThis.yealinkCatalog'), 'the bundle does not read the catalogue global');
  });

  it('a worker started without the catalogue logs why and keeps answering', async () => {
    const w = startWorker(false);
    w.send({ id: 1, method: 'initialize', params: { processId: null, rootUri: null, capabilities: {} } });
    const init = await w.waitFor('initialize result', (m) => m.id === 1 && m.method === undefined);
    assert.ok(init.result?.capabilities, JSON.stringify(init));
    w.send({ method: 'initialized', params: {} });
    const log = await w.waitFor('log message', (m) => m.method === 'window/logMessage' && /catalogue could not be loaded/.test(m.params.message));
    assert.equal(log.params.message, 'The parameter catalogue could not be loaded: yealink-cfg: the worker was started without the catalogue (globalThis.yealinkCatalog)');
    const uri = 'memory:/a.cfg';
    w.send({ method: 'textDocument/didOpen', params: { textDocument: { uri, languageId: 'yealink-cfg', version: 1, text: 'account.1.enable = 1\n' } } });
    w.send({ id: 2, method: 'textDocument/hover', params: { textDocument: { uri }, position: { line: 0, character: 2 } } });
    const answer = await w.waitFor('hover answer', (m) => m.id === 2 && m.method === undefined);
    assert.deepEqual(answer.result, null, 'the request is still answered');
  });

  it('the client bundle loads as the web host loads it: CommonJS with only vscode to require', () => {
    const src = readFileSync(join(dist, 'extension.js'), 'utf8');
    const required: string[] = [];
    // every member of the stub is a class: the client library extends some of VS Code's at load
    const vscode = new Proxy({} as Record<string | symbol, unknown>, { get: (t, k) => (t[k] ??= class {}) });
    const module = { exports: {} as Record<string, unknown> };
    const require = (id: string) => {
      required.push(id);
      if (id === 'vscode') return vscode;
      throw new Error(`the client required ${id} as it loaded`);
    };
    const context = vm.createContext({ module, exports: module.exports, require, console, setTimeout, clearTimeout, queueMicrotask });
    vm.runInContext(src, context, { filename: 'extension.js' });
    assert.deepEqual([...new Set(required)], ['vscode']);
    assert.deepEqual(Object.keys(module.exports).sort(), ['LANGUAGE_ID', 'activate', 'deactivate']);
  });
});
