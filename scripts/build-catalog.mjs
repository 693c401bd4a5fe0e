#!/usr/bin/env node
// Merges the catalogue data files and the model table into server/generated/catalog.json.
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dataDir = join(root, 'server/src/catalog/data');
const entries = [];
for (const f of readdirSync(dataDir).filter((f) => f.endsWith('.json')).sort()) {
  entries.push(...JSON.parse(readFileSync(join(dataDir, f), 'utf8')));
}
const { models } = JSON.parse(readFileSync(join(root, 'server/src/catalog/models.json'), 'utf8'));
const { renames } = JSON.parse(readFileSync(join(root, 'server/src/catalog/renames.json'), 'utf8'));
mkdirSync(join(root, 'server/generated'), { recursive: true });
writeFileSync(join(root, 'server/generated/catalog.json'), JSON.stringify({ entries, models, renames }));
console.log(`catalogue: ${entries.length} entries, ${models.length} models, ${renames.length} renamed names`);
