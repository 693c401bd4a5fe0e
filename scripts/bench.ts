// Benchmark: every figure beside its floor measured in the same run, the ratio and the goal.
// Files are generated from the catalogue (real names, 5% bad values). Figures vary from run to run on
// a shared machine: compare the ratios, and repeat.
//   npm run bench [-- --sizes 1000,20000,100000 --runs 15 --large-mb 20 --peer [--peer-dir DIR] --quick --write file.cfg]

import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { catalogData } from '../server/src/catalog/catalogData';
import { createLanguageService } from '../server/src/languageService';
import { folderFigures } from './bench/folder';
import { generate } from './bench/generate';
import { growthFigures } from './bench/growth';
import { inProcess, type SizeResult } from './bench/inProcess';
import { catalogHeapFigures, vsixFigures } from './bench/package';
import { peerFigures } from './bench/peer';
import { note } from './bench/report';
import { coldStartFigures, largeFileFigures, memoryFigure, serverFigures } from './bench/server';

const args = process.argv.slice(2);
const opt = (name: string, def: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : def;
};
const has = (name: string) => args.includes(`--${name}`);
const SIZES = opt('sizes', '1000,20000,100000').split(',').map(Number);
const RUNS = Number(opt('runs', has('quick') ? '5' : '15'));
const LARGE_MB = Number(opt('large-mb', '20'));
const root = join(__dirname, '..');
const server = join(root, 'dist/server.js');

async function main(): Promise<void> {
  const tmp = mkdtempSync(join(tmpdir(), 'yealink-bench-'));
  const service = createLanguageService(catalogData);
  console.log(`${cpus().length} x ${cpus()[0]?.model ?? 'cpu'}, node ${process.version}, ${catalogData.entries.length} catalogue entries`);
  const texts = new Map(SIZES.map((n) => [n, generate(service.catalog, n)]));
  if (has('write')) writeFileSync(opt('write', 'generated.cfg'), texts.get(20000) ?? [...texts.values()][0]);
  const results: SizeResult[] = [];
  const built = existsSync(server);
  if (built) await coldStartFigures(server, Math.max(5, Math.floor(RUNS / 2)));
  for (const n of SIZES) {
    const text = texts.get(n)!;
    const r = inProcess(service, text, n, tmp, RUNS);
    results.push(r);
    if (built) await serverFigures(server, text, r.floor, n >= 100000 ? Math.max(3, Math.floor(RUNS / 3)) : RUNS);
  }
  if (SIZES.includes(100000)) growthFigures(service, tmp, RUNS);
  const twenty = join(tmp, 'bench-20000.cfg');
  if (!built) note('dist/server.js is missing: run `npm run build` for the server figures');
  else {
    await memoryFigure(server, texts.get(20000) ?? generate(service.catalog, 20000));
    if (LARGE_MB > 0) await largeFileFigures(server, generate(service.catalog, 0, LARGE_MB * 1e6, true), tmp, 5);
  }
  if (!existsSync(twenty)) writeFileSync(twenty, generate(service.catalog, 20000));
  catalogHeapFigures(root, twenty);
  if (!has('quick')) vsixFigures(root, tmp);
  const cli = join(root, 'dist/cli.js');
  await folderFigures({
    catalog: service.catalog,
    tmp,
    macs: Number(opt('macs', '10000')),
    commonText: generate(service.catalog, 300),
    ...(built ? { server } : {}),
    ...(existsSync(cli) ? { cli } : {}),
    runs: Math.max(3, Math.floor(RUNS / 5)),
  });
  if (has('peer')) peerFigures(root, tmp, results, Math.min(RUNS, 5), args.includes('--peer-dir') ? opt('peer-dir', '') : undefined);
  rmSync(tmp, { recursive: true, force: true });
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
