import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { MemoryFileSource } from '../../server/src/workspace/fileSource';
import { phoneSet, placeFile, resolveInclude, roleOf } from '../../server/src/workspace/fileSet';
import { FolderIndex } from '../../server/src/workspace/folderIndex';
import { file, service } from './helpers/diagnostics';
import { makeSite } from './helpers/site';

const catalog = service.catalog;
const MAC = '001565a1b2c3';

async function setOf(files: Record<string, string>, mac = MAC, model?: string) {
  const site = await makeSite(files);
  const set = phoneSet(catalog, site.index, mac, model);
  return { names: set.members.map((m) => m.name), set };
}

describe('file set: names', () => {
  it('tells the roles apart by name', () => {
    assert.deepEqual(roleOf('y000000000000.boot'), { role: 'boot' });
    assert.deepEqual(roleOf('001565A1B2C3.boot'), { role: 'mac-boot', mac: '001565a1b2c3' });
    assert.deepEqual(roleOf('y000000000096.cfg'), { role: 'common', modelId: 'y000000000096' });
    assert.deepEqual(roleOf('001565a1b2c3.cfg'), { role: 'mac', mac: '001565a1b2c3' });
    assert.deepEqual(roleOf('001565a1b2c3-local.cfg'), { role: 'local', mac: '001565a1b2c3' });
    assert.deepEqual(roleOf('features.cfg'), { role: 'other' });
  });

  it('resolves include targets: MAC placeholders, URLs, variables, paths outside the folder', () => {
    assert.deepEqual(resolveInclude('$mac.cfg', 'AABBCCDDEEFF'), { kind: 'file', name: 'aabbccddeeff.cfg' });
    assert.deepEqual(resolveInclude('$MAC.cfg', 'aabbccddeeff'), { kind: 'file', name: 'AABBCCDDEEFF.cfg' });
    assert.deepEqual(resolveInclude('{$mac}.cfg', 'aabbccddeeff'), { kind: 'file', name: 'aabbccddeeff.cfg' });
    assert.deepEqual(resolveInclude('./y000000000096.cfg'), { kind: 'file', name: 'y000000000096.cfg' });
    assert.deepEqual(resolveInclude('$mac.cfg'), { kind: 'per-phone' });
    assert.deepEqual(resolveInclude('http://prov.example.com/a.cfg'), { kind: 'url', url: 'http://prov.example.com/a.cfg' });
    assert.deepEqual(resolveInclude('$model.cfg', 'aabbccddeeff'), { kind: 'unknown', why: 'it uses a variable that only the provisioning server fills in' });
    assert.deepEqual(resolveInclude('../other/y000000000096.cfg'), { kind: 'unknown', why: 'it lies outside this folder' });
    assert.deepEqual(resolveInclude('/etc/y000000000096.cfg'), { kind: 'unknown', why: 'it lies outside this folder' });
  });
});

describe('file set: with a boot file', () => {
  const common = file('account.1.enable = 1');
  it('reads the boot file, then its includes top to bottom, in every form', async () => {
    const boot = file('include:config "y000000000096.cfg"', 'include:config <features.cfg>', 'include:config $mac.cfg');
    const { names } = await setOf({ 'y000000000000.boot': boot, 'y000000000096.cfg': common, 'features.cfg': common, [`${MAC}.cfg`]: common });
    assert.deepEqual(names, ['y000000000000.boot', 'y000000000096.cfg', 'features.cfg', `${MAC}.cfg`]);
  });

  it('prefers <MAC>.boot over y000000000000.boot', async () => {
    const { names } = await setOf({
      'y000000000000.boot': file('include:config "y000000000096.cfg"', 'include:config "$mac.cfg"'),
      [`${MAC}.boot`]: file('include:config "special.cfg"', 'include:config "{$mac}.cfg"'),
      'y000000000096.cfg': common,
      'special.cfg': common,
      [`${MAC}.cfg`]: common,
    });
    assert.deepEqual(names, [`${MAC}.boot`, 'special.cfg', `${MAC}.cfg`]);
  });

  it('applies a model filter only to the models it names', async () => {
    const files = {
      'y000000000000.boot': file('[T46S, T46U]include:config "y000000000065.cfg"', '[T54W]include:config "y000000000096.cfg"', 'include:config "$mac.cfg"'),
      'y000000000065.cfg': common,
      'y000000000096.cfg': common,
      [`${MAC}.cfg`]: common,
    };
    assert.deepEqual((await setOf(files, MAC, 'y000000000096')).names, ['y000000000000.boot', 'y000000000096.cfg', `${MAC}.cfg`]);
    assert.deepEqual((await setOf(files, MAC, 'y000000000065')).names, ['y000000000000.boot', 'y000000000065.cfg', `${MAC}.cfg`]);
    const unknown = await setOf(files);
    assert.deepEqual(unknown.names, ['y000000000000.boot', `${MAC}.cfg`]);
    assert.deepEqual(unknown.set.notes, [
      "y000000000000.boot, line 2 applies only to T46S, T46U, and the phone's model is unknown (setting yealinkCfg.model)",
      "y000000000000.boot, line 3 applies only to T54W, and the phone's model is unknown (setting yealinkCfg.model)",
    ]);
  });

  it('keeps URLs as members whose contents are unknown, and never reads them', async () => {
    const site = await makeSite({ 'y000000000000.boot': file('include:config "https://prov.example.com/x.cfg"', 'include:config "$mac.cfg"'), [`${MAC}.cfg`]: common });
    const set = phoneSet(catalog, site.index, MAC);
    assert.deepEqual(set.members, [
      { name: 'y000000000000.boot', kind: 'file' },
      { name: 'https://prov.example.com/x.cfg', kind: 'url', line: 1 },
      { name: `${MAC}.cfg`, kind: 'file', line: 2 },
    ]);
    assert.deepEqual(set.notes, ['https://prov.example.com/x.cfg is a URL: its contents are not known here']);
    assert.ok(site.source.reads.every((r) => !r.includes('https:')));
  });

  it('checks a MAC file that the boot file does not include alone, and says why', async () => {
    const site = await makeSite({ 'y000000000000.boot': file('include:config "y000000000096.cfg"'), 'y000000000096.cfg': common, [`${MAC}.cfg`]: common });
    const p = placeFile(catalog, site.index, `${MAC}.cfg`);
    assert.deepEqual(p.earlier, []);
    assert.equal(p.note, 'y000000000000.boot does not include this file, so it is checked alone');
  });

  it('places a common file after the files before it, never after a MAC file', async () => {
    const site = await makeSite({
      'y000000000000.boot': file('include:config "y000000000000.cfg"', 'include:config "$mac.cfg"', 'include:config "y000000000096.cfg"'),
      'y000000000000.cfg': common,
      'y000000000096.cfg': common,
      [`${MAC}.cfg`]: common,
    });
    assert.deepEqual(placeFile(catalog, site.index, 'y000000000096.cfg').earlier.map((m) => m.name), ['y000000000000.boot', 'y000000000000.cfg']);
    assert.deepEqual(site.ctx('y000000000096.cfg').site!.earlierFiles, ['y000000000000.boot', 'y000000000000.cfg']);
  });

  it('reads include targets in subfolders, and nothing outside the folder', async () => {
    const source = new MemoryFileSource({
      '/site': { 'y000000000000.boot': file('include:config "models/y000000000096.cfg"', 'include:config "../secret.cfg"', 'include:config "$mac.cfg"'), 'models/y000000000096.cfg': common, [`${MAC}.cfg`]: common },
    });
    const index = new FolderIndex('/site', source, catalog);
    await index.load();
    assert.deepEqual(phoneSet(catalog, index, MAC).members.map((m) => m.name), ['y000000000000.boot', 'models/y000000000096.cfg', `${MAC}.cfg`]);
    assert.ok(source.reads.every((r) => !r.includes('..')), source.reads.join());
  });
});

describe('file set: without a boot file', () => {
  const common = file('account.1.enable = 1');
  it('reads the one common file, the MAC file and <MAC>-local.cfg, and takes the model from the common file', async () => {
    const { names, set } = await setOf({ 'y000000000068.cfg': common, [`${MAC}.cfg`]: common, [`${MAC}-local.cfg`]: common, '001565ffffff.cfg': common });
    assert.deepEqual(names, ['y000000000068.cfg', `${MAC}.cfg`, `${MAC}-local.cfg`]);
    assert.equal(set.modelId, 'y000000000068');
  });

  it('with several common files, lets the model setting choose, else stands the MAC file alone with a reason', async () => {
    const files = { 'y000000000068.cfg': common, 'y000000000096.cfg': common, [`${MAC}.cfg`]: common };
    assert.deepEqual((await setOf(files, MAC, 'y000000000096')).names, ['y000000000096.cfg', `${MAC}.cfg`]);
    const alone = await setOf(files);
    assert.deepEqual(alone.names, [`${MAC}.cfg`]);
    assert.deepEqual(alone.set.notes, [
      'the folder has 2 common files (y000000000068.cfg, y000000000096.cfg) and no boot file; set yealinkCfg.model to say which one this phone reads',
    ]);
    const site = await makeSite(files);
    assert.equal(site.ctx(`${MAC}.cfg`, { model: 'T54W' }).site!.earlierFiles.join(), 'y000000000096.cfg');
  });

  it('gives MAC files the model of the one common file, so index ranges follow it', async () => {
    const site = await makeSite({ 'y000000000068.cfg': common, [`${MAC}.cfg`]: file('account.7.enable = 1') });
    const ds = service.validate(site.files[`${MAC}.cfg`], site.ctx(`${MAC}.cfg`));
    assert.deepEqual(ds.map((d) => d.message), ['Index 7 is out of range in account.7.enable: account takes 1 to 6 on the T41S.']);
  });
});
