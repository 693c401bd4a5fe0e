import * as assert from 'assert';
import * as vscode from 'vscode';
import { open, waitFor } from './helpers';

describe('palette commands and the model status item', () => {
  it('registers Explain Parameter, Restart Language Server and the model source command', async () => {
    await open('commands/001565000001.cfg', true);
    // The extension activates when the file opens; its commands exist once it has.
    const ids = await waitFor('the commands', async () => {
      const all = await vscode.commands.getCommands(true);
      return all.includes('yealinkCfg.restartServer') ? all : undefined;
    });
    for (const id of ['yealinkCfg.explainParameter', 'yealinkCfg.restartServer', 'yealinkCfg.showModelSource']) {
      assert.ok(ids.includes(id), `${id} is not registered`);
    }
  });

  it('Explain Parameter opens a read-only document with the name, its pattern and its default', async () => {
    const doc = await vscode.commands.executeCommand<vscode.TextDocument>('yealinkCfg.explainParameter', 'account.1.enable');
    assert.ok(doc, 'no document was opened');
    assert.equal(doc.uri.scheme, 'yealink-explain');
    const text = doc.getText();
    assert.ok(text.startsWith('**account.1.enable** (account.X.enable)'), text);
    assert.ok(text.includes('**Default:** `0`'), text);
  });

  it('Explain Parameter opens nothing for an unknown name', async () => {
    const doc = await vscode.commands.executeCommand<vscode.TextDocument | undefined>('yealinkCfg.explainParameter', 'acount.1.enable');
    assert.equal(doc, undefined);
  });

  it("the status item's request gives the model of the folder's common file and the files read", async () => {
    await open('commands/001565000001.cfg', true);
    const info = await waitFor('the document info', async () => {
      const r = await vscode.commands.executeCommand<{ model: string | null; files?: string[] }>('yealinkCfg.showModelSource');
      return r && r.model ? r : undefined;
    });
    assert.deepStrictEqual(info, {
      model: 'T54W',
      modelSource: "the folder's common file y000000000096.cfg is read with this file",
      files: ['y000000000096.cfg', '001565000001.cfg'],
    });
  });

  it('Restart Language Server brings the server back', async () => {
    await vscode.commands.executeCommand('yealinkCfg.restartServer');
    const doc = await vscode.commands.executeCommand<vscode.TextDocument>('yealinkCfg.explainParameter', 'account.X.enable');
    assert.ok(doc?.getText().startsWith('**account.X.enable**'));
  });
});
