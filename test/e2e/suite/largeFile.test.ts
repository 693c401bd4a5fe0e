import * as assert from 'assert';
import * as vscode from 'vscode';
import { codeOf, fixture, fmtDiagnostics, nameSpan, valueSpan, waitForDiagnostics } from './helpers';

// A common file of more than 5 MB: the server answers VS Code's first pull with the per-line results of
// its first lines and then asks for a pull again; what VS Code ends up showing is the whole file's
// check, the file-wide duplicate included.
describe('a very large file', () => {
  const relative = 'large/y000000000096.cfg';
  const filler = `# ${'x'.repeat(198)}`;
  const lines = ['#!version:1.0.0.1', 'account.1.sip_server.1.failback_mode = 9', 'account.1.label = Front desk'];
  for (let i = 0; i < 27_000; i++) lines.push(filler);
  lines.push('account.1.label = Reception');
  const text = lines.join('\n') + '\n';
  const last = lines.length - 1;

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.workspace.fs.delete(fixture('large'), { recursive: true });
  });

  it('shows the whole-file check in the end: the bad value and the duplicate, exactly', async () => {
    assert.ok(text.length > 5_000_000, 'the file is past the size of an early publish');
    await vscode.workspace.fs.writeFile(fixture(relative), new TextEncoder().encode(text));
    const doc = await vscode.workspace.openTextDocument(fixture(relative));
    await vscode.window.showTextDocument(doc, { preview: false });
    const ds = await waitForDiagnostics(doc.uri, 'the duplicate of the whole-file check', (all) => all.some((d) => codeOf(d) === 'duplicate-parameter'), 60_000);
    const shown = ds.map((d) => `${codeOf(d)}@${d.range.start.line}:${d.range.start.character}-${d.range.end.character} ${d.message}`);
    assert.deepStrictEqual(
      shown,
      [
        `invalid-enum@1:${valueSpan(doc, 1).start.character}-${valueSpan(doc, 1).end.character} Value 9 of account.1.sip_server.1.failback_mode is not allowed (permitted: 0, 1, 2 or 3).`,
        `duplicate-parameter@2:0-${nameSpan(doc, 2).end.character} account.1.label is set again on line ${last + 1}, which takes effect; this line is ignored.`,
      ],
      fmtDiagnostics(ds),
    );
  });
});
