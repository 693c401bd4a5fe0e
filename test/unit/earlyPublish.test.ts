// A very large document over the protocol: the per-line diagnostics of its first lines come first
// (published, or as the answer to the first pull), then every diagnostic, equal to a fresh full check;
// an edit that arrives before the full check is followed.

import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, describe, it } from 'node:test';
import { catalogData } from '../../server/src/catalog/catalogData';
import { createLanguageService } from '../../server/src/languageService';
import { toLspDiagnostic } from '../../server/src/lsp/convert';
import { capDiagnostics } from '../../server/src/services/diagnosticLimit';
import { EARLY_MIN_CHARS, earlyDiagnostics } from '../../server/src/services/earlyDiagnostics';
import { Validator } from '../../server/src/services/validation';
import type { DocumentContext } from '../../server/src/types';
import { LspClient, type Published } from './helpers/lspClient';

const service = createLanguageService(catalogData);
const validator = new Validator(service.catalog);
const MAX = 1000;

const HEAD = [
  'account.1.sip_server.1.failback_mode = 9',
  'account.1.sip_server.1.failback_mode = 3',
  'account.99.sip_server.1.port = 5060',
  'features.bogus_thing = 1',
  'account.1.sip_server.1.register_on_enable = 0',
  '## a comment',
];

function largeText(): string {
  const lines = ['#!version:1.0.0.1'];
  for (let i = 0; i < 30_000; i++) lines.push(HEAD[i % HEAD.length]);
  const filler = `# ${'x'.repeat(198)}`;
  for (let k = 0; k < EARLY_MIN_CHARS / 200; k++) lines.push(filler);
  lines.push('account.1.sip_server.1.register_on_enable = 1');
  return lines.join('\n') + '\n';
}

const text = largeText();
const uri = 'file:///nowhere/y000000000000.cfg';
const ctx: DocumentContext = { fileName: uri };
const lsp = (items: ReturnType<typeof service.validate>) => items.map((d) => toLspDiagnostic(d, uri)) as unknown as Published['diagnostics'];

describe('a very large document over the protocol', () => {
  const clients: LspClient[] = [];
  after(() => clients.forEach((c) => c.kill()));
  /** A started server that opened `uri` with `content`, given the client capabilities. */
  async function opened(target: string, content: string, capabilities?: Parameters<LspClient['initialize']>[0]): Promise<LspClient> {
    const c = new LspClient();
    clients.push(c);
    await c.initialize(capabilities);
    await c.open(target, content);
    return c;
  }
  /** The first two publishes for `target`: the early one and the full check's. */
  async function twoPublishes(c: LspClient, target: string): Promise<Published[]> {
    await c.waitForDiagnostics(target, () => c.published.filter((p) => p.uri === target).length >= 2, 'the second publish');
    return c.published.filter((p) => p.uri === target).slice(0, 2);
  }

  it('publishes the first lines early, then every diagnostic equal to a fresh full check', async () => {
    const c = await opened(uri, text);
    const [first, second] = await twoPublishes(c, uri);
    assert.equal(first.version, 1);
    assert.equal(second.version, 1);
    assert.deepEqual(first.diagnostics, lsp(earlyDiagnostics(validator, text, ctx, MAX)!));
    const full = service.validate(text, ctx);
    assert.ok(full.length > MAX);
    assert.deepEqual(second.diagnostics, lsp(capDiagnostics(full, MAX)));
    // The file-wide results (duplicates, conditions) come with the second publish only.
    assert.ok(!first.diagnostics.some((d) => d.code === 'duplicate-parameter' || d.code === 'dependency'));
    assert.ok(second.diagnostics.some((d) => d.code === 'duplicate-parameter'));
    await c.shutdown();
  });

  it('in a folder that can be listed, a common file (its name says the model) still gets its first lines early', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'yealink-early-'));
    try {
      const lines = ['#!version:1.0.0.1'];
      for (let i = 0; i < 3000; i++) lines.push(i % 50 === 7 ? 'account.1.sip_server.1.failback_mode = 9' : i % 50 === 9 ? 'features.bogus_thing = 1' : `# ${'x'.repeat(40)}`);
      const filler = `# ${'x'.repeat(198)}`;
      for (let k = 0; k < EARLY_MIN_CHARS / 200; k++) lines.push(filler);
      const big = lines.join('\n') + '\n';
      writeFileSync(join(dir, 'y000000000096.cfg'), big);
      writeFileSync(join(dir, 'y000000000000.boot'), '#!version:1.0.0.1\ninclude:config "y000000000096.cfg"\n');
      const fileUri = pathToFileURL(join(dir, 'y000000000096.cfg')).href;
      const c = await opened(fileUri, big);
      const [first, second] = await twoPublishes(c, fileUri);
      const early = earlyDiagnostics(validator, big, { fileName: fileUri }, MAX)!;
      assert.ok(early.length > 50);
      assert.deepEqual(first.diagnostics, early.map((d) => toLspDiagnostic(d, fileUri)));
      // Fewer than the cap in all: every early diagnostic is in the full check's publish.
      assert.ok(second.diagnostics.length < MAX);
      for (const d of first.diagnostics) assert.ok(second.diagnostics.some((x) => JSON.stringify(x) === JSON.stringify(d)), JSON.stringify(d));
      assert.ok(second.diagnostics.some((d) => d.code === 'duplicate-parameter'));
      await c.shutdown();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('pull: the first pull gets the first lines, the server asks to pull again, and the next pull gets every diagnostic', async () => {
    const c = await opened(uri, text, { textDocument: { diagnostic: { dynamicRegistration: false } }, workspace: { diagnostics: { refreshSupport: true } } });
    // The server asks for the refresh only after answering the first pull, which comes below.
    let refreshed!: () => void;
    const refresh = new Promise<void>((r) => (refreshed = r));
    c.conn.onRequest('workspace/diagnostic/refresh', () => {
      refreshed();
      return null;
    });
    const pull = () => c.request<{ kind: string; items: Published['diagnostics'] }>('textDocument/diagnostic', { textDocument: { uri } });
    const first = await pull();
    assert.equal(first.kind, 'full');
    assert.deepEqual(first.items, lsp(earlyDiagnostics(validator, text, ctx, MAX)!));
    await refresh;
    const second = await pull();
    assert.deepEqual(second.items, lsp(capDiagnostics(service.validate(text, ctx), MAX)));
    // Later pulls are full checks too.
    assert.deepEqual((await pull()).items, second.items);
    await c.shutdown();
  });

  it('pull without refresh support: the first pull is the full check (the client could not be asked again)', async () => {
    const c = await opened(uri, text, { textDocument: { diagnostic: { dynamicRegistration: false } } });
    const first = await c.request<{ kind: string; items: Published['diagnostics'] }>('textDocument/diagnostic', { textDocument: { uri } });
    assert.deepEqual(first.items, lsp(capDiagnostics(service.validate(text, ctx), MAX)));
    await c.shutdown();
  });

  it('an edit sent right after the open is followed: the last publish is the edited text checked whole', async () => {
    const c = await opened(uri, text);
    await c.change(uri, 2, [{ range: { start: { line: 1, character: 0 }, end: { line: 1, character: 1000 } }, text: 'account.1.sip_server.1.failback_mode = 1' }]);
    const last = await c.waitForDiagnostics(uri, (p) => p.version === 2, 'the edited version');
    const edited = text.replace('failback_mode = 9', 'failback_mode = 1');
    assert.deepEqual(last.diagnostics, lsp(capDiagnostics(service.validate(edited, ctx), MAX)));
    await c.shutdown();
    // Nothing of version 1 came after version 2.
    const mine = c.published.filter((p) => p.uri === uri);
    assert.equal(mine[mine.length - 1].version, 2);
  });
});
