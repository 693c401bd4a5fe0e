import * as assert from 'assert';
import * as vscode from 'vscode';
import {
  LANGUAGE_ID,
  extension,
  fixture,
  hoverText,
  open,
  span,
  waitFor,
  waitForLanguage,
  yealinkDiagnostics,
} from './helpers';

/** Proves the language server answers for a document: a hover on `name` (at `line`) is documented. */
async function assertServed(doc: vscode.TextDocument, line: number, name: string): Promise<void> {
  const at = span(doc, line, name).start.translate(0, 2);
  const key = name.split('.').pop() as string;
  const text = await waitFor(
    `a hover on ${name} in ${vscode.workspace.asRelativePath(doc.uri)}`,
    async () => {
      const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, at);
      const t = hoverText(hovers ?? []);
      return t.includes(key) ? t : undefined;
    },
  );
  assert.ok(text.includes(key));
}

describe('activation', () => {
  it('is installed and not active before a provisioning file is opened', () => {
    const ext = extension();
    const events = JSON.stringify((ext.packageJSON as { activationEvents?: string[] }).activationEvents ?? []);
    assert.strictEqual(
      ext.isActive,
      false,
      `the extension must activate on a provisioning file, not at start-up; its activationEvents are ${events} ` +
        '(VS Code creates plaintext models of its own at start-up, so onLanguage:plaintext activates it at once)',
    );
  });

  it('activates for y000000000096.cfg', async () => {
    const doc = await open('y000000000096.cfg', true);
    assert.strictEqual(doc.languageId, LANGUAGE_ID, 'a y0000000000xx.cfg file is yealink-cfg by its name');
    const ext = extension();
    await waitFor('the extension to activate', () => (ext.isActive ? true : undefined));
    await assertServed(doc, 2, 'account.1.sip_server.1.failback_mode');
  });

  it('activates for a MAC-named file (0015651234ab.cfg)', async () => {
    const doc = await open('0015651234ab.cfg');
    assert.strictEqual(doc.languageId, LANGUAGE_ID);
    assert.ok(extension().isActive);
    await assertServed(doc, 4, 'account.1.sip_server.1.address');
  });

  it('activates for a .boot file', async () => {
    const doc = await open('y000000000000.boot');
    assert.strictEqual(doc.languageId, LANGUAGE_ID);
    assert.ok(extension().isActive);
    await assertServed(doc, 4, 'overwrite_mode');
  });

  it('takes over an oddly named .cfg whose first line is #!version:1.0.0.1', async () => {
    const uri = fixture('phones/lobby.cfg');
    // VS Code itself gives a plain .cfg file to another language (properties); the extension re-assigns it
    await vscode.workspace.openTextDocument(uri);
    const doc = await waitForLanguage(uri, LANGUAGE_ID);
    await assertServed(doc, 3, 'account.1.sip_server.1.failback_mode');
  });

  it('leaves a Kamailio .cfg (#!KAMAILIO) in its own language', async () => {
    const kamailio = fixture('kamailio/kamailio.cfg');
    const before = (await vscode.workspace.openTextDocument(kamailio)).languageId;
    assert.notStrictEqual(before, LANGUAGE_ID);
    // Open a Yealink file of the same kind after it and wait until that one is re-assigned:
    // by then the extension has seen the Kamailio file too.
    await vscode.workspace.openTextDocument(fixture('phones/branch-office.cfg'));
    await waitForLanguage(fixture('phones/branch-office.cfg'), LANGUAGE_ID);
    const after = vscode.workspace.textDocuments.find((d) => d.uri.toString() === kamailio.toString());
    assert.ok(after, 'kamailio.cfg is still open');
    assert.strictEqual(after.languageId, before, 'kamailio.cfg keeps the language VS Code gave it');
    assert.deepStrictEqual(yealinkDiagnostics(kamailio), [], 'no yealink-cfg diagnostics on a Kamailio file');
  });
});
