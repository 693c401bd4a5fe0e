import * as assert from 'assert';
import * as vscode from 'vscode';
import { codeOf, fmtDiagnostic, open, waitForDiagnostics } from '../../e2e/suite/helpers';

// test/web/workspace/site/: the common file y000000000096.cfg sets failback_mode = 3 on line 3 (0-based);
// the MAC file 001565a1b2c3.cfg sets failback_timeout (line 3), which works only with mode 3.
const MAC = 'site/001565a1b2c3.cfg';
const COMMON = 'site/y000000000096.cfg';
const DEPENDENCY =
  'dependency warning 3:0-3:39 "account.1.sip_server.1.failback_timeout has no effect: it works only if account.1.sip_server.1.failback_mode is 3, but it is 1 (y000000000096.cfg, line 4)."';

async function setFailbackMode(doc: vscode.TextDocument, value: string): Promise<void> {
  const line = doc.lineAt(3);
  const at = line.text.indexOf('= ') + 2;
  const edit = new vscode.WorkspaceEdit();
  edit.replace(doc.uri, new vscode.Range(3, at, 3, line.text.length), value);
  assert.ok(await vscode.workspace.applyEdit(edit));
  assert.ok(await doc.save());
}

describe('in the browser: a folder is one system', () => {
  it('editing and saving the common file re-checks the open MAC file', async () => {
    const mac = await open(MAC, true);
    const common = await open(COMMON);
    await vscode.window.showTextDocument(common, { viewColumn: vscode.ViewColumn.Beside, preview: false });
    try {
      await setFailbackMode(common, '1');
      const ds = await waitForDiagnostics(mac.uri, 'the dependency warning naming the common file', (x) => x.map(fmtDiagnostic).includes(DEPENDENCY));
      const dep = ds.find((d) => codeOf(d) === 'dependency')!;
      assert.ok(dep.relatedInformation?.[0]?.location.uri.path.endsWith('/site/y000000000096.cfg'), 'the warning points at the common file');
    } finally {
      await setFailbackMode(common, '3');
    }
    await waitForDiagnostics(mac.uri, 'the warning to go again', (x) => !x.some((d) => codeOf(d) === 'dependency'));
  });
});
