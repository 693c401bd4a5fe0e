// `npm run fuzz -- --minutes N [--docs N] [--seed N] [--out DIR]`: drives the engine with mutated corpus
// files (read in place from ../shared/corpus when present), random text and bytes, and size extremes
// (1 MB lines, 100,000 lines, 5 MB files), checking the invariants of test/unit/helpers/invariants.ts.
// One process; a failing document is minimised and written to the output folder with its violations.
// Exit status 1 when any invariant was violated.

import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { catalogData } from '../server/src/catalog/catalogData';
import { createLanguageService } from '../server/src/languageService';
import { checkDocument } from '../test/unit/helpers/invariants';

const ROOT = join(__dirname, '..');
const CORPUS = join(ROOT, '..', 'shared', 'corpus');
const service = createLanguageService(catalogData);

/** A small seeded generator (mulberry32), so a run can be repeated from its seed. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Rng = () => number;
const int = (rng: Rng, n: number) => Math.floor(rng() * n);
const pick = <T>(rng: Rng, xs: readonly T[]): T => xs[int(rng, xs.length)];

const ODD = ['\uFEFF', '\u2028', '\u0000', '\uFFFD', '\uD800', '\uDC00', '\u00A0', 'e\u0301', '👍', '\t', '\r', '\n', '\r\n', '{{', '}}', '{$', '${', '#', '=', '.', '[', ']', ' ', '%NULL%', '-1', '"', '<', 'include:config '];

function loadCorpus(): { name: string; text: string }[] {
  if (!existsSync(CORPUS)) return [];
  return readdirSync(CORPUS)
    .filter((f) => !f.endsWith('.md'))
    .map((f) => ({ name: f, text: readFileSync(join(CORPUS, f), 'utf8') }));
}

function mutate(rng: Rng, text: string, corpus: { text: string }[]): string {
  let t = text;
  for (let n = 1 + int(rng, 6); n > 0; n--) {
    const at = int(rng, t.length + 1);
    switch (int(rng, 7)) {
      case 0: t = t.slice(0, at) + pick(rng, ODD) + t.slice(at); break;
      case 1: t = t.slice(0, at) + t.slice(at + 1 + int(rng, 20)); break;
      case 2: { const lines = t.split('\n'); const i = int(rng, lines.length); lines.splice(int(rng, lines.length), 0, lines[i]); t = lines.join('\n'); break; }
      case 3: t = t.replace(/\r?\n/g, () => pick(rng, ['\n', '\r\n', '\r'])); break;
      case 4: if (corpus.length) { const o = pick(rng, corpus).text; const s = int(rng, o.length); t = t.slice(0, at) + o.slice(s, s + int(rng, 400)) + t.slice(at); } break;
      case 5: t = t.slice(0, at) + String.fromCharCode(int(rng, 0x10000)) + t.slice(at + 1); break;
      default: t = t.slice(0, at); break;
    }
  }
  return t;
}

/** Most corpus documents are a window of a real file (up to 80 lines), some the whole file. */
function corpusSample(rng: Rng, text: string): string {
  if (rng() < 0.1) return text;
  const lines = text.split('\n');
  const start = int(rng, lines.length);
  return lines.slice(start, start + 1 + int(rng, 80)).join('\n');
}

function randomText(rng: Rng): string {
  const parts: string[] = [];
  for (let n = int(rng, 60); n > 0; n--) parts.push(rng() < 0.5 ? pick(rng, ODD) : String.fromCharCode(32 + int(rng, 95)).repeat(1 + int(rng, 8)));
  return parts.join('');
}

function randomBytes(rng: Rng): string {
  const b = Buffer.alloc(int(rng, 2000));
  for (let i = 0; i < b.length; i++) b[i] = int(rng, 256);
  return rng() < 0.5 ? b.toString('utf8') : b.toString('latin1');
}

/** The size extremes, made once (they are costly to build). */
function extremes(): { name: string; text: string }[] {
  const line = 'account.1.label = x\n';
  return [
    { name: 'one 1 MB line', text: `#!version:1.0.0.1\naccount.1.label = ${'x'.repeat(1 << 20)}\n` },
    { name: '1 MB float', text: `#!version:1.0.0.1\naccount.1.advanced.timer_t1 = ${'7'.repeat(1 << 20)}x\n` },
    { name: '1 MB include blanks', text: `include:config${' '.repeat(1 << 20)}x\n` },
    { name: '100,000 lines', text: `#!version:1.0.0.1\n${line.repeat(100_000)}` },
    { name: '5 MB file', text: `#!version:1.0.0.1\n${'account.2.password = Sxsecretvalue\nstatic.network.vlan.internet_port_vid = 5000\n'.repeat(5 * 1024 * 1024 / 80)}` },
  ];
}

/** Per ordinary document: a few positions and fixes, light completion items (the same ranges). */
const FAST = { positions: 6, fixes: 4, lightCompletion: true };
const FILE_NAMES = ['0015651234ab.cfg', 'y000000000096.cfg', 'y000000000000.boot', 'phone.tpl', 'x.cfg'];

/** Shrinks a failing text (whole lines first, then characters) while it still fails, within a time budget. */
function minimise(text: string, fails: (t: string) => boolean, budgetMs = 20_000): string {
  const end = Date.now() + budgetMs;
  let best = text;
  for (const unit of ['\n', '']) {
    let chunk = Math.max(1, Math.floor(best.split(unit).length / 2));
    while (chunk >= 1 && Date.now() < end) {
      const parts = best.split(unit);
      let shrunk = false;
      for (let i = 0; i < parts.length && Date.now() < end; i += chunk) {
        const candidate = [...parts.slice(0, i), ...parts.slice(i + chunk)].join(unit);
        if (candidate.length < best.length && fails(candidate)) {
          best = candidate;
          shrunk = true;
          break;
        }
      }
      if (!shrunk) chunk = Math.floor(chunk / 2);
    }
  }
  return best;
}

function record(out: string, text: string, fileName: string, violations: string[]): string {
  mkdirSync(out, { recursive: true });
  const id = createHash('sha256').update(text).digest('hex').slice(0, 12);
  writeFileSync(join(out, `${id}.txt`), text);
  writeFileSync(join(out, `${id}.json`), JSON.stringify({ fileName, violations }, null, 2));
  return id;
}

function main(): void {
  const { values } = parseArgs({
    options: { minutes: { type: 'string', default: '1' }, docs: { type: 'string' }, seed: { type: 'string' }, out: { type: 'string', default: 'fuzz-failures' } },
  });
  const seed = Number(values.seed ?? Date.now() % 1_000_000);
  const rng = random(seed);
  const deadline = Date.now() + Number(values.minutes) * 60_000;
  const maxDocs = values.docs ? Number(values.docs) : Infinity;
  const corpus = loadCorpus();
  const big = extremes();
  console.log(`fuzz: seed ${seed}, ${corpus.length} corpus files${corpus.length ? '' : ' (../shared/corpus not found)'}, until ${new Date(deadline).toISOString()}`);
  const stats = { documents: 0, calls: 0, violations: 0, failures: 0 };
  let lastReport = Date.now();
  while (Date.now() < deadline && stats.documents < maxDocs) {
    // Every size extreme first, then one every 20,000 documents.
    const n = stats.documents;
    const kind = n < big.length || n % 20000 === 19999 ? 'extreme' : pick(rng, ['corpus', 'corpus', 'corpus', 'text', 'bytes']);
    const source = kind === 'extreme' ? (n < big.length ? big[n] : pick(rng, big)) : undefined;
    const text =
      source?.text ?? (kind === 'corpus' && corpus.length ? mutate(rng, corpusSample(rng, pick(rng, corpus).text), corpus) : kind === 'bytes' ? randomBytes(rng) : randomText(rng));
    const fileName = pick(rng, FILE_NAMES);
    const report = checkDocument(service, text, fileName, kind === 'extreme' ? { positions: 12, fixes: 4 } : FAST);
    stats.documents++;
    stats.calls += report.calls;
    if (report.violations.length) {
      stats.violations += report.violations.length;
      stats.failures++;
      const small = minimise(text, (t) => checkDocument(service, t, fileName, FAST).violations.length > 0);
      const id = record(values.out!, small, fileName, checkDocument(service, small, fileName).violations);
      console.log(`fuzz: violation in a ${kind} document (${report.violations[0]}); minimised to ${small.length} characters: ${values.out}/${id}.txt`);
    }
    if (Date.now() - lastReport > 30_000) {
      lastReport = Date.now();
      console.log(`fuzz: ${stats.documents} documents, ${stats.calls} calls, ${stats.violations} violations`);
    }
  }
  console.log(`fuzz: done. seed ${seed}: ${stats.documents} documents, ${stats.calls} calls, ${stats.violations} violations (${stats.failures} failing documents)`);
  process.exitCode = stats.violations ? 1 : 0;
}

main();
