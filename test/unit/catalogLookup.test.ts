import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Catalog, splitName } from '../../server/src/catalog/catalog';
import { catalogData } from '../../server/src/catalog/catalogData';
import { fixtureCatalog } from '../fixtures/fixtureCatalog';

const catalog = new Catalog(fixtureCatalog);

/** What a lookup found, in a form a test can compare exactly. */
function found(name: string) {
  const m = catalog.lookup(name);
  if (!m) return undefined;
  return {
    entry: m.entry.name,
    pattern: m.pattern,
    isAlias: m.isAlias,
    indices: m.indices.map((i) => [i.letter, i.text, i.start, i.end, i.isSymbolic]),
  };
}

describe('catalogue lookup', () => {
  it('finds names without indices exactly', () => {
    assert.deepEqual(found('net.mode'), { entry: 'net.mode', pattern: 'net.mode', isAlias: false, indices: [] });
    assert.equal(found('net.mod'), undefined);
    assert.equal(found('net.mode.x'), undefined);
    assert.equal(found('NET.MODE'), undefined);
  });

  it('normalises numeric indices and reports each with its offsets', () => {
    assert.deepEqual(found('acct.12.server.2.port'), {
      entry: 'acct.X.server.Y.port',
      pattern: 'acct.X.server.Y.port',
      isAlias: false,
      indices: [
        ['X', '12', 5, 7, false],
        ['Y', '2', 15, 16, false],
      ],
    });
    // Out-of-range numbers still find the entry: the range is validation's business.
    assert.equal(found('acct.99.server.0.port')?.entry, 'acct.X.server.Y.port');
    assert.equal(found('acct.1.server.port'), undefined);
    assert.equal(found('acct.one.server.1.port'), undefined);
  });

  it('resolves aliases to their entry, keeping the alias spelling', () => {
    assert.deepEqual(found('acct.3.display_label'), {
      entry: 'acct.X.label',
      pattern: 'acct.X.display_label',
      isAlias: true,
      indices: [['X', '3', 5, 6, false]],
    });
    assert.equal(catalog.entryByPattern('acct.X.display_label')?.name, 'acct.X.label');
    assert.equal(catalog.entryByPattern('acct.1.display_label'), undefined);
  });

  it('takes only the listed words where a placeholder takes words', () => {
    assert.deepEqual(found('acct.1.codec.g722.enable'), {
      entry: 'acct.X.codec.Z.enable',
      pattern: 'acct.X.codec.Z.enable',
      isAlias: false,
      indices: [
        ['X', '1', 5, 6, false],
        ['Z', 'g722', 13, 17, false],
      ],
    });
    assert.equal(found('acct.1.codec.opus.enable'), undefined);
    assert.equal(found('acct.1.codec.1.enable'), undefined);
  });

  it('treats template expressions in an index as symbolic, even when they contain dots', () => {
    assert.deepEqual(found('acct.{$row.line}.label'), {
      entry: 'acct.X.label',
      pattern: 'acct.X.label',
      isAlias: false,
      indices: [['X', '{$row.line}', 5, 16, true]],
    });
    assert.deepEqual(found('acct.{{ n }}.label')?.indices, [['X', '{{ n }}', 5, 12, true]]);
    assert.deepEqual(found('acct.${n}.server.{{ s.id }}.host')?.indices, [
      ['X', '${n}', 5, 9, true],
      ['Y', '{{ s.id }}', 17, 27, true],
    ]);
    assert.deepEqual(found('acct.$line.label')?.indices, [['X', '$line', 5, 10, true]]);
    assert.deepEqual(found('acct.@LINE@.label')?.indices, [['X', '@LINE@', 5, 11, true]]);
  });

  it('accepts a template expression or a literal letter where a word index goes', () => {
    assert.deepEqual(found('acct.1.codec.{$codec}.enable')?.indices, [
      ['X', '1', 5, 6, false],
      ['Z', '{$codec}', 13, 21, true],
    ]);
    assert.deepEqual(found('acct.X.codec.Z.enable')?.indices, [
      ['X', 'X', 5, 6, true],
      ['Z', 'Z', 13, 14, true],
    ]);
  });

  it('accepts a literal placeholder letter as an index', () => {
    assert.deepEqual(found('acct.X.server.Y.host')?.indices, [
      ['X', 'X', 5, 6, true],
      ['Y', 'Y', 14, 15, true],
    ]);
    assert.deepEqual(found('acct.N.label')?.indices, [['X', 'N', 5, 6, true]]);
    assert.equal(found('acct.XY.label'), undefined);
  });

  it('splits names at dots outside template expressions', () => {
    assert.deepEqual(
      splitName('a.{$b.c}.d').map((s) => [s.text, s.start, s.end, s.isTemplate]),
      [
        ['a', 0, 1, false],
        ['{$b.c}', 2, 8, true],
        ['d', 9, 10, false],
      ],
    );
  });
});

describe('models', () => {
  it('takes the model from a common file name', () => {
    assert.equal(catalog.modelFor('y000000000001.cfg')?.id, 'y000000000001');
    assert.equal(catalog.modelFor('/srv/tftp/Y000000000001.CFG')?.id, 'y000000000001');
    assert.equal(catalog.modelFor('C:\\tftp\\y000000000002.cfg')?.id, 'y000000000002');
    assert.equal(catalog.modelFor('y000000000099.cfg'), undefined);
    assert.equal(catalog.modelFor('0015651234ab.cfg'), undefined);
  });

  it('does not narrow y000000000000.cfg, in any letter case, and falls back to the setting', () => {
    assert.equal(catalog.modelFor('y000000000000.cfg'), undefined);
    assert.equal(catalog.modelFor('Y000000000000.CFG'), undefined);
    assert.equal(catalog.modelFor('y000000000000.cfg', { model: 'Beta' })?.id, 'y000000000002');
  });

  it('takes the model setting by name (ignoring case and blanks) or by id', () => {
    assert.equal(catalog.modelFor('0015651234ab.cfg', { model: 'alpha1' })?.id, 'y000000000001');
    assert.equal(catalog.modelFor('0015651234ab.cfg', { model: ' Alpha 1 ' })?.id, 'y000000000001');
    assert.equal(catalog.modelFor('0015651234ab.cfg', { model: 'A1X' })?.id, 'y000000000001');
    assert.equal(catalog.modelFor('0015651234ab.cfg', { model: 'Y000000000002' })?.id, 'y000000000002');
    assert.equal(catalog.modelFor('0015651234ab.cfg', { model: 'Gamma' }), undefined);
    assert.equal(catalog.modelFor('0015651234ab.cfg', { model: '  ' }), undefined);
    // The file name wins over the setting.
    assert.equal(catalog.modelFor('y000000000001.cfg', { model: 'Beta' })?.id, 'y000000000001');
  });

  it('gives the highest index per model, else the entry maximum', () => {
    const spec = catalog.lookup('acct.1.label')!.indices[0].spec;
    assert.equal(catalog.indexMax(spec, undefined), 4);
    assert.equal(catalog.indexMax(spec, catalog.modelFor('y000000000001.cfg')), 2);
    assert.equal(catalog.indexMax(spec, catalog.modelFor('y000000000002.cfg')), 4);
    assert.equal(catalog.indexMax({ min: 1, max: 2 }, catalog.modelFor('y000000000001.cfg')), 2);
    assert.equal(catalog.indexMax({ values: ['a'] }, undefined), undefined);
  });
});

describe('suggestions', () => {
  it('keeps the unknown name\'s numeric and template indices', () => {
    assert.deepEqual(catalog.suggest('acct.3.server.2.hots'), ['acct.3.server.2.host', 'acct.3.server.2.mode', 'acct.3.server.2.port']);
    assert.deepEqual(catalog.suggest('acct.{$n}.lable'), ['acct.{$n}.label']);
    assert.deepEqual(catalog.suggest('net.mod'), ['net.mode']);
    assert.deepEqual(catalog.suggest('completely.different.thing'), []);
  });

  it('keeps a word index and finds the name despite the word', () => {
    assert.deepEqual(catalog.suggest('acct.2.codec.pcma.enabel'), ['acct.2.codec.pcma.enable']);
  });

  it('honours the limit, also for a name asked before with another limit', () => {
    assert.deepEqual(catalog.suggest('acct.4.server.1.hots', 1), ['acct.4.server.1.host']);
    assert.deepEqual(catalog.suggest('acct.4.server.1.hots', 3), ['acct.4.server.1.host', 'acct.4.server.1.mode', 'acct.4.server.1.port']);
    assert.deepEqual(catalog.suggest('acct.4.server.1.hots', 2), ['acct.4.server.1.host', 'acct.4.server.1.mode']);
  });

  it('fills indices the unknown name lacks with their lowest value', () => {
    assert.deepEqual(catalog.suggest('acct.server.1.host'), ['acct.1.server.1.host']);
    assert.equal(catalog.fill('acct.X.codec.Z.enable', ['2'], fixtureCatalog.entries.find((e) => e.name === 'acct.X.codec.Z.enable')!.indices), 'acct.2.codec.pcmu.enable');
  });
});

describe('lookup in the shipped catalogue', () => {
  const real = new Catalog(catalogData);

  it('finds the seed SIP server parameters with any account and server index', () => {
    for (const leaf of ['address', 'port', 'transport_type', 'expires', 'retry_counts', 'failback_mode', 'failback_timeout']) {
      assert.equal(real.lookup(`account.7.sip_server.2.${leaf}`)?.entry.name, `account.X.sip_server.Y.${leaf}`, leaf);
    }
    assert.equal(real.lookup('account.{$line}.sip_server.{{ n }}.failback_mode')?.entry.name, 'account.X.sip_server.Y.failback_mode');
    assert.deepEqual(real.suggest('account.2.sip_server.2.adress', 1), ['account.2.sip_server.2.address']);
  });

  it('gives the accounts per model from the model table', () => {
    const spec = real.lookup('account.1.sip_server.1.address')!.indices[0].spec;
    assert.equal(real.indexMax(spec, undefined), 16);
    assert.equal(real.indexMax(spec, real.modelFor('y000000000044.cfg')), 3);
    assert.equal(real.indexMax(spec, real.modelFor('x.cfg', { model: 'T46S' })), 16);
  });
});
