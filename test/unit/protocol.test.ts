import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { ensureBuilt } from './helpers/build';
import { LspClient, type Published } from './helpers/lspClient';

type Diag = Published['diagnostics'][number];

/** The shared client read as a queue: each publishDiagnostics is taken once, in arrival order. */
class Session extends LspClient {
  private readonly taken = new Set<Published>();

  constructor() {
    super([], 10_000);
  }

  /** The next publishDiagnostics for a URI, in arrival order. */
  async nextDiagnostics(uri: string, what = `diagnostics for ${uri}`): Promise<Published> {
    const p = await this.waitForDiagnostics(uri, (x) => x === this.pending(uri)[0], what);
    this.taken.add(p);
    return p;
  }

  /** The publishDiagnostics for a URI not yet taken. */
  pending(uri: string): Published[] {
    return this.published.filter((p) => p.uri === uri && !this.taken.has(p));
  }
}

function range(line: number, start: number, end: number) {
  return { start: { line, character: start }, end: { line, character: end } };
}

const URI = 'file:///provisioning/0015651234ab.cfg';
const TEXT = [
  '#!version:1.0.0.1',
  'account.1.sip_server.1.address = 10.0.0.1',
  'account.1.sip_server.1.port = 70000',
  'account.1.sip_server.1.failback_mode = 2',
  'account.1.sip_server.1.',
  '',
].join('\n');

describe('language server over stdio, push diagnostics', () => {
  let s: Session;
  before(() => {
    ensureBuilt('server.js');
    s = new Session();
  });
  after(() => s.kill());

  it('initializes without the pull capability and advertises its features', async () => {
    const r = await s.initialize({ textDocument: { completion: { completionItem: { snippetSupport: true } } } });
    assert.equal(r.serverInfo?.name, 'yealink-cfg-language-server');
    assert.deepEqual(r.capabilities.completionProvider, { triggerCharacters: ['.', '='], resolveProvider: true });
    assert.equal(r.capabilities.hoverProvider, true);
    assert.deepEqual(r.capabilities.codeActionProvider, { codeActionKinds: ['quickfix', 'source.removeDefaults', 'source.fixAll'] });
    assert.equal(r.capabilities.diagnosticProvider, undefined);
    assert.equal(r.capabilities.textDocumentSync, 2);
  });

  let published: Published;
  it('publishes diagnostics for an opened document', async () => {
    await s.open(URI, TEXT, 1);
    published = await s.nextDiagnostics(URI);
    assert.equal(published.version, 1);
    assert.deepEqual(
      published.diagnostics.map((d) => [d.code, d.severity, d.source, d.range, d.message]),
      [
        [
          'out-of-range',
          1,
          'yealink-cfg',
          range(2, 30, 35),
          'Value 70000 of account.1.sip_server.1.port is out of range (permitted: 0 to 65535).',
        ],
        [
          'dependency',
          2,
          'yealink-cfg',
          range(3, 0, 36),
          'account.1.sip_server.1.failback_mode has no effect: it works only if account.1.sip_server.1.address is a domain name, but it is 10.0.0.1 (line 2).',
        ],
        ['malformed-line', 1, 'yealink-cfg', range(4, 0, 23), 'Not a "name = value" line: it has no "=". Comment lines start with "#".'],
      ],
    );
  });

  it('answers completion with snippet items and exact edits', async () => {
    const items = await s.request<{ label: string; kind: number; insertTextFormat: number; textEdit: unknown; documentation?: { kind: string } }[]>(
      'textDocument/completion',
      { textDocument: { uri: URI }, position: { line: 4, character: 23 } },
    );
    const mode = items.find((i) => i.label === 'account.1.sip_server.1.failback_mode');
    assert.ok(mode, 'failback_mode offered');
    assert.equal(mode.kind, 10);
    assert.equal(mode.insertTextFormat, 2);
    // Items are light: the documentation comes when the editor resolves the item it shows.
    assert.equal(mode.documentation, undefined);
    const resolved = await s.request<{ detail?: string; documentation?: { kind: string; value: string } }>('completionItem/resolve', mode);
    assert.equal(resolved.documentation?.kind, 'markdown');
    assert.match(resolved.documentation?.value ?? '', /failback/i);
    assert.equal(typeof resolved.detail, 'string');
    assert.deepEqual(mode.textEdit, { range: range(4, 0, 23), newText: 'account.1.sip_server.1.failback_mode = ${1|0,1,2,3|}' });
    assert.ok(items.every((i) => i.label.startsWith('account.1.sip_server.1.')));

    const values = await s.request<{ label: string; detail: string; sortText: string; insertTextFormat: number; preselect?: boolean }[]>(
      'textDocument/completion',
      { textDocument: { uri: URI }, position: { line: 3, character: 40 } },
    );
    assert.deepEqual(
      values.map((v) => [v.label, v.sortText, v.insertTextFormat, v.preselect ?? false]),
      [
        ['0', '0', 1, true],
        ['1', '10001', 1, false],
        ['2', '10002', 1, false],
        ['3', '10003', 1, false],
      ],
    );
  });

  it('answers hover with markdown and the name range, and null where there is nothing to say', async () => {
    const h = await s.request<{ contents: { kind: string; value: string }; range: unknown }>('textDocument/hover', {
      textDocument: { uri: URI },
      position: { line: 3, character: 5 },
    });
    assert.equal(h.contents.kind, 'markdown');
    assert.deepEqual(h.range, range(3, 0, 36));
    assert.ok(h.contents.value.startsWith('**account.1.sip_server.1.failback_mode**\n\n'));
    assert.ok(h.contents.value.endsWith('- `account.1.sip_server.1.address` is a domain name — **not met**: `10.0.0.1` (line 2)'), h.contents.value);
    assert.equal(await s.request('textDocument/hover', { textDocument: { uri: URI }, position: { line: 0, character: 3 } }), null);
    assert.equal(await s.request('textDocument/hover', { textDocument: { uri: 'file:///not/open.cfg' }, position: { line: 0, character: 0 } }), null);
  });

  it('answers code actions for the diagnostics the client sends back', async () => {
    const outOfRange = published.diagnostics[0];
    const actions = await s.request<{ title: string; kind: string; isPreferred?: boolean; diagnostics: Diag[]; edit: unknown }[]>(
      'textDocument/codeAction',
      { textDocument: { uri: URI }, range: outOfRange.range, context: { diagnostics: [outOfRange] } },
    );
    assert.deepEqual(
      actions.map((a) => [a.title, a.kind, a.isPreferred ?? false, a.edit]),
      [
        ['Change to 65535 (the nearest permitted value)', 'quickfix', true, { changes: { [URI]: [{ range: range(2, 30, 35), newText: '65535' }] } }],
        ['Change to 5060 (the default)', 'quickfix', false, { changes: { [URI]: [{ range: range(2, 30, 35), newText: '5060' }] } }],
        [
          'Disable out-of-range for this line',
          'quickfix',
          false,
          { changes: { [URI]: [{ range: range(2, 0, 0), newText: '# yealink-cfg-disable-next-line out-of-range\n' }] } },
        ],
      ],
    );
    assert.deepEqual(actions[0].diagnostics[0].code, 'out-of-range');
    const foreign = { ...outOfRange, source: 'someone-else' };
    assert.deepEqual(
      await s.request('textDocument/codeAction', { textDocument: { uri: URI }, range: outOfRange.range, context: { diagnostics: [foreign] } }),
      [],
    );
  });

  it('publishes again after a change, once, after the debounce', async () => {
    const started = Date.now();
    await s.conn.sendNotification('textDocument/didChange', {
      textDocument: { uri: URI, version: 2 },
      contentChanges: [{ range: range(2, 30, 35), text: '5061' }],
    });
    await s.conn.sendNotification('textDocument/didChange', {
      textDocument: { uri: URI, version: 3 },
      contentChanges: [{ range: range(4, 0, 23), text: '# done' }],
    });
    const p = await s.nextDiagnostics(URI, 'diagnostics after the changes');
    assert.equal(p.version, 3);
    // The default debounce is 250 ms; allow for timer granularity.
    assert.ok(Date.now() - started >= 200, `published after ${Date.now() - started} ms`);
    assert.deepEqual(
      p.diagnostics.map((d) => [d.code, d.range]),
      [['dependency', range(3, 0, 36)]],
    );
    assert.deepEqual(s.pending(URI), [], 'one publication for the burst of changes');
  });

  it('clears diagnostics when the document closes', async () => {
    await s.conn.sendNotification('textDocument/didClose', { textDocument: { uri: URI } });
    assert.deepEqual(await s.nextDiagnostics(URI, 'diagnostics after close'), { uri: URI, diagnostics: [] });
  });

  it('shuts down and exits with status 0', async () => {
    assert.equal(await s.shutdown(), 0);
  });
});

describe('language server over stdio, pull diagnostics', () => {
  let s: Session;
  before(() => {
    ensureBuilt('server.js');
    s = new Session();
  });
  after(() => s.kill());

  it('advertises a diagnostic provider when the client can pull', async () => {
    const r = await s.initialize({ textDocument: { diagnostic: { dynamicRegistration: false } } });
    assert.deepEqual(r.capabilities.diagnosticProvider, {
      identifier: 'yealink-cfg',
      interFileDependencies: true,
      workspaceDiagnostics: false,
    });
  });

  it('answers textDocument/diagnostic with the full report and pushes nothing', async () => {
    const uri = 'file:///provisioning/y000000000044.cfg';
    await s.open(uri, '#!version:1.0.0.1\naccount.4.sip_server.1.port = 5060\naccount.1.sip_server.1.transport_type = 7\n');
    const report = await s.request<{ kind: string; items: Diag[] }>('textDocument/diagnostic', { textDocument: { uri } });
    assert.equal(report.kind, 'full');
    assert.deepEqual(
      report.items.map((d) => [d.code, d.severity, d.range, d.message]),
      [
        ['index-out-of-range', 1, range(1, 8, 9), 'Index 4 is out of range in account.4.sip_server.1.port: account takes 1 to 3 on the T23P/T23G.'],
        ['invalid-enum', 1, range(2, 40, 41), 'Value 7 of account.1.sip_server.1.transport_type is not allowed (permitted: 0, 1, 2 or 3).'],
      ],
    );

    await s.conn.sendNotification('textDocument/didChange', {
      textDocument: { uri, version: 2 },
      contentChanges: [{ range: range(2, 40, 41), text: '2' }],
    });
    const after = await s.request<{ kind: string; items: Diag[] }>('textDocument/diagnostic', { textDocument: { uri } });
    assert.deepEqual(
      after.items.map((d) => d.code),
      ['index-out-of-range'],
    );
    assert.deepEqual(s.pending(uri), []);
    const unknown = await s.request<{ kind: string; items: Diag[] }>('textDocument/diagnostic', { textDocument: { uri: 'file:///x/none.cfg' } });
    assert.deepEqual(unknown, { kind: 'full', items: [] });
  });

  it('shuts down and exits with status 0', async () => {
    assert.equal(await s.shutdown(), 0);
  });
});
