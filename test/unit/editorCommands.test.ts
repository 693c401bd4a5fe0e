// The requests behind the editor's commands and status item, over the protocol against the built
// server: a parameter's documentation, and a document's model, its source and the files read with it.

import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { LspClient } from './helpers/lspClient';

const H = '#!version:1.0.0.1';
const MAC = '001565a1b2c3';

describe('yealinkCfg/explain and yealinkCfg/documentInfo', () => {
  let dir: string;
  let alone: string;
  let client: LspClient;
  const uri = (d: string, name: string) => pathToFileURL(join(d, name)).href;

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'yealink-cmd-'));
    alone = mkdtempSync(join(tmpdir(), 'yealink-cmd-alone-'));
    writeFileSync(join(dir, 'y000000000000.boot'), [H, 'include:config "y000000000096.cfg"', 'include:config "$mac.cfg"', ''].join('\n'));
    writeFileSync(join(dir, 'y000000000096.cfg'), `${H}\n`);
    writeFileSync(join(dir, `${MAC}.cfg`), `${H}\n`);
    writeFileSync(join(dir, 'extra.cfg'), `${H}\n`);
    writeFileSync(join(alone, `${MAC}.cfg`), `${H}\n`);
    client = new LspClient();
    await client.initialize();
  });

  after(async () => {
    await client.shutdown();
    rmSync(dir, { recursive: true, force: true });
    rmSync(alone, { recursive: true, force: true });
  });

  it('explains a concrete name with its pattern, values and default', async () => {
    const r = await client.request<{ markdown: string }>('yealinkCfg/explain', { name: 'account.1.enable' });
    assert.equal(
      r.markdown,
      '**account.1.enable** (account.X.enable)\n\nTurns account X on or off. A disabled account does not register.\n\n**Permitted values:** \n\n' +
        '- `0` Disabled\n- `1` Enabled\n\n**Default:** `0`\n\n**Indices:** X: 1 to 16 (fewer on some models)\n\n' +
        '**File:** `<MAC>.cfg` (per phone)  \n**Web UI:** Account > Register > Line Active',
    );
  });

  it('explains a pattern under its own name', async () => {
    const r = await client.request<{ markdown: string }>('yealinkCfg/explain', { name: 'account.X.enable' });
    assert.ok(r.markdown.startsWith('**account.X.enable**\n\nTurns account X on or off.'), r.markdown);
  });

  it('answers an unknown name with suggestions, and a missing name without a crash', async () => {
    assert.deepEqual(await client.request('yealinkCfg/explain', { name: 'acount.1.enable' }), { unknown: true, suggestions: ['account.1.enable'] });
    assert.deepEqual(await client.request('yealinkCfg/explain', {}), { unknown: true, suggestions: [] });
    assert.deepEqual(await client.request('yealinkCfg/explain', { name: 42 }), { unknown: true, suggestions: [] });
  });

  it('gives a MAC file the model of the common file read with it and the files in reading order', async () => {
    assert.deepEqual(await client.request('yealinkCfg/documentInfo', { uri: uri(dir, `${MAC}.cfg`) }), {
      model: 'T54W',
      modelSource: "the folder's common file y000000000096.cfg is read with this file",
      files: ['y000000000000.boot', 'y000000000096.cfg', `${MAC}.cfg`],
    });
  });

  it('gives a common file the model of its name', async () => {
    assert.deepEqual(await client.request('yealinkCfg/documentInfo', { uri: uri(dir, 'y000000000096.cfg') }), {
      model: 'T54W',
      modelSource: 'the file name y000000000096.cfg is the common file of this model',
      files: ['y000000000000.boot', 'y000000000096.cfg'],
    });
  });

  it('says why a file is read alone', async () => {
    assert.deepEqual(await client.request('yealinkCfg/documentInfo', { uri: uri(dir, 'extra.cfg') }), {
      model: 'T54W',
      modelSource: "the folder's common file y000000000096.cfg is read with this file",
      alone: 'y000000000000.boot does not include this file, so it is checked alone',
    });
    assert.deepEqual(await client.request('yealinkCfg/documentInfo', { uri: uri(dir, 'y000000000000.boot') }), {
      model: null,
      modelSource: 'none: no common file of a model is read with it and the setting yealinkCfg.model is not set',
      alone: 'a boot file lists the files a phone reads; it is not read with them',
    });
    assert.deepEqual(await client.request('yealinkCfg/documentInfo', { uri: uri(alone, `${MAC}.cfg`) }), {
      model: null,
      modelSource: 'none: no common file of a model is read with it and the setting yealinkCfg.model is not set',
      files: [`${MAC}.cfg`],
    });
  });

  it('answers a bad uri with an error, not a crash', async () => {
    assert.deepEqual(await client.request('yealinkCfg/documentInfo', { uri: 7 }), { error: 'uri must be the URI of a file' });
    assert.deepEqual(await client.request('yealinkCfg/documentInfo', null), { error: 'uri must be the URI of a file' });
  });
});
