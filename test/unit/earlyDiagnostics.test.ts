// A very large file's early diagnostics (the per-line checks of its first lines, published before the
// whole file is checked) must each be in the full check's result: exactly the full check's per-line
// diagnostics of those lines, in the same order, and none when the first lines cannot decide alone.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { catalogData } from '../../server/src/catalog/catalogData';
import { createLanguageService } from '../../server/src/languageService';
import { EARLY_LINES, EARLY_MIN_CHARS, earlyDiagnostics } from '../../server/src/services/earlyDiagnostics';
import { Validator } from '../../server/src/services/validation';
import type { DocumentContext, SiteContext, YealinkDiagnostic } from '../../server/src/types';

const service = createLanguageService(catalogData);
const validator = new Validator(service.catalog);

/** Codes of the checks that read other lines or other files: they come with the full check only. */
const FILE_WIDE = new Set(['duplicate-parameter', 'dependency', 'redundant-override', 'missing-include']);

const HEAD = [
  '#!version:1.0.0.1',
  'account.1.sip_server.1.address = sip.example.com',
  'account.1.sip_server.1.failback_mode = 3',
  'account.1.sip_server.1.failback_mode = 9',
  'account.1.sip_server.1.register_on_enable = 1',
  'account.1.sip_server.1.only_signal_with_registered = 1',
  'account.1.outbound_proxy.1.failback_mode = -1',
  'account.99.sip_server.1.port = 5060',
  'account.6.user_name = bob',
  'account.1.sip_server.1.port = 99999',
  'account.1.srtp_unencrypted_rtp.enable = 1',
  'call_park.enable = 1',
  'features.bogus_thing = 1',
  '# yealink-cfg-disable-next-line',
  'features.bogus_other = 1',
  '# yealink-cfg-disable-next-line invalid-enum',
  'account.1.dtmf.type = 7',
  'static.security.user_password = admin:secret',
  'no equals here',
  'bad name = 1',
  '= 1',
  'include:config "a.cfg"',
  '',
  '## a comment',
];

/**
 * A text over the early threshold: the head lines repeated (so the first lines hold every kind of
 * per-line problem), long comments, and lines after the head that change the file-wide results of
 * head lines (a second `failback_mode`; the `register_on_enable` that takes effect, which the head's
 * conditions read).
 */
function largeText(head = HEAD, tail: string[] = ['account.1.sip_server.1.failback_mode = 1', 'account.1.sip_server.1.register_on_enable = 0'], eol = '\n'): string {
  const lines: string[] = [];
  for (let i = 0; lines.length < EARLY_LINES + 500; i++) lines.push(i === 0 ? head[0] : head[1 + ((i - 1) % (head.length - 1))]);
  const filler = `# ${'x'.repeat(198)}`;
  for (let k = 0; k < EARLY_MIN_CHARS / 200; k++) lines.push(filler);
  lines.push(...tail);
  return lines.join(eol) + eol;
}

function perLineOfHead(all: YealinkDiagnostic[]): YealinkDiagnostic[] {
  return all.filter((d) => d.range.start.line < EARLY_LINES && !FILE_WIDE.has(String(d.code)));
}

const text = largeText();
const full = new Map<string, YealinkDiagnostic[]>();
function fullCheck(t: string, ctx: DocumentContext): YealinkDiagnostic[] {
  const key = `${t.length}:${JSON.stringify(ctx.settings ?? null)}:${ctx.fileName}:${ctx.site ? 'site' : ''}`;
  if (!full.has(key)) full.set(key, service.validate(t, ctx));
  return full.get(key)!;
}

describe('early diagnostics of a very large file', () => {
  it('are exactly the full check per-line diagnostics of the first lines, in order', () => {
    const ctx: DocumentContext = { fileName: 'y000000000000.cfg' };
    const early = earlyDiagnostics(validator, text, ctx, 100_000);
    assert.ok(early && early.length > 500, `early diagnostics: ${early?.length}`);
    const all = fullCheck(text, ctx);
    // The full check has file-wide results on head lines, which the early ones leave out.
    assert.ok(all.some((d) => d.range.start.line < EARLY_LINES && d.code === 'duplicate-parameter'));
    assert.ok(all.some((d) => d.range.start.line < EARLY_LINES && d.code === 'dependency'));
    assert.deepEqual(early, perLineOfHead(all));
    for (const code of ['unknown-parameter', 'index-out-of-range', 'out-of-range', 'invalid-enum', 'malformed-line', 'renamed-parameter']) {
      assert.ok(early.some((d) => d.code === code), code);
    }
    // A disable comment silences the line after it, early as in the full check.
    const disabledLine = HEAD.indexOf('features.bogus_other = 1');
    assert.ok(!early.some((d) => d.range.start.line === disabledLine));
  });

  it('follow the settings, the model of the set and CRLF text; the missing header is reported early', () => {
    const site: SiteContext = { earlier: new Map(), earlierFiles: [], model: 'y000000000025' };
    const ctx: DocumentContext = {
      fileName: '0015651234ab.cfg',
      settings: { severity: { 'unknown-parameter': 'off', 'invalid-enum': 'information' }, ignoredParameters: ['account.*.sip_server.*.port'] },
      site,
    };
    const crlf = largeText(HEAD.slice(1), undefined, '\r\n');
    const early = earlyDiagnostics(validator, crlf, ctx, 100_000);
    assert.ok(early);
    assert.equal(early[0].code, 'missing-header');
    assert.deepEqual(early, perLineOfHead(fullCheck(crlf, ctx)));
    // The set's model (five accounts) puts `account.6` out of range.
    const outOfRange = (ds: YealinkDiagnostic[]) => ds.filter((d) => d.code === 'index-out-of-range').length;
    const { site: _, ...alone } = ctx;
    assert.ok(outOfRange(early) > outOfRange(earlyDiagnostics(validator, crlf, alone, 100_000)!));
  });

  it('suggest names for the same first unknown names as the full check (over a thousand in the first lines)', () => {
    const many = ['#!version:1.0.0.1', ...Array.from({ length: 1500 }, (_, i) => `features.bogus_${i}_thing = 1`)];
    const t = largeText(many, []);
    const ctx: DocumentContext = { fileName: 'y000000000000.cfg' };
    const early = earlyDiagnostics(validator, t, ctx, 100_000);
    assert.ok(early);
    assert.deepEqual(early, perLineOfHead(fullCheck(t, ctx)));
  });

  it('stop at the cap: the first ones of the uncapped list', () => {
    const ctx: DocumentContext = { fileName: 'y000000000000.cfg' };
    const all = earlyDiagnostics(validator, text, ctx, 100_000)!;
    assert.deepEqual(earlyDiagnostics(validator, text, ctx, 7), all.slice(0, 7));
    assert.deepEqual(earlyDiagnostics(validator, text, ctx, 1), all.slice(0, 1));
  });

  it('are not made when the first lines cannot decide alone, or the text is small', () => {
    const ctx: DocumentContext = { fileName: 'y000000000000.cfg' };
    assert.equal(earlyDiagnostics(validator, HEAD.join('\n'), ctx, 1000), undefined, 'small');
    assert.equal(earlyDiagnostics(validator, largeText(HEAD, ['a = \u0000']), ctx, 1000), undefined, 'a NUL after the first lines');
    assert.equal(earlyDiagnostics(validator, largeText([...HEAD, '{% if x %}']), ctx, 1000), undefined, 'a template');
    assert.equal(earlyDiagnostics(validator, text, { fileName: 'y000000000000.cfg.j2' }, 1000), undefined, 'a template by its name');
    assert.equal(earlyDiagnostics(validator, largeText([...HEAD, '[ cfg:/phone/config/user.ini,reboot=0 ]']), ctx, 1000), undefined, 'legacy sections');
    assert.equal(earlyDiagnostics(validator, text.replace(/\n/g, '\r'), ctx, 1000), undefined, 'no LF to cut at');
  });

  it('come from a session only before its document is read in; the full check follows equal to a fresh one', () => {
    const ctx: DocumentContext = { fileName: 'y000000000000.cfg' };
    const session = service.openDocument(text, ctx);
    const early = session.early(ctx, 100_000);
    assert.deepEqual(early, perLineOfHead(fullCheck(text, ctx)));
    assert.deepEqual(session.diagnostics(ctx), fullCheck(text, ctx));
    assert.equal(session.early(ctx, 100_000), undefined);
    const small = service.openDocument(HEAD.join('\n'), ctx);
    assert.equal(small.early(ctx, 1000), undefined);
  });

  it('an edit before the first check reads the whole text in first: the session stays in sync', () => {
    const ctx: DocumentContext = { fileName: 'y000000000000.cfg' };
    const session = service.openDocument(text, ctx);
    session.applyEdits([{ range: { start: { line: 3, character: 0 }, end: { line: 3, character: 1000 } }, text: 'account.1.sip_server.1.failback_mode = 2' }]);
    assert.equal(session.early(ctx, 1000), undefined);
    const edited = session.document.getText();
    assert.equal(edited, text.replace('account.1.sip_server.1.failback_mode = 9', 'account.1.sip_server.1.failback_mode = 2'));
    assert.deepEqual(session.diagnostics(ctx), service.validate(edited, ctx));
  });
});
