// Folder-change steps shared by the real VS Code suite and the browser suite (bundled for a web
// worker: nothing here may use Node.js). Both workspaces hold the same set in site/: a boot file
// including y000000000096.cfg, whose failback_mode = 3 sits on line 3 (0-based), then $mac.cfg, whose
// failback_timeout needs that mode.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { codeOf, fmtDiagnostics, open, waitForDiagnostics } from './helpers';

export const SITE_MAC = 'site/001565a1b2c3.cfg';
export const SITE_COMMON = 'site/y000000000096.cfg';

/** Writes a failback_mode value on line 3 of an open common file and saves it. */
export async function setFailbackMode(doc: vscode.TextDocument, value: string): Promise<void> {
  const line = doc.lineAt(3);
  const at = line.text.indexOf('= ') + 2;
  const edit = new vscode.WorkspaceEdit();
  edit.replace(doc.uri, new vscode.Range(3, at, 3, line.text.length), value);
  assert.ok(await vscode.workspace.applyEdit(edit));
  assert.ok(await doc.save());
}

/**
 * The common file, open beside the MAC file, is saved with failback_mode 1 and then 3 again: the MAC
 * file gets the dependency warning pointing at the common file (`warned` says what else must hold),
 * then loses it (`settled`).
 */
export async function commonFileEditRechecksMac(warned: (ds: vscode.Diagnostic[]) => boolean, settled: (ds: vscode.Diagnostic[]) => boolean): Promise<void> {
  const mac = await open(SITE_MAC, true);
  const common = await open(SITE_COMMON);
  await vscode.window.showTextDocument(common, { viewColumn: vscode.ViewColumn.Beside, preview: false });
  try {
    await setFailbackMode(common, '1');
    const ds = await waitForDiagnostics(mac.uri, 'the dependency warning naming the common file', warned);
    const dep = ds.find((d) => codeOf(d) === 'dependency');
    assert.ok(dep?.relatedInformation?.[0]?.location.uri.path.endsWith(`/${SITE_COMMON}`), `the warning points at the common file:\n${fmtDiagnostics(ds)}`);
  } finally {
    await setFailbackMode(common, '3');
  }
  await waitForDiagnostics(mac.uri, 'the warning to go again', settled);
}
