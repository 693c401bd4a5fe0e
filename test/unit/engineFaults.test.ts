// Faults found by driving the engine with hostile input: secrets in hovers, edits that move the byte
// order mark or join line endings, suggestions that are not names, fixes for binary files, completion
// ranges outside the line, and patterns that are quadratic on one long line.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { catalogData } from '../../server/src/catalog/catalogData';
import { memoryIO } from '../../server/src/cli/io';
import { runCli } from '../../server/src/cli/main';
import { createLanguageService } from '../../server/src/languageService';
import { globMatcher } from '../../server/src/services/validation';
import { deleteLines } from '../../server/src/services/lineRemoval';
import { applyEdits, range } from './helpers/text';

const service = createLanguageService(catalogData);
const HEADER = '#!version:1.0.0.1';
const MAC = { fileName: '0015651234ab.cfg' };

describe('secrets', () => {
  it('hover never shows the value of a password', () => {
    const text = `${HEADER}\naccount.1.password = hunter2\nmanagementserver.password=c\n`;
    assert.deepEqual(service.hover(text, { line: 1, character: 23 }, MAC), {
      contents: 'The value of account.1.password is a secret and is not shown.',
      range: range(1, 21, 28),
    });
    assert.deepEqual(service.hover(text, { line: 2, character: 26 }, MAC), {
      contents: 'The value of managementserver.password is a secret and is not shown.',
      range: range(2, 26, 27),
    });
    const onName = service.hover(text, { line: 1, character: 3 }, MAC);
    assert.ok(onName && !onName.contents.includes('hunter2'), 'the name hover shows no value');
  });

  it('the folder part of a name hover hides the values other files give a password', () => {
    const text = `${HEADER}\naccount.1.password = hunter2x\n`;
    const r = range(1, 0, 18);
    const site = {
      earlier: new Map([['account.1.password', { value: 'commonsecret', file: 'y000000000096.cfg', line: 1, range: r }]]),
      earlierFiles: ['y000000000096.cfg'],
      overriddenBy: () => [{ file: '001565000002.cfg', line: 2, value: 'othersecret' }],
    };
    const h = service.hover(text, { line: 1, character: 3 }, { ...MAC, site });
    assert.ok(h && h.contents.includes('overrides (hidden) from y000000000096.cfg, line 2'), h?.contents);
    assert.ok(h && h.contents.includes('001565000002.cfg ((hidden), line 3)'), h?.contents);
    for (const secret of ['hunter2x', 'commonsecret', 'othersecret']) assert.ok(!h!.contents.includes(secret), secret);
  });

  it('a sensitive parameter is flagged in the catalogue, an ordinary one is not', () => {
    assert.equal(service.catalog.isSensitive('account.2.password'), true);
    assert.equal(service.catalog.isSensitive('static.managementserver.password'), true);
    assert.equal(service.catalog.isSensitive('account.2.label'), false);
    assert.equal(service.catalog.isSensitive('no.such.name'), false);
  });

  it('a diagnostic about a password value does not repeat the value', () => {
    const secret = 's'.repeat(100);
    const d = service.validate(`${HEADER}\naccount.1.password = ${secret}\n`, MAC);
    assert.deepEqual(
      d.map((x) => [x.code, x.message]),
      [['invalid-value', 'Value (hidden) of account.1.password is 100 characters long (permitted: at most 99).']],
    );
  });
});

describe('edits at the top of a file with a byte order mark', () => {
  it('the dependency fix inserts its line after the BOM', () => {
    const text = '\uFEFFaccount.3.timeout_fwd.on_code=5';
    const ds = service.validate(text, MAC).filter((d) => d.code === 'dependency');
    assert.equal(ds.length, 1);
    const fixes = service.quickFixes(text, ds, MAC).filter((f) => f.title.startsWith('Insert'));
    assert.ok(fixes.length > 0);
    for (const f of fixes) {
      assert.deepEqual(f.edits[0].range, range(0, 1, 1));
      const after = applyEdits(text, f.edits);
      assert.equal(after.charCodeAt(0), 0xfeff, f.title);
      assert.ok(after.endsWith('\naccount.3.timeout_fwd.on_code=5'), f.title);
    }
  });
});

describe('removing a line keeps the other lines and their endings', () => {
  function removeDuplicate(text: string): string {
    const d = service.validate(text, MAC).filter((x) => x.code === 'duplicate-parameter');
    assert.equal(d.length, 1);
    const fix = service.quickFixes(text, d, MAC).find((f) => f.title === 'Remove this overridden line');
    assert.ok(fix);
    return applyEdits(text, fix.edits);
  }

  it('a lone CR before an empty LF line is not joined into one CRLF (the removed line ending takes its place)', () => {
    assert.equal(removeDuplicate('\r.=\n\n.='), '\n\n.=');
  });
  it('a lone CR line ending is kept when the line after is not empty', () => {
    assert.equal(removeDuplicate(`${HEADER}\r\naccount.1.label = a\raccount.1.label = b\n`), `${HEADER}\r\naccount.1.label = b\n`);
  });
  it('a removed CRLF line after a lone CR gives its CRLF to the line before', () => {
    assert.equal(removeDuplicate('x\r.=\r\n\n.='), 'x\r\n\n.=');
  });
  // Found by the fuzzer (two empty lines ending in a lone CR before the removed line): handing the LF to
  // the empty line would join it with the CR before that line, so the break becomes CRLF.
  it('two lone CR lines before the removed line keep their count', () => {
    assert.equal(removeDuplicate('\r\raccount.{$line}.failback_timeout=\n\naccount.{$line}.failback_timeout='), '\r\r\n\naccount.{$line}.failback_timeout=');
    assert.equal(removeDuplicate('\r\r.=\n\n.='), '\r\r\n\n.=');
    assert.equal(service.parse('\r\r\n\n.=', 'x.cfg').lines.length, 4);
  });
  it('the source action that removes lines keeps the same endings', () => {
    const doc = service.parse('\r\r.=\n\n.=', 'x.cfg');
    const after = applyEdits('\r\r.=\n\n.=', deleteLines(doc, [2]));
    assert.equal(after, '\r\r\n\n.=');
  });
});

describe('suggestions', () => {
  const suggestionsFor = (name: string) => service.validate(`${HEADER}\n${name}=\n`, MAC)[0]?.data?.suggestions;

  it('never suggest the unknown name itself, and fill a word slot with a word', () => {
    assert.deepEqual(suggestionsFor('blf.enhanced.1.enable'), ['blf.enhanced.idle.enable']);
  });
  it('are names the catalogue accepts', () => {
    const s = suggestionsFor('account..dec.6.enable') ?? [];
    assert.ok(s.length > 0);
    for (const name of s) assert.ok(service.catalog.lookup(name), name);
    assert.ok(!s.includes('account.1.video.6.enable'));
  });
});

describe('binary files', () => {
  it('get no fix but the disable comment: no edit makes them provisioning text', () => {
    const text = `${HEADER}\nabc\u0000def\n\u0000\u0001\u0002`;
    const ds = service.validate(text, MAC);
    assert.deepEqual(ds.map((d) => d.code), ['malformed-line']);
    assert.deepEqual(service.quickFixes(text, ds, MAC).map((f) => f.title), ['Disable malformed-line for this line']);
    // Also when the NUL is on another line than the one reported.
    const other = `${HEADER}\nplain words\n\u0000`;
    assert.deepEqual(service.quickFixes(other, [{ ...ds[0], range: range(1, 0, 11) }], MAC).map((f) => f.title), ['Disable malformed-line for this line']);
  });
});

describe('completion ranges', () => {
  it('in a file that is only a BOM, never end before they start', () => {
    for (const character of [0, 1, 5]) {
      for (const c of service.complete('\uFEFF', { line: 0, character }, MAC)) {
        assert.deepEqual(c.textEdit.range, range(0, 1, 1), c.label);
      }
    }
  });
  it('past the end of a line, stay inside the line', () => {
    const items = service.complete(`${HEADER}\naccount.1.lab`, { line: 1, character: 400 }, MAC);
    assert.ok(items.some((c) => c.label === 'account.1.label'));
    for (const c of items) assert.deepEqual(c.textEdit.range, range(1, 0, 13), c.label);
    const values = service.complete(`${HEADER}\naccount.1.enable = `, { line: 1, character: 90 }, MAC);
    assert.ok(values.length > 0);
    for (const c of values) assert.deepEqual(c.textEdit.range, range(1, 19, 19), c.label);
  });
});

describe('ignored-parameter patterns', () => {
  it('match `*` as any text', () => {
    const m = globMatcher('custom.*.x*');
    assert.equal(m('custom.a.b.xyz'), true);
    assert.equal(m('custom.x'), false);
    assert.equal(globMatcher('a.b')('a.b'), true);
    assert.equal(globMatcher('a.b')('aab'), false);
    assert.equal(globMatcher('*')(''), true);
  });
});

// One long line of each shape, through every service: a quadratic pattern takes minutes at this size,
// a linear one milliseconds. The time limit only stops a hung test; it is not a speed measure.
describe('long-line sweep', () => {
  const SIZE = 1_000_000;
  const shapes: [string, string, string][] = [
    ['float value of digits', `account.1.advanced.timer_t1 = ${'7'.repeat(SIZE)}x`, MAC.fileName],
    ['include line of blanks', `include:config${' '.repeat(SIZE)}x`, 'y000000000000.boot'],
    ['include line of blanks in a cfg', `[T54W]include:config "${' '.repeat(SIZE)}`, MAC.fileName],
    ['value of blanks', `account.1.label =${' '.repeat(SIZE)}x`, MAC.fileName],
    ['name of dots', `${'.'.repeat(SIZE)}=1`, MAC.fileName],
    ['name of digits and dots', `${'1.'.repeat(SIZE / 2)}=1`, MAC.fileName],
    ['comment of hashes', `${'#'.repeat(SIZE)} yealink-cfg-disable-next-line`, MAC.fileName],
    ['section of brackets', `[${'['.repeat(SIZE)}`, MAC.fileName],
    ['template openers', `${'{{'.repeat(SIZE / 2)}`, 'phone.tpl'],
    ['ip value', `account.1.sip_server.1.address = ${'1.'.repeat(SIZE / 2)}`, MAC.fileName],
    ['mac-like value', `static.network.vlan.pc_port_vid = ${'9'.repeat(SIZE)}`, MAC.fileName],
    ['multi-value list', `features.action_uri_limit_ip = ${',1'.repeat(SIZE / 2)}`, MAC.fileName],
    ['blanks in a name', `a${' a'.repeat(SIZE / 2)}=1`, MAC.fileName],
    ['ignored-name patterns', `${'a'.repeat(SIZE)}=1`, MAC.fileName],
  ];
  for (const [what, line, fileName] of shapes) {
    it(`${what}: every service answers`, () => {
      const text = `${HEADER}\n${line}\n`;
      const ctx = { fileName, settings: { ignoredParameters: ['*a*a*a*a*b', 'x*'] } };
      const t0 = Date.now();
      const doc = service.parse(text, fileName);
      assert.equal(doc.lines.map((l) => l.text + l.eol).join(''), text);
      const ds = service.validate(doc, ctx);
      service.quickFixes(doc, ds, ctx);
      for (const character of [0, 1, 20, line.length >> 1, line.length - 1, line.length]) {
        service.hover(doc, { line: 1, character }, ctx);
        service.complete(doc, { line: 1, character }, ctx);
      }
      assert.ok(Date.now() - t0 < 20_000, `${what} took ${Date.now() - t0} ms`);
    });
  }
});

describe('secrets in the effective configuration', () => {
  const H = '#!version:1.0.0.1';
  const files = {
    'site/y000000000096.cfg': [H, 'static.security.user_password = admin:rootpw99', ''].join('\n'),
    'site/001565a1b2c3.cfg': [H, 'account.1.password = hunter2x', 'account.1.label = Desk', ''].join('\n'),
  };
  const run = (...argv: string[]) => runCli(argv, memoryIO(files));

  it('are hidden unless --show-secrets asks for them (a user:password pair keeps the user)', () => {
    assert.deepEqual(run('effective', '--mac', '001565a1b2c3', 'site').stdout.split('\n'), [
      'account.1.label = Desk  # 001565a1b2c3.cfg:3',
      'account.1.password = (hidden)  # 001565a1b2c3.cfg:2',
      'static.security.user_password = admin:(hidden)  # y000000000096.cfg:2',
      '',
    ]);
    const shown = run('effective', '--show-secrets', '--mac', '001565a1b2c3', 'site').stdout;
    assert.ok(shown.includes('account.1.password = hunter2x') && shown.includes('admin:rootpw99'), shown);
  });
});
