import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { definitionAt, includeLinks, referencesOf, folderSymbols } from '../../server/src/workspace/navigation';
import { file, service } from './helpers/diagnostics';
import { makeSite } from './helpers/site';
import { range } from './helpers/text';

const MAC = '001565a1b2c3';
const BOOT = file('include:config "y000000000096.cfg"', 'include:config "$mac.cfg"', 'include:config "http://prov.example.com/x.cfg"');
const COMMON = file('account.1.sip_server.1.address = pbx.example.com', 'account.1.sip_server.1.failback_mode = 3', 'account.1.outbound_proxy.1.failback_mode = -1');

/** The part of a hover after the entry documentation: what the folder says. */
function folderPart(contents: string): string {
  return contents.split('\n\n').filter((p) => p.startsWith('**In this folder:**') || p.startsWith('Note:')).join('\n\n');
}

describe('hover with the folder', () => {
  it('on a MAC file line: the value it overrides and where', async () => {
    const phone = file('account.1.sip_server.1.failback_mode = 1', 'account.1.sip_server.1.port = 5062');
    const site = await makeSite({ 'y000000000000.boot': BOOT, 'y000000000096.cfg': COMMON, [`${MAC}.cfg`]: phone });
    const h = service.hover(phone, { line: 1, character: 3 }, site.ctx(`${MAC}.cfg`))!;
    assert.equal(folderPart(h.contents), [
      '**In this folder:** overrides `3` from y000000000096.cfg, line 3.',
      'Note: http://prov.example.com/x.cfg is a URL: its contents are not known here.',
    ].join('\n\n'));
    const h2 = service.hover(phone, { line: 2, character: 3 }, site.ctx(`${MAC}.cfg`))!;
    assert.match(folderPart(h2.contents), /^\*\*In this folder:\*\* no file read before this one \(y000000000000\.boot, y000000000096\.cfg\) sets it\./);
  });

  it('on a common file line: how many MAC files override it, naming up to five', async () => {
    const files: Record<string, string> = { 'y000000000000.boot': BOOT, 'y000000000096.cfg': COMMON };
    for (let i = 0; i < 7; i++) files[`00156500000${i}.cfg`] = file(`account.1.sip_server.1.failback_mode = ${i % 2 ? 1 : 2}`);
    files['001565aaaaaa.cfg'] = file('account.1.label = x');
    const site = await makeSite(files);
    const h = service.hover(COMMON, { line: 2, character: 3 }, site.ctx('y000000000096.cfg'))!;
    assert.equal(
      folderPart(h.contents),
      '**In this folder:** 7 MAC files override it: 001565000000.cfg (`2`, line 2), 001565000001.cfg (`1`, line 2), 001565000002.cfg (`2`, line 2), 001565000003.cfg (`1`, line 2), 001565000004.cfg (`2`, line 2) and 2 more.',
    );
    const none = service.hover(COMMON, { line: 1, character: 3 }, site.ctx('y000000000096.cfg'))!;
    assert.equal(folderPart(none.contents), '**In this folder:** no MAC file overrides it.');
  });

  it('says why a MAC file stands alone when several common files and no model leave its set open', async () => {
    const phone = file('account.1.label = x');
    const site = await makeSite({ 'y000000000068.cfg': COMMON, 'y000000000096.cfg': COMMON, [`${MAC}.cfg`]: phone });
    const h = service.hover(phone, { line: 1, character: 3 }, site.ctx(`${MAC}.cfg`))!;
    assert.equal(
      folderPart(h.contents),
      'Note: the folder has 2 common files (y000000000068.cfg, y000000000096.cfg) and no boot file; set yealinkCfg.model to say which one this phone reads.',
    );
  });

  it('shows the -1 value inherited from an earlier file', async () => {
    const phone = file('account.1.outbound_proxy.1.failback_mode = -1');
    const site = await makeSite({ 'y000000000000.boot': BOOT, 'y000000000096.cfg': COMMON, [`${MAC}.cfg`]: phone });
    const h = service.hover(phone, { line: 1, character: 44 }, site.ctx(`${MAC}.cfg`))!;
    assert.equal(h.contents, '`-1`: use the value of `account.1.sip_server.1.failback_mode`, here `3` (y000000000096.cfg, line 3).');
  });
});

describe('navigation across the folder', () => {
  it('links include targets that exist, and URLs', async () => {
    const site = await makeSite({ 'y000000000000.boot': BOOT, 'y000000000096.cfg': COMMON });
    assert.deepEqual(includeLinks(service.parse(BOOT), site.index), [
      { range: range(1, 16, 33), file: 'y000000000096.cfg' },
      { range: range(3, 16, 45), url: 'http://prov.example.com/x.cfg' },
    ]);
  });

  it('goes to the overridden line, to the inherited line for -1, and to an included file', async () => {
    const phone = file('account.1.sip_server.1.failback_mode = 1', 'account.1.outbound_proxy.1.failback_mode = -1', 'account.1.label = x');
    const site = await makeSite({ 'y000000000000.boot': BOOT, 'y000000000096.cfg': COMMON, [`${MAC}.cfg`]: phone });
    const doc = service.parse(phone);
    const ctx = site.ctx(`${MAC}.cfg`);
    assert.deepEqual(definitionAt(doc, { line: 1, character: 2 }, service.catalog, ctx.site, site.index), { file: 'y000000000096.cfg', range: range(2, 0, 36) });
    // -1 inherits the SIP server's value, which this file sets itself (line 2).
    assert.deepEqual(definitionAt(doc, { line: 2, character: 44 }, service.catalog, ctx.site, site.index), { range: range(1, 0, 36) });
    assert.equal(definitionAt(doc, { line: 3, character: 2 }, service.catalog, ctx.site, site.index), undefined);
    const boot = service.parse(BOOT);
    assert.deepEqual(definitionAt(boot, { line: 1, character: 20 }, service.catalog, undefined, site.index), { file: 'y000000000096.cfg', range: range(0, 0, 0) });
  });

  it('finds every line of the folder that sets a name, whatever spelling, and searches names', async () => {
    const site = await makeSite({
      'y000000000096.cfg': file('static.network.ip_address = 10.0.0.1'),
      [`${MAC}.cfg`]: file('account.1.label = x', 'network.ip_address = 10.0.0.2'),
    });
    assert.deepEqual(referencesOf(site.index, 'static.network.ip_address'), [
      { file: `${MAC}.cfg`, range: range(2, 0, 18) },
      { file: 'y000000000096.cfg', range: range(1, 0, 25) },
    ]);
    assert.deepEqual(folderSymbols(site.index, 'IP_ADD').map((s) => [s.name, s.file]), [
      ['static.network.ip_address', 'y000000000096.cfg'],
      ['network.ip_address', `${MAC}.cfg`],
    ]);
  });
});
