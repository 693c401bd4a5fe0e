import * as assert from 'assert';
import * as vscode from 'vscode';
import {
  HEADER,
  codeActions,
  codeOf,
  completions,
  docText,
  fmtActions,
  fmtDiagnostics,
  fmtRange,
  hoverText,
  labelOf,
  nameSpan,
  open,
  span,
  valueSpan,
  waitFor,
  waitForDiagnostics,
} from './helpers';

// test/e2e/workspace/features/001565000c01.cfg (0-based lines):
//  0 #!version:1.0.0.1
//  1 account.1.sip_server.1.address = sip.example.com
//  2 account.1.sip_server.1.failback_mode = 3
//  3 account.1.sip_server.1.fa
//  4 account.2.sip_server.1.failback_mode = 
const FEATURES = 'features/001565000c01.cfg';

describe('completion', () => {
  let doc: vscode.TextDocument;
  before(async () => {
    doc = await open(FEATURES);
  });

  it('offers parameter names for a partly typed name', async () => {
    const end = doc.lineAt(3).range.end;
    const items = await waitFor('name completions', async () => {
      const list = await completions(doc.uri, end);
      return list.some((i) => labelOf(i) === 'account.1.sip_server.1.failback_mode') ? list : undefined;
    }, [], undefined, () => 'no item account.1.sip_server.1.failback_mode');
    const labels = items.filter((i) => i.kind !== vscode.CompletionItemKind.Snippet).map(labelOf);
    assert.ok(labels.includes('account.1.sip_server.1.failback_mode'), labels.join(', '));
    assert.ok(labels.includes('account.1.sip_server.1.failback_timeout'), labels.join(', '));
    // the item replaces what was typed
    const item = items.find((i) => labelOf(i) === 'account.1.sip_server.1.failback_mode')!;
    const insert = typeof item.insertText === 'string' ? item.insertText : item.insertText?.value ?? labelOf(item);
    assert.ok(insert.startsWith('account.1.sip_server.1.failback_mode'), `insert text ${insert}`);
    const range = item.range && ('inserting' in item.range ? item.range.replacing : item.range);
    if (range) assert.strictEqual(fmtRange(range), fmtRange(new vscode.Range(3, 0, 3, end.character)));
  });

  it('offers the permitted values after "=", each with its meaning', async () => {
    const end = doc.lineAt(4).range.end;
    const items = (await completions(doc.uri, end)).filter((i) => i.kind !== vscode.CompletionItemKind.Snippet);
    const labels = items.map(labelOf).sort();
    assert.deepStrictEqual(labels, ['0', '1', '2', '3']);
    const meanings = new Map(items.map((i) => [labelOf(i), `${i.detail ?? ''} ${docText(i.documentation)}`]));
    for (const [value, meaning] of meanings) assert.ok(meaning.trim().length > 0, `value ${value} has no meaning in detail/documentation`);
    assert.match(meanings.get('0')!, /newRequests/);
    assert.match(meanings.get('3')!, /failback timeout/i);
  });
});

describe('hover', () => {
  it('documents account.1.sip_server.1.failback_mode: summary, values, default, condition', async () => {
    const doc = await open(FEATURES);
    const pos = span(doc, 2, 'failback_mode').start;
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, pos);
    const text = hoverText(hovers ?? []);
    assert.ok(text.length > 0, 'no hover');
    assert.match(text, /account\.1\.sip_server\.1\.failback_mode/);
    assert.match(text, /goes back to the primary SIP server/, `summary missing:\n${text}`);
    for (const v of ['0', '1', '2', '3']) assert.match(text, new RegExp(`\\b${v}\\b`), `permitted value ${v} missing:\n${text}`);
    assert.match(text, /[Dd]efault[^\n]*\b0\b/, `default 0 missing:\n${text}`);
    // the condition names the address of the same account and server (indices filled in) and says
    // whether this file meets it
    assert.match(text, /account\.(X|1)\.sip_server\.(Y|1)\.address`? is a domain name/, `condition on the address missing:\n${text}`);
    // the hover covers the parameter name
    const range = hovers.find((h) => h.range)?.range;
    if (range) assert.strictEqual(fmtRange(range), fmtRange(nameSpan(doc, 2)));
  });
});

describe('quick fixes', () => {
  async function fixesFor(doc: vscode.TextDocument, code: string, line: number) {
    const ds = await waitForDiagnostics(doc.uri, `${code} on line ${line}`, (cur) =>
      cur.some((d) => codeOf(d) === code && d.range.start.line === line),
    );
    const diag = ds.find((d) => codeOf(d) === code && d.range.start.line === line)!;
    const actions = await codeActions(doc.uri, diag.range);
    // vscode.executeCodeActionProvider asks for the actions of the diagnostics in the range, but its
    // results do not carry `diagnostics`: pick the fixes by kind and edit. Where `diagnostics` is
    // given (e.g. under another runner), it must name this diagnostic.
    const mine = actions.filter(
      (a) =>
        a.kind?.value === vscode.CodeActionKind.QuickFix.value &&
        (!a.diagnostics?.length || a.diagnostics.some((d) => codeOf(d) === code && d.range.isEqual(diag.range))),
    );
    return { diag, actions, mine };
  }

  it('invalid-enum: one fix per permitted value; applying one gives the expected text and clears the diagnostic', async () => {
    const doc = await open('quickfix/001565000f01.cfg', true);
    const { diag, actions, mine } = await fixesFor(doc, 'invalid-enum', 2);
    assert.strictEqual(fmtRange(diag.range), fmtRange(valueSpan(doc, 2)));
    const replacing = mine.filter((a) => {
      const es = a.edit?.get(doc.uri) ?? [];
      return es.length === 1 && es[0].range.isEqual(diag.range);
    });
    assert.deepStrictEqual(
      replacing.map((a) => a.edit!.get(doc.uri)[0].newText).sort(),
      ['0', '1', '2', '3'],
      `actions were:\n${fmtActions(actions, doc.uri)}`,
    );
    const pick = replacing.find((a) => a.edit!.get(doc.uri)[0].newText === '3')!;
    assert.ok(await vscode.workspace.applyEdit(pick.edit!));
    assert.strictEqual(
      doc.getText(),
      `${HEADER}\naccount.1.sip_server.1.address = sip.example.com\naccount.1.sip_server.1.failback_mode = 3\n`,
    );
    await waitForDiagnostics(doc.uri, 'invalid-enum to go away', (cur) => !cur.some((d) => codeOf(d) === 'invalid-enum'));
  });

  it('missing-header: inserts #!version:1.0.0.1 at the start', async () => {
    const doc = await open('quickfix/001565000f02.cfg', true);
    const { actions, mine } = await fixesFor(doc, 'missing-header', 0);
    const insert = mine.filter((a) => {
      const es = a.edit?.get(doc.uri) ?? [];
      return es.length === 1 && es[0].newText === `${HEADER}\n` && es[0].range.isEmpty && es[0].range.start.isEqual(new vscode.Position(0, 0));
    });
    assert.strictEqual(insert.length, 1, `actions were:\n${fmtActions(actions, doc.uri)}`);
    assert.ok(await vscode.workspace.applyEdit(insert[0].edit!));
    assert.strictEqual(doc.getText(), `${HEADER}\naccount.1.enable = 1\naccount.1.label = Lobby\n`);
    const left = await waitForDiagnostics(doc.uri, 'missing-header to go away', (cur) => !cur.some((d) => codeOf(d) === 'missing-header'));
    assert.deepStrictEqual(left, [], `diagnostics were:\n${fmtDiagnostics(left)}`);
  });

  it('disable for this line: inserts a yealink-cfg-disable-next-line comment above and the diagnostic goes away', async () => {
    const doc = await open('quickfix/001565000f03.cfg', true);
    const { diag, actions, mine } = await fixesFor(doc, 'unknown-parameter', 2);
    assert.strictEqual(fmtRange(diag.range), fmtRange(nameSpan(doc, 2)));
    const disable = mine.filter((a) => {
      const es = a.edit?.get(doc.uri) ?? [];
      return es.length === 1 && es[0].newText.includes('yealink-cfg-disable-next-line unknown-parameter');
    });
    assert.strictEqual(disable.length, 1, `actions were:\n${fmtActions(actions, doc.uri)}`);
    assert.ok(await vscode.workspace.applyEdit(disable[0].edit!));
    assert.strictEqual(
      doc.getText(),
      `${HEADER}\naccount.1.enable = 1\n# yealink-cfg-disable-next-line unknown-parameter\naccount.1.sip_server.1.transprot_type = 1\n`,
    );
    const left = await waitForDiagnostics(doc.uri, 'unknown-parameter to go away', (cur) => !cur.some((d) => codeOf(d) === 'unknown-parameter'));
    assert.deepStrictEqual(left, [], `diagnostics were:\n${fmtDiagnostics(left)}`);
  });
});
