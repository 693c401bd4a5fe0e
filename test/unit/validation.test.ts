import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ALL_CODES, type DiagnosticCode, type SeveritySetting, type ValidationSettings, type YealinkDiagnostic } from '../../server/src/types';
import {
  assertDependency,
  assertDuplicateParameter,
  assertIndexOutOfRange,
  assertInvalidEnum,
  assertInvalidValue,
  assertLegacyFormat,
  assertMalformedLine,
  assertMissingHeader,
  assertOutOfRange,
  assertUnknownParameter,
  codes,
  defaultSeverity,
  file,
  HEADER,
  MAC_FILE,
  only,
  service,
  validate,
} from './helpers/diagnostics';
import { sampleContext, SITE_SAMPLES, type SiteSample } from './helpers/site';
import { marked, range } from './helpers/text';

const HEADER_MSG = 'The first line must be the header "#!version:1.0.0.1".';
const notHeader = (s: string) => `The first line must be the header "#!version:1.0.0.1", not "${s}".`;
const NO_EQUALS = 'Not a "name = value" line: it has no "=". Comment lines start with "#".';
const EMPTY_NAME = 'Not a "name = value" line: the name before "=" is empty.';
const INCLUDE = '"include:config" works only in boot files (.boot); a .cfg file cannot include others.';
const BINARY = 'This file holds binary data (NUL bytes or undecodable bytes), not provisioning text; it was not checked.';
const LEGACY =
  'This file uses the legacy "[ section ]" format of firmware before V70; keys inside sections are not checked against the catalogue.';

describe('validation: a clean file', () => {
  it('reports nothing for valid lines, comments and blanks', () => {
    const text = file(
      '# account 1',
      'account.1.enable = 1',
      'account.1.label = Desk',
      '',
      'account.1.sip_server.1.address = sip.example.com',
      'account.1.sip_server.1.port = 5061',
      'account.1.codec.pcmu.enable = 0',
      'static.network.ip_address = 10.0.0.2',
      'static.network.ipv6_address = fe80::1',
      'static.network.domain = example.com',
      'static.auto_provision.server.url = https://p.example.com/cfg/',
      'local_time.dst_start = 23:59',
      'static.trusted_mac = 00:15:65:AA:BB:CC',
      'voice.gain = 1.5',
      'features.volume = -3',
      'features.dtmf.types = inband,info',
      'network.ip_address = 10.0.0.3',
    );
    assert.deepEqual(validate(text), []);
  });
});

describe('validation: missing-header', () => {
  it('reports a file whose first line is not the header, quoting that line', () => {
    assertMissingHeader(only(validate('account.1.enable = 1\n')), notHeader('account.1.enable = 1'), range(0, 0, 20));
  });

  it('reports an empty first line without quoting it', () => {
    assertMissingHeader(only(validate('\naccount.1.enable = 1\n')), HEADER_MSG, range(0, 0, 0));
    assertMissingHeader(only(validate('')), HEADER_MSG, range(0, 0, 0));
  });

  it('reports another version over the whole line', () => {
    assertMissingHeader(only(validate('#!version:2.0.0.1\naccount.1.enable = 1')), notHeader('#!version:2.0.0.1'), range(0, 0, 17));
  });

  it('shortens a long first line in the message', () => {
    const first = `# ${'x'.repeat(70)}`;
    assertMissingHeader(only(validate(`${first}\n`)), notHeader(`${first.slice(0, 57)}...`), range(0, 0, 72));
  });

  it('accepts a byte order mark before the header', () => {
    assert.deepEqual(validate(`\uFEFF${HEADER}\r\naccount.1.enable = 1\r\n`), []);
  });

  it('reports after the byte order mark when the header is missing', () => {
    assertMissingHeader(only(validate('\uFEFFaccount.1.enable = 1')), notHeader('account.1.enable = 1'), range(0, 1, 21));
  });

  it('accepts the header after template statements in a template', () => {
    const text = `{% set mac = device.mac %}\n{# comment #}\n${HEADER}\naccount.1.enable = 1\n`;
    assert.deepEqual(validate(text, 'y000000000068.tpl'), []);
    assert.deepEqual(validate(text, 'plain.cfg'), []);
  });

  it('still requires the header before the first parameter of a template', () => {
    const text = `{% set a = 1 %}\naccount.1.enable = 1\n${HEADER}\n`;
    assertMissingHeader(only(validate(text, 'a.tpl')), notHeader('{% set a = 1 %}'), range(0, 0, 15));
  });

  it('does not accept the header on a later line of a plain file', () => {
    assertMissingHeader(only(validate(`# comment\n${HEADER}\n`)), notHeader('# comment'), range(0, 0, 9));
  });
});

describe('validation: malformed-line', () => {
  it('reports a line without "="', () => {
    assertMalformedLine(only(validate(file('  account.1.enable 1 '))), NO_EQUALS, range(1, 2, 20));
  });

  it('reports an empty name', () => {
    assertMalformedLine(only(validate(file('\t= 1'))), EMPTY_NAME, range(1, 1, 4));
  });

  it('reports blanks inside a name', () => {
    assertMalformedLine(
      only(validate(file('account 1.enable = 1'))),
      'The parameter name "account 1.enable" contains blanks; names are dotted words without blanks.',
      range(1, 0, 20),
    );
  });

  it('reports include:config in a .cfg file, but not in a boot file', () => {
    const text = file('[T46S]include:config "t46.cfg"');
    assertMalformedLine(only(validate(text, 'y000000000068.cfg')), INCLUDE, range(1, 0, 30));
    assert.deepEqual(validate(text, 'y000000000000.boot'), []);
    assert.deepEqual(validate(text, '/srv/tftp/001565AABBCC.BOOT'), []);
  });

  it('reports binary data once and checks nothing else', () => {
    const d = only(validate('PK\u0003\u0004\u0000\u0000x\nnot = checked\nmore'));
    assertMalformedLine(d, BINARY, range(0, 0, 7));
  });

  it('reports text that is mostly undecodable bytes as binary', () => {
    assertMalformedLine(only(validate('\uFFFD\uFFFD\uFFFDab\n')), BINARY, range(0, 0, 5));
  });

  it('does not report template lines in a template', () => {
    assert.deepEqual(validate(`${HEADER}\n{if $line}\n{$extra}\naccount.1.enable = 1\n{/if}\n`, 'a.tpl'), []);
  });
});

describe('validation: unknown-parameter', () => {
  it('names the closest parameters, with the line\'s own indices', () => {
    const d = only(validate(file('account.3.sip_server.2.prot = 5060')));
    assertUnknownParameter(d, 'Unknown parameter "account.3.sip_server.2.prot". Did you mean "account.3.sip_server.2.port"?', range(1, 0, 27));
    assert.deepEqual(d.data, { suggestions: ['account.3.sip_server.2.port'] });
  });

  it('lists several suggestions best first', () => {
    const d = only(validate(file('account.1.enabel = 1')));
    assertUnknownParameter(d, 'Unknown parameter "account.1.enabel". Did you mean "account.1.enable" or "account.1.label"?', range(1, 0, 16));
    assert.deepEqual(d.data, { suggestions: ['account.1.enable', 'account.1.label'] });
  });

  it('never suggests a deprecated name', () => {
    const d = only(validate(file('features.xxx_name = 1')));
    assert.deepEqual(d.data, { suggestions: ['features.new_name'] });
  });

  it('says only that the name is unknown when nothing is close', () => {
    const d = only(validate(file('  zzz.qqq = 1')));
    assertUnknownParameter(d, 'Unknown parameter "zzz.qqq".', range(1, 2, 9));
    assert.deepEqual(d.data, { suggestions: [] });
  });

  it('accepts aliases', () => {
    assert.deepEqual(validate(file('network.ip_address = 10.0.0.1')), []);
  });

  it('skips names matched by ignoredParameters, exactly or with "*"', () => {
    const text = file('custom.a = 1', 'custom.b.c = 2', 'my.key = 3', 'other = 4');
    const d = only(validate(text, MAC_FILE, { ignoredParameters: ['custom.*', 'my.key'] }));
    assert.equal(d.code, 'unknown-parameter');
    assert.equal(d.range.start.line, 4);
  });

  it('does not report a name whose first segment is a template expression', () => {
    assert.deepEqual(validate(`${HEADER}\n{$prefix}.label = x\n`, 'a.tpl'), []);
  });

  it('reports an unknown word where an index takes words', () => {
    const d = only(validate(file('account.1.codec.opus.enable = 1')));
    assert.equal(d.code, 'unknown-parameter');
  });
});

describe('validation: index-out-of-range', () => {
  const line = 'account.13.enable = 1';
  const t41s = 'Index 13 is out of range in account.13.enable: account takes 1 to 6 on the T41S.';

  it('uses the model of a common file name: y000000000068.cfg is the T41S with 6 accounts', () => {
    const d = only(validate(file(line), 'y000000000068.cfg'));
    assertIndexOutOfRange(d, t41s, range(1, 8, 10));
    assert.deepEqual(d.data, { replacements: [{ value: '6', why: 'the highest index' }] });
  });

  it('accepts account 13 in y000000000096.cfg (T54W, 16 accounts)', () => {
    assert.deepEqual(validate(file(line), 'y000000000096.cfg'), []);
    assert.deepEqual(validate(file(line), '/provisioning/Y000000000096.CFG'), []);
  });

  it('takes the model setting for other file names, by name or id, ignoring case', () => {
    for (const model of ['T41S', 't41s', 'y000000000068']) {
      assertIndexOutOfRange(only(validate(file(line), MAC_FILE, { model })), t41s, range(1, 8, 10));
    }
  });

  it('prefers the model of the file name to the setting', () => {
    assert.deepEqual(validate(file(line), 'y000000000096.cfg', { model: 'T41S' }), []);
  });

  it('takes the setting for y000000000000.cfg, which many models share', () => {
    assert.deepEqual(validate(file(line), 'y000000000000.cfg'), []);
    assertIndexOutOfRange(only(validate(file(line), 'y000000000000.cfg', { model: 'T41S' })), t41s, range(1, 8, 10));
  });

  it('uses the widest range without a model', () => {
    assert.deepEqual(validate(file('account.16.enable = 1')), []);
    const d = only(validate(file('account.17.enable = 1')));
    assertIndexOutOfRange(d, 'Index 17 is out of range in account.17.enable: account takes 1 to 16.', range(1, 8, 10));
    assert.deepEqual(validate(file('account.17.enable = 1'), MAC_FILE, { model: 'no-such-model' }).length, 1);
  });

  it('reports index 0 with the lowest index as replacement', () => {
    const d = only(validate(file('account.0.enable = 1')));
    assertIndexOutOfRange(d, 'Index 0 is out of range in account.0.enable: account takes 1 to 16.', range(1, 8, 9));
    assert.deepEqual(d.data, { replacements: [{ value: '1', why: 'the lowest index' }] });
  });

  it('reports a later index over its own digits, without a model for a fixed limit', () => {
    const d = only(validate(file('account.1.sip_server.3.port = 5060'), 'y000000000068.cfg'));
    assertIndexOutOfRange(d, 'Index 3 is out of range in account.1.sip_server.3.port: sip_server takes 1 to 2.', range(1, 21, 22));
  });

  it('uses the model column the index names', () => {
    assertIndexOutOfRange(
      only(validate(file('linekey.16.type = 15'), 'y000000000068.cfg')),
      'Index 16 is out of range in linekey.16.type: linekey takes 1 to 15 on the T41S.',
      range(1, 8, 10),
    );
    // The T54W has no line key count in the model table: the catalogue's widest range applies.
    assert.deepEqual(validate(file('linekey.29.type = 15'), 'y000000000096.cfg'), []);
  });

  it('joins the names of a model with several', () => {
    assert.equal(
      only(validate(file('linekey.28.type = 15'), 'y000000000065.cfg')).message,
      'Index 28 is out of range in linekey.28.type: linekey takes 1 to 27 on the T46S/T46U.',
    );
  });

  it('reports every bad index of a line and skips its value', () => {
    const ds = validate(file('account.0.sip_server.9.port = nonsense'));
    assert.deepEqual(ds.map((d) => [d.code, d.range]), [
      ['index-out-of-range', range(1, 8, 9)],
      ['index-out-of-range', range(1, 21, 22)],
    ]);
  });

  it('does not check literal placeholders or template indices', () => {
    assert.deepEqual(validate(file('account.X.enable = 1')), []);
    assert.deepEqual(validate(`${HEADER}\naccount.{$i}.enable = 1\naccount.{{ n }}.sip_server.1.port = 5060\n`, 'a.tpl'), []);
  });
});

describe('validation: values', () => {
  it('reports a non-integer with the default as replacement', () => {
    const d = only(validate(file('account.1.sip_server.1.port = abc')));
    assertInvalidValue(d, 'Value abc of account.1.sip_server.1.port is not an integer (permitted: 0 to 65535).', range(1, 30, 33));
    assert.deepEqual(d.data?.replacements, [{ value: '5060', why: 'the default' }]);
  });

  it('reports too long text without replacements (the default is empty)', () => {
    const d = only(validate(file('account.1.label = 12345678901')));
    assertInvalidValue(d, 'Value 12345678901 of account.1.label is 11 characters long (permitted: at most 10).', range(1, 18, 29));
    assert.equal(d.data?.replacements, undefined);
    assert.deepEqual(validate(file('account.1.label = 1234567890')), []);
  });

  it('counts characters, not UTF-16 units, for the length limit', () => {
    assert.deepEqual(validate(file(`account.1.label = ${'😀'.repeat(10)}`)), []);
  });

  const invalid: [string, string, string][] = [
    ['account.1.sip_server.1.address', 'bad host!', 'is not an IP address or a domain name'],
    ['static.network.ip_address', '300.1.1.1', 'is not an IP address'],
    ['static.network.ipv6_address', '10.0.0.1', 'is not an IPv6 address'],
    ['static.network.domain', '10.0.0.1', 'is not a domain name'],
    ['static.auto_provision.server.url', 'http://a b', 'is not a URL: it contains blanks'],
    ['local_time.dst_start', '24:00', 'is not a time from 00:00 to 23:59'],
    ['static.trusted_mac', '0015-65aa-bbcc', 'is not a MAC address (12 hexadecimal digits)'],
    ['voice.gain', '1,5', 'is not a number'],
    ['features.volume', 'loud', 'is not an integer'],
  ];
  for (const [name, value, problem] of invalid) {
    it(`reports ${name} = ${value}`, () => {
      const start = name.length + 3;
      assertInvalidValue(only(validate(file(`${name} = ${value}`))), `Value ${value} of ${name} ${problem}.`, range(1, start, start + value.length));
    });
  }

  it('reports a value outside the range with the nearest bound and the default', () => {
    const d = only(validate(file('account.1.sip_server.1.port = 70000')));
    assertOutOfRange(d, 'Value 70000 of account.1.sip_server.1.port is out of range (permitted: 0 to 65535).', range(1, 30, 35));
    assert.deepEqual(d.data, {
      replacements: [
        { value: '65535', why: 'the nearest permitted value' },
        { value: '5060', why: 'the default' },
      ],
    });
  });

  it('checks disjoint ranges "0, 60 to 65535"', () => {
    const name = 'account.1.sip_server.1.failback_timeout';
    for (const ok of ['0', '60', '3600', '65535']) {
      assert.deepEqual(codes(validate(file(`${name} = ${ok}`, 'account.1.sip_server.1.failback_mode = 3'))), [], ok);
    }
    for (const [bad, nearest] of [['1', '0'], ['59', '60'], ['50', '60'], ['65536', '65535'], ['-1', '0']]) {
      const d = only(validate(file(`${name} = ${bad}`, 'account.1.sip_server.1.failback_mode = 3')));
      assertOutOfRange(d, `Value ${bad} of ${name} is out of range (permitted: 0 or 60 to 65535).`, range(1, 42, 42 + bad.length));
      assert.deepEqual(d.data?.replacements, [
        { value: nearest, why: 'the nearest permitted value' },
        { value: '3600', why: 'the default' },
      ]);
    }
  });

  it('reports a value not in an enumeration with every allowed value', () => {
    const d = only(validate(file('account.1.enable = 2')));
    assertInvalidEnum(d, 'Value 2 of account.1.enable is not allowed (permitted: 0 or 1).', range(1, 19, 20));
    assert.deepEqual(d.data, {
      allowed: [
        { value: '0', meaning: 'Disabled' },
        { value: '1', meaning: 'Enabled' },
      ],
    });
  });

  it('reports a bad item of a list', () => {
    const d = only(validate(file('features.dtmf.types = inband,rtp')));
    assertInvalidEnum(
      d,
      'Value inband,rtp of features.dtmf.types contains rtp, not allowed (permitted: a comma-separated list of inband and info).',
      range(1, 22, 32),
    );
  });

  it('accepts -1 only where the parameter inherits', () => {
    assert.deepEqual(validate(file('account.1.outbound_proxy.1.failback_mode = -1')), []);
    assert.equal(only(validate(file('account.1.sip_server.1.failback_mode = -1'))).code, 'invalid-enum');
  });

  it('always accepts an empty value, %NULL% and %EMPTY%', () => {
    for (const v of ['', '%NULL%', '%EMPTY%']) {
      const text = file(
        `account.1.enable = ${v}`,
        `account.1.sip_server.1.port = ${v}`,
        `static.network.ip_address = ${v}`,
        `local_time.dst_start = ${v}`,
        `features.dtmf.types = ${v}`,
      );
      assert.deepEqual(validate(text), [], JSON.stringify(v));
    }
  });

  it('does not check template syntax in values', () => {
    const text = `${HEADER}\naccount.1.sip_server.1.port = {$port}\naccount.1.enable = {{ enabled }}\nstatic.network.ip_address = \${ip}\n`;
    assert.deepEqual(validate(text, 'a.tpl'), []);
    assert.deepEqual(validate(text, 'a.cfg'), []);
  });
});

describe('validation: duplicate-parameter', () => {
  it('reports every occurrence but the last, pointing to the last', () => {
    const f = marked(`${HEADER}\n⟦account.1.label⟧ = a\naccount.1.enable = 1\n  ⟦account.1.label⟧ = b\n⟦account.1.label⟧ = c\n`);
    const ds = validate(f.text);
    assert.equal(ds.length, 2);
    const message = 'account.1.label is set again on line 5, which takes effect; this line is ignored.';
    for (const [i, d] of ds.entries()) {
      assertDuplicateParameter(d, message, f.ranges[i]);
      assert.deepEqual(d.relatedInformation, [{ range: f.ranges[2], message: 'account.1.label takes effect here' }]);
      assert.deepEqual(d.tags, [1]);
      assert.deepEqual(d.data, { effectiveLine: 4 });
    }
  });

  it('exempts parameters that may appear several times', () => {
    assert.deepEqual(validate(file('dialplan.rule = a', 'dialplan.rule = b')), []);
  });

  it('exempts templates', () => {
    const text = `${HEADER}\n{if $a}\naccount.1.label = a\n{else}\naccount.1.label = b\n{/if}\n`;
    assert.deepEqual(validate(text, 'a.cfg'), []);
    assert.deepEqual(validate(file('account.1.label = a', 'account.1.label = b'), 'a.tmpl'), []);
  });

  it('still reports duplicates in a plain file whose comments start with directive words', () => {
    const ds = validate(file('#if unsure, leave it', 'account.1.label = a', '#end of account 1', 'account.1.label = b'));
    assert.deepEqual(codes(ds), ['duplicate-parameter']);
  });

  it('reports repeats inside one legacy section but not the same key in different sections', () => {
    const text = '[ account ]\nEnable = 1\n[ account1 ]\nEnable = 1\nLabel = a\nLabel = b\n';
    const ds = validate(text);
    assert.deepEqual(codes(ds), ['missing-header', 'legacy-format', 'duplicate-parameter']);
    assertDuplicateParameter(ds[2], 'Label is set again on line 6, which takes effect; this line is ignored.', range(4, 0, 5));
  });
});

describe('validation: dependency', () => {
  const osr = 'account.1.sip_server.1.only_signal_with_registered';

  it('only_signal_with_registered needs register_on_enable 1 (the default 0)', () => {
    const d = only(validate(file(`${osr} = 1`)));
    assertDependency(
      d,
      `${osr} has no effect: it works only if account.1.sip_server.1.register_on_enable is 1, but it is 0 (the default).`,
      range(1, 0, osr.length),
    );
    assert.deepEqual(d.data, { dependency: { param: 'account.1.sip_server.1.register_on_enable', values: ['1'] } });
  });

  it('only_signal_with_registered needs register_on_enable 1 (set on a line)', () => {
    const d = only(validate(file('account.1.sip_server.1.register_on_enable = 0', `${osr} = 1`)));
    assertDependency(
      d,
      `${osr} has no effect: it works only if account.1.sip_server.1.register_on_enable is 1, but it is 0 (line 2).`,
      range(2, 0, osr.length),
    );
    assert.deepEqual(d.data, { dependency: { param: 'account.1.sip_server.1.register_on_enable', values: ['1'], line: 1 } });
  });

  it('only_signal_with_registered needs failback_mode 1, 2 or 3', () => {
    const d = only(validate(file('account.1.sip_server.1.register_on_enable = 1', `${osr} = 1`)));
    assertDependency(
      d,
      `${osr} has no effect: it works only if account.1.sip_server.1.failback_mode is 1, 2 or 3, but it is 0 (the default).`,
      range(2, 0, osr.length),
    );
  });

  it('only_signal_with_registered is fine when both conditions hold', () => {
    for (const mode of ['1', '2', '3']) {
      const text = file(
        'account.1.sip_server.1.address = sip.example.com',
        'account.1.sip_server.1.register_on_enable = 1',
        `account.1.sip_server.1.failback_mode = ${mode}`,
        `${osr} = 1`,
      );
      assert.deepEqual(validate(text), [], mode);
    }
  });

  it('uses the same indices as the line', () => {
    const name = 'account.7.sip_server.2.only_signal_with_registered';
    const d = only(validate(file('account.1.sip_server.1.register_on_enable = 1', `${name} = 1`)));
    assert.equal(
      d.message,
      `${name} has no effect: it works only if account.7.sip_server.2.register_on_enable is 1, but it is 0 (the default).`,
    );
  });

  it('failback_timeout needs failback_mode 3', () => {
    const name = 'account.1.sip_server.1.failback_timeout';
    const d = only(validate(file('account.1.sip_server.1.failback_mode = 2', `${name} = 120`)));
    assertDependency(d, `${name} has no effect: it works only if account.1.sip_server.1.failback_mode is 3, but it is 2 (line 2).`, range(2, 0, name.length));
    assert.deepEqual(d.data, { dependency: { param: 'account.1.sip_server.1.failback_mode', values: ['3'], line: 1 } });
    assert.deepEqual(validate(file('account.1.sip_server.1.failback_mode = 3', `${name} = 120`)), []);
  });

  it('failback_subscribe.enable needs failback_mode 1, 2 or 3', () => {
    const name = 'account.1.sip_server.1.failback_subscribe.enable';
    assertDependency(
      only(validate(file(`${name} = 1`))),
      `${name} has no effect: it works only if account.1.sip_server.1.failback_mode is 1, 2 or 3, but it is 0 (the default).`,
      range(1, 0, name.length),
    );
    assert.deepEqual(validate(file('account.1.sip_server.1.failback_mode = 1', `${name} = 1`)), []);
  });

  it('failback_mode works only when the address is a domain name', () => {
    const name = 'account.1.sip_server.1.failback_mode';
    for (const ip of ['10.0.0.1', 'fe80::1']) {
      const d = only(validate(file(`account.1.sip_server.1.address = ${ip}`, `${name} = 1`)));
      assertDependency(d, `${name} has no effect: it works only if account.1.sip_server.1.address is a domain name, but it is ${ip} (line 2).`, range(2, 0, name.length));
      assert.deepEqual(d.data, { dependency: { param: 'account.1.sip_server.1.address', values: [], line: 1 } });
    }
    assert.deepEqual(validate(file('account.1.sip_server.1.address = sip.example.com', `${name} = 1`)), []);
  });

  it('says nothing when the deciding value cannot be known', () => {
    const name = 'account.1.sip_server.1.failback_mode';
    // The address is not in the file (it may come from another file), or set to nothing definite.
    assert.deepEqual(validate(file(`${name} = 1`)), []);
    assert.deepEqual(validate(file('account.1.sip_server.1.address = %NULL%', `${name} = 1`)), []);
    assert.deepEqual(validate(file('account.1.sip_server.1.address =', `${name} = 1`)), []);
    assert.deepEqual(validate(`${HEADER}\naccount.1.sip_server.1.register_on_enable = {$reg}\n${osr} = 1\n`, 'a.tpl').filter((d) => d.message.includes('register_on_enable')), []);
  });

  it('does not warn about a line that sets nothing, inherits or restates the default', () => {
    assert.deepEqual(validate(file(`${osr} = 0`, `${osr.replace('.1.only', '.2.only')} = %NULL%`, 'account.1.sip_server.1.failback_timeout = 3600')), []);
    assert.deepEqual(validate(file('account.1.outbound_proxy.1.failback_timeout = -1')), []);
  });

  it('follows -1 inheritance on a line to the SIP server setting', () => {
    const name = 'account.1.outbound_proxy.1.failback_timeout';
    const text = file('account.1.sip_server.1.failback_mode = 1', 'account.1.outbound_proxy.1.failback_mode = -1', `${name} = 120`);
    const d = only(validate(text));
    assertDependency(
      d,
      `${name} has no effect: it works only if account.1.outbound_proxy.1.failback_mode is 3, but it is 1 (inherited through -1 from account.1.sip_server.1.failback_mode, line 2).`,
      range(3, 0, name.length),
    );
    assert.deepEqual(d.data, {
      dependency: { param: 'account.1.outbound_proxy.1.failback_mode', values: ['3'], line: 2, inheritedFrom: 'account.1.sip_server.1.failback_mode' },
    });
  });

  it('follows a -1 default to the SIP server default', () => {
    const name = 'account.1.outbound_proxy.1.failback_timeout';
    const d = only(validate(file(`${name} = 120`)));
    assertDependency(
      d,
      `${name} has no effect: it works only if account.1.outbound_proxy.1.failback_mode is 3, but it is 0 (inherited through -1 from account.1.sip_server.1.failback_mode, the default).`,
      range(1, 0, name.length),
    );
    assert.deepEqual(d.data, {
      dependency: { param: 'account.1.outbound_proxy.1.failback_mode', values: ['3'], inheritedFrom: 'account.1.sip_server.1.failback_mode' },
    });
    assert.deepEqual(validate(file('account.1.sip_server.1.failback_mode = 3', `${name} = 120`)), []);
  });

  it('needs a non-empty deciding value where the condition says so', () => {
    assertDependency(
      only(validate(file('account.1.display_name = Bob'))),
      'account.1.display_name has no effect: it works only if account.1.user_name is set, but it is empty (the default).',
      range(1, 0, 22),
    );
    assertDependency(
      only(validate(file('account.1.user_name = %NULL%', 'account.1.display_name = Bob'))),
      'account.1.display_name has no effect: it works only if account.1.user_name is set, but it is empty (line 2).',
      range(2, 0, 22),
    );
    assert.deepEqual(validate(file('account.1.user_name = 100', 'account.1.display_name = Bob')), []);
  });

  it('takes the last line for the deciding value', () => {
    const text = file('account.1.sip_server.1.failback_mode = 3', 'account.1.sip_server.1.failback_mode = 1', 'account.1.sip_server.1.failback_timeout = 120');
    const ds = validate(text);
    assert.deepEqual(codes(ds), ['duplicate-parameter', 'dependency']);
    assert.match(ds[1].message, /but it is 1 \(line 3\)\.$/);
  });

  it('does not check the conditions of a line with a bad value', () => {
    assert.deepEqual(codes(validate(file(`${osr} = 5`))), ['invalid-enum']);
  });
});

describe('validation: legacy-format', () => {
  it('reports the format once and no key inside the sections', () => {
    const text = '[ account ]\npath = /config/voip/sipAccount0.cfg\nEnable = 1\n\n[ DNS ]\nServer = 10.0.0.1\n; note\n';
    const ds = validate(text);
    assert.deepEqual(codes(ds), ['missing-header', 'legacy-format']);
    assertLegacyFormat(ds[1], LEGACY, range(0, 0, 11));
  });

  it('still checks keys before the first section', () => {
    const ds = validate(file('account.1.enable = 7', '[ account ]', 'Foo = 1'));
    assert.deepEqual(codes(ds), ['invalid-enum', 'legacy-format']);
  });
});

// ---- severities and disable comments for every code ------------------------------------------------

/** A file that yields exactly one diagnostic of each code. */
const SAMPLES: Record<DiagnosticCode, string> = {
  'missing-header': 'account.1.enable = 1\n',
  'malformed-line': file('oops'),
  'unknown-parameter': file('features.new_nam = 1'),
  'index-out-of-range': file('account.17.enable = 1'),
  'invalid-value': file('account.1.sip_server.1.port = abc'),
  'out-of-range': file('account.1.sip_server.1.port = 70000'),
  'invalid-enum': file('account.1.enable = 2'),
  'duplicate-parameter': file('account.1.enable = 1', 'account.1.enable = 0'),
  dependency: file('account.1.sip_server.1.failback_timeout = 100'),
  'legacy-format': file('[ account ]', 'path = x'),
  'missing-include': SITE_SAMPLES['missing-include'].text,
  'redundant-override': SITE_SAMPLES['redundant-override'].text,
  'renamed-parameter': file('call_park.enable = 1'),
};

/** Validates a sample as its code needs: the site codes with the other files of their folder. */
function validateSample(code: DiagnosticCode, text: string, settings?: ValidationSettings): YealinkDiagnostic[] {
  const s = (SITE_SAMPLES as Partial<Record<DiagnosticCode, SiteSample>>)[code];
  return s ? service.validate(text, sampleContext(s, text, settings)) : validate(text, MAC_FILE, settings);
}

describe('validation: severity settings', () => {
  it('has a sample for every code', () => {
    assert.deepEqual(Object.keys(SAMPLES).sort(), [...ALL_CODES].sort());
  });

  const levels: [SeveritySetting, number][] = [
    ['error', 1],
    ['warning', 2],
    ['information', 3],
    ['hint', 4],
  ];
  for (const code of ALL_CODES) {
    describe(code, () => {
      it('has its default severity without settings', () => {
        const d = only(validateSample(code, SAMPLES[code]));
        assert.equal(d.code, code);
        assert.equal(d.severity, defaultSeverity(code));
      });
      for (const [setting, number] of levels) {
        it(`is reported as ${setting}`, () => {
          const d = only(validateSample(code, SAMPLES[code], { severity: { [code]: setting } }));
          assert.equal(d.code, code);
          assert.equal(d.severity, number);
        });
      }
      it('is dropped when off, and only it', () => {
        assert.deepEqual(validateSample(code, SAMPLES[code], { severity: { [code]: 'off' } }), []);
        const other = ALL_CODES.find((c) => c !== code)!;
        assert.equal(only(validateSample(code, SAMPLES[code], { severity: { [other]: 'off' } })).code, code);
      });
    });
  }

  it('keeps the default for an unknown severity name, even one that is an object property', () => {
    for (const bogus of ['fatal', 'toString', 'constructor']) {
      const d = only(validate(SAMPLES['unknown-parameter'], MAC_FILE, { severity: { 'unknown-parameter': bogus as SeveritySetting } }));
      assert.equal(d.severity, 2, bogus);
    }
  });
});

/** Puts a line before the given line. */
function insertLine(text: string, before: number, line: string): string {
  const lines = text.split('\n');
  lines.splice(before, 0, line);
  return lines.join('\n');
}

describe('validation: disable comments', () => {
  for (const code of ALL_CODES) {
    describe(code, () => {
      const d: YealinkDiagnostic = only(validateSample(code, SAMPLES[code]));
      const at = d.range.start.line;
      it('is silenced by a comment naming it on the line before', () => {
        assert.deepEqual(validateSample(code, insertLine(SAMPLES[code], at, `# yealink-cfg-disable-next-line ${code}`)), []);
      });
      it('is silenced by a comment naming no code', () => {
        assert.deepEqual(validateSample(code, insertLine(SAMPLES[code], at, '# yealink-cfg-disable-next-line')), []);
      });
      it('is silenced by a comment naming it among others', () => {
        assert.deepEqual(validateSample(code, insertLine(SAMPLES[code], at, `#yealink-cfg-disable-next-line foo, ${code} bar`)), []);
      });
      it('is not silenced by a comment naming another code', () => {
        const other = code === 'invalid-enum' ? 'invalid-value' : 'invalid-enum';
        const ds = validateSample(code, insertLine(SAMPLES[code], at, `# yealink-cfg-disable-next-line ${other}`));
        // The sample's own diagnostic remains (missing-header now quotes the comment line).
        assert.deepEqual(codes(ds), [code]);
      });
    });
  }

  it('silences the next line only', () => {
    const ds = validate(file('# yealink-cfg-disable-next-line unknown-parameter', 'foo.a = 1', 'foo.b = 1', '# yealink-cfg-disable-next-line', '', 'foo.c = 1'));
    assert.deepEqual(ds.map((d) => [d.code, d.range.start.line]), [
      ['unknown-parameter', 3],
      ['unknown-parameter', 6],
    ]);
  });

  it('silences only the named code on a line with two diagnostics', () => {
    const text = file('# yealink-cfg-disable-next-line duplicate-parameter', 'account.1.enable = 2', 'account.1.enable = 1');
    const ds = validate(text);
    assert.deepEqual(ds.map((d) => [d.code, d.range.start.line]), [['invalid-enum', 2]]);
    const all = validate(file('account.1.enable = 2', 'account.1.enable = 1'));
    assert.deepEqual(codes(all), ['duplicate-parameter', 'invalid-enum']);
  });
});

describe('validation: order', () => {
  it('sorts diagnostics by position', () => {
    const ds = validate('foo = 1\naccount.1.enable = 9\nbar baz\n');
    assert.deepEqual(ds.map((d) => [d.code, d.range.start.line, d.range.start.character]), [
      ['missing-header', 0, 0],
      ['unknown-parameter', 0, 0],
      ['invalid-enum', 1, 19],
      ['malformed-line', 2, 0],
    ]);
  });
});
