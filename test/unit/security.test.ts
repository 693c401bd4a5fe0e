// What the server may touch: it reads only the provisioning files of the folders of open files, never
// follows an include:config URL or any network address, and runs no program. The server runs with a
// preloaded guard (helpers/sandboxGuard.cjs) that makes every process and network call fail loudly and
// reports every file it reads; a session with hostile includes must leave no trace outside the folder.
import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, describe, it } from 'node:test';
import { ROOT } from './helpers/build';
import { LspClient } from './helpers/lspClient';

describe('security: what the server reads and runs', () => {
  const root = mkdtempSync(join(tmpdir(), 'yealink-security-'));
  const site = join(root, 'site');
  const outside = join(root, 'outside');
  mkdirSync(site);
  mkdirSync(outside);
  writeFileSync(join(outside, 'y000000000096.cfg'), '#!version:1.0.0.1\naccount.1.enable = 1\n');
  writeFileSync(
    join(site, 'y000000000000.boot'),
    [
      '#!version:1.0.0.1',
      'include:config "http://203.0.113.5/evil.cfg"',
      'include:config "https://example.com/y000000000096.cfg"',
      'include:config "ftp://203.0.113.5/x.cfg"',
      'include:config "../outside/y000000000096.cfg"',
      'include:config "/etc/passwd"',
      'include:config "y000000000096.cfg"',
      'overwrite_mode = 1',
      '',
    ].join('\n'),
  );
  writeFileSync(join(site, 'y000000000096.cfg'), '#!version:1.0.0.1\naccount.1.enable = 1\nstatic.auto_provision.server.url = http://203.0.113.5/prov\n');
  const mac = '#!version:1.0.0.1\naccount.1.label = Desk\naccount.1.sip_server.1.address = sip.example.com\n';
  writeFileSync(join(site, '0015651234ab.cfg'), mac);
  const codeCache = join(root, 'code-cache');
  const c = new LspClient(['--require', join(__dirname, 'helpers', 'sandboxGuard.cjs')], undefined, { YEALINK_CFG_CODE_CACHE: codeCache });
  after(() => {
    c.kill();
    rmSync(root, { recursive: true, force: true });
  });

  it('follows no include URL, opens no connection, runs nothing, and reads only inside the folder', async () => {
    const folder = pathToFileURL(site).href;
    await c.initialize({ workspace: { configuration: false } });
    const boot = `${folder}/y000000000000.boot`;
    const macUri = `${folder}/0015651234ab.cfg`;
    await c.open(boot, (await import('node:fs')).readFileSync(join(site, 'y000000000000.boot'), 'utf8'));
    await c.open(macUri, mac);
    await c.waitForDiagnostics(boot);
    await c.waitForDiagnostics(macUri);
    for (let line = 1; line <= 6; line++) {
      const at = { textDocument: { uri: boot }, position: { line, character: 20 } };
      await c.request('textDocument/definition', at).catch(() => null);
      await c.request('textDocument/hover', at).catch(() => null);
    }
    await c.request('textDocument/documentLink', { textDocument: { uri: boot } }).catch(() => null);
    await c.request('textDocument/hover', { textDocument: { uri: macUri }, position: { line: 1, character: 3 } });
    await c.request('textDocument/completion', { textDocument: { uri: macUri }, position: { line: 1, character: 3 } });
    await c.request('yealinkCfg/effectiveConfiguration', { uri: macUri }).catch(() => null);
    assert.equal(await c.shutdown(), 0);

    const lines = c.stderr.split('\n');
    assert.deepEqual(lines.filter((l) => l.startsWith('FORBIDDEN')), []);
    const reads = lines.filter((l) => l.startsWith('READ ')).map((l) => l.slice(5));
    assert.ok(reads.some((p) => p.includes('y000000000096.cfg')), `the folder was read (reads: ${reads.join(', ')})`);
    // Besides the folder, only the server's own files (its bundle and catalogue in dist/, its code cache).
    const own = join(ROOT, 'dist');
    assert.deepEqual(reads.filter((p) => !p.startsWith(site) && !p.startsWith(own) && !p.startsWith(codeCache)), [], 'nothing outside the folder was read');
    assert.ok(!reads.some((p) => p.startsWith(outside)));
  });
});
