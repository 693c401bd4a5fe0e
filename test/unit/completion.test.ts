import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { catalogData } from '../../server/src/catalog/catalogData';
import { createLanguageService } from '../../server/src/languageService';
import type { CompletionEntry, Range } from '../../server/src/types';
import { fixtureCatalog, withCaret } from '../fixtures/fixtureCatalog';

const HEADER = '#!version:1.0.0.1\n';
const service = createLanguageService(fixtureCatalog);
const ctx = { fileName: '0015651234ab.cfg' };

function complete(marked: string, svc = service): CompletionEntry[] {
  const { text, pos } = withCaret(marked);
  return svc.complete(text, pos, ctx);
}

function range(line: number, start: number, end: number): Range {
  return { start: { line, character: start }, end: { line, character: end } };
}

/** The parts of a name item a test compares exactly; documentation is checked on its own. */
function nameView(items: CompletionEntry[]) {
  return items.map((c) => ({
    label: c.label,
    kind: c.kind,
    detail: c.detail,
    sortText: c.sortText,
    filterText: c.filterText,
    isSnippet: c.isSnippet,
    textEdit: c.textEdit,
  }));
}

function nameItem(label: string, detail: string, r: Range, newText: string) {
  return { label, kind: 10, detail, sortText: label, filterText: label, isSnippet: true, textEdit: { range: r, newText } };
}

const D_HOST = 'an IP address or a domain name · default blank';
const D_PORT = 'an integer from 0 to 65535 · default 5060';
const D_MODE = '0, 1 or 2 · default 2';
const D_WAIT = 'an integer from 1 to 99 · default 5';
const D_PROXY_MODE = '0, 1 or 2 · default -1';
const D_PROXY_PORT = 'an integer from 0 to 65535 · default -1';
const D_CODEC = '0 or 1 · default 1';
const D_LABEL = 'text of at most 32 characters';
const D_NET_MODE = '0, 1 or 2 · default 1';

describe('completion of names', () => {
  it('lists every parameter under a complete prefix, and only those, with the indices given', () => {
    const r = range(1, 0, 16);
    assert.deepEqual(nameView(complete(`${HEADER}acct.1.server.1.‸`)), [
      nameItem('acct.1.server.1.host', D_HOST, r, 'acct.1.server.1.host = ${1:}'),
      nameItem('acct.1.server.1.port', D_PORT, r, 'acct.1.server.1.port = ${1:5060}'),
      nameItem('acct.1.server.1.mode', D_MODE, r, 'acct.1.server.1.mode = ${1|2,0,1|}'),
      nameItem('acct.1.server.1.wait', D_WAIT, r, 'acct.1.server.1.wait = ${1:5}'),
    ]);
  });

  it('gives each name item the entry documentation as markdown', () => {
    const items = complete(`${HEADER}acct.1.server.1.mo‸`);
    assert.equal(items.length, 1);
    assert.equal(
      items[0].documentation,
      [
        '**acct.X.server.Y.mode**',
        'When server Y is used.',
        '**Permitted values:** \n\n- `0` Never\n- `1` Sometimes\n- `2` Always',
        '**Default:** `2`',
        '**Indices:** X: 1 to 4 (fewer on some models); Y: 1 to 2',
        '**File:** `<MAC>.cfg` (per phone)',
        '**Works only if:**\n\n- `acct.X.server.Y.host` is a domain name',
      ].join('\n\n'),
    );
  });

  it('turns indices not yet typed into numbered tab stops with the lowest index', () => {
    assert.deepEqual(nameView(complete(`${HEADER}acct.1‸`)).map((i) => i.textEdit.newText), [
      'acct.1.server.${1:1}.host = ${2:}',
      'acct.1.server.${1:1}.port = ${2:5060}',
      'acct.1.server.${1:1}.mode = ${2|2,0,1|}',
      'acct.1.server.${1:1}.wait = ${2:5}',
      'acct.1.proxy.${1:1}.mode = ${2|-1,0,1,2|}',
      'acct.1.proxy.${1:1}.port = ${2:-1}',
      'acct.1.codec.${1|pcmu,pcma,g722|}.enable = ${2|1,0|}',
      'acct.1.label = ${1:}',
    ]);
    assert.deepEqual(nameView(complete(`${HEADER}acct.‸`)).map((i) => i.textEdit.newText), [
      'acct.${1:1}.server.${2:1}.host = ${3:}',
      'acct.${1:1}.server.${2:1}.port = ${3:5060}',
      'acct.${1:1}.server.${2:1}.mode = ${3|2,0,1|}',
      'acct.${1:1}.server.${2:1}.wait = ${3:5}',
      'acct.${1:1}.proxy.${2:1}.mode = ${3|-1,0,1,2|}',
      'acct.${1:1}.proxy.${2:1}.port = ${3:-1}',
      'acct.${1:1}.codec.${2|pcmu,pcma,g722|}.enable = ${3|1,0|}',
      'acct.${1:1}.label = ${2:}',
    ]);
    assert.deepEqual(nameView(complete(`${HEADER}acct.2.pr‸`)), [
      nameItem('acct.2.proxy.1.mode', D_PROXY_MODE, range(1, 0, 9), 'acct.2.proxy.${1:1}.mode = ${2|-1,0,1,2|}'),
      nameItem('acct.2.proxy.1.port', D_PROXY_PORT, range(1, 0, 9), 'acct.2.proxy.${1:1}.port = ${2:-1}'),
    ]);
  });

  it('matches partial names by prefix of the segment being typed', () => {
    assert.deepEqual(nameView(complete(`${HEADER}acct.3.server.1.p‸`)), [
      nameItem('acct.3.server.1.port', D_PORT, range(1, 0, 17), 'acct.3.server.1.port = ${1:5060}'),
    ]);
    assert.deepEqual(nameView(complete(`${HEADER}net.‸`)), [
      nameItem('net.mode', D_NET_MODE, range(1, 0, 4), 'net.mode = ${1|1,0,2|}'),
      nameItem('net.timeout', 'an integer 0 or 10 to 600 · default 60', range(1, 0, 4), 'net.timeout = ${1:60}'),
    ]);
    assert.deepEqual(nameView(complete(`${HEADER}ne‸`)).map((i) => i.label), ['net.mode', 'net.timeout']);
    assert.deepEqual(nameView(complete(`${HEADER}acct.3.server.1.x‸`)), []);
    assert.deepEqual(nameView(complete(`${HEADER}zzz‸`)), []);
  });

  it('keeps an index number already typed instead of replacing it with a tab stop', () => {
    const r = range(1, 0, 15);
    assert.deepEqual(nameView(complete(`${HEADER}acct.3.server.2‸`)), [
      nameItem('acct.3.server.2.host', D_HOST, r, 'acct.3.server.2.host = ${1:}'),
      nameItem('acct.3.server.2.port', D_PORT, r, 'acct.3.server.2.port = ${1:5060}'),
      nameItem('acct.3.server.2.mode', D_MODE, r, 'acct.3.server.2.mode = ${1|2,0,1|}'),
      nameItem('acct.3.server.2.wait', D_WAIT, r, 'acct.3.server.2.wait = ${1:5}'),
    ]);
    assert.deepEqual(nameView(complete(`${HEADER}acct.12‸`)).map((i) => i.textEdit.newText)[0], 'acct.12.server.${1:1}.host = ${2:}');
    assert.deepEqual(nameView(complete(`${HEADER}acct.x‸`)), []);
  });

  it('offers the words a placeholder takes as snippet choices and filters on the typed word', () => {
    assert.deepEqual(nameView(complete(`${HEADER}acct.2.codec.pc‸`)), [
      nameItem('acct.2.codec.pcmu.enable', D_CODEC, range(1, 0, 15), 'acct.2.codec.${1|pcmu,pcma,g722|}.enable = ${2|1,0|}'),
    ]);
    assert.deepEqual(nameView(complete(`${HEADER}acct.2.codec.g722.‸`)), [
      nameItem('acct.2.codec.g722.enable', D_CODEC, range(1, 0, 18), 'acct.2.codec.g722.enable = ${1|1,0|}'),
    ]);
    assert.deepEqual(nameView(complete(`${HEADER}acct.2.codec.opus‸`)), []);
    assert.deepEqual(nameView(complete(`${HEADER}acct.2.codec.7‸`)), []);
    assert.deepEqual(nameView(complete(`${HEADER}acct.2.codec.opus.‸`)), []);
  });

  it('does not offer aliases as names', () => {
    assert.deepEqual(nameView(complete(`${HEADER}acct.1.l‸`)), [nameItem('acct.1.label', D_LABEL, range(1, 0, 8), 'acct.1.label = ${1:}')]);
    assert.deepEqual(nameView(complete(`${HEADER}acct.1.disp‸`)), []);
  });

  it('escapes snippet syntax in choices and puts the default first', () => {
    assert.deepEqual(nameView(complete(`${HEADER}dial.‸`)), [
      nameItem('dial.separator', ', or | · default ,', range(1, 0, 5), 'dial.separator = ${1|\\,,\\||}'),
    ]);
  });

  it('adds no " = value" when the line already has "=", and replaces the whole name being edited', () => {
    assert.deepEqual(nameView(complete(`${HEADER}acct.1.ser‸ver.1.host = x.example`)), [
      nameItem('acct.1.server.1.host', D_HOST, range(1, 0, 20), 'acct.1.server.${1:1}.host'),
      nameItem('acct.1.server.1.port', D_PORT, range(1, 0, 20), 'acct.1.server.${1:1}.port'),
      nameItem('acct.1.server.1.mode', D_MODE, range(1, 0, 20), 'acct.1.server.${1:1}.mode'),
      nameItem('acct.1.server.1.wait', D_WAIT, range(1, 0, 20), 'acct.1.server.${1:1}.wait'),
    ]);
    assert.deepEqual(nameView(complete(`${HEADER}  net.m‸ode=1`)), [nameItem('net.mode', D_NET_MODE, range(1, 2, 10), 'net.mode')]);
  });

  it('replaces the rest of the name after the cursor up to a blank on a line without "="', () => {
    assert.deepEqual(nameView(complete(`${HEADER}net.ti‸meo  trailing`)), [
      nameItem('net.timeout', 'an integer 0 or 10 to 600 · default 60', range(1, 0, 9), 'net.timeout = ${1:60}'),
    ]);
  });

  it('skips the byte order mark on line 0', () => {
    const items = complete('\uFEFFnet.mo‸');
    assert.deepEqual(nameView(items), [nameItem('net.mode', D_NET_MODE, range(0, 1, 7), 'net.mode = ${1|1,0,2|}')]);
    assert.deepEqual(nameView(complete('\uFEFF‸')).map((i) => i.textEdit.range), Array(12).fill(range(0, 1, 1)));
  });

  it('offers nothing inside comments, before a comment sign, in the header or after a blank in the name', () => {
    assert.deepEqual(complete(`${HEADER}# acct.‸`), []);
    assert.deepEqual(complete(`${HEADER}#acct.1.server.1.mode = ‸`), []);
    assert.deepEqual(complete(`${HEADER}  ‸# acct.1`), []);
    assert.deepEqual(complete(`#!version:1.0.‸0.1\n`), []);
    assert.deepEqual(complete(`${HEADER}net mo‸`), []);
    assert.deepEqual(complete(`${HEADER}‸`, service).length, fixtureCatalog.entries.length);
  });
});

describe('completion of values', () => {
  function valueItem(label: string, detail: string, sortText: string, r: Range, preselect = false) {
    return {
      label,
      kind: 20,
      detail,
      sortText,
      filterText: label,
      textEdit: { range: r, newText: label },
      ...(preselect ? { preselect: true } : {}),
    };
  }

  it('lists the permitted values with their meanings, the default marked and sorted first', () => {
    const r = range(1, 23, 23);
    assert.deepEqual(complete(`${HEADER}acct.1.server.2.mode = ‸`), [
      valueItem('2', 'Always (default)', '0', r, true),
      valueItem('0', 'Never', '10000', r),
      valueItem('1', 'Sometimes', '10001', r),
    ]);
  });

  it('replaces the whole value, wherever the cursor is in it', () => {
    const r = range(1, 11, 15);
    assert.deepEqual(
      complete(`${HEADER}net.mode = 1‸2x4  `).map((i) => i.textEdit),
      ['1', '0', '2'].map((v) => ({ range: r, newText: v })),
    );
    assert.deepEqual(complete(`${HEADER}net.mode=‸`).map((i) => i.textEdit.range), Array(3).fill(range(1, 9, 9)));
  });

  it('offers -1 for inheriting entries, naming the inherited parameter with the line indices', () => {
    const r = range(1, 22, 22);
    assert.deepEqual(complete(`${HEADER}acct.3.proxy.2.mode = ‸`), [
      valueItem('-1', 'Use the value of acct.3.server.2.mode (default)', '0', r, true),
      valueItem('0', 'Never', '10000', r),
      valueItem('1', 'Sometimes', '10001', r),
      valueItem('2', 'Always', '10002', r),
    ]);
    assert.deepEqual(complete(`${HEADER}acct.1.proxy.1.port = ‸`), [
      valueItem('-1', 'Use the value of acct.1.server.1.port (default)', '0', r, true),
    ]);
  });

  it('offers the default of a non-enum parameter, and nothing without one', () => {
    assert.deepEqual(complete(`${HEADER}acct.1.server.1.port =‸`), [
      valueItem('5060', 'an integer from 0 to 65535 (default)', '0', range(1, 22, 22), true),
    ]);
    assert.deepEqual(complete(`${HEADER}acct.1.label = ‸`), []);
    assert.deepEqual(complete(`${HEADER}acct.1.server.1.host = ‸`), []);
  });

  it('offers multi-value items and values of word-indexed names', () => {
    assert.deepEqual(
      complete(`${HEADER}tones.list = ‸`).map((i) => [i.label, i.detail, i.sortText]),
      [
        ['a', 'Alpha tone (default)', '0'],
        ['b', 'Beta tone', '10001'],
      ],
    );
    assert.deepEqual(
      complete(`${HEADER}acct.1.codec.pcma.enable = ‸`).map((i) => [i.label, i.detail]),
      [
        ['1', 'Enabled (default)'],
        ['0', 'Disabled'],
      ],
    );
  });

  it('offers nothing after "=" for unknown names', () => {
    assert.deepEqual(complete(`${HEADER}acct.1.server.9.colour = ‸`), []);
    assert.deepEqual(complete(`${HEADER}nothing = ‸`), []);
  });

  it('completes values on line 0 after a byte order mark', () => {
    assert.deepEqual(
      complete('\uFEFFnet.mode = ‸').map((i) => [i.label, i.textEdit.range]),
      [
        ['1', range(0, 12, 12)],
        ['0', range(0, 12, 12)],
        ['2', range(0, 12, 12)],
      ],
    );
  });
});

describe('completion with the shipped catalogue', () => {
  const real = createLanguageService(catalogData);
  const seed = [
    'address',
    'port',
    'transport_type',
    'expires',
    'retry_counts',
    'register_on_enable',
    'only_signal_with_registered',
    'invite_retry_counts',
    'failback_mode',
    'failback_timeout',
    'failback_subscribe.enable',
  ];

  it('lists every account.X.sip_server.Y parameter at account.1.sip_server.1., and only those', () => {
    const items = complete(`${HEADER}account.1.sip_server.1.‸`, real);
    const labels = items.map((i) => i.label);
    const expected = catalogData.entries
      .filter((e) => e.name.startsWith('account.X.sip_server.Y.'))
      .map((e) => `account.1.sip_server.1.${e.name.slice('account.X.sip_server.Y.'.length)}`);
    assert.deepEqual([...labels].sort(), [...expected].sort());
    for (const s of seed) assert.ok(labels.includes(`account.1.sip_server.1.${s}`), s);
    for (const i of items) assert.deepEqual(i.textEdit.range, range(1, 0, 23));
  });

  it('inserts failback_mode with its values as a choice, the default 0 first', () => {
    const items = complete(`${HEADER}account.1.sip_server.2.failback_m‸`, real);
    assert.deepEqual(
      items.map((i) => [i.label, i.textEdit.newText]),
      [['account.1.sip_server.2.failback_mode', 'account.1.sip_server.2.failback_mode = ${1|0,1,2,3|}']],
    );
  });

  it('offers the transport types with their meanings after "="', () => {
    assert.deepEqual(
      complete(`${HEADER}account.1.sip_server.1.transport_type = ‸`, real).map((i) => [i.label, i.detail]),
      [
        ['0', 'UDP (default)'],
        ['1', 'TCP'],
        ['2', 'TLS'],
        ['3', 'DNS-NAPTR (look the transport up in DNS)'],
      ],
    );
  });

  it('offers -1 first for an outbound proxy setting that inherits', () => {
    const items = complete(`${HEADER}account.2.outbound_proxy.1.failback_mode = ‸`, real);
    assert.deepEqual(items[0].label, '-1');
    assert.equal(items[0].detail, 'Use the value of account.2.sip_server.1.failback_mode (default)');
    assert.deepEqual(items.map((i) => i.label), ['-1', '0', '1', '2', '3']);
  });
});
