// Run in its own process with --expose-gc: the heap the catalogue keeps once loaded and indexed, and
// after it has looked up every name of a large file (the lookup caches grow with use).
//   node --expose-gc --import tsx scripts/bench/catalogHeap.ts <file.cfg>

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createLanguageService } from '../../server/src/languageService';
import type { CatalogData } from '../../server/src/types';

const gc = (globalThis as { gc?: () => void }).gc;

function heap(): number {
  gc?.();
  gc?.();
  return process.memoryUsage().heapUsed / 1048576;
}

const before = heap();
const data = JSON.parse(readFileSync(join(__dirname, '../../server/generated/catalog.json'), 'utf8')) as CatalogData;
const service = createLanguageService(data);
const loaded = heap();
const file = process.argv[2];
if (file) service.validate(readFileSync(file, 'utf8'), { fileName: 'y000000000096.cfg' });
const used = heap();
process.stdout.write(JSON.stringify({ loaded: loaded - before, afterUse: used - before, entries: service.catalog.entries.length }));
