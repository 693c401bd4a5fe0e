import * as assert from 'assert';
import * as vscode from 'vscode';
import {
  SEVERITY_NAMES,
  codeOf,
  fmtDiagnostics,
  fmtRange,
  nameSpan,
  open,
  span,
  valueSpan,
  waitForDiagnostics,
} from './helpers';

interface Expected {
  code: string;
  severity: 'error' | 'warning';
  range: vscode.Range;
  message: string;
}

const key = (code: string, range: vscode.Range) => `${code}@${fmtRange(range)}`;

describe('diagnostics', () => {
  // test/e2e/workspace/diagnostics/001565000d01.cfg, line by line (0-based):
  //  0 # Front desk phone: ...                      missing-header (line 1 is not #!version:1.0.0.1)
  //  1 account.1.enable = 1
  //  2 account.1.label = Front desk                 duplicate-parameter (line 8 sets it again)
  //  3 account.1.sip_server.1.address = sip.example.com
  //  4 account.1.sip_server.1.expires = 5           out-of-range (30 to 2147483647)
  //  5 account.1.sip_server.1.failback_mode = 7     invalid-enum (0-3)
  //  6 account.1.sip_server.3.port = 5060           index-out-of-range (server 1 or 2)
  //  7 account.1.sip_server.1.transprot_type = 1    unknown-parameter
  //  8 account.1.label = Reception
  //  9 account.2.sip_server.1.failback_mode = 0
  // 10 account.2.sip_server.1.failback_timeout = 120  dependency (failback_mode is not 3)
  // 11 account.1.sip_server.2.port = fifty        invalid-value
  // 12 this line has no equals sign               malformed-line
  const file = 'diagnostics/001565000d01.cfg';
  let doc: vscode.TextDocument;
  let expected: Expected[];

  before(async () => {
    doc = await open(file, true);
    expected = [
      {
        code: 'missing-header',
        severity: 'error',
        range: doc.lineAt(0).range,
        message: 'The first line must be the header "#!version:1.0.0.1", not "# Front desk phone: the version header is missing above t...".',
      },
      {
        code: 'duplicate-parameter',
        severity: 'warning',
        range: nameSpan(doc, 2),
        message: 'account.1.label is set again on line 9, which takes effect; this line is ignored.',
      },
      {
        code: 'out-of-range',
        severity: 'error',
        range: valueSpan(doc, 4),
        message: 'Value 5 of account.1.sip_server.1.expires is out of range (permitted: 30 to 2147483647).',
      },
      {
        code: 'invalid-enum',
        severity: 'error',
        range: valueSpan(doc, 5),
        message: 'Value 7 of account.1.sip_server.1.failback_mode is not allowed (permitted: 0, 1, 2 or 3).',
      },
      {
        code: 'index-out-of-range',
        severity: 'error',
        range: span(doc, 6, '3', 'account.1.sip_server.'.length),
        message: 'Index 3 is out of range in account.1.sip_server.3.port: sip_server takes 1 to 2.',
      },
      {
        code: 'unknown-parameter',
        severity: 'warning',
        range: nameSpan(doc, 7),
        message: 'Unknown parameter "account.1.sip_server.1.transprot_type". Did you mean "account.1.sip_server.1.transport_type"?',
      },
      {
        code: 'dependency',
        severity: 'warning',
        range: nameSpan(doc, 10),
        message:
          'account.2.sip_server.1.failback_timeout has no effect: it works only if account.2.sip_server.1.failback_mode is 3, but it is 0 (line 10).',
      },
      {
        code: 'invalid-value',
        severity: 'error',
        range: valueSpan(doc, 11),
        message: 'Value fifty of account.1.sip_server.2.port is not an integer (permitted: 0 to 65535).',
      },
      {
        code: 'malformed-line',
        severity: 'error',
        range: doc.lineAt(12).range,
        message: 'Not a "name = value" line: it has no "=". Comment lines start with "#".',
      },
    ];
  });

  it('reports every known problem of the fixture, with its code, severity and range, and nothing else', async () => {
    const want = expected.map((e) => `${key(e.code, e.range)} ${e.severity}`).sort();
    const got = (ds: vscode.Diagnostic[]) => ds.map((d) => `${key(codeOf(d), d.range)} ${SEVERITY_NAMES[d.severity]}`).sort();
    // wait until every expected code has arrived, then compare exactly
    const ds = await waitForDiagnostics(doc.uri, 'the fixture diagnostics', (cur) =>
      expected.every((e) => cur.some((d) => codeOf(d) === e.code)),
    );
    assert.deepStrictEqual(got(ds), want, `diagnostics were:\n${fmtDiagnostics(ds)}`);
  });

  it('says what is wrong and what is allowed, in each message', async () => {
    const ds = await waitForDiagnostics(doc.uri, 'the fixture diagnostics', (cur) => cur.length >= expected.length);
    const got = ds.map((d) => `${codeOf(d)}: ${d.message}`).sort();
    assert.deepStrictEqual(got, expected.map((e) => `${e.code}: ${e.message}`).sort());
    for (const d of ds) assert.strictEqual(d.source, 'yealink-cfg');
  });

  it('clears a diagnostic when the line is corrected, and reports a new one when a problem is typed', async () => {
    const line4 = valueSpan(doc, 4);
    const edit = new vscode.WorkspaceEdit();
    edit.replace(doc.uri, line4, '3600');
    assert.ok(await vscode.workspace.applyEdit(edit));
    await waitForDiagnostics(doc.uri, 'out-of-range to go away', (cur) => !cur.some((d) => codeOf(d) === 'out-of-range') && cur.length > 0);
    const back = new vscode.WorkspaceEdit();
    back.replace(doc.uri, valueSpan(doc, 4), '5');
    assert.ok(await vscode.workspace.applyEdit(back));
    const ds = await waitForDiagnostics(doc.uri, 'out-of-range to come back', (cur) => cur.some((d) => codeOf(d) === 'out-of-range'));
    const d = ds.find((x) => codeOf(x) === 'out-of-range')!;
    assert.strictEqual(fmtRange(d.range), fmtRange(valueSpan(doc, 4)));
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });

  it('follows typing: a line typed key by key, then deleted, leaves no diagnostic behind', async () => {
    const typed = await open('diagnostics/001565000d02.cfg', true);
    const editor = await vscode.window.showTextDocument(typed, { preview: false });
    const line = typed.lineCount - 1; // the empty last line
    assert.strictEqual(typed.lineAt(line).text, '');
    for (const ch of 'account.1.sip_server.1.fa') {
      await editor.edit((b) => b.insert(typed.lineAt(line).range.end, ch));
    }
    await waitForDiagnostics(typed.uri, 'malformed-line on the typed line', (cur) =>
      cur.some((d) => codeOf(d) === 'malformed-line' && d.range.start.line === line),
    );
    await editor.edit((b) => b.delete(typed.lineAt(line).range));
    assert.strictEqual(typed.getText(), '#!version:1.0.0.1\naccount.1.enable = 1\n');
    const left = await waitForDiagnostics(typed.uri, 'no diagnostics once the line is deleted', (cur) => cur.length === 0);
    assert.deepStrictEqual(left, []);
  });
});
