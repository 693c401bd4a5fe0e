// Benchmark: generates a 20,000-line provisioning file and prints medians for a full parse and
// validation, completion, hover and quick fixes, and the server's cold start, each beside a baseline
// that only reads and splits the same lines. Compare the ratios: absolute times vary from run to run.
//   npm run bench [-- --lines 20000 --runs 15 --write generated.cfg]

import { spawn } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { catalogData } from '../server/src/catalog/catalogData';
import { createLanguageService } from '../server/src/languageService';
import { splitLines } from '../server/src/parser';

const args = process.argv.slice(2);
const opt = (name: string, def: number) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : def;
};
const LINES = opt('lines', 20000);
const RUNS = opt('runs', 15);
const root = join(__dirname, '..');

/** A realistic file: distinct real parameter names with valid values, some comments, a few unknown names. */
function generate(lines: number): string {
  const out = ['#!version:1.0.0.1'];
  const service = createLanguageService(catalogData);
  const recs = service.catalog.patterns.filter((p) => !p.isAlias);
  // Walk the index space family by family, so every name is distinct (no duplicates to report).
  for (let idx = 0; out.length < lines && idx < 64; idx++) {
    for (const rec of recs) {
      if (out.length >= lines) break;
      const letters = rec.segments.filter((s) => /^[A-Z]$/.test(s));
      if (idx > 0 && letters.length === 0) continue;
      let rest = idx;
      let fits = true;
      const texts = letters.map((s) => {
        const spec = rec.entry.indices?.[s];
        const size = spec?.values ? spec.values.length : (spec?.max ?? 1) - (spec?.min ?? 1) + 1;
        const k = rest % size;
        rest = Math.floor(rest / size);
        return spec?.values ? spec.values[k] : String((spec?.min ?? 1) + k);
      });
      if (rest > 0) fits = false;
      if (!fits) continue;
      const name = service.catalog.fill(rec.pattern, texts, rec.entry.indices);
      const t = rec.entry.type;
      const value = rec.entry.default ?? (t.kind === 'enum' ? t.values[0].value : t.kind === 'integer' ? String(t.ranges?.[0][0] ?? 0) : '');
      if (out.length % 50 === 0) out.push(`## settings block ${out.length}`);
      if (out.length % 997 === 0) out.push(`${name}x = ${value}`); // an unknown name now and then
      out.push(`${name} = ${value}`);
    }
  }
  return out.slice(0, lines).join('\n') + '\n';
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

function time(fn: () => unknown, runs = RUNS): number {
  fn(); // warm up
  const ts: number[] = [];
  for (let r = 0; r < runs; r++) {
    const t0 = process.hrtime.bigint();
    fn();
    ts.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  return median(ts);
}

function row(label: string, ms: number, baseline: number, target?: number): void {
  const ratio = baseline > 0 ? (ms / baseline).toFixed(1) : '-';
  const tgt = target !== undefined ? `  target ${target} ms: ${ms <= target ? 'met' : 'MISSED'}` : '';
  console.log(`${label.padEnd(34)} ${ms.toFixed(3).padStart(9)} ms   baseline ${baseline.toFixed(3).padStart(8)} ms   x${ratio}${tgt}`);
}

async function coldStart(): Promise<number> {
  const server = join(root, 'dist/server.js');
  return new Promise((resolve, reject) => {
    const t0 = process.hrtime.bigint();
    const p = spawn(process.execPath, [server, '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
    const body = JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'initialize', params: { processId: null, rootUri: null, capabilities: {} } });
    p.stdin.write(`Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
    let buf = '';
    p.stdout.on('data', (d: Buffer) => {
      buf += d.toString();
      if (buf.includes('"id":1')) {
        const ms = Number(process.hrtime.bigint() - t0) / 1e6;
        p.kill();
        resolve(ms);
      }
    });
    p.on('error', reject);
    setTimeout(() => {
      p.kill();
      reject(new Error('the server did not answer initialize within 10 s'));
    }, 10000);
  });
}

async function nodeBaseline(): Promise<number> {
  return new Promise((resolve, reject) => {
    const t0 = process.hrtime.bigint();
    const p = spawn(process.execPath, ['-e', `require('fs').readFileSync(${JSON.stringify(join(root, 'package.json'))},'utf8').split(/\\r?\\n/)`]);
    p.on('exit', () => resolve(Number(process.hrtime.bigint() - t0) / 1e6));
    p.on('error', reject);
  });
}

async function main(): Promise<void> {
  const text = generate(LINES);
  const out = args.indexOf('--write');
  if (out >= 0) writeFileSync(args[out + 1], text);
  const service = createLanguageService(catalogData);
  const ctx = { fileName: 'y000000000096.cfg' };
  const split = () => splitLines(text);
  const baseline = time(split);
  console.log(`${LINES} lines, ${(text.length / 1024).toFixed(0)} KiB, ${catalogData.entries.length} catalogue entries, median of ${RUNS} runs\n`);
  row('read + split lines (baseline)', baseline, baseline);
  row('parse', time(() => service.parse(text, ctx.fileName)), baseline);
  row('parse + full validation', time(() => service.validate(text, ctx)), baseline, 30);

  const doc = service.parse(text, ctx.fileName);
  const mid = Math.floor(LINES / 2);
  const param = doc.lines.slice(mid).find((l) => l.kind === 'parameter');
  if (!param || param.kind !== 'parameter') throw new Error('no parameter line in the generated file');
  const lineSplit = () => text.split('\n')[mid];
  const lineBase = time(lineSplit);
  const prefix = { line: param.line, character: param.nameRange.start.character + param.name.indexOf('.') + 1 };
  row('completion of names (parsed doc)', time(() => service.complete(doc, prefix, ctx)), lineBase, 5);
  row('completion of names at line start', time(() => service.complete(doc, { line: param.line, character: 0 }, ctx)), lineBase, 5);
  row('completion of values (parsed doc)', time(() => service.complete(doc, param.valueRange.end, ctx)), lineBase, 5);
  row('hover on a name (parsed doc)', time(() => service.hover(doc, param.nameRange.start, ctx)), lineBase, 5);
  const diagnostics = service.validate(doc, ctx);
  const some = diagnostics.slice(0, 10);
  row(`quick fixes for ${some.length} diagnostics`, time(() => service.quickFixes(doc, some, ctx)), lineBase, 5);
  console.log(`\n(per-request rows compare with splitting the file and taking one line; ${diagnostics.length} diagnostics in the file)`);

  if (!existsSync(join(root, 'dist/server.js'))) {
    console.log('\ndist/server.js is missing: run `npm run build` to measure the cold start.');
    return;
  }
  const starts: number[] = [];
  const bases: number[] = [];
  for (let r = 0; r < 7; r++) {
    starts.push(await coldStart());
    bases.push(await nodeBaseline());
  }
  console.log('');
  row('server cold start to initialize', median(starts), median(bases), 300);
  console.log('(baseline: starting node to read and split a file)');
  const mem = process.memoryUsage();
  console.log(`\nmemory of this process after the runs: rss ${(mem.rss / 1048576).toFixed(0)} MiB, heap used ${(mem.heapUsed / 1048576).toFixed(0)} MiB`);
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
