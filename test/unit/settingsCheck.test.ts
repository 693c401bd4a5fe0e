import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkSettings } from '../../server/src/config/settingsCheck';
import { checkAgainstSchema } from '../../server/src/config/schemaCheck';
import { nestedSettingsSchema } from '../../server/src/config/settingsSchema';
import { createLanguageService } from '../../server/src/languageService';
import { catalogData } from '../../server/src/catalog/catalogData';
import { ALL_CODES } from '../../server/src/types';
import pkg from '../../package.json';

const LEVELS = '"error", "warning", "information", "hint", "off"';

describe('settings of the wrong type: valid fields kept, others dropped and named', () => {
  it('a model that is a number or an object falls back to the default, naming the setting', () => {
    assert.deepEqual(checkSettings({ model: 42 }), { settings: {}, problems: ['yealinkCfg.model: must be a string, not 42'] });
    assert.deepEqual(checkSettings({ model: { a: 1 } }), { settings: {}, problems: ['yealinkCfg.model: must be a string, not an object'] });
    assert.deepEqual(checkSettings({ model: 'T54W', ignoredParameters: 3 }), {
      settings: { model: 'T54W' },
      problems: ['yealinkCfg.ignoredParameters: must be a list, not 3'],
    });
  });

  it('ignoredParameters as a string, or with non-string items, keeps only the strings', () => {
    assert.deepEqual(checkSettings({ ignoredParameters: 'foo.*' }), { settings: {}, problems: ['yealinkCfg.ignoredParameters: must be a list, not "foo.*"'] });
    assert.deepEqual(checkSettings({ ignoredParameters: [42, 'custom.*', null] }), {
      settings: { ignoredParameters: ['custom.*'] },
      problems: ['yealinkCfg.ignoredParameters[0]: must be a string, not 42', 'yealinkCfg.ignoredParameters[2]: must be a string, not null'],
    });
  });

  it('whole settings that are not an object ([42], a number, a string) give defaults and one problem', () => {
    assert.deepEqual(checkSettings([42]), { settings: {}, problems: ['yealinkCfg: must be an object, not a list'] });
    assert.deepEqual(checkSettings(7), { settings: {}, problems: ['yealinkCfg: must be an object, not 7'] });
    assert.deepEqual(checkSettings(null), { settings: {}, problems: [] });
    assert.deepEqual(checkSettings(undefined), { settings: {}, problems: [] });
  });

  it('unknown severity levels and unknown codes are named; the valid levels are kept', () => {
    assert.deepEqual(checkSettings({ severity: { dependency: 'loud', 'unknown-parameter': 'off', typo: 'error' } }), {
      settings: { severity: { 'unknown-parameter': 'off' } },
      problems: [`yealinkCfg.severity.dependency: must be one of ${LEVELS}, not "loud"`, 'yealinkCfg.severity.typo: unknown field'],
    });
    assert.deepEqual(checkSettings({ severity: 'off' }).problems, ['yealinkCfg.severity: must be an object, not "off"']);
  });

  it('nested settings: validation.enable must be a boolean, debounceMs a number from 0', () => {
    assert.deepEqual(checkSettings({ validation: { enable: 'no', debounceMs: -5 } }), {
      settings: { validation: {} },
      problems: ['yealinkCfg.validation.enable: must be true or false, not "no"', 'yealinkCfg.validation.debounceMs: must be at least 0, not -5'],
    });
    assert.deepEqual(checkSettings({ validation: { enable: false, debounceMs: 0 } }), { settings: { validation: { enable: false, debounceMs: 0 } }, problems: [] });
  });

  it('keeps unknown top-level keys (a newer client) and never lets __proto__ change an object', () => {
    const raw = JSON.parse('{"future":1,"severity":{"__proto__":{"polluted":1}}}');
    const r = checkSettings<Record<string, unknown>>(raw);
    assert.equal(r.settings.future, 1);
    assert.deepEqual(r.problems, ['yealinkCfg.severity.__proto__: unknown field']);
    assert.equal(({} as Record<string, unknown>).polluted, undefined);
  });

  it('the validated settings never make validation throw, whatever the input', () => {
    const service = createLanguageService(catalogData);
    const text = '#!version:1.0.0.1\naccount.1.enable = 1\nfoo.bar = 1\n';
    for (const raw of [{ model: 42 }, { model: { a: 1 } }, { ignoredParameters: 'foo.*' }, [42], { severity: { dependency: 7 } }, { severity: null }, 'x']) {
      const { settings } = checkSettings(raw);
      assert.doesNotThrow(() => service.validate(text, { fileName: 'a.cfg', settings }));
    }
  });
});

describe('settings schema: read from the manifest, so settings added later are validated too', () => {
  it('every yealinkCfg.* setting of package.json is in the schema, nested at its dots', () => {
    const schema = nestedSettingsSchema();
    for (const key of Object.keys(pkg.contributes.configuration.properties)) {
      let node = schema;
      for (const seg of key.slice('yealinkCfg.'.length).split('.')) {
        assert.ok(node.properties?.[seg], `${key} in the schema`);
        node = node.properties[seg];
      }
    }
  });

  it('a setting added to the manifest (format.*, inlayHints.*, firmware, a cap) is checked with no code change', () => {
    const properties = {
      'yealinkCfg.format.alignEquals': { type: 'boolean', default: false, scope: 'resource' },
      'yealinkCfg.inlayHints.defaults': { type: 'string', enum: ['off', 'changed', 'all'], default: 'off' },
      'yealinkCfg.firmware': { type: 'string', default: '' },
      'yealinkCfg.diagnostics.maxPerFile': { type: 'integer', minimum: 1, default: 1000 },
    };
    const schema = nestedSettingsSchema(properties);
    const raw = { format: { alignEquals: 'yes' }, inlayHints: { defaults: 'some' }, firmware: 86, diagnostics: { maxPerFile: 2.5 } };
    assert.deepEqual(checkAgainstSchema(raw, schema, 'yealinkCfg'), {
      value: { format: {}, inlayHints: {}, diagnostics: {} },
      problems: [
        'yealinkCfg.format.alignEquals: must be true or false, not "yes"',
        'yealinkCfg.inlayHints.defaults: must be one of "off", "changed", "all", not "some"',
        'yealinkCfg.firmware: must be a string, not 86',
        'yealinkCfg.diagnostics.maxPerFile: must be a whole number, not 2.5',
      ],
    });
  });

  it('severity accepts every diagnostic code, including codes the manifest does not list yet', () => {
    const schema = nestedSettingsSchema({ 'yealinkCfg.severity': { type: 'object', properties: {}, additionalProperties: false } });
    const all = Object.fromEntries(ALL_CODES.map((c) => [c, 'off']));
    assert.deepEqual(checkAgainstSchema({ severity: all }, schema).problems, []);
  });
});
