import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ALL_CODES, type DiagnosticCode, type DocumentContext, type QuickFix, type ValidationSettings, type YealinkDiagnostic } from '../../server/src/types';
import { codes, file, HEADER, MAC_FILE, only, service, validate } from './helpers/diagnostics';
import { sampleContext, SITE_SAMPLES, type SiteSample } from './helpers/site';
import { applyEdits, range } from './helpers/text';

function fixesFor(text: string, fileName = MAC_FILE, settings?: ValidationSettings): { diagnostics: YealinkDiagnostic[]; fixes: QuickFix[] } {
  const diagnostics = validate(text, fileName, settings);
  const ctx = settings ? { fileName, settings } : { fileName };
  return { diagnostics, fixes: service.quickFixes(text, diagnostics, ctx) };
}

/** The fixes as [title, resulting text, preferred]. */
function outcomes(text: string, fileName = MAC_FILE, settings?: ValidationSettings): [string, string, boolean][] {
  return fixesFor(text, fileName, settings).fixes.map((f) => [f.title, applyEdits(text, f.edits), f.isPreferred === true]);
}

function disableTitle(code: DiagnosticCode): string {
  return `Disable ${code} for this line`;
}

describe('quick fixes: unknown-parameter', () => {
  it('offers the closest names, best first and preferred, keeping the indices', () => {
    const text = file('account.1.enabel = 1', 'account.1.label = x');
    assert.deepEqual(outcomes(text), [
      ['Change to account.1.enable', file('account.1.enable = 1', 'account.1.label = x'), true],
      ['Change to account.1.label', file('account.1.label = 1', 'account.1.label = x'), false],
      [disableTitle('unknown-parameter'), file('# yealink-cfg-disable-next-line unknown-parameter', 'account.1.enabel = 1', 'account.1.label = x'), false],
    ]);
  });

  it('keeps the indices of the unknown name', () => {
    const text = file('  account.3.sip_server.2.prot = 5060  ');
    const [first] = outcomes(text);
    assert.deepEqual(first, ['Change to account.3.sip_server.2.port', file('  account.3.sip_server.2.port = 5060  '), true]);
    assert.deepEqual(validate(first[1]), []);
  });

  it('offers only the disable comment when nothing is close', () => {
    assert.deepEqual(
      outcomes(file('zzz = 1')).map((o) => o[0]),
      [disableTitle('unknown-parameter')],
    );
  });
});

describe('quick fixes: values', () => {
  it('offers one fix per allowed value of an enumeration', () => {
    const text = file('account.1.enable = 2 ', 'account.2.enable = 1');
    assert.deepEqual(outcomes(text), [
      ['Change to 0 (Disabled)', file('account.1.enable = 0 ', 'account.2.enable = 1'), false],
      ['Change to 1 (Enabled)', file('account.1.enable = 1 ', 'account.2.enable = 1'), false],
      [disableTitle('invalid-enum'), file('# yealink-cfg-disable-next-line invalid-enum', 'account.1.enable = 2 ', 'account.2.enable = 1'), false],
    ]);
  });

  it('offers the nearest bound and the default for a value out of range', () => {
    const text = file('account.1.sip_server.1.port = 70000');
    assert.deepEqual(outcomes(text).slice(0, 2), [
      ['Change to 65535 (the nearest permitted value)', file('account.1.sip_server.1.port = 65535'), true],
      ['Change to 5060 (the default)', file('account.1.sip_server.1.port = 5060'), false],
    ]);
  });

  it('picks the nearest bound of disjoint ranges', () => {
    const text = file('account.1.sip_server.1.failback_mode = 3', 'account.1.sip_server.1.failback_timeout = 45');
    assert.deepEqual(outcomes(text).slice(0, 2), [
      ['Change to 60 (the nearest permitted value)', file('account.1.sip_server.1.failback_mode = 3', 'account.1.sip_server.1.failback_timeout = 60'), true],
      ['Change to 3600 (the default)', file('account.1.sip_server.1.failback_mode = 3', 'account.1.sip_server.1.failback_timeout = 3600'), false],
    ]);
  });

  it('offers the default for an invalid value', () => {
    const text = file('account.1.sip_server.1.port = 50 60');
    assert.deepEqual(outcomes(text).slice(0, 1), [['Change to 5060 (the default)', file('account.1.sip_server.1.port = 5060'), true]]);
  });

  it('replaces an index out of range with the nearest index', () => {
    const text = file('account.13.sip_server.1.port = 5060');
    assert.deepEqual(outcomes(text, 'y000000000068.cfg').slice(0, 1), [
      ['Change to 6 (the highest index)', file('account.6.sip_server.1.port = 5060'), true],
    ]);
    const zero = file('account.1.sip_server.0.port = 5060');
    assert.deepEqual(outcomes(zero).slice(0, 1), [['Change to 1 (the lowest index)', file('account.1.sip_server.1.port = 5060'), true]]);
  });
});

describe('quick fixes: dependency', () => {
  const osr = 'account.1.sip_server.1.only_signal_with_registered';

  it('inserts the deciding line with the same indices above the line', () => {
    const text = file('account.4.sip_server.2.only_signal_with_registered = 1');
    assert.deepEqual(outcomes(text).slice(0, 1), [
      [
        'Insert account.4.sip_server.2.register_on_enable = 1',
        file('account.4.sip_server.2.register_on_enable = 1', 'account.4.sip_server.2.only_signal_with_registered = 1'),
        true,
      ],
    ]);
  });

  it('inserts with the file\'s line ending', () => {
    const text = `${HEADER}\r\n${osr} = 1\r\n`;
    const [first] = outcomes(text);
    assert.equal(first[1], `${HEADER}\r\naccount.1.sip_server.1.register_on_enable = 1\r\n${osr} = 1\r\n`);
  });

  it('changes the deciding line where the file sets it, one fix per satisfying value', () => {
    const text = file('account.1.sip_server.1.register_on_enable = 1', 'account.1.sip_server.1.failback_mode = 0 ', `${osr} = 1`);
    const expected = (v: string) => file('account.1.sip_server.1.register_on_enable = 1', `account.1.sip_server.1.failback_mode = ${v} `, `${osr} = 1`);
    assert.deepEqual(outcomes(text), [
      ['Set account.1.sip_server.1.failback_mode to 1 (line 3)', expected('1'), true],
      ['Set account.1.sip_server.1.failback_mode to 2 (line 3)', expected('2'), false],
      ['Set account.1.sip_server.1.failback_mode to 3 (line 3)', expected('3'), false],
      [disableTitle('dependency'), file('account.1.sip_server.1.register_on_enable = 1', 'account.1.sip_server.1.failback_mode = 0 ', `# yealink-cfg-disable-next-line dependency`, `${osr} = 1`), false],
    ]);
  });

  it('changes the -1 line of an inheriting parameter, which then satisfies the condition', () => {
    const name = 'account.1.outbound_proxy.1.failback_timeout';
    const text = file('account.1.sip_server.1.failback_mode = 1', 'account.1.outbound_proxy.1.failback_mode = -1', `${name} = 120`);
    const [first] = outcomes(text);
    assert.deepEqual(first, [
      'Set account.1.outbound_proxy.1.failback_mode to 3 (line 3)',
      file('account.1.sip_server.1.failback_mode = 1', 'account.1.outbound_proxy.1.failback_mode = 3', `${name} = 120`),
      true,
    ]);
    assert.deepEqual(validate(first[1]), []);
  });

  it('inserts the inheriting parameter itself when only the SIP server default decides', () => {
    const name = 'account.1.outbound_proxy.1.failback_timeout';
    const [first] = outcomes(file(`${name} = 120`));
    assert.deepEqual(first, ['Insert account.1.outbound_proxy.1.failback_mode = 3', file('account.1.outbound_proxy.1.failback_mode = 3', `${name} = 120`), true]);
    assert.deepEqual(validate(first[1]), []);
  });

  it('offers no value for a domain-name condition, only the disable comment', () => {
    const text = file('account.1.sip_server.1.address = 10.0.0.1', 'account.1.sip_server.1.failback_mode = 1');
    assert.deepEqual(outcomes(text).map((o) => o[0]), [disableTitle('dependency')]);
  });
});

describe('quick fixes: missing-header', () => {
  it('inserts the header at the top', () => {
    assert.deepEqual(outcomes('account.1.enable = 1\n'), [
      ['Insert the header "#!version:1.0.0.1"', `${HEADER}\naccount.1.enable = 1\n`, true],
      [disableTitle('missing-header'), '# yealink-cfg-disable-next-line missing-header\naccount.1.enable = 1\n', false],
    ]);
  });

  it('inserts it after a byte order mark, with the file\'s line ending', () => {
    const [first, disable] = outcomes('\uFEFFaccount.1.enable = 1\r\n');
    assert.deepEqual(first, ['Insert the header "#!version:1.0.0.1"', `\uFEFF${HEADER}\r\naccount.1.enable = 1\r\n`, true]);
    assert.equal(disable[1], '\uFEFF# yealink-cfg-disable-next-line missing-header\r\naccount.1.enable = 1\r\n');
    assert.deepEqual(validate(first[1]), []);
    assert.deepEqual(validate(disable[1]), []);
  });

  it('inserts it into an empty file', () => {
    assert.deepEqual(outcomes('')[0], ['Insert the header "#!version:1.0.0.1"', `${HEADER}\n`, true]);
  });

  it('replaces a wrong version', () => {
    const [first] = outcomes('\uFEFF #!version:2.0.0.1 \naccount.1.enable = 1');
    assert.deepEqual(first, ['Replace with "#!version:1.0.0.1"', `\uFEFF ${HEADER} \naccount.1.enable = 1`, true]);
    assert.deepEqual(validate(first[1]), []);
  });
});

describe('quick fixes: duplicate-parameter', () => {
  it('deletes the overridden line with its line ending', () => {
    const text = `${HEADER}\r\naccount.1.label = a\r\naccount.1.enable = 1\r\naccount.1.label = b\r\n`;
    const [first] = outcomes(text);
    assert.deepEqual(first, ['Remove this overridden line', `${HEADER}\r\naccount.1.enable = 1\r\naccount.1.label = b\r\n`, true]);
    assert.deepEqual(validate(first[1]), []);
  });

  it('deletes a last line without a newline together with the break before it', () => {
    // As a client sends back a diagnostic computed before the lines were reordered.
    const text = `${HEADER}\naccount.1.label = b\naccount.1.label = a`;
    const stale: YealinkDiagnostic = { ...only(validate(`${HEADER}\naccount.1.enable = 1\naccount.1.label = a\naccount.1.label = b`)) };
    stale.range = range(2, 0, 15);
    const fixes = service.quickFixes(text, [stale], { fileName: MAC_FILE });
    assert.equal(fixes[0].title, 'Remove this overridden line');
    assert.equal(applyEdits(text, fixes[0].edits), `${HEADER}\naccount.1.label = b`);
  });

  it('keeps the byte order mark when deleting line 0', () => {
    const text = '\uFEFFaccount.1.label = a\naccount.1.label = b\n';
    const dup = validate(text).find((d) => d.code === 'duplicate-parameter')!;
    const fixes = service.quickFixes(text, [dup], { fileName: MAC_FILE });
    assert.equal(applyEdits(text, fixes[0].edits), '\uFEFFaccount.1.label = b\n');
  });

  it('keeps the byte order mark when deleting the only line', () => {
    const text = '\uFEFFaccount.1.label = a';
    const d: YealinkDiagnostic = { ...only(validate(file('account.1.label = a', 'account.1.label = b'))), range: range(0, 1, 16) };
    const fixes = service.quickFixes(text, [d], { fileName: MAC_FILE });
    assert.equal(applyEdits(text, fixes[0].edits), '\uFEFF');
  });
});

describe('quick fixes: malformed-line', () => {
  it('comments the line out', () => {
    const text = file('  just words', 'account.1.enable = 1');
    assert.deepEqual(outcomes(text), [
      ['Comment out this line', file('#   just words', 'account.1.enable = 1'), false],
      [disableTitle('malformed-line'), file('  # yealink-cfg-disable-next-line malformed-line', '  just words', 'account.1.enable = 1'), false],
    ]);
    assert.deepEqual(validate(outcomes(text)[0][1]), []);
  });

  it('comments out after a byte order mark', () => {
    const text = '\uFEFFjust words\n';
    const d = validate(text).find((x) => x.code === 'malformed-line')!;
    const fixes = service.quickFixes(text, [d], { fileName: MAC_FILE });
    assert.equal(fixes[0].title, 'Comment out this line');
    assert.equal(applyEdits(text, fixes[0].edits), '\uFEFF# just words\n');
  });

  it('does not offer to comment out binary data', () => {
    assert.deepEqual(outcomes('a\u0000b\n').map((o) => o[0]), [disableTitle('malformed-line')]);
  });
});

/** A file that yields exactly one diagnostic of each code. */
const SAMPLES: Record<DiagnosticCode, string> = {
  'missing-header': 'account.1.enable = 1\n',
  'malformed-line': file('  oops'),
  'unknown-parameter': file('\tfeatures.new_nam = 1'),
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

/** The context a sample is checked in: the site codes with the other files of their folder. */
function sampleCtx(code: DiagnosticCode, text: string): DocumentContext {
  const s = (SITE_SAMPLES as Partial<Record<DiagnosticCode, SiteSample>>)[code];
  return s ? sampleContext(s, text) : { fileName: MAC_FILE };
}

describe('quick fixes: disable for this line', () => {
  for (const code of ALL_CODES) {
    it(`${code}: inserts a disable comment that silences the diagnostic, and changes nothing else`, () => {
      const text = SAMPLES[code];
      const diagnostics = service.validate(text, sampleCtx(code, text));
      const fixes = service.quickFixes(text, diagnostics, sampleCtx(code, text));
      const d = only(diagnostics);
      const disable = fixes.filter((f) => f.title === disableTitle(code));
      assert.equal(disable.length, 1);
      assert.equal(disable[0].diagnostic, d);
      const after = applyEdits(text, disable[0].edits);
      const lines = text.split('\n');
      const at = d.range.start.line;
      const indent = /^\s*/.exec(lines[at])![0];
      lines.splice(at, 0, `${indent}# yealink-cfg-disable-next-line ${code}`);
      assert.equal(after, lines.join('\n'));
      assert.deepEqual(service.validate(after, sampleCtx(code, after)), []);
    });
  }

  it('adds the code to a disable comment already there', () => {
    const text = file('# yealink-cfg-disable-next-line duplicate-parameter  ', 'account.1.enable = 2', 'account.1.enable = 1');
    const { diagnostics, fixes } = fixesFor(text);
    assert.deepEqual(codes(diagnostics), ['invalid-enum']);
    const disable = fixes.find((f) => f.title === disableTitle('invalid-enum'))!;
    const after = applyEdits(text, disable.edits);
    assert.equal(after, file('# yealink-cfg-disable-next-line duplicate-parameter invalid-enum  ', 'account.1.enable = 2', 'account.1.enable = 1'));
    assert.deepEqual(validate(after), []);
  });

  it('offers nothing more when the comment above already names the code or every code', () => {
    for (const comment of ['# yealink-cfg-disable-next-line', '# yealink-cfg-disable-next-line invalid-enum']) {
      const text = file(comment, 'account.1.enable = 2');
      const d = only(validate(file('# other', 'account.1.enable = 2')));
      const fixes = service.quickFixes(text, [d], { fileName: MAC_FILE });
      assert.deepEqual(fixes.map((f) => f.title), ['Change to 0 (Disabled)', 'Change to 1 (Enabled)']);
    }
  });

  it('keeps each fix tied to its diagnostic, in the order of the diagnostics', () => {
    const text = file('account.1.enable = 2', 'zzz = 1');
    const { diagnostics, fixes } = fixesFor(text);
    assert.deepEqual(
      fixes.map((f) => [f.title, diagnostics.indexOf(f.diagnostic)]),
      [
        ['Change to 0 (Disabled)', 0],
        ['Change to 1 (Enabled)', 0],
        [disableTitle('invalid-enum'), 0],
        [disableTitle('unknown-parameter'), 1],
      ],
    );
  });
});

describe('quick fixes: each fix edits only its own range', () => {
  it('every fix of a file with many problems leaves all other lines as they were', () => {
    const lines = [
      'account.1.enabel = 1',
      'account.1.enable = 7',
      'account.1.sip_server.1.port = 99999',
      'account.1.sip_server.1.port = x',
      'account.20.enable = 1',
      'junk',
      `account.1.sip_server.1.only_signal_with_registered = 1`,
    ];
    const text = `${lines.join('\r\n')}\r\n`;
    const { fixes } = fixesFor(text);
    const seen = new Set<string>();
    for (const f of fixes) {
      const after = applyEdits(text, f.edits).split('\r\n');
      const before = text.split('\r\n');
      seen.add(f.title.split(' ')[0]);
      const changedAt = f.diagnostic.range.start.line;
      if (f.title.startsWith('Disable') || f.title.startsWith('Insert')) {
        // One line inserted before the diagnostic's line (line 0 for the header); the rest unchanged.
        assert.equal(after.length, before.length + 1, f.title);
        after.splice(changedAt, 1);
        assert.deepEqual(after, before, f.title);
      } else if (f.title === 'Remove this overridden line') {
        before.splice(changedAt, 1);
        assert.deepEqual(after, before, f.title);
      } else {
        assert.equal(after.length, before.length, f.title);
        after.forEach((l, i) => {
          if (i !== changedAt) assert.equal(l, before[i], `${f.title}: line ${i}`);
        });
      }
    }
    assert.deepEqual([...seen].sort(), ['Change', 'Comment', 'Disable', 'Insert', 'Remove']);
  });
});
