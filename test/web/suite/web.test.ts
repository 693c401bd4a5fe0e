import * as assert from 'assert';
import * as vscode from 'vscode';
import {
  codeActions,
  codeOf,
  completions,
  extension,
  fmtActions,
  fmtDiagnostic,
  fmtDiagnostics,
  fmtRange,
  hoverText,
  labelOf,
  nameSpan,
  open,
  waitFor,
  waitForDiagnostics,
} from '../../e2e/suite/helpers';

// test/web/workspace/check/001565000e01.cfg (0-based lines):
//  0 #!version:1.0.0.1
//  1 account.1.sip_server.1.address = sip.example.com
//  2 account.1.sip_server.1.failback_mode = 7
//  3 account.1.sip_server.1.transprot_type = 1
//  4 account.2.sip_server.1.failback_mode = 
const CHECK = 'check/001565000e01.cfg';
const INVALID_ENUM = 'invalid-enum error 2:39-2:40 "Value 7 of account.1.sip_server.1.failback_mode is not allowed (permitted: 0, 1, 2 or 3)."';
const UNKNOWN =
  'unknown-parameter warning 3:0-3:37 "Unknown parameter "account.1.sip_server.1.transprot_type". Did you mean "account.1.sip_server.1.transport_type"?"';
// test/web/workspace/site/: the boot file includes the common file y000000000096.cfg, then $mac.cfg.
// The MAC file's failback_timeout needs failback_mode = 3, which only the common file sets.
const MAC = 'site/001565a1b2c3.cfg';
const REDUNDANT =
  'redundant-override hint 5:0-5:45 "account.1.sip_server.1.register_on_enable = 1 is already given by y000000000096.cfg, line 5; this line changes nothing."';

const exactly = (want: string[]) => (ds: vscode.Diagnostic[]) => JSON.stringify(ds.map(fmtDiagnostic)) === JSON.stringify(want);

describe('in the browser (web worker extension host)', () => {
  it('runs the client in the web worker, with no Node.js', async () => {
    await open(CHECK, true);
    const ext = extension();
    await waitFor('the extension to activate', () => (ext.isActive ? true : undefined));
    assert.strictEqual(typeof process, 'undefined', 'this extension host has Node.js: it is not the web worker');
    assert.strictEqual(ext.extensionKind, vscode.ExtensionKind.UI);
    assert.strictEqual((ext.packageJSON as { browser?: string }).browser, './dist/extension.js');
  });

  it('reports the diagnostics of a file with exact codes and ranges', async () => {
    const doc = await open(CHECK, true);
    const ds = await waitForDiagnostics(doc.uri, 'the two problems of the file', exactly([INVALID_ENUM, UNKNOWN]));
    assert.strictEqual(ds.length, 2, fmtDiagnostics(ds));
  });

  it('completes the permitted values after "="', async () => {
    const doc = await open(CHECK);
    const end = doc.lineAt(4).range.end;
    const items = await waitFor('value completions', async () => {
      const list = (await completions(doc.uri, end)).filter((i) => i.kind !== vscode.CompletionItemKind.Snippet);
      return list.length > 0 ? list : undefined;
    });
    assert.deepStrictEqual(items.map(labelOf).sort(), ['0', '1', '2', '3']);
  });

  it('documents a parameter on hover, over its name', async () => {
    const doc = await open(CHECK);
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, nameSpan(doc, 2).start.translate(0, 3));
    const text = hoverText(hovers ?? []);
    assert.match(text, /account\.1\.sip_server\.1\.failback_mode/);
    assert.match(text, /goes back to the primary SIP server/, `summary missing:\n${text}`);
    assert.match(text, /[Dd]efault[^\n]*\b0\b/, `default 0 missing:\n${text}`);
    const range = hovers.find((h) => h.range)?.range;
    assert.ok(range, 'the hover has a range');
    assert.strictEqual(fmtRange(range), fmtRange(nameSpan(doc, 2)));
  });

  it('fixes the misspelt name with its quick fix', async () => {
    const doc = await open(CHECK, true);
    const ds = await waitForDiagnostics(doc.uri, 'the unknown-parameter warning', (cur) => cur.some((d) => codeOf(d) === 'unknown-parameter'));
    const diag = ds.find((d) => codeOf(d) === 'unknown-parameter')!;
    const actions = await codeActions(doc.uri, diag.range);
    const rename = actions.filter((a) => (a.edit?.get(doc.uri) ?? []).some((e) => e.newText === 'account.1.sip_server.1.transport_type'));
    assert.strictEqual(rename.length, 1, `actions were:\n${fmtActions(actions, doc.uri)}`);
    assert.ok(await vscode.workspace.applyEdit(rename[0].edit!));
    assert.strictEqual(doc.lineAt(3).text, 'account.1.sip_server.1.transport_type = 1');
    await waitForDiagnostics(doc.uri, 'only the invalid-enum error', exactly([INVALID_ENUM]));
  });

  it('checks a MAC file with its set: the common file read through the workbench file system', async () => {
    const doc = await open(MAC, true);
    // Alone, failback_timeout would get a dependency warning (failback_mode defaults to 0); with the
    // common file it is met, and the repeated register_on_enable is a redundant override.
    await waitForDiagnostics(doc.uri, 'only the redundant-override hint', exactly([REDUNDANT]));
  });
});
