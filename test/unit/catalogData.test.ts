// Tests over the shipped catalogue data itself: schema, internal consistency and lookups.
import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import Ajv from 'ajv';
import { Catalog } from '../../server/src/catalog/catalog';
import { catalogData } from '../../server/src/catalog/catalogData';
import { checkValue } from '../../server/src/catalog/valueTypes';
import type { CatalogEntry } from '../../server/src/types';

const root = join(__dirname, '..', '..');
const dataDir = join(root, 'server/src/catalog/data');
const schemaDir = join(root, 'server/src/catalog/schema');
const files = readdirSync(dataDir).filter((f) => f.endsWith('.json'));
const entries: CatalogEntry[] = catalogData.entries;
const PLACEHOLDER = /^[A-Z]$/;
const placeholdersOf = (name: string) => name.split('.').filter((s) => PLACEHOLDER.test(s));

describe('catalogue data', () => {
  it('every data file validates against the JSON Schema', () => {
    const ajv = new Ajv({ allErrors: true, strict: false });
    const validate = ajv.compile(JSON.parse(readFileSync(join(schemaDir, 'catalog-entry.schema.json'), 'utf8')));
    for (const f of files) {
      const ok = validate(JSON.parse(readFileSync(join(dataDir, f), 'utf8')));
      assert.ok(ok, `${f}: ${ajv.errorsText(validate.errors)}`);
    }
  });

  it('the model table validates against its schema and ids are unique', () => {
    const ajv = new Ajv({ allErrors: true, strict: false });
    const validate = ajv.compile(JSON.parse(readFileSync(join(schemaDir, 'models.schema.json'), 'utf8')));
    const models = JSON.parse(readFileSync(join(root, 'server/src/catalog/models.json'), 'utf8')) as { models: { id: string }[] };
    assert.ok(validate(models), ajv.errorsText(validate.errors));
    const ids = models.models.map((m) => m.id);
    assert.equal(new Set(ids).size, ids.length);
  });

  it('the generated catalogue holds every entry of every data file', () => {
    const total = files.reduce((n, f) => n + JSON.parse(readFileSync(join(dataDir, f), 'utf8')).length, 0);
    assert.equal(entries.length, total);
  });

  it('holds at least 2,000 name patterns (names and aliases)', () => {
    const patterns = entries.reduce((n, e) => n + 1 + (e.aliases?.length ?? 0), 0);
    assert.ok(patterns >= 2000, `only ${patterns} patterns`);
  });

  it('declares exactly the placeholders each name and alias uses', () => {
    for (const e of entries) {
      const declared = Object.keys(e.indices ?? {}).sort();
      for (const n of [e.name, ...(e.aliases ?? [])]) {
        assert.deepEqual([...new Set(placeholdersOf(n))].sort(), declared, `${n}`);
      }
      for (const [letter, spec] of Object.entries(e.indices ?? {})) {
        if (spec.values) assert.ok(spec.values.length > 0, `${e.name} ${letter}`);
        else assert.ok(spec.min !== undefined && spec.max !== undefined && spec.min <= spec.max, `${e.name} ${letter} range`);
      }
    }
  });

  it('every default satisfies its own type (-1 only where the entry inherits)', () => {
    for (const e of entries) {
      if (e.default === undefined || e.default === '' || e.default === '%NULL%') continue;
      if (e.default === '-1' && e.inherits) continue;
      assert.equal(checkValue(e.type, e.default), undefined, `${e.name}: default ${e.default}`);
    }
  });

  it('integer ranges are ordered and enumerations have unique values with meanings', () => {
    for (const e of entries) {
      for (const t of [e.type, ...(e.firmwareTypes ?? []).map((f) => f.type)]) {
        if (t.kind === 'integer') for (const [a, b] of t.ranges ?? []) assert.ok(a <= b, `${e.name}: ${a} > ${b}`);
        if (t.kind === 'enum' || t.kind === 'multiEnum') {
          const values = t.values.map((v) => v.value);
          assert.equal(new Set(values).size, values.length, `${e.name}: repeated enum value`);
          for (const v of t.values) assert.ok(v.meaning.trim().length > 0, `${e.name}: ${v.value} has no meaning`);
        }
      }
    }
  });

  it('every condition and inheritance refers to an existing entry with the same placeholders', () => {
    const catalog = new Catalog(catalogData);
    for (const e of entries) {
      const own = new Set(Object.keys(e.indices ?? {}));
      const refs = [...(e.inherits ? [e.inherits] : []), ...(e.conditions ?? []).map((c) => c.param)];
      for (const r of refs) {
        assert.ok(catalog.entryByPattern(r), `${e.name} refers to missing ${r}`);
        for (const p of placeholdersOf(r)) assert.ok(own.has(p), `${e.name} refers to ${r}, whose ${p} it does not have`);
      }
      if (e.inherits) assert.equal(e.default, '-1', `${e.name} inherits but its default is not -1`);
    }
  });

  it('no two patterns match the same name, and every pattern looks up to its own entry', () => {
    const catalog = new Catalog(catalogData);
    const seen = new Map<string, string>();
    for (const rec of catalog.patterns) {
      const concrete = catalog.fill(rec.pattern, [], rec.entry.indices);
      const hit = catalog.lookup(concrete);
      assert.equal(hit?.entry, rec.entry, `${concrete} does not look up to ${rec.entry.name}`);
      const key = rec.segments
        .map((s) => (PLACEHOLDER.test(s) ? (rec.entry.indices?.[s]?.values ? `{${rec.entry.indices[s].values!.join('|')}}` : '#') : s))
        .join('.');
      assert.ok(!seen.has(key), `${rec.pattern} overlaps ${seen.get(key)}`);
      seen.set(key, rec.pattern);
    }
  });

  it('the renames file validates against its schema', () => {
    const ajv = new Ajv({ allErrors: true, strict: false });
    const validate = ajv.compile(JSON.parse(readFileSync(join(schemaDir, 'renames.schema.json'), 'utf8')));
    const renames = JSON.parse(readFileSync(join(root, 'server/src/catalog/renames.json'), 'utf8')) as { renames: unknown[] };
    const count = renames.renames.length;
    assert.ok(validate(renames), ajv.errorsText(validate.errors));
    assert.equal(catalogData.renames?.length, count);
  });

  it('every alias and renamed name looks up to its entry; every rename fix gives a current name', () => {
    const catalog = new Catalog(catalogData);
    for (const e of entries) {
      for (const a of e.aliases ?? []) assert.equal(catalog.lookup(catalog.fill(a, [], e.indices))?.entry, e, a);
    }
    for (const r of catalogData.renames ?? []) {
      const entry = catalog.entryByPattern(r.current);
      assert.ok(entry, `${r.old}: ${r.current} is not an entry`);
      const hit = catalog.lookup(catalog.fill(r.old, [], entry.indices));
      assert.equal(hit?.entry, entry, r.old);
      assert.equal(hit?.renamed, r, r.old);
      const current = catalog.currentName(hit!)!;
      const fixed = catalog.lookup(current);
      assert.equal(fixed?.entry, entry, `${r.old} -> ${current}`);
      assert.equal(fixed?.renamed, undefined, `${current} is itself a renamed name`);
      assert.equal(fixed?.isAlias, false, `${current} is an alias, not the current name`);
    }
  });

  it('every entry has a summary of its own, not the guide phrasing', () => {
    const seen = new Map<string, string>();
    for (const e of entries) {
      assert.ok(e.summary.trim().length >= 10, `${e.name}: summary too short`);
      assert.ok(!/^(It )?(enables or disables|configures) /i.test(e.summary), `${e.name}: summary uses the guide's phrasing`);
      assert.ok(e.sources.length > 0, `${e.name}: no sources`);
      seen.set(e.summary, e.name);
    }
  });
});
