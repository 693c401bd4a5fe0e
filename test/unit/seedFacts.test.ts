// Every fact the seed pages (Administrator's Guide, p. 305: SIP server and outbound proxy failover) state,
// checked against the shipped catalogue, and the behaviour those facts imply.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { catalogData } from '../../server/src/catalog/catalogData';
import { createLanguageService } from '../../server/src/languageService';
import type { CatalogEntry, Condition, ValueType } from '../../server/src/types';
import { HEADER } from './helpers/diagnostics';
import { range } from './helpers/text';

function entry(name: string): CatalogEntry {
  const found = catalogData.entries.filter((e) => e.name === name);
  assert.equal(found.length, 1, `${name} is in the catalogue exactly once`);
  return found[0];
}

const enumValues = (t: ValueType) => {
  assert.ok(t.kind === 'enum', `${t.kind} is an enumeration`);
  return t.values.map((v) => v.value);
};
const integerRanges = (t: ValueType) => {
  assert.ok(t.kind === 'integer', `${t.kind} is an integer`);
  return t.ranges;
};

interface SeedFact {
  name: string;
  file: CatalogEntry['file'];
  values?: string[];
  /** Meanings, by value, as the seed names them (the catalogue words them itself; it must start so). */
  meanings?: Record<string, RegExp>;
  ranges?: [number, number][];
  default?: string;
  inherits?: string;
  conditions?: Condition[];
  webUi?: string;
}

const failbackModes = { '0': /^newRequests\b/, '1': /^DNSTTL\b/, '2': /^Registration\b/, '3': /^duration\b/ };

const FACTS: SeedFact[] = [
  // 000_d1269a007b6c1e61.txt
  {
    name: 'account.X.outbound_proxy.Y.only_signal_with_registered',
    file: 'mac',
    values: ['0', '1'],
    meanings: { '0': /^Disabled/, '1': /^Enabled/ },
    default: '-1',
    inherits: 'account.X.sip_server.Y.only_signal_with_registered',
    conditions: [
      { param: 'account.X.outbound_proxy.Y.register_on_enable', in: ['1'] },
      { param: 'account.X.outbound_proxy.Y.failback_mode', in: ['1', '2', '3'] },
    ],
  },
  {
    name: 'account.X.outbound_proxy.Y.invite_retry_counts',
    file: 'mac',
    ranges: [[1, 10]],
    default: '-1',
    inherits: 'account.X.sip_server.Y.invite_retry_counts',
  },
  {
    name: 'account.X.outbound_proxy.Y.failback_mode',
    file: 'mac',
    values: ['0', '1', '2', '3'],
    meanings: failbackModes,
    default: '-1',
    inherits: 'account.X.sip_server.Y.failback_mode',
  },
  {
    name: 'account.X.outbound_proxy.Y.failback_timeout',
    file: 'mac',
    ranges: [
      [0, 0],
      [60, 65535],
    ],
    default: '-1',
    inherits: 'account.X.sip_server.Y.failback_timeout',
    conditions: [{ param: 'account.X.outbound_proxy.Y.failback_mode', in: ['3'] }],
  },
  {
    // The page breaks off before this entry's default.
    name: 'account.X.outbound_proxy.Y.failback_subscribe.enable',
    file: 'mac',
    values: ['0', '1'],
    meanings: { '0': /^Disabled/, '1': /^Enabled/ },
    conditions: [{ param: 'account.X.outbound_proxy.Y.failback_mode', in: ['1', '2', '3'] }],
  },
  // 001_d4c14f937c83b60a.txt
  {
    // The page opens with the end of this entry: its two values and its default.
    name: 'account.X.sip_server.Y.register_on_enable',
    file: 'mac',
    values: ['0', '1'],
    meanings: { '1': /^Enabled: register with the secondary server first/ },
    default: '0',
  },
  {
    name: 'sip.skip_redundant_failover_addr',
    file: 'common',
    values: ['0', '1'],
    meanings: { '0': /^Disabled/, '1': /^Enabled/ },
    default: '1',
  },
  {
    name: 'account.X.sip_server.Y.expires',
    file: 'mac',
    ranges: [[30, 2147483647]],
    default: '3600',
    webUi: 'Account > Register > SIP Server Y > Server Expires',
  },
  {
    name: 'account.X.sip_server.Y.retry_counts',
    file: 'mac',
    ranges: [[0, 20]],
    default: '3',
    webUi: 'Account > Register > SIP Server Y > Server Retry Counts',
  },
  {
    name: 'account.X.sip_server.Y.only_signal_with_registered',
    file: 'mac',
    values: ['0', '1'],
    meanings: { '0': /^Disabled/, '1': /^Enabled/ },
    default: '0',
    conditions: [
      { param: 'account.X.sip_server.Y.register_on_enable', in: ['1'] },
      { param: 'account.X.sip_server.Y.failback_mode', in: ['1', '2', '3'] },
    ],
  },
  {
    name: 'account.X.sip_server.Y.invite_retry_counts',
    file: 'mac',
    ranges: [[1, 10]],
    default: '3',
  },
  {
    name: 'account.X.sip_server.Y.failback_mode',
    file: 'mac',
    conditions: [{ param: 'account.X.sip_server.Y.address', is: 'domain' }],
  },
];

describe('seed facts in the shipped catalogue', () => {
  for (const fact of FACTS) {
    describe(fact.name, () => {
      const e = entry(fact.name);
      it(`lives in the ${fact.file === 'mac' ? '<MAC>.cfg' : '<y0000000000xx>.cfg'} file`, () => {
        assert.equal(e.file, fact.file);
      });
      if (fact.name.startsWith('account.X.')) {
        it('is per account (X) and, for servers, per server 1 or 2 (Y)', () => {
          assert.equal(e.indices?.X?.min, 1);
          assert.equal(e.indices?.X?.per, 'accounts');
          if (fact.name.includes('.Y.')) assert.deepEqual(e.indices?.Y, { min: 1, max: 2 });
        });
      }
      if (fact.values) {
        it(`permits ${fact.values.join(', ')}`, () => {
          assert.deepEqual(enumValues(e.type), fact.values);
          for (const [value, meaning] of Object.entries(fact.meanings ?? {})) {
            const v = e.type.kind === 'enum' ? e.type.values.find((x) => x.value === value) : undefined;
            assert.match(v?.meaning ?? '', meaning, value);
          }
        });
      }
      if (fact.ranges) {
        it(`permits integers in ${JSON.stringify(fact.ranges)}`, () => {
          assert.deepEqual(integerRanges(e.type), fact.ranges);
        });
      }
      if (fact.default !== undefined) {
        it(`defaults to ${fact.default}`, () => {
          assert.equal(e.default, fact.default);
        });
      }
      if (fact.default !== undefined) {
        // The seed's "Default" line says whether -1 takes another parameter's value.
        it(fact.inherits ? `takes ${fact.inherits} for -1` : 'inherits nothing', () => {
          assert.equal(e.inherits, fact.inherits);
        });
      }
      if (fact.conditions) {
        it('has the conditions the note names', () => {
          assert.deepEqual(e.conditions, fact.conditions);
        });
      }
      if (fact.webUi) {
        it(`is at ${fact.webUi} in the Web UI`, () => {
          assert.equal(e.webUi, fact.webUi);
        });
      }
    });
  }

  it('every -1 target exists and has the same value type', () => {
    for (const fact of FACTS.filter((f) => f.inherits)) {
      const target = entry(fact.inherits!);
      assert.deepEqual(
        target.type.kind === 'enum' ? enumValues(target.type) : integerRanges(target.type),
        fact.values ?? fact.ranges,
        fact.name,
      );
    }
  });
});

describe('seed facts in validation with the shipped catalogue', () => {
  const ls = createLanguageService(catalogData);
  const check = (lines: string[], fileName = '001565aabbcc.cfg') => ls.validate([HEADER, ...lines].join('\n') + '\n', { fileName });

  it('accepts the range bounds and rejects just outside them', () => {
    const cases: [string, string[], string[], string][] = [
      ['account.1.sip_server.1.expires', ['30', '2147483647'], ['29', '2147483648'], '30 to 2147483647'],
      ['account.1.sip_server.1.retry_counts', ['0', '20'], ['-1', '21'], '0 to 20'],
      ['account.1.sip_server.1.invite_retry_counts', ['1', '10'], ['0', '11'], '1 to 10'],
      ['account.1.outbound_proxy.1.invite_retry_counts', ['1', '10', '-1'], ['0', '11'], '1 to 10'],
    ];
    for (const [name, good, bad, permitted] of cases) {
      for (const v of good) assert.deepEqual(check([`${name} = ${v}`]), [], `${name} = ${v}`);
      for (const v of bad) {
        const ds = check([`${name} = ${v}`]);
        assert.equal(ds.length, 1, `${name} = ${v}`);
        assert.equal(ds[0].code, 'out-of-range');
        assert.equal(ds[0].message, `Value ${v} of ${name} is out of range (permitted: ${permitted}).`);
        assert.deepEqual(ds[0].range, range(1, name.length + 3, name.length + 3 + v.length));
      }
    }
  });

  it('failback_timeout permits 0 and 60 to 65535 only', () => {
    const name = 'account.1.outbound_proxy.1.failback_timeout';
    for (const v of ['0', '60', '65535', '-1']) assert.deepEqual(check(['account.1.outbound_proxy.1.failback_mode = 3', `${name} = ${v}`]), [], v);
    const ds = check(['account.1.outbound_proxy.1.failback_mode = 3', `${name} = 59`]);
    assert.deepEqual(
      ds.map((d) => [d.code, d.message]),
      [['out-of-range', `Value 59 of ${name} is out of range (permitted: 0 or 60 to 65535).`]],
    );
  });

  it('outbound failback_mode -1 takes account.1.sip_server.1.failback_mode when deciding a condition', () => {
    const name = 'account.1.outbound_proxy.1.failback_subscribe.enable';
    const ds = check(['account.1.sip_server.1.failback_mode = 0', 'account.1.outbound_proxy.1.failback_mode = -1', `${name} = 1`]);
    assert.deepEqual(
      ds.map((d) => [d.code, d.message, d.range]),
      [
        [
          'dependency',
          `${name} has no effect: it works only if account.1.outbound_proxy.1.failback_mode is 1, 2 or 3, but it is 0 (inherited through -1 from account.1.sip_server.1.failback_mode, line 2).`,
          range(3, 0, name.length),
        ],
      ],
    );
  });

  it('sip_server only_signal_with_registered needs register_on_enable 1 and failback_mode 1 to 3', () => {
    const name = 'account.2.sip_server.2.only_signal_with_registered';
    assert.equal(
      check([`${name} = 1`])[0]?.message,
      `${name} has no effect: it works only if account.2.sip_server.2.register_on_enable is 1, but it is 0 (the default).`,
    );
    assert.equal(
      check(['account.2.sip_server.2.register_on_enable = 1', `${name} = 1`])[0]?.message,
      `${name} has no effect: it works only if account.2.sip_server.2.failback_mode is 1, 2 or 3, but it is 0 (the default).`,
    );
    assert.deepEqual(check(['account.2.sip_server.2.register_on_enable = 1', 'account.2.sip_server.2.failback_mode = 2', `${name} = 1`]), []);
  });

  it('failback_mode needs a domain name in the address', () => {
    const name = 'account.1.sip_server.1.failback_mode';
    assert.deepEqual(
      check(['account.1.sip_server.1.address = 192.168.1.10', `${name} = 2`]).map((d) => d.message),
      [`${name} has no effect: it works only if account.1.sip_server.1.address is a domain name, but it is 192.168.1.10 (line 2).`],
    );
    assert.deepEqual(check(['account.1.sip_server.1.address = pbx.example.com', `${name} = 2`]), []);
    assert.deepEqual(check([`${name} = 2`]), []);
  });

  it('account.13 is out of range on the T41S (y000000000068.cfg) but not on the T54W (y000000000096.cfg)', () => {
    const line = 'account.13.sip_server.1.expires = 3600';
    assert.deepEqual(
      check([line], 'y000000000068.cfg').map((d) => [d.code, d.message, d.range]),
      [['index-out-of-range', 'Index 13 is out of range in account.13.sip_server.1.expires: account takes 1 to 6 on the T41S.', range(1, 8, 10)]],
    );
    assert.deepEqual(check([line], 'y000000000096.cfg'), []);
  });
});
