// docs/CATALOGUE.md is generated from the data and must be current; the share of guide-backed entries
// must not fall below the floor the data reached, nor the share resting on file names alone rise.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { CATALOGUE_DOC, renderCatalogue } from '../../scripts/catalog-docs';
import { coverageOf, isFileOnly, isGuideBacked, isGuideSource, percent, readFamilies } from '../../scripts/catalog-stats';
import type { CatalogEntry } from '../../server/src/types';

/** Floors the data holds; raise them as entries are checked against the guides (goal: 70% and 10%). */
const GUIDE_BACKED_FLOOR = 0.405;
const FILE_ONLY_CEILING = 0.263;

const entry = (sources: string[]): CatalogEntry => ({ name: 'a.b', type: { kind: 'string' }, file: 'common', summary: 'A test entry.', sources });

describe('catalogue provenance', () => {
  it('counts a source as a guide only when it names the guide', () => {
    assert.equal(isGuideSource("guide:Administrator's Guide for T5 Series, Call Park"), true);
    assert.equal(isGuideSource('seed:failover.md'), true);
    assert.equal(isGuideSource('guide:'), false);
    assert.equal(isGuideSource('vendor-comment'), false);
    assert.equal(isGuideBacked(entry(['corpus', 'guide:W80 guide, page 46'])), true);
    assert.equal(isFileOnly(entry(['corpus'])), true);
    assert.equal(isFileOnly(entry(['corpus', 'sipx'])), false);
  });

  it('computes the figures of a family', () => {
    const c = coverageOf([entry(['corpus']), { ...entry(['guide:G, p. 1']), default: '1', webUi: 'A > B', aliases: ['x.y'] }]);
    assert.deepEqual(c, { entries: 2, guideBacked: 1, fileOnly: 1, withDefault: 1, withWebUi: 1, withConditions: 0, withFirmwareTypes: 0, withModels: 0, aliases: 1 });
    assert.equal(percent(1, 3), '33.3%');
  });

  it(`keeps at least ${GUIDE_BACKED_FLOOR * 100}% of entries guide-backed and at most ${FILE_ONLY_CEILING * 100}% on file names only`, () => {
    const c = coverageOf(readFamilies().flatMap((f) => f.entries));
    const guide = c.guideBacked / c.entries;
    const files = c.fileOnly / c.entries;
    assert.ok(guide >= GUIDE_BACKED_FLOOR, `guide-backed ${percent(c.guideBacked, c.entries)} is below the floor`);
    assert.ok(files <= FILE_ONLY_CEILING, `file-only ${percent(c.fileOnly, c.entries)} is above the ceiling`);
  });
});

describe('docs/CATALOGUE.md', () => {
  it('is what `npm run catalog:docs` writes from the current data', () => {
    const committed = readFileSync(CATALOGUE_DOC, 'utf8');
    assert.ok(committed === renderCatalogue(), 'docs/CATALOGUE.md is out of date: run `npm run catalog:docs` and commit the result');
  });

  it('names every family with its entry count', () => {
    const text = renderCatalogue();
    for (const f of readFamilies()) assert.ok(text.includes(`| \`${f.name}\` | ${f.entries.length} |`), f.name);
  });
});
