import * as assert from 'assert';
import * as vscode from 'vscode';
import { SEVERITY_NAMES, codeOf, fixture, fmtDiagnostics, open, waitForDiagnostics } from './helpers';

// test/e2e/workspace/settings/001565000e01.cfg:
//  0 #!version:1.0.0.1
//  1 account.1.sip_server.1.transprot_type = 1   unknown-parameter (warning)
//  2 account.1.sip_server.1.expires = 5          out-of-range (error)
const FILE = 'settings/001565000e01.cfg';

const summary = (ds: vscode.Diagnostic[]) =>
  ds.map((d) => `${codeOf(d)}:${SEVERITY_NAMES[d.severity]}@${d.range.start.line}`).sort();

async function setSeverity(value: Record<string, string> | undefined): Promise<void> {
  await vscode.workspace.getConfiguration('yealinkCfg').update('severity', value, vscode.ConfigurationTarget.Workspace);
}

describe('settings: yealinkCfg.severity', () => {
  let doc: vscode.TextDocument;

  before(async () => {
    doc = await open(FILE, true);
    await waitForDiagnostics(doc.uri, 'the default diagnostics', (ds) => ds.length === 2);
  });

  after(async () => {
    await setSeverity(undefined);
  });

  it('reports both problems with their default severities', () => {
    const ds = vscode.languages.getDiagnostics(doc.uri).filter((d) => d.source === 'yealink-cfg');
    assert.deepStrictEqual(summary(ds), ['out-of-range:error@2', 'unknown-parameter:warning@1']);
  });

  it('"off" in the workspace settings removes that code\'s diagnostics', async () => {
    await setSeverity({ 'unknown-parameter': 'off' });
    const raw = new TextDecoder().decode(await vscode.workspace.fs.readFile(fixture('.vscode/settings.json')));
    assert.match(raw, /"yealinkCfg\.severity"/, 'the setting is written to .vscode/settings.json');
    const ds = await waitForDiagnostics(doc.uri, 'unknown-parameter to be turned off', (cur) =>
      !cur.some((d) => codeOf(d) === 'unknown-parameter'),
    );
    assert.deepStrictEqual(summary(ds), ['out-of-range:error@2'], fmtDiagnostics(ds));
  });

  it('another level changes the severity', async () => {
    await setSeverity({ 'unknown-parameter': 'off', 'out-of-range': 'information' });
    const ds = await waitForDiagnostics(doc.uri, 'out-of-range to become information', (cur) =>
      cur.some((d) => codeOf(d) === 'out-of-range' && d.severity === vscode.DiagnosticSeverity.Information),
    );
    assert.deepStrictEqual(summary(ds), ['out-of-range:information@2'], fmtDiagnostics(ds));
  });

  it('removing the setting brings the defaults back', async () => {
    await setSeverity(undefined);
    const ds = await waitForDiagnostics(doc.uri, 'the default diagnostics to come back', (cur) =>
      summary(cur).join() === 'out-of-range:error@2,unknown-parameter:warning@1',
    );
    assert.strictEqual(ds.length, 2);
  });
});
