// The server under a hostile client, over stdio against dist/server.js: a 2,000-edit storm whose final
// diagnostics must equal the command line's on the final text (push and pull), 20 documents edited at
// once, and open/edit/close cycles under a small heap limit (keeping closed documents, 800 x 60 kB of text
// and their parses, would exhaust it).
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { ensureBuilt, ROOT } from './helpers/build';
import { LspClient, type Published } from './helpers/lspClient';

const SEVERITY: Record<string, number> = { error: 1, warning: 2, information: 3, hint: 4 };
const FILE = '0015651234ab.cfg';
const START = '#!version:1.0.0.1\naccount.1.enable = 1\naccount.1.label = Desk\n';
const SNIPPETS = ['account.1.enable = 7\n', 'account.2.sip_server.1.port = 70000\n', 'foo = 1\n', '\n', '=', '.', 'x', '#', ' ', 'account.1.', '1'];

interface Diag {
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
  severity: number;
  code: string;
  message: string;
}

/** What `yealink-cfg check` reports for the text (as the file name, alone). */
function cliDiagnostics(text: string, fileName = FILE): Diag[] {
  ensureBuilt('cli.js');
  let out: string;
  try {
    out = execFileSync(process.execPath, [join(ROOT, 'dist', 'cli.js'), 'check', '--format', 'json', '--isolated', '--stdin-filename', fileName, '-'], { input: text, encoding: 'utf8' });
  } catch (e) {
    out = (e as { stdout: string }).stdout; // exit status 1 when there are errors
  }
  const files = (JSON.parse(out) as { files: { diagnostics: (Omit<Diag, 'severity'> & { severity: string })[] }[] }).files;
  return files.flatMap((f) => f.diagnostics).map((d) => ({ range: d.range, severity: SEVERITY[d.severity], code: d.code, message: d.message }));
}

const essentials = (ds: Diag[]) => ds.map((d) => ({ range: d.range, severity: d.severity, code: d.code, message: d.message }));

/** A seeded generator, so a failing storm can be replayed. */
function random(seed: number): (n: number) => number {
  let a = seed >>> 0;
  return (n) => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return Math.floor((((t ^ (t >>> 14)) >>> 0) / 4294967296) * n);
  };
}

/** One random incremental edit of the text (LF line breaks only); returns the new text and the change. */
function randomEdit(text: string, rnd: (n: number) => number): { text: string; change: object } {
  const lines = text.split('\n');
  const pos = () => {
    const line = rnd(lines.length);
    return { line, character: rnd(lines[line].length + 1) };
  };
  const offset = (p: { line: number; character: number }) => lines.slice(0, p.line).reduce((n, l) => n + l.length + 1, 0) + p.character;
  let a = pos();
  let b = rnd(3) === 0 ? pos() : a;
  if (offset(b) < offset(a)) [a, b] = [b, a];
  const insert = rnd(4) === 0 ? '' : SNIPPETS[rnd(SNIPPETS.length)];
  const next = text.slice(0, offset(a)) + insert + text.slice(offset(b));
  return { text: next, change: { range: { start: a, end: b }, text: insert } };
}

async function storm(c: LspClient, uri: string, seed: number, edits: number): Promise<string> {
  const rnd = random(seed);
  let text = START;
  await c.open(uri, text, 1);
  for (let v = 2; v <= edits + 1; v++) {
    // Past 4,000 characters the document is cut back in one full-text change, so it cannot grow without bound.
    const e = randomEdit(text.length > 4000 ? text.slice(0, 2000) : text, rnd);
    if (text.length > 4000) {
      text = e.text;
      void c.change(uri, v, [{ text }]);
      continue;
    }
    text = e.text;
    void c.change(uri, v, [e.change]);
  }
  return text;
}

describe('protocol torture: a 2,000-edit storm', () => {
  const clients: LspClient[] = [];
  after(() => clients.forEach((c) => c.kill()));

  it('push: the last published diagnostics (version 2001) equal the command line on the final text', async () => {
    const c = new LspClient();
    clients.push(c);
    await c.initialize({});
    const uri = `file:///storm/push/${FILE}`;
    const text = await storm(c, uri, 11, 2000);
    const last: Published = await c.waitForDiagnostics(uri, (p) => p.version === 2001, 'diagnostics of version 2001');
    assert.deepEqual(essentials(last.diagnostics as Diag[]), cliDiagnostics(text));
    const versions = c.published.filter((p) => p.uri === uri).map((p) => p.version ?? 0);
    assert.deepEqual(versions, [...versions].sort((x, y) => x - y), 'published versions never go backwards');
  });

  it('pull: the diagnostic report after the storm equals the command line on the final text', async () => {
    const c = new LspClient();
    clients.push(c);
    await c.initialize({ textDocument: { diagnostic: {} } });
    const uri = `file:///storm/pull/${FILE}`;
    const text = await storm(c, uri, 12, 2000);
    const report = await c.request<{ kind: string; items: Diag[] }>('textDocument/diagnostic', { textDocument: { uri } });
    assert.equal(report.kind, 'full');
    assert.deepEqual(essentials(report.items), cliDiagnostics(text));
  });
});

describe('protocol torture: 20 documents at once', () => {
  const c = new LspClient();
  after(() => c.kill());

  it('each document ends with the command line diagnostics of its own final text', async () => {
    await c.initialize({});
    const names = Array.from({ length: 20 }, (_, i) => `0015650000${String(i).padStart(2, '0')}.cfg`);
    const finals = await Promise.all(names.map((n, i) => storm(c, `file:///many/${n}`, 100 + i, 100)));
    for (const [i, n] of names.entries()) {
      const last = await c.waitForDiagnostics(`file:///many/${n}`, (p) => p.version === 101, `${n} version 101`);
      assert.deepEqual(essentials(last.diagnostics as Diag[]), cliDiagnostics(finals[i], n), n);
    }
  });
});

describe('protocol torture: open, edit, close', () => {
  it('800 cycles of a 60 kB document fit in a 64 MB heap (closed documents are released)', async () => {
    const c = new LspClient(['--max-old-space-size=64']);
    try {
      await c.initialize({});
      const big = `#!version:1.0.0.1\n${'account.1.label = Desk phone of the front office\n'.repeat(1200)}`;
      for (let i = 0; i < 800; i++) {
        const uri = `file:///cycle/${String(i).padStart(12, '0')}.cfg`;
        await c.open(uri, big, 1);
        await c.change(uri, 2, [{ range: { start: { line: 1, character: 0 }, end: { line: 1, character: 0 } }, text: `account.2.label = ${i}\n` }]);
        if (i % 10 === 0) await c.request('textDocument/hover', { textDocument: { uri }, position: { line: 1, character: 3 } });
        await c.notify('textDocument/didClose', { textDocument: { uri } });
      }
      const hover = await c.request<{ contents: { value: string } } | null>('textDocument/hover', {
        textDocument: { uri: 'file:///cycle/000000000000.cfg' },
        position: { line: 1, character: 3 },
      });
      assert.equal(hover, null, 'a closed document is gone');
      assert.equal(c.child.exitCode, null, `the server is alive (stderr: ${c.stderr.slice(-300)})`);
      assert.equal(await c.shutdown(), 0);
    } finally {
      c.kill();
    }
  });
});
