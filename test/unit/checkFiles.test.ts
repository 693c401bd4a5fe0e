// The request behind Check Folder (yealinkCfg/checkFiles), over the protocol against the built server
// and a real folder: files no editor holds checked with their set, the project configuration, the
// settings, restricted mode, open documents answered with their editor text, and bad input.

import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { CancellationTokenSource } from 'vscode-jsonrpc/node';
import { LspClient } from './helpers/lspClient';
import { SITE_ENTRY } from './helpers/siteEntry';

const H = '#!version:1.0.0.1';
const MAC = '001565a1b2c3';
const BOOT = [H, 'include:config "y000000000096.cfg"', 'include:config "$mac.cfg"', ''].join('\n');
const COMMON = [H, 'account.1.sip_server.1.failback_mode = 1', ''].join('\n');
// Line 1 needs failback_mode 3 (the common file says 1); line 2 is unknown; line 3 is a site setting.
const PHONE = [H, 'account.1.sip_server.1.failback_timeout = 120', 'account.1.sip_server.1.transprot_type = 1', 'site.2.feature = 1', 'custom.thing = 5', ''].join('\n');
const ENTRY = SITE_ENTRY;

interface Result {
  checked: { uri: string; open?: true; diagnostics: { code: string; severity: number; message: string; range: { start: { line: number } }; relatedInformation?: { location: { uri: string } }[] }[] }[];
  skipped: { uri: string; reason: string }[];
}

/** code:severity@line per diagnostic. */
function brief(r: Result['checked'][number]): string[] {
  return r.diagnostics.map((d) => `${d.code}:${d.severity}@${d.range.start.line}`);
}

describe('yealinkCfg/checkFiles (Check Folder)', () => {
  let dir: string;
  const uri = (...p: string[]) => pathToFileURL(join(dir, ...p)).href;
  const clients: LspClient[] = [];

  /** A server for the folder; `settings` answers workspace/configuration per scope URI. */
  async function start(trusted: boolean, settings: (scopeUri: string) => unknown = () => null): Promise<LspClient> {
    const c = new LspClient();
    clients.push(c);
    c.conn.onRequest('workspace/configuration', (p: { items: { scopeUri: string }[] }) => p.items.map((i) => settings(i.scopeUri)));
    await c.request('initialize', {
      processId: process.pid,
      rootUri: pathToFileURL(dir).href,
      workspaceFolders: [{ uri: pathToFileURL(dir).href, name: 'w' }],
      capabilities: { workspace: { configuration: true } },
      initializationOptions: { workspaceTrusted: trusted },
    });
    await c.notify('initialized', {});
    return c;
  }

  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'yealink-checkfiles-'));
    mkdirSync(join(dir, 'site'));
    writeFileSync(join(dir, 'site', 'y000000000000.boot'), BOOT);
    writeFileSync(join(dir, 'site', 'y000000000096.cfg'), COMMON);
    writeFileSync(join(dir, 'site', `${MAC}.cfg`), PHONE);
    writeFileSync(join(dir, 'site', 'notes.cfg'), 'just some notes\n');
    writeFileSync(join(dir, 'site', 'branch.cfg'), `${H}\naccount.1.enable = 2\n`);
    writeFileSync(
      join(dir, 'yealink-cfg.json'),
      JSON.stringify({ severity: { 'unknown-parameter': 'error' }, ignoredParameters: ['custom.*'], overrides: [{ files: ['**/branch.cfg'], severity: { 'invalid-enum': 'hint' } }], catalog: [ENTRY] }),
    );
  });

  after(async () => {
    for (const c of clients) await c.shutdown().catch(() => c.kill());
    rmSync(dir, { recursive: true, force: true });
  });

  it('checks unopened files with their set and the project configuration, and says which it skipped', async () => {
    const c = await start(true);
    const r = await c.request<Result>('yealinkCfg/checkFiles', {
      uris: [uri('site', 'y000000000000.boot'), uri('site', 'y000000000096.cfg'), uri('site', `${MAC}.cfg`), uri('site', 'branch.cfg'), uri('site', 'notes.cfg'), uri('site', 'gone.cfg'), uri('site', 'readme.txt')],
    });
    assert.deepEqual(r.checked.map((f) => [f.uri.slice(uri().length), brief(f)]), [
      ['/site/y000000000000.boot', []],
      ['/site/y000000000096.cfg', []],
      // The dependency names the common file; the unknown name is an error by the configuration; the
      // site's own entry (catalog) and custom.* (ignoredParameters) are not reported.
      [`/site/${MAC}.cfg`, ['dependency:2@1', 'unknown-parameter:1@2']],
      // The override for branch.cfg makes the bad value a hint.
      ['/site/branch.cfg', ['invalid-enum:4@1']],
    ]);
    const phone = r.checked[2];
    assert.equal(
      phone.diagnostics[0].message,
      'account.1.sip_server.1.failback_timeout has no effect: it works only if account.1.sip_server.1.failback_mode is 3, but it is 1 (y000000000096.cfg, line 2).',
    );
    assert.equal(phone.diagnostics[0].relatedInformation?.[0].location.uri, uri('site', 'y000000000096.cfg'));
    assert.equal(r.checked.some((f) => f.open), false);
    assert.deepEqual(r.skipped, [
      { uri: uri('site', 'notes.cfg'), reason: 'not a provisioning file (no #!version: header)' },
      { uri: uri('site', 'gone.cfg'), reason: 'cannot be read' },
      { uri: uri('site', 'readme.txt'), reason: 'not a provisioning file' },
    ]);
  });

  it('answers an open document with its editor text, and the files after it with that text', async () => {
    const c = await start(true);
    // In the editor the common file now says 3: the MAC file's dependency holds.
    await c.open(uri('site', 'y000000000096.cfg'), COMMON.replace('= 1', '= 3').replace(/\n$/, '\nbad line\n'));
    const r = await c.request<Result>('yealinkCfg/checkFiles', { uris: [uri('site', 'y000000000096.cfg'), uri('site', `${MAC}.cfg`)] });
    assert.deepEqual(r.checked.map((f) => [f.open ?? false, brief(f)]), [
      [true, ['malformed-line:1@2']],
      [false, ['unknown-parameter:1@2']],
    ]);
    // An open MAC file: its editor text, the configuration's extra catalogue entry known (site.3 is
    // out of its range 1 to 3 only past 3), the unknown name an error.
    await c.open(uri('site', `${MAC}.cfg`), PHONE.replace('site.2.feature = 1', 'site.4.feature = 1'));
    const open = await c.request<Result>('yealinkCfg/checkFiles', { uris: [uri('site', `${MAC}.cfg`)] });
    assert.deepEqual(open.checked.map((f) => [f.open ?? false, brief(f)]), [[true, ['unknown-parameter:1@2', 'index-out-of-range:1@3']]]);
    const pushed = await c.waitForDiagnostics(uri('site', `${MAC}.cfg`));
    assert.deepEqual(pushed.diagnostics.map((d) => `${d.code}:${d.severity}@${(d.range as { start: { line: number } }).start.line}`), ['unknown-parameter:1@2', 'index-out-of-range:1@3']);
  });

  it('honours the settings per file: a severity, and checking turned off', async () => {
    const c = await start(true, (scope) =>
      scope.endsWith('branch.cfg') ? { validation: { enable: false } } : { severity: { dependency: 'information' } },
    );
    const r = await c.request<Result>('yealinkCfg/checkFiles', { uris: [uri('site', `${MAC}.cfg`), uri('site', 'branch.cfg')] });
    assert.deepEqual(r.checked.map(brief), [['dependency:3@1', 'unknown-parameter:1@2']]);
    assert.deepEqual(r.skipped, [{ uri: uri('site', 'branch.cfg'), reason: 'checking is turned off (yealinkCfg.validation.enable)' }]);
  });

  it('reads no project configuration in restricted mode', async () => {
    const c = await start(false);
    const r = await c.request<Result>('yealinkCfg/checkFiles', { uris: [uri('site', `${MAC}.cfg`), uri('site', 'branch.cfg')] });
    // Defaults only: the unknown name is a warning, the site entry and custom.thing are unknown too.
    assert.deepEqual(r.checked.map(brief), [
      ['dependency:2@1', 'unknown-parameter:2@2', 'unknown-parameter:2@3', 'unknown-parameter:2@4'],
      ['invalid-enum:1@1'],
    ]);
  });

  it('stops a cancelled request with RequestCancelled, and answers the next one', async () => {
    const c = await start(true);
    const token = new CancellationTokenSource();
    const pending = c.requestError('yealinkCfg/checkFiles', { uris: Array.from({ length: 1000 }, () => uri('site', `${MAC}.cfg`)) }, token);
    token.cancel();
    assert.equal((await pending).code, -32800);
    const r = await c.request<Result>('yealinkCfg/checkFiles', { uris: [uri('site', 'branch.cfg')] });
    assert.deepEqual(r.checked.map(brief), [['invalid-enum:4@1']]);
  });

  it('refuses bad params with InvalidParams and stays up', async () => {
    const c = await start(true);
    for (const params of [{}, { uris: 'file:///a.cfg' }, { uris: [1] }, { uris: Array.from({ length: 1001 }, (_, i) => `file:///f${i}.cfg`) }]) {
      const e = await c.requestError('yealinkCfg/checkFiles', params);
      assert.equal(e.code, -32602, JSON.stringify(params).slice(0, 60));
    }
    const r = await c.request<Result>('yealinkCfg/checkFiles', { uris: ['untitled:Untitled-1', 'file:///nowhere/y000000000000.boot'] });
    assert.deepEqual(r, {
      checked: [],
      skipped: [
        { uri: 'untitled:Untitled-1', reason: 'not a provisioning file' },
        { uri: 'file:///nowhere/y000000000000.boot', reason: 'cannot be read' },
      ],
    });
  });
});
