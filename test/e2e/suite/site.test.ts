import * as assert from 'assert';
import * as vscode from 'vscode';
import { commonFileEditRechecksMac } from './folderSteps';
import { codeOf, fixture, nameSpan, open, waitFor, waitForDiagnostics } from './helpers';

// test/e2e/workspace/site/: y000000000000.boot includes y000000000096.cfg, then $mac.cfg.
// The common file sets failback_mode = 3 (line 3, 0-based) and register_on_enable = 1 (line 4); the MAC
// file 001565a1b2c3.cfg sets failback_timeout and only_signal_with_registered, which need them, and
// repeats register_on_enable = 1 (line 5), which only the set can call redundant.
const MAC = 'site/001565a1b2c3.cfg';
const COMMON = 'site/y000000000096.cfg';
const BOOT = 'site/y000000000000.boot';
const REDUNDANT = 'account.1.sip_server.1.register_on_enable = 1 is already given by y000000000096.cfg, line 5; this line changes nothing.';
const DEPENDENCY =
  'account.1.sip_server.1.failback_timeout has no effect: it works only if account.1.sip_server.1.failback_mode is 3, but it is 1 (y000000000096.cfg, line 4).';

const messages = (ds: vscode.Diagnostic[]) => ds.map((d) => `${codeOf(d)}: ${d.message}`);
const only = (want: string[]) => (ds: vscode.Diagnostic[]) => JSON.stringify(messages(ds)) === JSON.stringify(want);

describe('a provisioning folder is one system', () => {
  it('checks the open MAC file with the common file: no false dependency warning', async () => {
    const doc = await open(MAC, true);
    // The redundant-override hint proves the file was checked, and checked with its set.
    const ds = await waitForDiagnostics(doc.uri, 'only the redundant-override hint', only([`redundant-override: ${REDUNDANT}`]));
    assert.strictEqual(ds[0].severity, vscode.DiagnosticSeverity.Hint);
    assert.deepStrictEqual(ds[0].tags, [vscode.DiagnosticTag.Unnecessary]);
  });

  it('editing and saving the common file changes the open MAC file\'s diagnostics', async () => {
    await commonFileEditRechecksMac((x) => messages(x).includes(`dependency: ${DEPENDENCY}`), only([`redundant-override: ${REDUNDANT}`]));
  });

  it('follows the include link of the boot file to the common file', async () => {
    const boot = await open(BOOT, true);
    const links = await waitFor('document links of the boot file', async () => {
      const l = await vscode.commands.executeCommand<vscode.DocumentLink[]>('vscode.executeLinkProvider', boot.uri);
      return l && l.length > 0 ? l : undefined;
    });
    assert.strictEqual(links.length, 1);
    assert.ok(links[0].target, 'the link has a target');
    const target = await vscode.workspace.openTextDocument(links[0].target!);
    await vscode.window.showTextDocument(target);
    assert.strictEqual(target.uri.toString(), fixture(COMMON).toString());
    assert.strictEqual(target.lineAt(3).text, 'account.1.sip_server.1.failback_mode = 3');
  });

  it('go to definition on a MAC file line lands on the line of the common file it overrides', async () => {
    const doc = await open(MAC, true);
    const at = nameSpan(doc, 5).start.translate(0, 3);
    const found = await vscode.commands.executeCommand<(vscode.Location | vscode.LocationLink)[]>('vscode.executeDefinitionProvider', doc.uri, at);
    assert.strictEqual(found.length, 1);
    const loc = found[0];
    const uri = 'targetUri' in loc ? loc.targetUri : loc.uri;
    const range = 'targetUri' in loc ? loc.targetRange : loc.range;
    assert.strictEqual(uri.toString(), fixture(COMMON).toString());
    assert.strictEqual(range.start.line, 4);
  });

  it('Yealink: Show Effective Configuration opens a read-only document of what the phone gets', async () => {
    await open(MAC, true);
    await vscode.commands.executeCommand('yealinkCfg.showEffectiveConfiguration');
    const doc = await waitFor('the effective configuration document', () =>
      vscode.workspace.textDocuments.find((d) => d.uri.scheme === 'yealink-effective' && d.getText().includes('failback_mode')),
    );
    const text = doc.getText();
    assert.ok(text.startsWith('## Effective configuration of the phone 001565a1b2c3 (T54W)\n'), text);
    assert.ok(text.includes('\naccount.1.sip_server.1.failback_mode = 3  # y000000000096.cfg:4\n'), text);
    assert.ok(text.includes('\naccount.1.label = Reception  # 001565a1b2c3.cfg:3\n'), text);
    assert.strictEqual(vscode.window.activeTextEditor?.document.uri.scheme, 'yealink-effective');
    assert.ok(!text.includes('# default'), 'no defaults unless asked');

    await open(MAC, true);
    await vscode.commands.executeCommand('yealinkCfg.showEffectiveConfigurationWithDefaults');
    const withDefaults = await waitFor('the effective configuration with defaults', () =>
      vscode.workspace.textDocuments.find((d) => d.uri.scheme === 'yealink-effective' && d.getText().includes('# default')),
    );
    assert.ok(withDefaults.getText().includes('\naccount.1.sip_server.1.port = 5060  # default\n'), withDefaults.getText());
  });
});
