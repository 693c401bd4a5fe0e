// The benchmark's documents: real parameter names from the catalogue with valid values, a comment
// every 50 lines, an unknown name now and then and a bad value on one line in twenty (5%).

import type { Catalog, PatternRecord } from '../../server/src/catalog/catalog';

function badValue(rec: PatternRecord): string | undefined {
  const t = rec.entry.type;
  if (t.kind === 'enum' || t.kind === 'integer') return 'bogus';
  return undefined;
}

function goodValue(rec: PatternRecord): string {
  const t = rec.entry.type;
  return rec.entry.default ?? (t.kind === 'enum' ? t.values[0].value : t.kind === 'integer' ? String(t.ranges?.[0][0] ?? 0) : '');
}

/** The concrete name for the idx-th point of a pattern's index space, or undefined past its end. */
function nameAt(catalog: Catalog, rec: PatternRecord, idx: number): string | undefined {
  const letters = rec.segments.filter((s) => /^[A-Z]$/.test(s));
  if (idx > 0 && letters.length === 0) return undefined;
  let rest = idx;
  const texts = letters.map((s) => {
    const spec = rec.entry.indices?.[s];
    const size = spec?.values ? spec.values.length : (spec?.max ?? 1) - (spec?.min ?? 1) + 1;
    const k = rest % size;
    rest = Math.floor(rest / size);
    return spec?.values ? spec.values[k] : String((spec?.min ?? 1) + k);
  });
  return rest > 0 ? undefined : catalog.fill(rec.pattern, texts, rec.entry.indices);
}

/** Yields distinct parameter lines, family by family through the index space, as long as names last. */
function* parameterLines(catalog: Catalog): Generator<string> {
  const recs = catalog.patterns.filter((p) => !p.isAlias && !p.entry.multiple);
  let n = 0;
  for (let idx = 0; idx < 4096; idx++) {
    for (const rec of recs) {
      const name = nameAt(catalog, rec, idx);
      if (name === undefined) continue;
      n++;
      const bad = n % 20 === 7 ? badValue(rec) : undefined;
      yield `${name} = ${bad ?? goodValue(rec)}`;
    }
  }
}

/**
 * A file of `lines` lines (or of at least `bytes` bytes). Once the distinct names run out they repeat:
 * as settings (each repeat a duplicate), or with `commentRepeats` as commented-out lines, the way vendor
 * templates list settings they leave at their defaults.
 */
export function generate(catalog: Catalog, lines: number, bytes = 0, commentRepeats = false): string {
  const out = ['#!version:1.0.0.1'];
  let size = out[0].length + 1;
  let round = 0;
  while (out.length < lines || size < bytes) {
    for (const setting of parameterLines(catalog)) {
      const line = round > 0 && commentRepeats ? `# ${setting}` : setting;
      if (out.length >= lines && size >= bytes) break;
      const extra = out.length % 50 === 0 ? `## settings block ${out.length}` : out.length % 997 === 0 ? `${line.split(' ')[0]}x = 1` : undefined;
      if (extra) {
        out.push(extra);
        size += extra.length + 1;
      }
      out.push(line);
      size += line.length + 1;
    }
    round++;
    if (round > 1000) break;
  }
  return (bytes ? out : out.slice(0, lines)).join('\n') + '\n';
}
