import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { catalogData } from '../../server/src/catalog/catalogData';
import { Catalog } from '../../server/src/catalog/catalog';
import { parse } from '../../server/src/parser';
import { FileValues } from '../../server/src/services/fileValues';
import { NAME_TABLE_HARD_LIMIT, NAME_TABLE_SOFT_LIMIT, NameTable } from '../../server/src/catalog/nameTable';
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
  // Some names come without their number, as names the table had no room for (a name has a number
  // in all its lines or in none): the index then keys them by name, and must give the same answers.
  const check = (text: string): CheckedLine[] =>
    parse(text).lines.flatMap((l) =>
      l.kind === 'parameter' ? [{ line: l, match: catalog.lookup(l.name), clean: true, nameId: l.name.length % 3 === 0 ? -1 : catalog.nameId(l.name) }] : [],
    );

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
    const index = new NameIndexer(catalog, doc.lines);
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

describe("validation's name index, given more lines and names than it was sized for", () => {
  it('grows as the lines come and still names each winner', () => {
    const catalog = new Catalog(catalogData);
    const doc = parse(['#!version:1.0.0.1', 'a.b = 1', 'c.d = 1', 'a.b = 2', 'c.d = 2', 'a.b = 3'].join('\n'));
    const index = new NameIndexer(catalog, doc.lines.slice(0, 1));
    for (const l of doc.lines) if (l.kind === 'parameter') index.add({ line: l, clean: true, nameId: catalog.nameId(l.name) });
    assert.equal(index.repeats, 3);
    assert.deepEqual([...index.overriddenBy()].slice(0, 6), [0, 6, 5, 6, 0, 0]);
  });
});

describe('the name table', () => {
  it('numbers names in the order met, and finding a name adds nothing', () => {
    const table = new NameTable<string>();
    assert.deepEqual([table.idOf('a.b'), table.idOf('c.d'), table.idOf('a.b'), table.find('e.f'), table.find('c.d'), table.size], [0, 1, 0, -1, 1, 2]);
    assert.equal(table.matchAt(0), undefined);
    table.setMatch(0, null);
    table.setMatch(1, 'm');
    assert.deepEqual([table.matchAt(0), table.matchAt(1)], [null, 'm']);
  });

  it('starts afresh before a pass once past its soft limit, and then says so by its generation', () => {
    const table = new NameTable<string>();
    for (let i = 0; i < NAME_TABLE_SOFT_LIMIT - 1; i++) table.idOf(`n.${i}`);
    table.trim();
    assert.deepEqual([table.size, table.generation], [NAME_TABLE_SOFT_LIMIT - 1, 0]);
    table.idOf('one.more');
    table.trim();
    assert.deepEqual([table.size, table.generation, table.find('one.more')], [0, 1, -1]);
  });

  it('gives no number once full within a pass', () => {
    const table = new NameTable<string>();
    for (let i = 0; i < NAME_TABLE_HARD_LIMIT; i++) table.idOf(`n.${i}`);
    assert.deepEqual([table.idOf('n.5'), table.idOf('one.more'), table.size], [5, -1, NAME_TABLE_HARD_LIMIT]);
  });

  it("a catalogue lookup of a name the full table cannot number still finds the name's entry", () => {
    const catalog = new Catalog(catalogData);
    for (let i = 0; i < NAME_TABLE_HARD_LIMIT; i++) catalog.names.idOf(`n.${i}`);
    assert.equal(catalog.nameId('account.1.label'), -1);
    assert.equal(catalog.lookup('account.1.label')?.entry.name, 'account.X.label');
    assert.equal(catalog.nameId('x'.repeat(300)), -1, 'a name longer than any parameter gets no number');
    assert.equal(catalog.lookup('x'.repeat(300)), undefined);
  });
});

describe("a file's values after the name table was emptied", () => {
  it('are read again from the lines, not through numbers that now belong to other names', () => {
    const catalog = new Catalog(catalogData);
    const doc = parse(['#!version:1.0.0.1', 'account.1.label = a', 'account.2.label = b', 'account.1.label = c'].join('\n'));
    const index = new NameIndexer(catalog, doc.lines);
    for (const l of doc.lines) if (l.kind === 'parameter') index.add({ line: l, clean: true, nameId: catalog.nameId(l.name) });
    const before = FileValues.of(doc, catalog, undefined, index);
    assert.equal(before.lineOf('account.1.label')?.line, 3);
    catalog.clearCaches();
    // The other name now holds number 0, which was account.1.label's.
    assert.equal(catalog.nameId('account.2.label'), 0);
    assert.equal(index.lastByName.get('account.2.label')?.line, 2, 'the stale index reads the lines');
    assert.equal(index.lastByName.get('account.1.label')?.line, 3);
    const after = FileValues.of(doc, catalog, undefined, index);
    assert.notEqual(after, before, 'a fresh set of values, built from the lines');
    assert.deepEqual([after.lineOf('account.1.label')?.line, after.lineOf('account.2.label')?.line], [3, 2]);
  });
});
