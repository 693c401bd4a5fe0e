// Runs the engine over the real files in ../shared/corpus (read in place; they are not ours to copy)
// and over the public reference texts. Run with `npm run test:corpus`; needs the shared folder beside
// the repository.
import { strict as assert } from 'node:assert';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { catalogData } from '../../server/src/catalog/catalogData';
import { createLanguageService } from '../../server/src/languageService';
import { statsFor } from '../../scripts/catalog-report';

const shared = process.env.YEALINK_SHARED ?? join(__dirname, '..', '..', '..', 'shared');
const corpusDir = join(shared, 'corpus');
if (!existsSync(corpusDir)) {
  throw new Error(`The corpus folder ${corpusDir} is missing: set YEALINK_SHARED to the folder that holds corpus/ and reference/.`);
}
const files = readdirSync(corpusDir).filter((f) => !f.endsWith('.md')).sort();
// The files with no template engine, as corpus/STATS.md and SOURCES.md name them.
const PLAIN = [
  'tancredi__yealink-t46-expected.cfg',
  'pinball__001565937c63.cfg',
  'pinball__y000000000028.cfg',
  'macattack__y000000000028.cfg',
  'eliasnp__yealink.cfg',
  'ascentiaci__Brittany-Telus-Config.cfg',
  'ascentiaci__y000000000000.boot',
];
const service = createLanguageService(catalogData);
const read = (f: string) => new TextDecoder().decode(readFileSync(join(corpusDir, f)));

describe('corpus', () => {
  it('holds the 47 files the tests were written for', () => {
    assert.equal(files.length, 47);
    for (const f of PLAIN) assert.ok(files.includes(f), f);
  });

  for (const f of files) {
    it(`${f}: parses, its ranges rebuild the text, and every feature answers`, () => {
      const text = read(f);
      const doc = service.parse(text, f);
      assert.equal(doc.lines.map((l) => l.text + l.eol).join(''), text);
      for (const l of doc.lines) {
        if (l.kind !== 'parameter') continue;
        const slice = (r: { start: { character: number }; end: { character: number } }) => l.text.slice(r.start.character, r.end.character);
        assert.equal(slice(l.nameRange), l.name);
        assert.equal(slice(l.equalsRange), '=');
        assert.equal(slice(l.valueRange), l.value);
        assert.equal(l.value, l.value.trim());
      }
      const ctx = { fileName: f };
      const diagnostics = service.validate(doc, ctx);
      for (const d of diagnostics) assert.ok(d.range.start.line < doc.lines.length);
      for (const l of doc.lines.filter((x) => x.kind === 'parameter').slice(0, 200)) {
        if (l.kind !== 'parameter') continue;
        service.hover(doc, l.nameRange.start, ctx);
        service.complete(doc, l.nameRange.end, ctx);
        service.complete(doc, l.valueRange.end, ctx);
      }
      service.quickFixes(doc, diagnostics, ctx);
    });
  }

  it('unknown parameters stay under 0.5% of parameter lines in the plain files and 0.3% over all files', () => {
    const stats = files.map((f) => statsFor(f, read(f)));
    const rate = (group: typeof stats) => group.reduce((n, s) => n + s.unknown, 0) / group.reduce((n, s) => n + s.parameterLines, 0);
    const plain = stats.filter((s) => PLAIN.includes(s.file));
    assert.ok(rate(plain) <= 0.005, `plain files: ${(rate(plain) * 100).toFixed(2)}%`);
    assert.ok(rate(stats) <= 0.003, `all files: ${(rate(stats) * 100).toFixed(2)}%`);
  });

  it('a template with a statement before its header on line 1, or that only extends a base, has no missing-header', () => {
    for (const f of ['tancredi__yealink-y0.tmpl', 'wazo__v87__W90B.tpl', 'tancredi__yealink.tmpl']) {
      const codes = service.validate(read(f), { fileName: f }).map((d) => d.code);
      assert.ok(!codes.includes('missing-header'), f);
    }
  });

  it('names older firmware used and the DECT server templates are known', () => {
    const unknown = (f: string) => statsFor(f, read(f)).unknownNames;
    for (const n of unknown('fpbx__t46g__y000000000028.cfg').keys()) assert.ok(!n.startsWith('call_park.'), n);
    assert.deepEqual([...unknown('wazo__v87__base-dect.tpl').keys()], []);
    assert.deepEqual([...unknown('fpbx__t20p__{$mac}.cfg').keys()], []);
  });

  it('no catalogue summary repeats a sentence of the public sources word for word', () => {
    const ref = join(shared, 'reference');
    const texts: string[] = [];
    const comments = JSON.parse(readFileSync(join(ref, 'DERIVED_corpus_vendor_comments.json'), 'utf8')) as Record<string, { comments: { text: string }[] }>;
    for (const v of Object.values(comments)) for (const c of v.comments) texts.push(c.text);
    const sipx = JSON.parse(readFileSync(join(ref, 'sipxyealink/sipxyealink_v7x_settings.json'), 'utf8')) as Record<string, unknown>[];
    for (const s of sipx) for (const k of ['vendor_comment', 'description', 'label']) if (typeof s[k] === 'string') texts.push(s[k] as string);
    for (const f of readdirSync(join(shared, 'seeds'))) texts.push(readFileSync(join(shared, 'seeds', f), 'utf8'));
    const norm = (s: string) => s.toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim();
    // Sentences of six words or more: shorter ones ("0-Disabled, 1-Enabled") are facts, not prose.
    const sentences = new Set(
      texts.flatMap((t) => t.split(/[.;!?\n]+/)).map(norm).filter((s) => s.split(' ').length >= 6),
    );
    const offenders: string[] = [];
    for (const e of catalogData.entries) {
      const summary = ` ${norm(e.summary)} `;
      for (const s of sentences) if (summary.includes(` ${s} `)) offenders.push(`${e.name}: "${s}"`);
    }
    assert.deepEqual(offenders, []);
  });
});
