import * as assert from 'assert';
import * as vscode from 'vscode';
import { extension, fixture, fmtDiagnostic, open, waitFor, yealinkDiagnostics } from '../../e2e/suite/helpers';

// test/web/workspace/folder/: y000000000096.cfg sets failback_mode = 1 (line 1); 0015650e0f01.cfg (never
// opened) sets failback_timeout (line 1), which needs mode 3, and account.1.enable = 5 (line 2).
const UNOPENED = 'folder/0015650e0f01.cfg';
const DEPENDENCY =
  'dependency warning 1:0-1:39 "account.1.sip_server.1.failback_timeout has no effect: it works only if account.1.sip_server.1.failback_mode is 3, but it is 1 (y000000000096.cfg, line 2)."';
const ENABLE = 'invalid-enum error 2:19-2:20 "Value 5 of account.1.enable is not allowed (permitted: 0 or 1)."';

interface TestApi {
  languageStatus(): { text: string; detail?: string };
}

describe('in the browser: commands and the status item', () => {
  it('Explain Parameter opens the documentation of a name', async () => {
    await open('site/001565a1b2c3.cfg', true);
    await waitFor('the extension to activate', () => (extension().isActive ? true : undefined));
    const doc = await vscode.commands.executeCommand<vscode.TextDocument>('yealinkCfg.explainParameter', 'account.1.enable');
    assert.ok(doc, 'no document was opened');
    assert.strictEqual(doc.uri.scheme, 'yealink-explain');
    assert.ok(doc.getText().startsWith('**account.1.enable** (account.X.enable)\n\nTurns account X on or off.'), doc.getText());
    assert.strictEqual(await vscode.commands.executeCommand('yealinkCfg.explainParameter', 'acount.1.enable'), undefined);
  });

  it('Check Folder puts the problems of an unopened file in the Problems panel, with a summary', async () => {
    const r = await vscode.commands.executeCommand<{ message: string; files: number }>('yealinkCfg.checkFolder', fixture('folder'));
    assert.strictEqual(r.message, 'Yealink: 1 error, 1 warning in 2 files (folder).');
    assert.ok(!vscode.workspace.textDocuments.some((d) => d.uri.toString() === fixture(UNOPENED).toString()), 'the file is not open');
    assert.deepStrictEqual(yealinkDiagnostics(fixture(UNOPENED)).map(fmtDiagnostic), [DEPENDENCY, ENABLE]);
    await vscode.commands.executeCommand('yealinkCfg.clearFolderCheck');
    assert.deepStrictEqual(yealinkDiagnostics(fixture(UNOPENED)), []);
  });

  it("the status item shows a MAC file's model and the files the phone reads with it", async () => {
    const api = extension().exports as TestApi;
    await open('site/001565a1b2c3.cfg', true);
    const want = { text: 'T54W · reads 3 files', detail: 'Read in order: y000000000000.boot, y000000000096.cfg, 001565a1b2c3.cfg' };
    await waitFor('the status item', () => (JSON.stringify(api.languageStatus()) === JSON.stringify(want) ? true : undefined), [], undefined, () =>
      JSON.stringify(api.languageStatus()),
    );
  });
});
