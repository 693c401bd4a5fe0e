// Property tests (fast-check) of the whole engine on generated documents: names and values from the
// shipped catalogue (indices in and out of range, secrets), mutated lines, unicode edge cases and mixed
// line endings. The invariants are in helpers/invariants.ts. Runs are bounded and the seed is fixed;
// on failure fast-check prints the seed and the shrunk document, and FC_SEED=<seed> replays it.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { catalogData } from '../../server/src/catalog/catalogData';
import { createLanguageService } from '../../server/src/languageService';
import type { CatalogEntry } from '../../server/src/types';
import { checkDocument } from './helpers/invariants';

const service = createLanguageService(catalogData);
const SEED = Number(process.env.FC_SEED ?? 20261129);
const RUNS = Number(process.env.FC_RUNS ?? 150);

const entries = catalogData.entries.filter((e) => !e.deprecated);
const sensitive = entries.filter((e) => e.sensitive);

function nameOf(e: CatalogEntry, picks: number[]): string {
  let i = 0;
  return e.name
    .split('.')
    .map((seg) => {
      if (!/^[A-Z]$/.test(seg)) return seg;
      const spec = e.indices?.[seg];
      const k = picks[i++ % picks.length];
      if (spec?.values) return spec.values[k % spec.values.length];
      return String(k % 3 === 0 ? k : (spec?.min ?? 1) + (k % Math.max(1, (spec?.max ?? 4) - (spec?.min ?? 1) + 1)));
    })
    .join('.');
}

function valuesOf(e: CatalogEntry): string[] {
  const t = e.type;
  const listed = t.kind === 'enum' || t.kind === 'multiEnum' ? t.values.map((v) => v.value) : [];
  return [...listed, e.default ?? '', '-1', '%NULL%', '99999', 'abc', '1.2.3.4', 'sip.example.com'];
}

const picks = fc.array(fc.nat({ max: 40 }), { minLength: 1, maxLength: 3 });
const catalogueLine = fc
  .tuple(fc.constantFrom(...entries), picks, fc.nat(), fc.constantFrom(' = ', '=', ' =', '\t=\t'))
  .map(([e, p, v, eq]) => `${nameOf(e, p)}${eq}${valuesOf(e)[v % valuesOf(e).length]}`);
const secretLine = fc
  .tuple(fc.constantFrom(...sensitive), picks, fc.stringMatching(/^[A-Za-z0-9]{8,14}$/))
  .map(([e, p, s]) => `${nameOf(e, p)} = Sx${s}`);
const oddText = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 8 }),
  fc.string({ unit: 'binary', maxLength: 8 }),
  fc.constantFrom('\uFEFF', '\u2028', '\u0000', '\uFFFD', '\uD800', '\uDC00', '\u00A0', 'e\u0301', '👍', '\t', '{{', '{$a}', '#', '=', '.', '[', ']'),
);
const otherLine = fc.oneof(
  fc.constantFrom('#!version:1.0.0.1', '', '# comment', '# yealink-cfg-disable-next-line', '[ account ]', 'include:config "x.cfg"', '{if $a}', 'no equals', ' = v', '.='),
  oddText,
);
/** A line with a few characters inserted, removed or replaced. */
const mutated = fc
  .tuple(fc.oneof(catalogueLine, otherLine), fc.array(fc.tuple(fc.nat(), fc.nat({ max: 3 }), oddText), { maxLength: 3 }))
  .map(([line, edits]) => edits.reduce((l, [at, del, ins]) => l.slice(0, at % (l.length + 1)) + ins + l.slice((at % (l.length + 1)) + del), line));
const eol = fc.constantFrom('\n', '\r\n', '\r');
const fileNames = fc.constantFrom('0015651234ab.cfg', 'y000000000096.cfg', 'y000000000000.boot', 'phone.tpl', 'notes.txt');

const documents = fc
  .tuple(
    fc.array(fc.tuple(fc.oneof({ weight: 4, arbitrary: catalogueLine }, secretLine, otherLine, { weight: 2, arbitrary: mutated }), eol), { maxLength: 14 }),
    fc.boolean(),
    fc.boolean(),
    fc.boolean(),
  )
  .map(([lines, bom, header, finalNewline]) => {
    let text = (header ? '#!version:1.0.0.1\n' : '') + lines.map(([l, e]) => l + e).join('');
    if (!finalNewline && lines.length) text = text.slice(0, -lines[lines.length - 1][1].length);
    return (bom ? '\uFEFF' : '') + text;
  });

describe('engine properties (fast-check)', () => {
  it(`every invariant holds on generated documents (seed ${SEED}, ${RUNS} runs)`, () => {
    fc.assert(
      fc.property(documents, fileNames, (text, fileName) => {
        const { violations } = checkDocument(service, text, fileName, { positions: 18, fixes: 8 });
        assert.deepEqual(violations, [], `${JSON.stringify(fileName)} ${JSON.stringify(text)}`);
      }),
      { seed: SEED, numRuns: RUNS },
    );
  });

  it('the checker catches what it guards: a leaked secret and a fix that joins lines', () => {
    const leaky = { ...service, hover: () => ({ contents: 'Sxabcdefgh12', range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } } }) };
    const text = 'account.1.password = Sxabcdefgh12\n';
    assert.ok(checkDocument(leaky, text, '0015651234ab.cfg').violations.some((v) => v.includes('shows the secret')));
    const joining = {
      ...service,
      quickFixes: (t: never, ds: never[]) =>
        ds.map((d: { range: unknown }) => ({ title: 'Remove', diagnostic: d, edits: [{ range: { start: { line: 1, character: 0 }, end: { line: 2, character: 0 } }, newText: '' }] })),
    } as unknown as typeof service;
    assert.ok(checkDocument(joining, '\r.=\n\n.=', '0015651234ab.cfg').violations.some((v) => v.includes('joined or split lines')));
  });
});
