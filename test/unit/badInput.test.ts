// Hostile or broken input must give a clear result: never a throw, never a hang. The time checks are
// generous hang guards, not performance requirements.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { catalogData } from '../../server/src/catalog/catalogData';
import { createLanguageService, type LanguageService } from '../../server/src/languageService';
import { parse } from '../../server/src/parser';
import type { YealinkDiagnostic } from '../../server/src/types';
import { assertMalformedLine, assertMissingHeader, assertUnknownParameter, codes, HEADER, only, service } from './helpers/diagnostics';
import { range } from './helpers/text';

const real = createLanguageService(catalogData);
const HANG_GUARD_MS = 120_000; // only a real hang trips it, even on a loaded machine
const BINARY = 'This file holds binary data (NUL bytes or undecodable bytes), not provisioning text; it was not checked.';

/** Runs every feature on the text, within the hang guard, and returns the diagnostics. */
function runAll(ls: LanguageService, text: string, fileName = 'y000000000068.cfg'): YealinkDiagnostic[] {
  const started = Date.now();
  const ctx = { fileName };
  const diagnostics = ls.validate(text, ctx);
  ls.quickFixes(text, diagnostics, ctx);
  ls.hover(text, { line: 0, character: 3 }, ctx);
  ls.complete(text, { line: 0, character: 3 }, ctx);
  const elapsed = Date.now() - started;
  assert.ok(elapsed < HANG_GUARD_MS, `took ${elapsed} ms`);
  return diagnostics;
}

describe('bad input', () => {
  for (const [label, ls] of [
    ['fixture catalogue', service],
    ['shipped catalogue', real],
  ] as const) {
    describe(label, () => {
      it('binary data with NUL bytes: one malformed-line diagnostic, nothing else', () => {
        const bytes = Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0x0a, 0x3d, 0x0d, 0xff, 0x00, 0x41]);
        const text = bytes.toString('latin1');
        assert.equal(parse(text).isBinary, true);
        assertMalformedLine(only(runAll(ls, text)), BINARY, range(0, 0, 6));
      });

      it('a 1 MB single line without "="', () => {
        const text = 'a'.repeat(1_000_000);
        const ds = runAll(ls, text);
        assert.deepEqual(codes(ds), ['missing-header', 'malformed-line']);
        assert.deepEqual(ds[1].range, range(0, 0, 1_000_000));
      });

      it('a 1 MB value', () => {
        const text = `${HEADER}\naccount.1.label = ${'x'.repeat(1_000_000)}\n`;
        const d = only(runAll(ls, text));
        assert.equal(d.code, 'invalid-value');
        assert.equal(d.message, `Value ${'x'.repeat(57)}... of account.1.label is 1000000 characters long (permitted: at most ${ls === real ? 99 : 10}).`);
        assert.deepEqual(d.range, range(1, 18, 1_000_018));
      });

      it('a 1 MB line of unclosed template openers', () => {
        // A line starting with "{{" or "{%" is a template statement, which makes the file a template.
        const expected: [string, string[]][] = [
          ['{{', ['invalid-value']],
          ['{%', ['invalid-value']],
          ['{$', ['invalid-value', 'malformed-line']],
          ['${', ['invalid-value', 'malformed-line']],
        ];
        for (const [unit, want] of expected) {
          const started = Date.now();
          const text = `${HEADER}\naccount.1.label = ${unit.repeat(250_000)}\n${unit.repeat(250_000)}\n`;
          const ds = ls.validate(text, { fileName: 'a.cfg' });
          assert.ok(Date.now() - started < HANG_GUARD_MS, unit);
          assert.deepEqual(codes(ds), want, unit);
        }
      });

      it('a 1 MB parameter name', () => {
        const name = '{$'.repeat(500_000);
        const started = Date.now();
        const ds = ls.validate(`${HEADER}\n${name} = 1\n`, { fileName: 'a.cfg' });
        assert.ok(Date.now() - started < HANG_GUARD_MS);
        assertUnknownParameter(only(ds), `Unknown parameter "${name.slice(0, 57)}...".`, range(1, 0, 1_000_000));
        assert.deepEqual(ds[0].data, { suggestions: [] });
      });

      it('a 1 MB parameter name in a file whose conditions are evaluated', () => {
        const name = '{$'.repeat(500_000);
        const started = Date.now();
        const ds = ls.validate(`${HEADER}\n${name} = 1\naccount.1.sip_server.1.failback_timeout = 100\n`, { fileName: 'a.cfg' });
        assert.ok(Date.now() - started < HANG_GUARD_MS);
        assert.deepEqual(codes(ds), ['unknown-parameter', 'dependency']);
      });

      it('100,000 lines', () => {
        const lines = [HEADER];
        for (let i = 0; i < 100_000; i++) lines.push(i % 2 ? `account.1.label = line ${i}` : `custom.param${i} = ${i}`);
        const ds = runAll(ls, lines.join('\n'));
        // Every label but the last is overridden; every custom name is unknown.
        assert.equal(ds.filter((d) => d.code === 'duplicate-parameter').length, 49_999);
        assert.equal(ds.filter((d) => d.code === 'unknown-parameter').length, 50_000);
        assert.equal(ds.length, 99_999);
      });

      it('invalid UTF-8 decoded with replacement characters', () => {
        // "café" written in Latin-1, read as UTF-8: one undecodable byte in a text line is data.
        const text = Buffer.concat([Buffer.from(`${HEADER}\naccount.1.label = caf`), Buffer.from([0xe9]), Buffer.from('\n')]).toString('utf8');
        assert.equal(text.includes('\uFFFD'), true);
        assert.deepEqual(runAll(ls, text), []);
        // Mostly undecodable bytes: binary.
        const junk = Buffer.from(Array.from({ length: 200 }, (_, i) => 0x80 + (i % 64))).toString('utf8');
        assertMalformedLine(only(runAll(ls, junk)), BINARY, range(0, 0, 200));
      });

      it('a lone "="', () => {
        const ds = runAll(ls, '=');
        assert.equal(ds.length, 2);
        assertMissingHeader(ds[0], 'The first line must be the header "#!version:1.0.0.1", not "=".', range(0, 0, 1));
        assertMalformedLine(ds[1], 'Not a "name = value" line: the name before "=" is empty.', range(0, 0, 1));
      });

      it('only blanks', () => {
        assertMissingHeader(only(runAll(ls, '  \t \r\n\n   ')), 'The first line must be the header "#!version:1.0.0.1".', range(0, 0, 4));
      });

      it('the empty text', () => {
        assertMissingHeader(only(runAll(ls, '')), 'The first line must be the header "#!version:1.0.0.1".', range(0, 0, 0));
      });

      it('only line breaks of every kind', () => {
        assert.deepEqual(codes(runAll(ls, '\r\n\r\n\n\r\r')), ['missing-header']);
      });

      it('positions outside the text', () => {
        const ctx = { fileName: 'a.cfg' };
        assert.doesNotThrow(() => ls.hover('a = 1', { line: 9, character: 99 }, ctx));
        assert.doesNotThrow(() => ls.complete('a = 1', { line: 9, character: 99 }, ctx));
      });
    });
  }
});
