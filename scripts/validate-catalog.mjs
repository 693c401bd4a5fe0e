#!/usr/bin/env node
// Validates the catalogue data files: the JSON Schema, then the rules a schema cannot say
// (placeholders declared, defaults of the right type, references that exist, no overlapping names).
// Usage: node scripts/validate-catalog.mjs [data files...]   (default: every file in the data folder)
import { readFileSync, readdirSync } from 'node:fs';
import { join, dirname, basename } from 'node:path';
import { fileURLToPath } from 'node:url';
import Ajv from 'ajv';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dataDir = join(root, 'server/src/catalog/data');
const schema = JSON.parse(readFileSync(join(root, 'server/src/catalog/schema/catalog-entry.schema.json'), 'utf8'));
const ajv = new Ajv({ allErrors: true, strict: false });
const validate = ajv.compile(schema);

const all = readdirSync(dataDir).filter((f) => f.endsWith('.json')).map((f) => join(dataDir, f));
const chosen = process.argv.slice(2).length ? process.argv.slice(2) : all;
const problems = [];
const entries = []; // every entry of every file, for cross references
for (const file of all) {
  let data;
  try {
    data = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    problems.push(`${basename(file)}: not valid JSON: ${e.message}`);
    continue;
  }
  const mine = chosen.some((c) => c.endsWith(basename(file)));
  if (!validate(data)) {
    if (mine) for (const err of validate.errors.slice(0, 50)) problems.push(`${basename(file)}${err.instancePath}: ${err.message} ${JSON.stringify(err.params)}`);
    continue;
  }
  for (const e of data) entries.push({ e, file: basename(file), mine });
}

const placeholder = /^[A-Z]$/;
function keysOf(name, indices) {
  // every concrete lookup key a pattern stands for: numeric placeholders become '#', word placeholders expand
  let keys = [''];
  for (const seg of name.split('.')) {
    let opts;
    if (placeholder.test(seg)) {
      const ix = indices?.[seg];
      opts = ix?.values ? ix.values : ['#'];
    } else opts = [seg];
    keys = keys.flatMap((k) => opts.map((o) => (k ? k + '.' : '') + o));
  }
  return keys;
}
function checkValue(type, v) {
  switch (type.kind) {
    case 'integer':
      if (!/^-?\d+$/.test(v)) return 'not an integer';
      if (type.ranges && !type.ranges.some(([a, b]) => +v >= a && +v <= b)) return 'outside the ranges';
      return null;
    case 'enum':
      return type.values.some((x) => x.value === v) ? null : 'not one of the values';
    case 'string':
      return type.maxLength && [...v].length > type.maxLength ? 'too long' : null;
    default:
      return null;
  }
}
const byKey = new Map();
const names = new Set();
for (const { e, file, mine } of entries) {
  const where = `${file}: ${e.name}`;
  const segs = e.name.split('.').filter((s) => placeholder.test(s));
  const declared = Object.keys(e.indices ?? {});
  if (mine) {
    for (const s of segs) if (!declared.includes(s)) problems.push(`${where}: placeholder ${s} has no entry in indices`);
    for (const s of declared) if (!segs.includes(s)) problems.push(`${where}: indices declares ${s}, which the name does not use`);
    for (const ix of Object.values(e.indices ?? {})) {
      if (!ix.values && (ix.min === undefined || ix.max === undefined)) problems.push(`${where}: a numeric placeholder needs min and max`);
    }
    if (e.default !== undefined && e.default !== '' && e.default !== '%NULL%') {
      const inheritOk = e.inherits && e.default === '-1';
      const why = inheritOk ? null : checkValue(e.type, e.default);
      if (why) problems.push(`${where}: default ${JSON.stringify(e.default)} is ${why} of its own type`);
    }
    if (e.default === '-1' && !e.inherits && checkValue(e.type, '-1')) problems.push(`${where}: default -1 without inherits`);
  }
  for (const n of [e.name, ...(e.aliases ?? [])]) {
    names.add(n);
    for (const k of keysOf(n, e.indices)) {
      const prev = byKey.get(k);
      if (prev && (mine || prev.mine)) problems.push(`${where}: ${n} overlaps ${prev.file}: ${prev.name} (both match ${k})`);
      else byKey.set(k, { file, name: e.name, mine });
    }
  }
}
for (const { e, file, mine } of entries) {
  if (!mine) continue;
  const refs = [e.inherits, ...(e.conditions ?? []).map((c) => c.param)].filter(Boolean);
  for (const r of refs) if (!names.has(r)) problems.push(`${file}: ${e.name}: refers to ${r}, which is not in the catalogue`);
}
// Renamed names: the current name exists, the old one is new to the catalogue and uses only its placeholders.
const renamesFile = join(root, 'server/src/catalog/renames.json');
const renames = JSON.parse(readFileSync(renamesFile, 'utf8'));
const validateRenames = ajv.compile(JSON.parse(readFileSync(join(root, 'server/src/catalog/schema/renames.schema.json'), 'utf8')));
if (!validateRenames(renames)) for (const err of validateRenames.errors) problems.push(`renames.json${err.instancePath}: ${err.message}`);
else {
  const entryByName = new Map(entries.map(({ e }) => [e.name, e]));
  for (const r of renames.renames) {
    const entry = entryByName.get(r.current);
    if (!entry) {
      problems.push(`renames.json: ${r.old}: the current name ${r.current} is not an entry`);
      continue;
    }
    for (const s of r.old.split('.').filter((x) => placeholder.test(x))) {
      if (!entry.indices?.[s]) problems.push(`renames.json: ${r.old}: placeholder ${s} is not one of ${r.current}'s`);
    }
    for (const k of keysOf(r.old, entry.indices)) {
      const prev = byKey.get(k);
      if (prev) problems.push(`renames.json: ${r.old} overlaps ${prev.file}: ${prev.name} (both match ${k})`);
      else byKey.set(k, { file: 'renames.json', name: r.old, mine: true });
    }
  }
}
if (problems.length) {
  console.error(problems.join('\n'));
  console.error(`${problems.length} problem(s)`);
  process.exit(1);
}
console.log(`catalogue ok: ${entries.length} entries in ${all.length} files`);
