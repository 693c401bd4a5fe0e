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
    const index = new NameIndexer(checked.length);
    for (const c of checked) index.add(c);
    const fromIndex = new FileValues(doc, catalog, undefined, index);
    const plain = new FileValues(doc, catalog);
    const names = [...new Set(checked.map((c) => c.line.name)), 'account.2.srtp.unencrypted_rtp.enable', 'never.set'];
    for (const name of names) assert.equal(fromIndex.lineOf(name)?.line, plain.lineOf(name)?.line, name);
    assert.equal(fromIndex.lineOf('account.2.srtp.unencrypted_rtp.enable')?.line, 24001);
    assert.equal(fromIndex.lineOf('account.3.srtp.unencrypted_rtp.enable')?.line, 24003);
    // 12,000 labels over 16 accounts; 12,000 unknown lines over 7,000 names, 5,000 of them twice.
    assert.equal(index.repeatedKeys.size, 16 + 5000);
    assert.equal(index.repeatedKeys.get('unknown.name_4999')?.line, 2 * 11999 + 2);
    assert.equal(index.repeatedKeys.get('unknown.name_5000'), undefined);
    assert.deepEqual(
      index.others.map((c) => c.line.name),
      ['account.2.srtp_unencrypted_rtp.enable', 'account.3.srtp_unencrypted_rtp.enable', 'account.4.label'],
    );
  });
});
