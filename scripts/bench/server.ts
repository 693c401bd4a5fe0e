// Figures through the standalone server over stdio, beside the same floors as the in-process ones.

import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { splitLines } from '../../server/src/parser';
import { lineEdit } from './edits';
import { median, now, row, sizeRow, time, timeAsync } from './report';
import { bareNodeStart, coldStart, StdioServer } from './stdio';

const URI = (name: string) => `file:///bench/${name}/y000000000096.cfg`;

/** Cold starts as an editor sees them after the first (the code cache written), and with the cache off. */
export async function coldStartFigures(serverPath: string, runs: number): Promise<void> {
  const starts: number[] = [];
  const uncached: number[] = [];
  const bare: number[] = [];
  await coldStart(serverPath); // the first start writes the code cache, where there is none yet
  for (let r = 0; r < runs; r++) {
    starts.push(await coldStart(serverPath));
    uncached.push(await coldStart(serverPath, { YEALINK_CFG_CODE_CACHE: 'off' }));
    bare.push(await bareNodeStart());
  }
  console.log(`\nserver cold start, median of ${runs} runs`);
  row('bare node start (floor)', median(bare), median(bare));
  row('spawn -> initialize answer', median(starts), median(bare), { ratio: 1.5 });
  row('... without the code cache', median(uncached), median(bare));
}

function lastLine(text: string): number {
  return splitLines(text).length - 1;
}

/**
 * The time of a one-line edit of line `mid` (the middle of an open document) until its diagnostics
 * arrive: the line is changed and changed back in turn, so every run edits the same text.
 */
async function middleLineEdits(s: StdioServer, uri: string, lines: ReturnType<typeof splitLines>, mid: number, runs: number): Promise<number> {
  let version = 1;
  let flip = false;
  return timeAsync(async () => {
    flip = !flip;
    const c = lineEdit(lines[mid].text, mid, flip);
    await s.change(uri, ++version, [{ range: c.range, text: c.text }]);
  }, runs);
}

/** open -> diagnostics, one-line edit -> diagnostics, completion at an empty line start, hover. */
export async function serverFigures(serverPath: string, text: string, floor: number, runs: number): Promise<void> {
  const s = new StdioServer(serverPath);
  await s.initialize();
  const lines = splitLines(text);
  const n = lines.length - 1;
  let k = 0;
  const t0 = now();
  await s.open(URI('first'), text);
  const firstOpen = now() - t0;
  await s.close(URI('first'));
  const open = await timeAsync(async () => {
    const uri = URI(`open${k++}`);
    await s.open(uri, text);
    await s.close(uri);
  }, runs);
  const uri = URI('edit');
  await s.open(uri, text);
  const mid = Math.floor(n / 2);
  const edit = await middleLineEdits(s, uri, lines, mid, runs);
  const last = { line: lastLine(text), character: 0 };
  let items = 0;
  const completion = await timeAsync(async () => {
    const r = await s.request<{ label: string }[] | { items: unknown[] }>('textDocument/completion', { textDocument: { uri }, position: last });
    items = Array.isArray(r) ? r.length : r.items.length;
  }, runs);
  const hoverLine = lines.findIndex((l, i) => i >= mid && /^\w+\.\d+\./.test(l.text));
  const hover = await timeAsync(() => s.request('textDocument/hover', { textDocument: { uri }, position: { line: hoverLine, character: 2 } }), runs);
  await s.stop();
  console.log(`  through the server over stdio (push diagnostics, debounce 0):`);
  row('first open -> diagnostics of a new server', firstOpen, floor);
  row('open -> diagnostics (open and close)', open, floor, { ratio: 60 });
  row('one-line edit -> diagnostics', edit, floor, { ratio: 20 });
  row(`completion at an empty line start (${items})`, completion, floor, { ms: 20 });
  row('hover on a name', hover, floor);
}

/** The server's resident memory after seven files were opened, checked and closed. */
export async function memoryFigure(serverPath: string, text: string): Promise<void> {
  const s = new StdioServer(serverPath);
  await s.initialize();
  const base = s.rssMiB();
  for (let i = 0; i < 7; i++) await s.open(URI(`mem${i}`), text);
  const open = s.rssMiB();
  for (let i = 0; i < 7; i++) await s.close(URI(`mem${i}`));
  await new Promise((r) => setTimeout(r, 2000));
  const closed = s.rssMiB();
  await s.stop();
  console.log(`\nserver memory (${lastLine(text)} lines per file; closed ones measured 2 s after the last close)`);
  sizeRow('RSS after initialize', base, 'MiB');
  sizeRow('RSS with 7 files open', open, 'MiB');
  sizeRow('RSS after the 7 were closed', closed, 'MiB', 100);
}

/** A very large file: first diagnostics, an edit's diagnostics, memory while open and after closing. */
export async function largeFileFigures(serverPath: string, text: string, tmp: string, runs: number): Promise<void> {
  const file = join(tmp, 'bench-large.cfg');
  writeFileSync(file, text);
  const floor = time(() => splitLines(readFileSync(file, 'utf8')), 3);
  const s = new StdioServer(serverPath);
  await s.initialize();
  const uri = URI('large');
  const t0 = now();
  const opened = s.open(uri, text);
  // A very large file may get the diagnostics of its first lines before the full check's: the second
  // publish of the same version (if one comes) carries every diagnostic.
  const second = s.diagnostics(uri, 1).then((p) => ({ ms: now() - t0, count: p.diagnostics.length }));
  const first = await opened;
  const openMs = now() - t0;
  const all = await Promise.race([second, new Promise<undefined>((r) => setTimeout(r, Math.max(5000, 5 * openMs)))]);
  const lines = splitLines(text);
  const edit = await middleLineEdits(s, uri, lines, Math.floor(lines.length / 2), runs);
  const rssOpen = s.rssMiB();
  await s.close(uri);
  await new Promise((r) => setTimeout(r, 2000));
  const rssClosed = s.rssMiB();
  await s.stop();
  const published = all ? `${first.diagnostics.length} diagnostics published first, ${all.count} in all` : `${first.diagnostics.length} diagnostics published`;
  console.log(`\n${(text.length / 1e6).toFixed(1)} MB file, ${lines.length} lines (each name set once, repeats commented out), through the server (${published})`);
  row('read + split lines (floor)', floor, floor);
  row('open -> first diagnostics', openMs, floor, { ms: 1000 });
  row('open -> all diagnostics (file-wide checks too)', all?.ms ?? openMs, floor);
  row('one-line edit -> diagnostics', edit, floor, { ms: 50 });
  sizeRow('RSS while open', rssOpen, 'MiB');
  sizeRow('RSS after closing it', rssClosed, 'MiB');
}
