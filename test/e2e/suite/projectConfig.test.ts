import * as assert from 'assert';
import * as vscode from 'vscode';
import { completions, fixture, fmtDiagnostic, fmtRange, hoverText, labelOf, open, waitFor, waitForDiagnostics } from './helpers';
import { testApi } from './testApi';

// test/e2e/workspace/projectconfig/yealink-cfg.json: unknown-parameter is an error, custom.* is ignored,
// files matching *-local.cfg get invalid-enum as a hint, and the catalogue gains site.X.door_code
// (X 1 to 3, 0 closed / 1 open). projectconfig/bad/yealink-cfg.json gives severity a number (the one
// bad field) and model T54W (kept).
//
// projectconfig/0015650b0001.cfg (0-based lines):
//  1 account.1.sip_server.1.transprot_type = 1   unknown: an error here
//  2 custom.vendor.flag = 1                      ignored
//  3 site.2.door_code = 3                        the extra entry: 3 is not allowed
//  4 site.1.door_code = 1                        the extra entry: fine
//  5 account.1.enable = 7                        invalid-enum error
const MAC = 'projectconfig/0015650b0001.cfg';
const LOCAL = 'projectconfig/0015650b0001-local.cfg';
const CONFIG = 'projectconfig/yealink-cfg.json';
const BAD_CONFIG = 'projectconfig/bad/yealink-cfg.json';
const BAD_MAC = 'projectconfig/bad/0015650b0002.cfg';
const UNKNOWN = (severity: string) =>
  `unknown-parameter ${severity} 1:0-1:37 "Unknown parameter "account.1.sip_server.1.transprot_type". Did you mean "account.1.sip_server.1.transport_type"?"`;
const DOOR = 'invalid-enum error 3:19-3:20 "Value 3 of site.2.door_code is not allowed (permitted: 0 or 1)."';
const ENABLE = 'invalid-enum error 5:19-5:20 "Value 7 of account.1.enable is not allowed (permitted: 0 or 1)."';
const DOOR_DOCS =
  "**site.1.door_code**\n\nOpens the site's door for entry X.\n\n**Permitted values:** \n\n- `0` closed\n- `1` open\n\n**Default:** `0`\n\n" +
  '**Indices:** X: 1 to 3\n\n**File:** `<MAC>.cfg` (per phone)';

const exactly = (want: string[]) => (ds: vscode.Diagnostic[]) => JSON.stringify(ds.map(fmtDiagnostic)) === JSON.stringify(want);

async function replaceInFile(doc: vscode.TextDocument, from: string, to: string): Promise<void> {
  const at = doc.getText().indexOf(from);
  assert.ok(at >= 0, `${doc.uri.path} does not contain ${from}`);
  const edit = new vscode.WorkspaceEdit();
  edit.replace(doc.uri, new vscode.Range(doc.positionAt(at), doc.positionAt(at + from.length)), to);
  assert.ok(await vscode.workspace.applyEdit(edit));
  assert.ok(await doc.save());
}

describe('the project configuration file (yealink-cfg.json)', () => {
  it('applies its severity, ignored names, catalogue entries and overrides to the diagnostics', async () => {
    const doc = await open(MAC, true);
    await waitForDiagnostics(doc.uri, 'the configured diagnostics', exactly([UNKNOWN('error'), DOOR, ENABLE]));
    const local = await open(LOCAL, true);
    await waitForDiagnostics(local.uri, 'the override for *-local.cfg', exactly(['invalid-enum hint 1:19-1:20 "Value 7 of account.1.enable is not allowed (permitted: 0 or 1)."']));
  });

  it('documents and completes its catalogue entries like built-in ones', async () => {
    const doc = await open(MAC, true);
    const hovers = await waitFor('a hover on site.1.door_code', async () => {
      const h = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, new vscode.Position(4, 3));
      return h && h.length ? h : undefined;
    });
    assert.strictEqual(hoverText(hovers), DOOR_DOCS);
    assert.strictEqual(fmtRange(hovers[0].range!), '4:0-4:16');
    const values = (await completions(doc.uri, new vscode.Position(4, 19))).filter((i) => i.kind !== vscode.CompletionItemKind.Snippet);
    assert.deepStrictEqual(values.map((i) => [labelOf(i), i.detail]), [['0', 'closed (default)'], ['1', 'open']]);
    // After "site." the extra entry is the one name offered, its index as a tab stop.
    const names = (await completions(doc.uri, new vscode.Position(3, 5))).map(labelOf);
    assert.deepStrictEqual(names, ['site.1.door_code']);
  });

  it('checks open files again when the configuration file is edited and saved', async () => {
    const mac = await open(MAC, true);
    const config = await open(CONFIG, true);
    try {
      await replaceInFile(config, '"unknown-parameter": "error"', '"unknown-parameter": "off"');
      await waitForDiagnostics(mac.uri, 'unknown-parameter turned off', exactly([DOOR, ENABLE]));
    } finally {
      await replaceInFile(config, '"unknown-parameter": "off"', '"unknown-parameter": "error"');
    }
    await waitForDiagnostics(mac.uri, 'unknown-parameter as an error again', exactly([UNKNOWN('error'), DOOR, ENABLE]));
  });

  it('names the bad field of a bad file once, in a warning, and keeps checking with the rest', async () => {
    const api = await testApi();
    const doc = await open(BAD_MAC, true);
    // The bad severity is ignored (the default warning), the model T54W of the same file applies.
    await waitForDiagnostics(
      doc.uri,
      'the diagnostics with the good part of the file',
      exactly([UNKNOWN('warning'), 'index-out-of-range error 2:8-2:10 "Index 20 is out of range in account.20.enable: account takes 1 to 16 on the T54W."']),
    );
    const want = `Yealink cfg: ${fixture(BAD_CONFIG).path}: severity.unknown-parameter: must be a string, not 3; that field is ignored.`;
    const shown = await waitFor('the warning about the bad field', () => {
      const m = api.serverMessages().filter((x) => x.message.includes('yealink-cfg.json'));
      return m.length ? m : undefined;
    });
    assert.deepStrictEqual(shown, [{ type: 'warning', message: want }]);
  });

  it("gets VS Code's JSON checks from the schema contributed through jsonValidation", async () => {
    const doc = await open(BAD_CONFIG, true);
    assert.strictEqual(doc.languageId, 'json');
    const ds = await waitFor('a JSON schema diagnostic', () => {
      const all = vscode.languages.getDiagnostics(doc.uri);
      return all.length ? all : undefined;
    });
    assert.deepStrictEqual(
      ds.map((d) => `${vscode.DiagnosticSeverity[d.severity]} ${fmtRange(d.range)} ${d.message}`),
      ['Warning 0:37-0:38 Incorrect type. Expected "string".', 'Warning 0:37-0:38 Value is not accepted. Valid values: "error", "warning", "information", "hint", "off".'],
    );
  });
});
