import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { catalogData } from '../../server/src/catalog/catalogData';
import { createLanguageService } from '../../server/src/languageService';
import type { HoverResult, Range } from '../../server/src/types';
import { fixtureCatalog, withCaret } from '../fixtures/fixtureCatalog';

const HEADER = '#!version:1.0.0.1\n';
const service = createLanguageService(fixtureCatalog);

function hover(marked: string, svc = service): HoverResult | undefined {
  const { text, pos } = withCaret(marked);
  return svc.hover(text, pos, { fileName: '0015651234ab.cfg' });
}

function contents(marked: string, svc = service): string {
  const h = hover(marked, svc);
  assert.ok(h, 'expected a hover');
  return h.contents;
}

function range(line: number, start: number, end: number): Range {
  return { start: { line, character: start }, end: { line, character: end } };
}

const MODE_BODY = [
  'When server Y is used.',
  '**Permitted values:** \n\n- `0` Never\n- `1` Sometimes\n- `2` Always',
  '**Default:** `2`',
  '**Indices:** X: 1 to 4 (fewer on some models); Y: 1 to 2',
  '**File:** `<MAC>.cfg` (per phone)',
];

describe('hover on a name', () => {
  it('shows summary, values with meanings, default, indices, file and a met condition', () => {
    const h = hover(`${HEADER}acct.1.server.2.host = sip.example.com\nacct.1.server.2.mo‸de = 1\n`);
    assert.deepEqual(h, {
      range: range(2, 0, 20),
      contents: [
        '**acct.1.server.2.mode**',
        ...MODE_BODY,
        '**Works only if:**\n\n- `acct.1.server.2.host` is a domain name — met: `sip.example.com` (line 2)',
      ].join('\n\n'),
    });
  });

  it('says when a condition is not met, with the deciding value and its line', () => {
    const text = contents(`${HEADER}acct.1.server.2.host = 10.0.0.1\n\nacct.1.server.2.m‸ode = 1\n`);
    assert.ok(text.endsWith('\n\n**Works only if:**\n\n- `acct.1.server.2.host` is a domain name — **not met**: `10.0.0.1` (line 2)'), text);
  });

  it('says when the file does not show whether a condition is met', () => {
    const text = contents(`${HEADER}acct.1.server.2.m‸ode = 1\n`);
    assert.ok(text.endsWith('\n\n**Works only if:**\n\n- `acct.1.server.2.host` is a domain name — not known from this file'), text);
    const templ = contents(`${HEADER}acct.1.server.2.host = {$host}\nacct.1.server.2.m‸ode = 1\n`);
    assert.ok(templ.endsWith('- `acct.1.server.2.host` is a domain name — not known from this file'), templ);
  });

  it('evaluates value-list conditions against defaults and lines', () => {
    assert.ok(
      contents(`${HEADER}net.time‸out = 30\n`).endsWith('**Works only if:**\n\n- `net.mode` is 1, 2 — met: `1` (the default)'),
    );
    assert.ok(
      contents(`${HEADER}net.mode = 0\nnet.time‸out = 30\n`).endsWith('**Works only if:**\n\n- `net.mode` is 1, 2 — **not met**: `0` (line 2)'),
    );
    assert.ok(
      contents(`${HEADER}acct.2.server.1.mode = 1\nacct.2.server.1.wa‸it = 9\n`).endsWith(
        '- `acct.2.server.1.mode` is 1 — met: `1` (line 2)',
      ),
    );
  });

  it('for a -1 default names the inherited parameter and its effective value here, with where it comes from', () => {
    const fromLine = contents(`${HEADER}acct.3.server.2.mode = 0\nacct.3.proxy.2.mo‸de = 1\n`);
    assert.equal(
      fromLine,
      [
        '**acct.3.proxy.2.mode**',
        'When proxy Y is used; -1 takes the server setting.',
        '**Permitted values:** \n\n- `0` Never\n- `1` Sometimes\n- `2` Always',
        '**Default:** -1: uses `acct.3.server.2.mode`, here `0` (line 2)',
        '**Indices:** X: 1 to 4 (fewer on some models); Y: 1 to 2',
        '**File:** `<MAC>.cfg` (per phone)',
      ].join('\n\n'),
    );
    assert.ok(contents(`${HEADER}acct.3.proxy.2.mo‸de = 1\n`).includes('\n\n**Default:** -1: uses `acct.3.server.2.mode`, here `2` (the default)\n\n'));
    assert.ok(
      contents(`${HEADER}acct.1.server.1.port = {{ port }}\nacct.1.proxy.1.po‸rt = 5070\n`).includes(
        '\n\n**Default:** -1: uses `acct.1.server.1.port`, whose value this file does not show\n\n',
      ),
    );
  });

  it('shows the Web UI path, the restart note and the common home file', () => {
    assert.deepEqual(hover(`${HEADER}‸net.mode = 1`), {
      range: range(1, 0, 8),
      contents: [
        '**net.mode**',
        'How the network port works.',
        '**Permitted values:** \n\n- `0` Off\n- `1` On\n- `2` Automatic',
        '**Default:** `1`',
        '**File:** `<y0000000000xx>.cfg` (common to a model)  \n**Web UI:** Network > Mode  \nChanging it restarts the phone.',
      ].join('\n\n'),
    });
  });

  it('shows integer ranges with units, blank defaults, boot files and multi-value lists', () => {
    assert.ok(contents(`${HEADER}net.timeo‸ut = 30`).includes('\n\n**Permitted values:** Integer 0 or 10 to 600 (seconds)\n\n**Default:** `60`\n\n'));
    assert.ok(contents(`${HEADER}acct.1.server.1.ho‸st = a.b`).includes('\n\n**Permitted values:** An IP address or a domain name\n\n**Default:** blank\n\n'));
    assert.ok(
      contents(`${HEADER}tones.li‸st = a`).includes(
        '\n\n**Permitted values:** \n\nA list separated by "," of:\n\n- `a` Alpha tone\n- `b` Beta tone\n\n**Default:** `a`\n\n**File:** boot file (`.boot`)',
      ),
    );
    assert.ok(contents(`${HEADER}acct.1.codec.pc‸ma.enable = 1`).includes('\n\n**Indices:** X: 1 to 4 (fewer on some models); Z: pcmu, pcma, g722\n\n'));
  });

  it('names the entry an alias belongs to', () => {
    assert.equal(
      contents(`${HEADER}acct.2.display_la‸bel = Desk`),
      [
        '**acct.2.display_label**',
        'Text shown for the account.',
        '**Permitted values:** Text of at most 32 characters',
        '**Indices:** X: 1 to 4 (fewer on some models)',
        '**File:** `<MAC>.cfg` (per phone)',
        '**Also written:** `acct.X.display_label`',
        'This spelling is an alias of `acct.X.label`.',
      ].join('\n\n'),
    );
  });

  it('covers the name from its first to its last character, after indentation and a byte order mark', () => {
    assert.deepEqual(hover(`${HEADER}  net.mode‸ = 1`)?.range, range(1, 2, 10));
    assert.equal(hover(`${HEADER}  ‸ net.mode = 1`), undefined);
    assert.deepEqual(hover('\uFEFF‸net.mode = 1')?.range, range(0, 1, 9));
  });

  it('gives nothing on comments, unknown names, the "=" or the blanks around it', () => {
    assert.equal(hover(`${HEADER}# net.mo‸de = 1`), undefined);
    assert.equal(hover(`#!vers‸ion:1.0.0.1\n`), undefined);
    assert.equal(hover(`${HEADER}net.colo‸ur = 1`), undefined);
    assert.equal(hover(`${HEADER}acct.9.server.1.nothing‸ = 1`), undefined);
    assert.equal(hover(`${HEADER}net.mode ‸= 1`), undefined);
    assert.deepEqual(hover(`${HEADER}net.mode = ‸1`), { range: range(1, 11, 12), contents: '`1`: On (default)' });
    assert.equal(hover(`${HEADER}net.mode =‸ 1`), undefined);
    assert.equal(hover(`${HEADER}net.mo‸de`), undefined);
  });
});

describe('hover on a value', () => {
  it('says what an enum value means and marks the default', () => {
    assert.deepEqual(hover(`${HEADER}acct.1.server.1.mode = ‸1`), { range: range(1, 23, 24), contents: '`1`: Sometimes' });
    assert.deepEqual(hover(`${HEADER}acct.1.server.1.mode =  2‸  `), { range: range(1, 24, 25), contents: '`2`: Always (default)' });
  });

  it('explains -1 with the inherited value', () => {
    assert.equal(
      contents(`${HEADER}acct.1.server.2.mode = 1\nacct.1.proxy.2.mode = -‸1`),
      '`-1`: use the value of `acct.1.server.2.mode`, here `1` (line 2).',
    );
    assert.equal(contents(`${HEADER}acct.4.proxy.1.port = -1‸`), '`-1`: use the value of `acct.4.server.1.port`, here `5060` (the default).');
  });

  it('describes other values by their type, and problems with them', () => {
    assert.equal(contents(`${HEADER}acct.1.server.1.port = 50‸60`), '`5060`: an integer from 0 to 65535 (the default).');
    assert.equal(contents(`${HEADER}acct.1.server.1.port = 5‸061`), '`5061`: an integer from 0 to 65535.');
    assert.equal(contents(`${HEADER}acct.1.server.1.port = 7‸0000`), '`70000` is out of range (permitted: 0 to 65535).');
    assert.equal(contents(`${HEADER}acct.1.server.1.mode = ‸7`), '`7` is not allowed (permitted: 0, 1 or 2).');
    assert.equal(contents(`${HEADER}tones.list = ‸a,c`), '- `a`: Alpha tone\n- `c`: not a permitted value');
  });

  it('explains %NULL% and %EMPTY% and says nothing for template values', () => {
    assert.equal(contents(`${HEADER}acct.1.label = %NU‸LL%`), '`%NULL%` sets the parameter to an empty value.');
    assert.equal(contents(`${HEADER}acct.1.label = %EMP‸TY%`), '`%EMPTY%` sets the parameter to an empty value.');
    assert.equal(hover(`${HEADER}acct.1.label = {$la‸bel}`), undefined);
    assert.equal(hover(`${HEADER}net.mode = ‸`), undefined);
  });
});

describe('hover with the shipped catalogue', () => {
  const real = createLanguageService(catalogData);

  it('documents account.1.sip_server.1.failback_mode: summary, values 0-3, default 0, home file, condition', () => {
    const text = contents(
      `${HEADER}account.1.sip_server.1.address = sip.example.com\naccount.1.sip_server.1.failback_m‸ode = 2\n`,
      real,
    );
    const lines = text.split('\n');
    assert.equal(lines[0], '**account.1.sip_server.1.failback_mode**');
    assert.ok(lines.includes('Decides when the phone goes back to the primary SIP server after failing over to another one.'));
    for (const v of ['0', '1', '2', '3']) assert.ok(lines.some((l) => l.startsWith(`- \`${v}\` `)), `value ${v}`);
    assert.ok(lines.includes('- `0` newRequests: every request goes to the primary server first, whichever server was used last'));
    assert.ok(lines.includes('**Default:** `0`'));
    assert.ok(lines.some((l) => l.startsWith('**File:** `<MAC>.cfg`')));
    assert.ok(lines.includes('- `account.1.sip_server.1.address` is a domain name — met: `sip.example.com` (line 2)'), text);
  });

  it('reports the failback_mode condition as not met for an IP address and unknown without one', () => {
    const ip = contents(`${HEADER}account.1.sip_server.1.address = 192.0.2.10\naccount.1.sip_server.1.failback_m‸ode = 2\n`, real);
    assert.ok(ip.includes('- `account.1.sip_server.1.address` is a domain name — **not met**: `192.0.2.10` (line 2)'), ip);
    const none = contents(`${HEADER}account.1.sip_server.1.failback_m‸ode = 2\n`, real);
    assert.ok(none.includes('- `account.1.sip_server.1.address` is a domain name — not known from this file'), none);
  });

  it('explains a failback_mode value', () => {
    assert.equal(
      contents(`${HEADER}account.1.sip_server.1.failback_mode = ‸0\n`, real),
      '`0`: newRequests: every request goes to the primary server first, whichever server was used last (default)',
    );
  });
});
