// Catalogue coverage report: runs the checker over files and prints, per file and in total, the lines
// with a parameter, the unknown-parameter count and rate, the most frequent unknown names and the
// count of each diagnostic code.
//   npm run catalog:report -- DIR_OR_FILE...

import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { catalogData } from '../server/src/catalog/catalogData';
import { createLanguageService } from '../server/src/languageService';
import { coverageOf, percent, readFamilies } from './catalog-stats';

export interface FileStats {
  file: string;
  isTemplate: boolean;
  parameterLines: number;
  unknown: number;
  unknownNames: Map<string, number>;
  codes: Map<string, number>;
}

const service = createLanguageService(catalogData);

export function statsFor(file: string, text: string): FileStats {
  const doc = service.parse(text, file);
  const diagnostics = service.validate(doc, { fileName: file });
  // Keys inside legacy [sections] belong to the old format, which the catalogue does not describe.
  const params = doc.lines.filter((l) => l.kind === 'parameter' && l.section === undefined);
  const codes = new Map<string, number>();
  const unknownNames = new Map<string, number>();
  let unknown = 0;
  for (const d of diagnostics) {
    codes.set(d.code, (codes.get(d.code) ?? 0) + 1);
    if (d.code === 'unknown-parameter') {
      unknown++;
      const line = doc.lines[d.range.start.line];
      const name = line.kind === 'parameter' ? line.name.replace(/\.\d+(?=\.|$)/g, '.N') : '?';
      unknownNames.set(name, (unknownNames.get(name) ?? 0) + 1);
    }
  }
  return { file, isTemplate: doc.isTemplate, parameterLines: params.length, unknown, unknownNames, codes };
}

function filesUnder(p: string): string[] {
  const st = statSync(p);
  if (!st.isDirectory()) return [p];
  return readdirSync(p)
    .sort()
    .flatMap((f) => filesUnder(join(p, f)))
    .filter((f) => /\.(cfg|boot|tpl|tmpl|vm)$/i.test(f));
}

function pct(a: number, b: number): string {
  return b === 0 ? '0.00%' : `${((100 * a) / b).toFixed(2)}%`;
}

function merge(into: Map<string, number>, from: Map<string, number>): void {
  for (const [k, v] of from) into.set(k, (into.get(k) ?? 0) + v);
}

/** The catalogue's provenance: the share of entries a guide backs, and of those resting on file names only. */
function printProvenance(): void {
  const c = coverageOf(readFamilies().flatMap((f) => f.entries));
  console.log(`catalogue: ${c.entries} entries; guide-backed ${c.guideBacked} (${percent(c.guideBacked, c.entries)}); on file names only ${c.fileOnly} (${percent(c.fileOnly, c.entries)})`);
}

function main(args: string[]): number {
  printProvenance();
  if (args.length === 0) {
    console.error('Usage: npm run catalog:report -- DIR_OR_FILE...   (without files: the catalogue figures only)');
    return 2;
  }
  const stats = args.flatMap(filesUnder).map((f) => statsFor(f, new TextDecoder().decode(readFileSync(f))));
  console.log('file\ttemplate\tparameter lines\tunknown\trate');
  for (const s of stats) {
    console.log(`${s.file}\t${s.isTemplate ? 'yes' : 'no'}\t${s.parameterLines}\t${s.unknown}\t${pct(s.unknown, s.parameterLines)}`);
  }
  for (const [label, group] of [
    ['files without template syntax', stats.filter((s) => !s.isTemplate)],
    ['all files', stats],
  ] as const) {
    const lines = group.reduce((n, s) => n + s.parameterLines, 0);
    const unknown = group.reduce((n, s) => n + s.unknown, 0);
    const names = new Map<string, number>();
    const codes = new Map<string, number>();
    for (const s of group) {
      merge(names, s.unknownNames);
      merge(codes, s.codes);
    }
    console.log(`\n== ${label}: ${group.length} files, ${lines} parameter lines, ${unknown} unknown (${pct(unknown, lines)})`);
    console.log(`codes: ${[...codes].sort((a, b) => b[1] - a[1]).map(([c, n]) => `${c} ${n}`).join(', ') || 'none'}`);
    const top = [...names].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).slice(0, 25);
    if (top.length) console.log(`most frequent unknown names:\n${top.map(([n, c]) => `  ${c}\t${n}`).join('\n')}`);
  }
  return 0;
}

if (require.main === module) process.exitCode = main(process.argv.slice(2));
