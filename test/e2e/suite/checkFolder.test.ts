import * as assert from 'assert';
import * as vscode from 'vscode';
import { fixture, fmtDiagnostic, fmtDiagnostics, open, waitFor, waitForDiagnostics, yealinkDiagnostics } from './helpers';

// test/e2e/workspace/checkfolder/ (the command line says "2 errors, 2 warnings in 4 files" for it):
//   y000000000000.boot      includes y000000000096.cfg, then $mac.cfg
//   y000000000096.cfg       failback_mode = 1 (line 2), account.1.enable = 7 (line 3: invalid-enum)
//   0015650c0f01.cfg        failback_timeout (line 1) needs failback_mode 3; transprot_type (line 2) is unknown
//   sub/0015650c0f02.cfg    expires = 5 (line 1: out-of-range)
//   .archive/0015650c0f03.cfg  a bad value, in a folder starting with a dot: not checked
//   notes.cfg               no header: not a provisioning file
const MAC = 'checkfolder/0015650c0f01.cfg';
const COMMON = 'checkfolder/y000000000096.cfg';
const DEPENDENCY =
  'dependency warning 1:0-1:39 "account.1.sip_server.1.failback_timeout has no effect: it works only if account.1.sip_server.1.failback_mode is 3, but it is 1 (y000000000096.cfg, line 3)."';
const UNKNOWN =
  'unknown-parameter warning 2:0-2:37 "Unknown parameter "account.1.sip_server.1.transprot_type". Did you mean "account.1.sip_server.1.transport_type"?"';
const OUT_OF_RANGE = 'out-of-range error 1:33-1:34 "Value 5 of account.1.sip_server.1.expires is out of range (permitted: 30 to 2147483647)."';
const INVALID_ENUM = 'invalid-enum error 3:19-3:20 "Value 7 of account.1.enable is not allowed (permitted: 0 or 1)."';
const SUMMARY = 'Yealink: 2 errors, 2 warnings in 4 files (checkfolder).';

interface CheckFolderResult {
  message: string;
  files: number;
  errors: number;
  warnings: number;
  infos: number;
  hints: number;
  unreadable: string[];
  cancelled: boolean;
}

const exactly = (want: string[]) => (ds: vscode.Diagnostic[]) => JSON.stringify(ds.map(fmtDiagnostic)) === JSON.stringify(want);
const isOpen = (rel: string) => vscode.workspace.textDocuments.some((d) => d.uri.toString() === fixture(rel).toString());

async function replaceLine(doc: vscode.TextDocument, line: number, text: string): Promise<void> {
  const edit = new vscode.WorkspaceEdit();
  edit.replace(doc.uri, doc.lineAt(line).range, text);
  assert.ok(await vscode.workspace.applyEdit(edit));
  assert.ok(await doc.save());
}

function checkFolder(): Thenable<CheckFolderResult> {
  return vscode.commands.executeCommand<CheckFolderResult>('yealinkCfg.checkFolder', fixture('checkfolder'));
}

describe('Yealink: Check Folder', () => {
  after(() => vscode.commands.executeCommand('yealinkCfg.clearFolderCheck'));

  it('puts the problems of every provisioning file of the folder, unopened ones too, in the Problems panel', async () => {
    await open('commands/001565000001.cfg', true); // the extension runs
    const r = await checkFolder();
    assert.deepStrictEqual(r, { errors: 2, warnings: 2, infos: 0, hints: 0, message: SUMMARY, files: 4, unreadable: [], cancelled: false });
    assert.ok(!isOpen(MAC), 'the MAC file must not be open for this test');
    const ds = yealinkDiagnostics(fixture(MAC));
    assert.deepStrictEqual(ds.map(fmtDiagnostic), [DEPENDENCY, UNKNOWN]);
    assert.strictEqual(ds[0].relatedInformation?.[0]?.location.uri.toString(), fixture(COMMON).toString());
    assert.deepStrictEqual(yealinkDiagnostics(fixture('checkfolder/sub/0015650c0f02.cfg')).map(fmtDiagnostic), [OUT_OF_RANGE]);
    assert.deepStrictEqual(yealinkDiagnostics(fixture(COMMON)).map(fmtDiagnostic), [INVALID_ENUM]);
    assert.deepStrictEqual(yealinkDiagnostics(fixture('checkfolder/.archive/0015650c0f03.cfg')), []);
    assert.deepStrictEqual(yealinkDiagnostics(fixture('checkfolder/notes.cfg')), []);
  });

  it('lists a file opened in an editor once, follows its edits there, and keeps it after the editor closes', async () => {
    const doc = await open(MAC, true);
    await waitForDiagnostics(doc.uri, 'the two warnings, once', exactly([DEPENDENCY, UNKNOWN]));
    // Only the editor's diagnostics are left: fixing the name there leaves one warning, not three.
    await replaceLine(doc, 2, 'account.1.sip_server.1.transport_type = 1');
    await waitForDiagnostics(doc.uri, 'the dependency warning alone', exactly([DEPENDENCY]));
    await replaceLine(doc, 2, 'account.1.sip_server.1.transprot_type = 1');
    await waitForDiagnostics(doc.uri, 'both warnings again', exactly([DEPENDENCY, UNKNOWN]));
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
    await waitFor('the MAC file to have no tab', () => (vscode.window.tabGroups.all.some((g) => g.tabs.some((t) => t.input instanceof vscode.TabInputText && t.input.uri.toString() === doc.uri.toString())) ? undefined : true));
    await waitForDiagnostics(doc.uri, 'the folder check to show the closed file again', exactly([DEPENDENCY, UNKNOWN]));
  });

  it('checks an unopened file again when a file of its set changes', async () => {
    const common = await open(COMMON, true);
    try {
      await replaceLine(common, 2, 'account.1.sip_server.1.failback_mode = 3');
      await waitForDiagnostics(fixture(MAC), 'the dependency warning to go', exactly([UNKNOWN]));
    } finally {
      await replaceLine(common, 2, 'account.1.sip_server.1.failback_mode = 1');
      await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
    }
    await waitForDiagnostics(fixture(MAC), 'the dependency warning to come back', exactly([DEPENDENCY, UNKNOWN]));
  });

  it('checks the files again when a setting changes', async () => {
    const config = vscode.workspace.getConfiguration('yealinkCfg');
    await config.update('severity', { dependency: 'off' }, vscode.ConfigurationTarget.Workspace);
    try {
      await waitForDiagnostics(fixture(MAC), 'the dependency warning turned off', exactly([UNKNOWN]));
    } finally {
      await config.update('severity', undefined, vscode.ConfigurationTarget.Workspace);
    }
    await waitForDiagnostics(fixture(MAC), 'the dependency warning back', exactly([DEPENDENCY, UNKNOWN]));
  });

  it('follows files created and deleted in the folder, and clears everything on request', async () => {
    const added = fixture('checkfolder/0015650c0f04.cfg');
    await vscode.workspace.fs.writeFile(added, new TextEncoder().encode('#!version:1.0.0.1\naccount.1.enablee = 1\n'));
    await waitForDiagnostics(added, 'the new file to be checked', exactly(['unknown-parameter warning 1:0-1:17 "Unknown parameter "account.1.enablee". Did you mean "account.1.enable"?"']));
    await vscode.workspace.fs.delete(added);
    await waitForDiagnostics(added, 'the deleted file to have no problems', exactly([]));
    // Running again replaces the results: the same summary, nothing left over.
    assert.strictEqual((await checkFolder()).message, SUMMARY);
    await vscode.commands.executeCommand('yealinkCfg.clearFolderCheck');
    for (const rel of [MAC, COMMON, 'checkfolder/sub/0015650c0f02.cfg']) {
      const ds = yealinkDiagnostics(fixture(rel));
      assert.strictEqual(ds.length, 0, `${rel}:\n${fmtDiagnostics(ds)}`);
    }
  });
});
