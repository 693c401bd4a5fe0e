// Incremental checking must give exactly what a full check of the same text gives, after any edit
// sequence: long random sequences of line and character edits over documents built from names whose
// results depend on each other (duplicates, conditions, `-1` inheritance, aliases, disable comments).
// Runs are bounded and the seed is fixed; a failure prints the seed and the shrunk sequence.
//   INCREMENTAL_RUNS=5000 node --import tsx --test test/unit/incrementalValidation.test.ts

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { catalogData } from '../../server/src/catalog/catalogData';
import { createLanguageService } from '../../server/src/languageService';
import type { DocumentContext, Range, SiteContext } from '../../server/src/types';

const service = createLanguageService(catalogData);
const SEED = 4242;
const RUNS = Number(process.env.INCREMENTAL_RUNS ?? 400);

const LINES = [
  '#!version:1.0.0.1',
  'account.1.sip_server.1.address = 10.0.0.1',
  'account.1.sip_server.1.address = sip.example.com',
  'account.1.sip_server.1.address = ',
  'account.1.sip_server.1.failback_mode = 3',
  'account.1.sip_server.1.failback_mode = 1',
  'account.1.sip_server.1.failback_mode = 9',
  'account.1.sip_server.1.failback_timeout = 60',
  'account.1.sip_server.1.register_on_enable = 1',
  'account.1.sip_server.1.register_on_enable = 0',
  'account.1.sip_server.1.only_signal_with_registered = 1',
  'account.1.outbound_proxy.1.failback_mode = -1',
  'account.1.outbound_proxy.1.failback_timeout = 30',
  'account.1.outbound_proxy.1.address = proxy.example.com',
  'account.1.outbound_proxy_enable = 0',
  'account.1.outbound_proxy_enable = 1',
  'account.1.dtmf.type = 2',
  'account.1.dtmf.type = 1',
  'account.1.dtmf.dtmf_payload = 96',
  'account.1.dtmf.info_type = 2',
  'account.1.srtp_unencrypted_rtp.enable = 1',
  'account.1.srtp.unencrypted_rtp.enable = 0',
  'account.99.sip_server.1.port = 5060',
  'account.1.sip_server.1.port = 99999',
  'acd.auto_available = 1',
  'acd.enable = 1',
  'features.bogus_thing = 1',
  'static.security.user_password = admin:secret',
  '# yealink-cfg-disable-next-line',
  '# yealink-cfg-disable-next-line duplicate-parameter',
  '## a comment',
  '',
  'no equals here',
  'bad name = 1',
  '= 1',
  'include:config "a.cfg"',
];

const linePick = fc.constantFrom(...LINES);
const piece = fc.constantFrom('1', '0', '-1', ' ', '=', '.', 'x', '\n', '\r', '\r\n', '#', 'account.1.sip_server.1.');
const docArb = fc.array(linePick, { minLength: 1, maxLength: 25 });
const eol = fc.constantFrom('\n', '\r\n');

type Op =
  | { kind: 'setLine'; at: number; text: string }
  | { kind: 'insertLine'; at: number; text: string }
  | { kind: 'deleteLines'; at: number; count: number }
  | { kind: 'type'; at: number; ch: number; text: string; del: number };

const op: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ kind: fc.constant('setLine' as const), at: fc.nat(30), text: linePick }),
  fc.record({ kind: fc.constant('insertLine' as const), at: fc.nat(30), text: linePick }),
  fc.record({ kind: fc.constant('deleteLines' as const), at: fc.nat(30), count: fc.integer({ min: 1, max: 3 }) }),
  fc.record({ kind: fc.constant('type' as const), at: fc.nat(30), ch: fc.nat(50), text: piece, del: fc.nat(2) }),
);

function toChange(o: Op, lineCount: number, lineLength: (l: number) => number): { range: Range; text: string } {
  const at = Math.min(o.at, lineCount - 1);
  const r = (sl: number, sc: number, el: number, ec: number) => ({ start: { line: sl, character: sc }, end: { line: el, character: ec } });
  switch (o.kind) {
    case 'setLine':
      return { range: r(at, 0, at, lineLength(at)), text: o.text };
    case 'insertLine':
      return { range: r(at, 0, at, 0), text: `${o.text}\n` };
    case 'deleteLines': {
      const end = Math.min(at + o.count, lineCount - 1);
      return end > at ? { range: r(at, 0, end, 0), text: '' } : { range: r(at, 0, at, lineLength(at)), text: '' };
    }
    case 'type': {
      const ch = Math.min(o.ch, lineLength(at));
      return { range: r(at, ch, at, Math.min(ch + o.del, lineLength(at))), text: o.text };
    }
  }
}

function runSequence(ctx: DocumentContext, lines: string[], newline: string, ops: Op[], prepared: boolean): void {
  const session = service.openDocument(lines.join(newline), ctx);
  assert.deepEqual(session.diagnostics(ctx), service.validate(session.document.getText(), ctx), 'after opening');
  // Indexed before the first edit (idle time after opening), or at the first edit's check.
  if (prepared) session.prepare();
  ops.forEach((o, i) => {
    const model = session.document.model;
    session.applyEdits([toChange(o, model.lineCount, (l) => model.lineText(l).length)]);
    // Ask only now and then: several edits between two requests must be followed too.
    if (i % 3 === 2 || i === ops.length - 1) {
      const text = session.document.getText();
      assert.deepEqual(session.diagnostics({ ...ctx }), service.validate(text, ctx), `after edit ${i + 1} of ${ops.length}: ${JSON.stringify(text)}`);
    }
  });
}

function property(ctx: DocumentContext): void {
  const out = fc.check(
    fc.property(docArb, eol, fc.array(op, { minLength: 10, maxLength: 60 }), fc.boolean(), (lines, newline, ops, prepared) =>
      runSequence(ctx, lines, newline, ops, prepared),
    ),
    { seed: SEED, numRuns: RUNS },
  );
  if (out.failed) assert.fail(`incremental != full (seed ${SEED}, path ${out.counterexamplePath}): ${fc.stringify(out.counterexample)}\n${out.errorInstance}`);
}

const SITE: SiteContext = {
  earlier: new Map([
    ['account.1.sip_server.1.address', { value: 'sip.example.com', file: 'y000000000000.cfg', line: 3, range: { start: { line: 3, character: 0 }, end: { line: 3, character: 30 } } }],
    ['account.1.dtmf.type', { value: '2', file: 'y000000000000.cfg', line: 4, range: { start: { line: 4, character: 0 }, end: { line: 4, character: 19 } } }],
  ]),
  earlierFiles: ['y000000000000.cfg'],
};

const SITE2: SiteContext = {
  earlier: new Map([
    ['account.1.sip_server.1.address', { value: '10.1.1.1', file: 'y000000000000.cfg', line: 3, range: { start: { line: 3, character: 0 }, end: { line: 3, character: 30 } } }],
    ['account.1.sip_server.1.failback_mode', { value: '3', file: 'y000000000000.cfg', line: 5, range: { start: { line: 5, character: 0 }, end: { line: 5, character: 36 } } }],
    ['account.1.dtmf.type', { value: '2', file: 'y000000000000.cfg', line: 4, range: { start: { line: 4, character: 0 }, end: { line: 4, character: 19 } } }],
  ]),
  earlierFiles: ['y000000000000.cfg'],
};

/** Edits, and between them the set's values change (an earlier file of the set was edited). */
function siteProperty(): void {
  const sites = [SITE, SITE2, undefined];
  const out = fc.check(
    fc.property(docArb, fc.array(fc.tuple(op, fc.nat(2)), { minLength: 5, maxLength: 40 }), (lines, steps) => {
      const ctxOf = (k: number): DocumentContext => ({ fileName: '0015651234ab.cfg', ...(sites[k] ? { site: sites[k] } : {}) });
      const session = service.openDocument(lines.join('\n'), ctxOf(0));
      session.diagnostics(ctxOf(0));
      for (const [o, k] of steps) {
        const model = session.document.model;
        session.applyEdits([toChange(o, model.lineCount, (l) => model.lineText(l).length)]);
        assert.deepEqual(session.diagnostics(ctxOf(k)), service.validate(session.document.getText(), ctxOf(k)));
      }
    }),
    { seed: SEED, numRuns: Math.ceil(RUNS / 2) },
  );
  if (out.failed) assert.fail(`incremental != full (seed ${SEED}, path ${out.counterexamplePath}): ${fc.stringify(out.counterexample)}\n${out.errorInstance}`);
}

describe('incremental checking equals a full check', () => {
  it('while the values of the earlier files of the set change', () => siteProperty());
  it('common file, default settings', () => property({ fileName: 'y000000000096.cfg' }));
  it('boot file with severity settings and ignored names', () =>
    property({ fileName: 'y000000000000.boot', settings: { severity: { dependency: 'error', 'unknown-parameter': 'off' }, ignoredParameters: ['features.*'] } }));
  it('a MAC file read after a common file of its set', () => property({ fileName: '0015651234ab.cfg', site: SITE }));

  it('a changed context (settings) checks the file again', () => {
    const ctx: DocumentContext = { fileName: 'y000000000096.cfg' };
    const session = service.openDocument('#!version:1.0.0.1\nfeatures.bogus = 1\n', ctx);
    assert.equal(session.diagnostics(ctx).length, 1);
    const quiet: DocumentContext = { fileName: 'y000000000096.cfg', settings: { severity: { 'unknown-parameter': 'off' } } };
    assert.deepEqual(session.diagnostics(quiet), []);
  });
});
