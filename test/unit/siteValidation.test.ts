import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { file, service } from './helpers/diagnostics';
import { makeSite } from './helpers/site';
import { applyEdits, range } from './helpers/text';

const MAC = '001565a1b2c3';
const BOOT = file('include:config "y000000000096.cfg"', 'include:config "$mac.cfg"');
const COMMON = file(
  'account.1.sip_server.1.address = pbx.example.com',
  'account.1.sip_server.1.failback_mode = 3',
  'account.1.sip_server.1.register_on_enable = 1',
);
const PHONE = file('account.1.sip_server.1.failback_timeout = 120', 'account.1.sip_server.1.only_signal_with_registered = 1');

async function check(files: Record<string, string>, name: string) {
  const site = await makeSite(files);
  return { site, ds: service.validate(files[name], site.ctx(name)) };
}

describe('a folder is one system: conditions across files', () => {
  it('does not warn in a MAC file about what the common file already sets', async () => {
    const files = { 'y000000000000.boot': BOOT, 'y000000000096.cfg': COMMON, [`${MAC}.cfg`]: PHONE };
    const { ds } = await check(files, `${MAC}.cfg`);
    assert.deepEqual(ds, []);
    // Alone, the same file gets both warnings.
    assert.deepEqual(service.validate(PHONE, { fileName: `${MAC}.cfg` }).map((d) => d.code), ['dependency', 'dependency']);
  });

  it('names the file and line of the deciding value and points at it', async () => {
    const common = file('account.1.sip_server.1.address = pbx.example.com', 'account.1.sip_server.1.failback_mode = 1');
    const files = { 'y000000000000.boot': BOOT, 'y000000000096.cfg': common, [`${MAC}.cfg`]: file('account.1.sip_server.1.failback_timeout = 120') };
    const { ds } = await check(files, `${MAC}.cfg`);
    assert.equal(ds.length, 1);
    const name = 'account.1.sip_server.1.failback_timeout';
    assert.equal(ds[0].code, 'dependency');
    assert.equal(ds[0].message, `${name} has no effect: it works only if account.1.sip_server.1.failback_mode is 3, but it is 1 (y000000000096.cfg, line 3).`);
    assert.deepEqual(ds[0].range, range(1, 0, name.length));
    assert.deepEqual(ds[0].relatedInformation, [
      { range: range(2, 0, 'account.1.sip_server.1.failback_mode'.length), message: 'account.1.sip_server.1.failback_mode is 1 here', file: 'y000000000096.cfg' },
    ]);
    assert.deepEqual(ds[0].data, { dependency: { param: 'account.1.sip_server.1.failback_mode', values: ['3'], file: 'y000000000096.cfg' } });
  });

  it('fixes a condition decided by an earlier file by overriding it in this file', async () => {
    const common = file('account.1.sip_server.1.address = pbx.example.com', 'account.1.sip_server.1.failback_mode = 1');
    const phone = file('account.1.sip_server.1.failback_timeout = 120');
    const { site, ds } = await check({ 'y000000000000.boot': BOOT, 'y000000000096.cfg': common, [`${MAC}.cfg`]: phone }, `${MAC}.cfg`);
    const fixes = service.quickFixes(phone, ds, site.ctx(`${MAC}.cfg`));
    assert.equal(fixes[0].title, 'Insert account.1.sip_server.1.failback_mode = 3');
    assert.equal(applyEdits(phone, fixes[0].edits), file('account.1.sip_server.1.failback_mode = 3', 'account.1.sip_server.1.failback_timeout = 120'));
    assert.deepEqual(service.validate(applyEdits(phone, fixes[0].edits), site.ctx(`${MAC}.cfg`)), []);
  });

  it('lets the file\'s own line win over an earlier file', async () => {
    const own = file('account.1.sip_server.1.failback_mode = 0', 'account.1.sip_server.1.failback_timeout = 120');
    const { ds } = await check({ 'y000000000000.boot': BOOT, 'y000000000096.cfg': COMMON, [`${MAC}.cfg`]: own }, `${MAC}.cfg`);
    assert.deepEqual(ds.map((d) => d.message), [
      'account.1.sip_server.1.failback_timeout has no effect: it works only if account.1.sip_server.1.failback_mode is 3, but it is 0 (line 2).',
    ]);
    assert.deepEqual(ds[0].relatedInformation, [{ range: range(1, 0, 36), message: 'account.1.sip_server.1.failback_mode is 0 here' }]);
  });

  it('follows -1 inheritance across files, to the final value of the inherited parameter', async () => {
    const common = file('account.1.sip_server.1.failback_mode = 1', 'account.1.outbound_proxy.1.failback_mode = -1');
    const phone = file('account.1.outbound_proxy.1.failback_timeout = 120');
    const { ds } = await check({ 'y000000000000.boot': BOOT, 'y000000000096.cfg': common, [`${MAC}.cfg`]: phone }, `${MAC}.cfg`);
    assert.deepEqual(ds.map((d) => d.message), [
      'account.1.outbound_proxy.1.failback_timeout has no effect: it works only if account.1.outbound_proxy.1.failback_mode is 3, but it is 1 (inherited through -1 from account.1.sip_server.1.failback_mode, y000000000096.cfg, line 2).',
    ]);
    assert.deepEqual(ds[0].relatedInformation, [
      { range: range(1, 0, 36), message: 'account.1.sip_server.1.failback_mode is 1 here', file: 'y000000000096.cfg' },
    ]);
    // The MAC file's own value of the inherited parameter is what the -1 finally reads.
    const fixed = file('account.1.sip_server.1.failback_mode = 3', 'account.1.outbound_proxy.1.failback_timeout = 120');
    assert.deepEqual((await check({ 'y000000000000.boot': BOOT, 'y000000000096.cfg': common, [`${MAC}.cfg`]: fixed }, `${MAC}.cfg`)).ds, []);
  });

  it('checks a common file with its own lines only, never with a MAC file\'s values', async () => {
    const common = file('account.1.sip_server.1.failback_timeout = 120');
    const phone = file('account.1.sip_server.1.failback_mode = 3');
    const { ds } = await check({ 'y000000000000.boot': BOOT, 'y000000000096.cfg': common, [`${MAC}.cfg`]: phone }, 'y000000000096.cfg');
    assert.deepEqual(ds.map((d) => d.message), [
      'account.1.sip_server.1.failback_timeout has no effect: it works only if account.1.sip_server.1.failback_mode is 3, but it is 0 (the default).',
    ]);
  });

  it('checks without a boot file: common file, then MAC file, then <MAC>-local.cfg', async () => {
    const files = {
      'y000000000096.cfg': COMMON,
      [`${MAC}.cfg`]: file('account.1.sip_server.1.failback_mode = 1'),
      [`${MAC}-local.cfg`]: file('account.1.sip_server.1.failback_timeout = 120'),
    };
    const { ds } = await check(files, `${MAC}-local.cfg`);
    assert.deepEqual(ds.map((d) => d.message), [
      `account.1.sip_server.1.failback_timeout has no effect: it works only if account.1.sip_server.1.failback_mode is 3, but it is 1 (${MAC}.cfg, line 2).`,
    ]);
  });
});

describe('missing-include', () => {
  it('warns on a relative target the folder lacks, offering the closest names', async () => {
    const boot = file('include:config "y000000000069.cfg"', 'include:config <$mac.cfg>', 'include:config http://prov.example.com/x.cfg', 'include:config "other/../x.cfg"');
    const files = { 'y000000000000.boot': boot, 'y000000000096.cfg': COMMON, 'y000000000068.cfg': COMMON };
    const { site, ds } = await check(files, 'y000000000000.boot');
    assert.equal(ds.length, 1);
    assert.equal(ds[0].code, 'missing-include');
    assert.equal(ds[0].severity, 2);
    assert.equal(ds[0].message, '"y000000000069.cfg" is not in this folder, so the phone cannot load it. Did you mean "y000000000068.cfg" or "y000000000096.cfg"?');
    assert.deepEqual(ds[0].range, range(1, 16, 33));
    const fixes = service.quickFixes(boot, ds, site.ctx('y000000000000.boot'));
    assert.deepEqual(fixes.map((f) => f.title), ['Change to y000000000068.cfg', 'Change to y000000000096.cfg', 'Disable missing-include for this line']);
    assert.equal(applyEdits(boot, fixes[1].edits), boot.replace('y000000000069.cfg', 'y000000000096.cfg'));
  });

  it('offers nothing when no name is close, and follows the severity setting', async () => {
    const boot = file('include:config "features.cfg"');
    const site = await makeSite({ 'y000000000000.boot': boot, 'y000000000096.cfg': COMMON });
    const ds = service.validate(boot, site.ctx('y000000000000.boot'));
    assert.deepEqual(ds.map((d) => [d.message, d.data]), [['"features.cfg" is not in this folder, so the phone cannot load it.', { suggestions: [] }]]);
    assert.deepEqual(service.validate(boot, site.ctx('y000000000000.boot', { severity: { 'missing-include': 'off' } })), []);
    assert.equal(service.validate(boot, site.ctx('y000000000000.boot', { severity: { 'missing-include': 'error' } }))[0].severity, 1);
  });
});

describe('redundant-override', () => {
  it('hints at a line that repeats the value an earlier file gives, faded, and removes it', async () => {
    const phone = file('account.1.sip_server.1.failback_mode = 3', 'account.1.sip_server.1.register_on_enable = 0');
    const files = { 'y000000000000.boot': BOOT, 'y000000000096.cfg': COMMON, [`${MAC}.cfg`]: phone };
    const { site, ds } = await check(files, `${MAC}.cfg`);
    assert.equal(ds.length, 1);
    const d = ds[0];
    assert.equal(d.code, 'redundant-override');
    assert.equal(d.severity, 4);
    assert.deepEqual(d.tags, [1]);
    assert.equal(d.message, 'account.1.sip_server.1.failback_mode = 3 is already given by y000000000096.cfg, line 3; this line changes nothing.');
    assert.deepEqual(d.range, range(1, 0, 40));
    assert.deepEqual(d.relatedInformation, [
      { range: range(2, 0, 36), message: 'y000000000096.cfg already sets account.1.sip_server.1.failback_mode = 3', file: 'y000000000096.cfg' },
    ]);
    const fixes = service.quickFixes(phone, [d], site.ctx(`${MAC}.cfg`));
    assert.equal(fixes[0].title, 'Remove this line (y000000000096.cfg, line 3 gives the same value)');
    assert.equal(applyEdits(phone, fixes[0].edits), file('account.1.sip_server.1.register_on_enable = 0'));
  });

  it('matches names written with an alias, and only the line that takes effect', async () => {
    const common = file('static.network.ip_address = 10.0.0.1');
    const phone = file('network.ip_address = 10.0.0.1', 'network.ip_address = 10.0.0.1');
    const { ds } = await check({ 'y000000000000.boot': BOOT, 'y000000000096.cfg': common, [`${MAC}.cfg`]: phone }, `${MAC}.cfg`);
    assert.deepEqual(ds.map((d) => [d.code, d.range.start.line]), [['duplicate-parameter', 1], ['redundant-override', 2]]);
  });
});
