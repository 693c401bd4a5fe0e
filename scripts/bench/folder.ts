// The folder benchmark: a site of a boot file, a common file and 10,000 MAC files, generated on disk.
// Figures: indexing the folder (time and heap), a MAC file's diagnostics through the server once the
// folder is indexed, and `yealink-cfg check FOLDER`, each beside a floor measured in the same run.

import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import type { Catalog } from '../../server/src/catalog/catalog';
import { nodeFileSource } from '../../server/src/node/fileSource';
import { FolderIndex } from '../../server/src/workspace/folderIndex';
import { median, now, row, sizeRow } from './report';
import { StdioServer } from './stdio';

const H = '#!version:1.0.0.1';

function macOf(i: number): string {
  return `0015${i.toString(16).padStart(8, '0')}`;
}

/** A MAC file as sites write them: one account, its server settings relying on the common file. */
function macFile(i: number): string {
  return [
    H,
    'account.1.enable = 1',
    `account.1.label = Desk ${i}`,
    `account.1.display_name = Desk ${i}`,
    `account.1.auth_name = ${1000 + i}`,
    `account.1.user_name = ${1000 + i}`,
    `account.1.password = secret${i}`,
    'account.1.sip_server.1.failback_timeout = 120',
    'account.1.sip_server.1.only_signal_with_registered = 1',
    '',
  ].join('\n');
}

export function writeSite(dir: string, macs: number, commonText: string): void {
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'y000000000000.boot'), [H, 'include:config "y000000000096.cfg"', 'include:config "$mac.cfg"', ''].join('\n'));
  const common = [H, 'account.1.sip_server.1.address = pbx.example.com', 'account.1.sip_server.1.failback_mode = 3', 'account.1.sip_server.1.register_on_enable = 1'];
  // The site's own settings last, so that they win over the generated lines.
  writeFileSync(join(dir, 'y000000000096.cfg'), `${commonText.trimEnd()}\n${common.slice(1).join('\n')}\n`);
  for (let i = 0; i < macs; i++) writeFileSync(join(dir, `${macOf(i)}.cfg`), macFile(i));
}

function gcNow(): () => void {
  setFlagsFromString('--expose-gc');
  return runInNewContext('gc') as () => void;
}

/** Reading every file of the folder and splitting it into lines: the least any index must do. */
function floorRead(dir: string): number {
  const t0 = now();
  for (const n of readdirSync(dir)) readFileSync(join(dir, n), 'utf8').split('\n');
  return now() - t0;
}

/** Heap the loaded index holds, after full collections before and after. */
async function heapOfIndex(catalog: Catalog, dir: string): Promise<number> {
  const gc = gcNow();
  gc();
  const before = process.memoryUsage().heapUsed;
  const index = new FolderIndex(dir, nodeFileSource, catalog);
  await index.load();
  gc();
  const after = process.memoryUsage().heapUsed;
  if (index.size < 2) throw new Error('the folder was not indexed');
  return (after - before) / 2 ** 20;
}

async function indexFigures(catalog: Catalog, dir: string, runs: number): Promise<void> {
  const times: number[] = [];
  const floors: number[] = [];
  for (let r = 0; r < runs; r++) {
    floors.push(floorRead(dir));
    const t0 = now();
    await new FolderIndex(dir, nodeFileSource, catalog).load();
    times.push(now() - t0);
  }
  row('index the folder (read, parse, keep)', median(times), median(floors), { ms: 2000 });
  sizeRow('heap held by the index', await heapOfIndex(catalog, dir), 'MiB', 150);
}

async function serverFigures(serverPath: string, dir: string, runs: number): Promise<void> {
  const s = new StdioServer(serverPath);
  await s.initialize();
  const uri = (i: number) => pathToFileURL(join(dir, `${macOf(i)}.cfg`)).href;
  let t0 = now();
  const first = await s.open(uri(0), macFile(0));
  const firstMs = now() - t0;
  if (first.diagnostics.length) throw new Error(`unexpected diagnostics: ${JSON.stringify(first.diagnostics[0])}`);
  const times: number[] = [];
  for (let r = 1; r <= runs; r++) {
    t0 = now();
    await s.open(uri(r * 7), macFile(r * 7));
    times.push(now() - t0);
  }
  const rss = s.rssMiB();
  await s.stop();
  console.log('  through the server over stdio (push diagnostics, debounce 0):');
  row('first MAC file opened -> diagnostics (indexes)', firstMs, undefined, { ms: 2000 });
  row('another MAC file opened -> diagnostics', median(times), undefined, { ms: 50 });
  sizeRow('server RSS with the folder indexed', rss, 'MiB');
}

function checkFigure(cliPath: string, dir: string): void {
  const floor = now();
  spawnSync(process.execPath, ['-e', '0']);
  const bare = now() - floor;
  const t0 = now();
  const r = spawnSync(process.execPath, [cliPath, 'check', '--format', 'json', dir], { maxBuffer: 1 << 30 });
  const ms = now() - t0;
  const files = (JSON.parse(r.stdout.toString()) as { files: unknown[] }).files.length;
  row(`check FOLDER (${files} files, exit ${r.status})`, ms, bare, { ms: 10000 });
}

export async function folderFigures(opts: { catalog: Catalog; tmp: string; macs: number; commonText: string; server?: string; cli?: string; runs: number }): Promise<void> {
  const dir = join(opts.tmp, 'site');
  writeSite(dir, opts.macs, opts.commonText);
  console.log(`\na provisioning folder: a boot file, a common file, ${opts.macs.toLocaleString('en')} MAC files`);
  await indexFigures(opts.catalog, dir, opts.runs);
  if (opts.server) await serverFigures(opts.server, dir, Math.max(5, opts.runs * 3));
  if (opts.cli) checkFigure(opts.cli, dir);
}
