import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import Ajv from 'ajv';
import { memoryIO } from '../../server/src/cli/io';
import { runCli } from '../../server/src/cli/main';
import { repositoryUrl } from '../../server/src/cli/product';
import { CODE_DOCS } from '../../server/src/services/codeDocs';
import { ALL_CODES } from '../../server/src/types';

const SCHEMA = JSON.parse(readFileSync(join(__dirname, '..', 'fixtures', 'sarif', 'sarif-schema-2.1.0.json'), 'utf8'));
const VERSION = JSON.parse(readFileSync(join(__dirname, '..', '..', 'package.json'), 'utf8')).version;

// The schema uses three formats; ajv ships none, so each gets a check of its own (RFC 3986 shapes).
// One pattern of the schema (the `language` tag) is not valid in unicode mode, hence unicodeRegExp off.
function sarifValidator() {
  const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
  ajv.addFormat('uri', (s: string) => /^[A-Za-z][A-Za-z0-9+.-]*:[^\s<>"{}|\\^`]*$/.test(s));
  ajv.addFormat('uri-reference', (s: string) => /^[^\s<>"{}|\\^`%]*(?:%[0-9A-Fa-f]{2}[^\s<>"{}|\\^`%]*)*$/.test(s));
  ajv.addFormat('date-time', (s: string) => !Number.isNaN(Date.parse(s)) && /^\d{4}-\d\d-\d\dT/.test(s));
  return ajv.compile(SCHEMA);
}

// A site folder (common file and MAC file), and a file in a folder whose name needs escaping.
const FILES: Record<string, string> = {
  'site/y000000000044.cfg': '#!version:1.0.0.1\naccount.1.sip_server.1.port = 70000\naccount.1.sip_server.1.address = sip.example.com\n',
  'site/0015651234ab.cfg': '#!version:1.0.0.1\naccount.1.sip_server.1.address = sip.example.com\nqqqq.zzzz = 1\n',
  'other dir/n%ame.cfg': 'account.1.sip_server.1.transport_type = 9\n',
};

function result(code: string, level: string, text: string, uri: string, line: number, col: number, endCol: number) {
  return {
    ruleId: code,
    ruleIndex: ALL_CODES.indexOf(code as (typeof ALL_CODES)[number]),
    level,
    message: { text },
    locations: [
      {
        physicalLocation: {
          artifactLocation: { uri, uriBaseId: '%SRCROOT%' },
          region: { startLine: line, startColumn: col, endLine: line, endColumn: endCol },
        },
      },
    ],
  };
}

describe('check --format sarif', () => {
  const r = runCli(['check', '--format', 'sarif', 'site', 'other dir/n%ame.cfg'], memoryIO(FILES, { cwd: '/repo' }));
  const log = JSON.parse(r.stdout);

  it('is valid SARIF 2.1.0 by the OASIS schema, and the exit status is that of the text format', () => {
    const validate = sarifValidator();
    assert.equal(validate(log), true, JSON.stringify(validate.errors, null, 2));
    // The validator does reject what the schema forbids: a 0-based line, a level SARIF lacks.
    const bad = structuredClone(log);
    bad.runs[0].results[0].locations[0].physicalLocation.region.startLine = 0;
    bad.runs[0].results[1].level = 'information';
    assert.equal(validate(bad), false);
    assert.deepEqual(validate.errors?.map((e) => e.instancePath).filter((p) => p.startsWith('/runs/0/results')).sort(), [
      '/runs/0/results/0/locations/0/physicalLocation/region/startLine',
      '/runs/0/results/1/level',
    ]);
    assert.equal(r.code, 1);
    assert.equal(r.stderr, '');
    assert.equal(log.version, '2.1.0');
    assert.equal(log.$schema, 'https://json.schemastore.org/sarif-2.1.0.json');
    assert.equal(log.runs.length, 1);
  });

  it('names the tool and lists one rule per code with its help text and default level', () => {
    const { driver } = log.runs[0].tool;
    assert.equal(driver.name, 'yealink-cfg');
    assert.equal(driver.version, VERSION);
    assert.deepEqual(
      driver.rules.map((rule: { id: string }) => rule.id),
      ALL_CODES,
    );
    assert.deepEqual(driver.rules[ALL_CODES.indexOf('out-of-range')], {
      id: 'out-of-range',
      shortDescription: { text: 'A number lies outside the permitted range.' },
      fullDescription: {
        text: 'A number lies outside the permitted range. Use a number within the permitted range; the quick fix offers the nearest bound or the default.',
      },
      help: { text: 'Use a number within the permitted range; the quick fix offers the nearest bound or the default.' },
      defaultConfiguration: { level: 'error' },
    });
    const levels = Object.fromEntries(driver.rules.map((rule: { id: string; defaultConfiguration: { level: string } }) => [rule.id, rule.defaultConfiguration.level]));
    assert.deepEqual([levels['unknown-parameter'], levels['legacy-format'], levels['redundant-override']], ['warning', 'note', 'note']);
    for (const code of ALL_CODES) assert.ok(CODE_DOCS[code], `no rule help for ${code}`);
  });

  it('gives each problem its rule, level, message and a 1-based region in a path relative to %SRCROOT%', () => {
    const run = log.runs[0];
    assert.deepEqual(run.originalUriBaseIds, { '%SRCROOT%': { uri: 'file:///repo/' } });
    assert.equal(run.columnKind, 'utf16CodeUnits');
    assert.deepEqual(run.results, [
      result(
        'redundant-override',
        'note',
        'account.1.sip_server.1.address = sip.example.com is already given by y000000000044.cfg, line 3; this line changes nothing.',
        'site/0015651234ab.cfg',
        2,
        1,
        49,
      ),
      result('unknown-parameter', 'warning', 'Unknown parameter "qqqq.zzzz".', 'site/0015651234ab.cfg', 3, 1, 10),
      result('out-of-range', 'error', 'Value 70000 of account.1.sip_server.1.port is out of range (permitted: 0 to 65535).', 'site/y000000000044.cfg', 2, 31, 36),
      result(
        'missing-header',
        'error',
        'The first line must be the header "#!version:1.0.0.1", not "account.1.sip_server.1.transport_type = 9".',
        'other%20dir/n%25ame.cfg',
        1,
        1,
        42,
      ),
      result('invalid-enum', 'error', 'Value 9 of account.1.sip_server.1.transport_type is not allowed (permitted: 0, 1, 2 or 3).', 'other%20dir/n%25ame.cfg', 1, 41, 42),
    ]);
  });

  it('follows --severity in result levels; a clean run has an empty result list', () => {
    const io = memoryIO(FILES, { cwd: '/repo' });
    const changed = JSON.parse(runCli(['check', '-f', 'sarif', '--severity', 'out-of-range=hint', 'site/y000000000044.cfg', '--isolated'], io).stdout);
    assert.deepEqual(
      changed.runs[0].results.map((x: { ruleId: string; level: string }) => [x.ruleId, x.level]),
      [['out-of-range', 'note']],
    );
    const clean = runCli(['check', '-f', 'sarif', 'c.cfg'], memoryIO({ 'c.cfg': '#!version:1.0.0.1\n' }));
    assert.equal(clean.code, 0);
    assert.deepEqual(JSON.parse(clean.stdout).runs[0].results, []);
    assert.equal(sarifValidator()(JSON.parse(clean.stdout)), true);
  });

  it('gives a file outside the working directory as an absolute file URI', () => {
    const io = memoryIO({ '/elsewhere/a b.cfg': 'x = 1\n' }, { cwd: '/repo' });
    const out = JSON.parse(runCli(['check', '-f', 'sarif', '/elsewhere/a b.cfg'], io).stdout);
    assert.deepEqual(out.runs[0].results[0].locations[0].physicalLocation.artifactLocation, { uri: 'file:///elsewhere/a%20b.cfg' });
    assert.equal(sarifValidator()(out), true);
  });
});

describe('the repository address in the SARIF driver', () => {
  it('is taken from package.json repository or homepage, as an https address', () => {
    assert.equal(repositoryUrl({ repository: { url: 'git+https://github.com/o/r.git' } }), 'https://github.com/o/r');
    assert.equal(repositoryUrl({ repository: 'github:o/r' }), 'https://github.com/o/r');
    assert.equal(repositoryUrl({ repository: 'o/r' }), 'https://github.com/o/r');
    assert.equal(repositoryUrl({ repository: 'git@github.com:o/r.git', homepage: 'https://example.com/x' }), 'https://example.com/x');
    assert.equal(repositoryUrl({}), undefined);
  });
});
