import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { catalogData } from '../../server/src/catalog/catalogData';
import { Catalog } from '../../server/src/catalog/catalog';
import { parse } from '../../server/src/parser';
import { FileValues } from '../../server/src/services/fileValues';
import { NameMap } from '../../server/src/services/nameMap';
import { NameIndexer, type CheckedLine } from '../../server/src/services/validation';

describe('name map', () => {
  it('finds every name it was given across its shards, and says which sets were repeats', () => {
    const map = new NameMap<number>(50000);
    const fresh: boolean[] = [];
    for (let i = 0; i < 50000; i++) fresh.push(map.set(`account.${(i % 16) + 1}.name_${i}`, i));
    assert.equal(fresh.every(Boolean), true);
    assert.equal(map.set('account.3.name_2', -1), false);
    assert.equal(map.size, 50000);
    assert.equal(map.get('account.3.name_2'), -1);
    assert.equal(map.get('account.1.name_48000'), 48000);
    assert.equal(map.get('account.1.name_50000'), undefined);
  });

  it('a clone takes new names without changing the original', () => {
    const map = new NameMap<string>(10000);
    map.set('a', '1');
    const copy = map.clone();
    copy.set('b', '2');
    copy.set('a', '3');
    assert.deepEqual([map.get('a'), map.get('b'), map.size], ['1', undefined, 1]);
    assert.deepEqual([copy.get('a'), copy.get('b'), copy.size], ['3', '2', 2]);
  });
});

describe("validation's name index", () => {
  const catalog = new Catalog(catalogData);
  const check = (text: string): CheckedLine[] =>
    parse(text).lines.flatMap((l) => (l.kind === 'parameter' ? [{ line: l, match: catalog.lookup(l.name), clean: true }] : []));

  it('gives the same values as reading the file line by line: aliases, sections, repeats and unknown names', () => {
    const lines = ['#!version:1.0.0.1'];
    for (let i = 0; i < 12000; i++) lines.push(`account.${(i % 16) + 1}.label = n${i}`, `unknown.name_${i % 7000} = ${i}`);
    lines.push(
      'account.2.srtp_unencrypted_rtp.enable = 1', // an alias, after its canonical spelling
      'account.3.srtp_unencrypted_rtp.enable = 0',
      'account.3.srtp.unencrypted_rtp.enable = 1', // the canonical spelling after the alias
      '[ account ]',
      'account.4.label = from a section',
    );
    const doc = parse(lines.join('\n'));
    const checked = check(lines.join('\n'));
    const index = new NameIndexer(doc.lines.length);
    for (const c of checked) index.add(c);
    const fromIndex = new FileValues(doc, catalog, undefined, index);
    const plain = new FileValues(doc, catalog);
    const names = [...new Set(checked.map((c) => c.line.name)), 'account.2.srtp.unencrypted_rtp.enable', 'never.set'];
    for (const name of names) assert.equal(fromIndex.lineOf(name)?.line, plain.lineOf(name)?.line, name);
    assert.equal(fromIndex.lineOf('account.2.srtp.unencrypted_rtp.enable')?.line, 24001);
    assert.equal(fromIndex.lineOf('account.3.srtp.unencrypted_rtp.enable')?.line, 24003);
    // 12,000 labels over 16 accounts; 12,000 unknown lines over 7,000 names, 5,000 of them twice.
    // Every line but the last of its name is overridden, by that last line.
    assert.equal(index.repeats, 12000 - 16 + 5000);
    const winners = index.overriddenBy();
    assert.equal(winners.filter((w) => w !== 0).length, 12000 - 16 + 5000);
    assert.equal(winners[2 + 2 * 4999] - 1, 2 + 2 * 11999, 'unknown.name_4999: its second line wins');
    assert.equal(winners[2 + 2 * 11999], 0, 'the winner itself is not overridden');
    assert.equal(winners[2 + 2 * 5000], 0, 'unknown.name_5000 is set once');
    assert.equal(winners[1] - 1, 1 + 2 * 11984, 'account.1.label: its last of 750 lines wins');
    assert.deepEqual([...winners.slice(24001)], [0, 0, 0, 0, 0], 'spellings and sections are keys of their own');
    assert.deepEqual(
      index.others.map((c) => c.line.name),
      ['account.2.srtp_unencrypted_rtp.enable', 'account.3.srtp_unencrypted_rtp.enable', 'account.4.label'],
    );
  });
});

describe("validation's name index, told too few lines", () => {
  it('grows as the lines come and still names each winner', () => {
    const doc = parse(['#!version:1.0.0.1', 'a.b = 1', 'c.d = 1', 'a.b = 2', 'c.d = 2', 'a.b = 3'].join('\n'));
    const index = new NameIndexer(1);
    for (const l of doc.lines) if (l.kind === 'parameter') index.add({ line: l, clean: true });
    assert.equal(index.repeats, 3);
    assert.deepEqual([...index.overriddenBy()].slice(0, 6), [0, 6, 5, 6, 0, 0]);
  });
});
