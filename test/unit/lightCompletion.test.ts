// Light completion items and the diagnostics cap: what the server sends on every keystroke stays small.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { catalogData } from '../../server/src/catalog/catalogData';
import { createLanguageService } from '../../server/src/languageService';
import { capDiagnostics } from '../../server/src/services/diagnosticLimit';

const service = createLanguageService(catalogData);
const ctx = { fileName: 'y000000000096.cfg' };
const TEXT = '#!version:1.0.0.1\n\naccount.1.sip_server.1.\n';

describe('light completion items', () => {
  it('carry the same labels and edits as full items, no documentation; their label resolves to it', () => {
    for (const pos of [{ line: 1, character: 0 }, { line: 2, character: 23 }]) {
      const full = service.complete(TEXT, pos, ctx);
      const light = service.complete(TEXT, pos, ctx, { light: true });
      assert.ok(full.length > 10);
      assert.deepEqual(
        light.map((i) => [i.label, i.kind, i.textEdit, i.isSnippet]),
        full.map((i) => [i.label, i.kind, i.textEdit, i.isSnippet]),
      );
      for (const [i, item] of light.entries()) {
        assert.equal(item.documentation, undefined);
        assert.equal(item.detail, undefined);
        assert.deepEqual(service.resolveCompletion(item.label), { detail: full[i].detail, documentation: full[i].documentation });
      }
    }
  });

  it('at a line start lists every parameter once, built from a kept list', () => {
    const a = service.complete(TEXT, { line: 1, character: 0 }, ctx, { light: true });
    const b = service.complete(TEXT, { line: 1, character: 0 }, ctx, { light: true });
    assert.equal(new Set(a.map((i) => i.label)).size, a.length);
    assert.equal(a.length, catalogData.entries.length);
    assert.deepEqual(a, b);
  });

  it('an unknown name resolves to nothing', () => {
    assert.equal(service.resolveCompletion('no.such.name'), undefined);
  });
});

describe('diagnostics cap', () => {
  const text = ['#!version:1.0.0.1', ...Array.from({ length: 5 }, (_, i) => `features.bogus${i} = 1`)].join('\n');
  const all = service.validate(text, ctx);

  it('keeps the first ones and says on the last how many more there are', () => {
    assert.equal(all.length, 5);
    const capped = capDiagnostics(all, 2);
    assert.deepEqual(capped.map((d) => d.range.start.line), [1, 2]);
    assert.equal(capped[0], all[0]);
    assert.equal(capped[1].message, `${all[1].message} (3 more problems in this file not shown: see the setting yealinkCfg.validation.maxDiagnostics.)`);
    assert.equal(all[1].message.includes('more problems'), false, 'the original is not changed');
    assert.equal(capDiagnostics(all, 4)[3].message.endsWith('(1 more problem in this file not shown: see the setting yealinkCfg.validation.maxDiagnostics.)'), true);
  });

  it('changes nothing at or under the cap', () => {
    assert.equal(capDiagnostics(all, 5), all);
    assert.equal(capDiagnostics(all, 1000), all);
  });
});
