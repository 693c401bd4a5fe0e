import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { findConfigPath, mergeSettings, parseProjectConfig, projectConfigSchema, settingsForFile } from '../../server/src/config/projectConfig';
import { memoryIO } from '../../server/src/cli/io';
import { runCli } from '../../server/src/cli/main';
import { SITE_ENTRY } from './helpers/siteEntry';

const ENTRY = SITE_ENTRY;

describe('project configuration: parsing', () => {
  it('reads settings, overrides and catalogue entries', () => {
    const c = parseProjectConfig(
      JSON.stringify({ $schema: './x.json', model: 'T54W', severity: { dependency: 'off' }, overrides: [{ files: ['*-local.cfg'], model: 'T46U' }], catalog: [ENTRY] }),
      '/p/yealink-cfg.json',
    );
    assert.deepEqual(c.problems, []);
    assert.deepEqual(c.settings, { model: 'T54W', severity: { dependency: 'off' } });
    assert.deepEqual(c.overrides, [{ files: ['*-local.cfg'], settings: { model: 'T46U' } }]);
    assert.deepEqual(c.catalog, [ENTRY]);
  });

  it('a bad file: one clear problem naming the field, the valid fields kept, never a throw', () => {
    assert.deepEqual(parseProjectConfig('{"model": 42, "severity": {"dependency": "warning"}}', 'c.json').problems, ['model: must be a string, not 42']);
    assert.deepEqual(parseProjectConfig('{"sevrity": {}}', 'c.json').problems, ['sevrity: unknown field']);
    assert.deepEqual(parseProjectConfig('{"trace": {"server": "off"}}', 'c.json').problems, ['trace: unknown field']);
    assert.deepEqual(parseProjectConfig('[1]', 'c.json').problems, ['must be an object, not a list']);
    assert.deepEqual(parseProjectConfig('{"overrides": [{"model": "T54W"}]}', 'c.json').problems, ['overrides[0].files: missing (required)']);
    assert.deepEqual(parseProjectConfig('{"overrides": [{"files": []}]}', 'c.json').problems, ['overrides[0].files: must have at least 1 item']);
    assert.deepEqual(parseProjectConfig(JSON.stringify({ catalog: [{ ...ENTRY, file: 'phone' }] }), 'c.json').problems, ['catalog[0].file: must be one of "mac", "common", "boot", not "phone"']);
    assert.deepEqual(parseProjectConfig(JSON.stringify({ catalog: [{ ...ENTRY, indices: undefined }] }), 'c.json').problems, ['catalog[0].name: placeholder X is not declared in indices']);
    const good = parseProjectConfig('{"model": 42, "severity": {"dependency": "warning"}}', 'c.json');
    assert.deepEqual(good.settings, { severity: { dependency: 'warning' } });
  });

  it('a file that is not JSON says where it breaks', () => {
    const c = parseProjectConfig('{\n  "model": "T54W",\n  "severity": {\n}}}', 'c.json');
    assert.equal(c.problems.length, 1);
    assert.match(c.problems[0], /^not valid JSON: .* \(line 4, column 3\)$/);
    assert.deepEqual(parseProjectConfig('\uFEFF{}', 'c.json').problems, []);
    assert.deepEqual(parseProjectConfig('', 'c.json').problems.length, 1);
  });

  it('its JSON Schema describes every field, overrides and catalogue entries', () => {
    const schema = projectConfigSchema();
    for (const key of ['severity', 'model', 'ignoredParameters', 'validation', 'overrides', 'catalog', '$schema']) assert.ok(schema.properties?.[key], key);
    assert.equal(schema.properties?.trace, undefined);
    assert.ok(schema.definitions?.entry && schema.definitions.valueType);
  });
});

describe('project configuration: overrides and precedence', () => {
  const config = parseProjectConfig(
    JSON.stringify({
      model: 'T54W',
      severity: { dependency: 'off', 'unknown-parameter': 'error' },
      ignoredParameters: ['a.*'],
      overrides: [
        { files: ['*-local.cfg'], severity: { 'unknown-parameter': 'off' } },
        { files: ['branch/**'], model: 'T46U', ignoredParameters: ['b.*'] },
        { files: ['branch/0015651234ab-local.cfg'], model: 'T23G' },
      ],
    }),
    '/p/yealink-cfg.json',
  );

  it('top-level fields apply to every file below the configuration file', () => {
    assert.deepEqual(settingsForFile(config, '/p/site/0015651234ab.cfg'), { model: 'T54W', severity: { dependency: 'off', 'unknown-parameter': 'error' }, ignoredParameters: ['a.*'] });
  });

  it('overrides whose globs match apply in order; a glob without "/" matches the name in any folder', () => {
    assert.deepEqual(settingsForFile(config, '/p/site/0015651234ab-local.cfg').severity, { dependency: 'off', 'unknown-parameter': 'off' });
    assert.deepEqual(settingsForFile(config, '/p/branch/y000000000096.cfg'), { model: 'T46U', severity: { dependency: 'off', 'unknown-parameter': 'error' }, ignoredParameters: ['b.*'] });
    const last = settingsForFile(config, '/p/branch/0015651234ab-local.cfg');
    assert.equal(last.model, 'T23G');
    assert.deepEqual(last.severity, { dependency: 'off', 'unknown-parameter': 'off' });
    assert.equal(settingsForFile(config, '/elsewhere/branch/x.cfg').model, 'T54W');
  });

  it('settings on top merge objects key by key and replace lists and scalars', () => {
    assert.deepEqual(mergeSettings({ severity: { a: 'off' }, ignoredParameters: ['x'], model: 'T54W' }, { severity: { b: 'hint' }, ignoredParameters: ['y'] }), {
      severity: { a: 'off', b: 'hint' },
      ignoredParameters: ['y'],
      model: 'T54W',
    });
  });
});

describe('project configuration: lookup', () => {
  const files = new Set(['/p/yealink-cfg.json', '/p/a/.yealink-cfg.json', '/p/b/c/yealink-cfg.json', '/p/b/c/.yealink-cfg.json']);
  const exists = (p: string) => files.has(p);

  it('the nearest file at or above the folder wins; yealink-cfg.json before .yealink-cfg.json', () => {
    assert.equal(findConfigPath('/p/a/deep/er', exists), '/p/a/.yealink-cfg.json');
    assert.equal(findConfigPath('/p/b/c', exists), '/p/b/c/yealink-cfg.json');
    assert.equal(findConfigPath('/p/b', exists), '/p/yealink-cfg.json');
    assert.equal(findConfigPath('/q/r', exists), undefined);
    assert.equal(findConfigPath('C:\\p\\x', (p) => p === 'C:/p/yealink-cfg.json'), 'C:/p/yealink-cfg.json');
  });
});

describe('command line: project configuration', () => {
  const TREE = {
    '/work/repo/yealink-cfg.json': JSON.stringify({ severity: { 'unknown-parameter': 'error' }, catalog: [ENTRY] }),
    '/work/repo/site1/0015651234ab.cfg': '#!version:1.0.0.1\nqqqq = 1\nsite.2.feature = 1\nsite.4.feature = 1\n',
    '/work/repo/site2/.yealink-cfg.json': JSON.stringify({ ignoredParameters: ['qqqq'], overrides: [{ files: ['*-local.cfg'], model: 'T23G' }] }),
    '/work/repo/site2/0015651234ab-local.cfg': '#!version:1.0.0.1\nqqqq = 1\naccount.4.enable = 1\n',
    '/work/repo/bad/yealink-cfg.json': '{"model": 42}',
    '/work/repo/bad/0015651234ab.cfg': '#!version:1.0.0.1\naccount.4.enable = 1\n',
  };
  const run = (...argv: string[]) => runCli(argv, memoryIO(TREE, { cwd: '/work/repo' }));

  it('each file takes its nearest configuration: severities, catalogue extras, overrides', () => {
    assert.deepEqual(run('check', 'site1', 'site2'), {
      code: 1,
      stdout:
        'site1/0015651234ab.cfg:2:1: error unknown-parameter Unknown parameter "qqqq".\n' +
        'site1/0015651234ab.cfg:4:6: error index-out-of-range Index 4 is out of range in site.4.feature: site takes 1 to 3.\n' +
        'site2/0015651234ab-local.cfg:3:9: error index-out-of-range Index 4 is out of range in account.4.enable: account takes 1 to 3 on the T23P/T23G.\n' +
        '3 errors, 0 warnings in 2 files\n',
      stderr: '',
    });
  });

  it('options on the command line go on top of the configuration file', () => {
    assert.equal(run('check', '--severity', 'unknown-parameter=off', '--severity', 'index-out-of-range=off', 'site1').stdout, '0 errors, 0 warnings in 1 file\n');
    assert.equal(run('check', '--model', 'T54W', 'site2').code, 0);
  });

  it('--no-config ignores the files, --config uses one file for everything', () => {
    assert.equal(run('check', '--no-config', 'site1').stdout, 'site1/0015651234ab.cfg:2:1: warning unknown-parameter Unknown parameter "qqqq".\nsite1/0015651234ab.cfg:3:1: warning unknown-parameter Unknown parameter "site.2.feature".\nsite1/0015651234ab.cfg:4:1: warning unknown-parameter Unknown parameter "site.4.feature".\n0 errors, 3 warnings in 1 file\n');
    // site2's file ignores qqqq and has no catalogue extras.
    assert.equal(
      run('check', '--config', 'site2/.yealink-cfg.json', 'site1/0015651234ab.cfg').stdout,
      'site1/0015651234ab.cfg:3:1: warning unknown-parameter Unknown parameter "site.2.feature".\nsite1/0015651234ab.cfg:4:1: warning unknown-parameter Unknown parameter "site.4.feature".\n0 errors, 2 warnings in 1 file\n',
    );
    assert.equal(run('check', '--config', 'x.json', '--no-config', 'site1').code, 2);
  });

  it('a bad configuration file: exit 2 with one line naming the file and the field; the files are still checked', () => {
    assert.deepEqual(run('check', 'bad'), {
      code: 2,
      stdout: '0 errors, 0 warnings in 1 file\n',
      stderr: 'yealink-cfg: bad/yealink-cfg.json: model: must be a string, not 42\n',
    });
  });
});

describe('project configuration: the shipped JSON Schema', () => {
  it('is a valid draft-07 schema that agrees with the checker on good and bad files', async () => {
    const { default: Ajv } = await import('ajv');
    const validate = new Ajv({ allErrors: true, strict: false }).compile(projectConfigSchema());
    const good = { $schema: './s.json', model: 'T54W', severity: { dependency: 'off' }, overrides: [{ files: ['*-local.cfg'], model: 'T46U' }], catalog: [ENTRY] };
    assert.equal(validate(good), true, JSON.stringify(validate.errors));
    assert.deepEqual(parseProjectConfig(JSON.stringify(good), 'c.json').problems, []);
    for (const bad of [{ model: 42 }, { sevrity: {} }, { severity: { dependency: 'loud' } }, { overrides: [{ model: 'x' }] }, { catalog: [{ ...ENTRY, file: 'phone' }] }]) {
      assert.equal(validate(bad), false, JSON.stringify(bad));
      assert.equal(parseProjectConfig(JSON.stringify(bad), 'c.json').problems.length, 1, JSON.stringify(bad));
    }
  });

  it('is contributed for yealink-cfg.json and .yealink-cfg.json from dist/', async () => {
    const pkg = (await import('../../package.json')).default as { contributes: { jsonValidation?: { fileMatch: string[]; url: string }[] } };
    assert.deepEqual(pkg.contributes.jsonValidation, [{ fileMatch: ['yealink-cfg.json', '.yealink-cfg.json'], url: './dist/yealink-cfg.schema.json' }]);
  });
});
