import * as assert from 'assert';
import * as vscode from 'vscode';
import { fixture, fmtRange, open, waitFor } from './helpers';

// test/e2e/workspace/editor/0015650e0001.cfg (0-based lines):
//  0 #!version:1.0.0.1
//  1 # Account 1: the office line
//  2 # registered on the main server
//  3 account.1.enable = 1
//  4 account.1.label = Office
//  5 account.1.password = hunter2
//  6 account.1.sip_server.1.address = sip.example.com
//  7 account.1.sip_server.1.port = 5060
//  8 account.1.sip_server.1.failback_mode = 3
//  9 account.1.outbound_proxy.1.failback_mode = -1
// 10 features.dnd.enable = 0
// 11 account.1.sip_server.1.adress = backup.example.com
const OUTLINE = 'editor/0015650e0001.cfg';
// 0015650e0002.cfg: a byte order mark, CRLF line endings and uneven spacing (see FORMATTED below).
const FORMAT = 'editor/0015650e0002.cfg';
// 0015650e0003.cfg: no header, an overridden line, lines restating defaults, an out-of-range value.
const ACTIONS = 'editor/0015650e0003.cfg';

/** One line per symbol: indent, name, detail and range, so a whole tree compares at once. */
function outline(symbols: vscode.DocumentSymbol[], depth = 0): string[] {
  return symbols.flatMap((s) => [
    `${'  '.repeat(depth)}${s.name}${s.detail ? ` = ${s.detail}` : ''} ${fmtRange(s.range)} ${fmtRange(s.selectionRange)}`,
    ...outline(s.children, depth + 1),
  ]);
}

/** Asks a provider until the language server has started and answers with something. */
function ask<T>(what: string, run: () => Thenable<T | undefined>, ok: (v: T) => boolean = (v) => !Array.isArray(v) || v.length > 0): Promise<T> {
  return waitFor(what, async () => {
    const v = await run();
    return v !== undefined && v !== null && ok(v) ? v : undefined;
  });
}

async function applyAll(uri: vscode.Uri, edits: vscode.TextEdit[]): Promise<void> {
  const we = new vscode.WorkspaceEdit();
  we.set(uri, edits);
  assert.ok(await vscode.workspace.applyEdit(we), 'the edit applies');
}

describe('editor features: outline, folding, hints', () => {
  let doc: vscode.TextDocument;
  before(async () => {
    doc = await open(OUTLINE, true);
  });

  it('gives the outline as a tree of groups, with meanings, a masked password and the unknown name', async () => {
    const symbols = await ask('document symbols', () =>
      vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', doc.uri),
    );
    assert.deepStrictEqual(outline(symbols), [
      'account 1 3:0-9:45 3:0-3:9',
      '  enable = 1 (Enabled) 3:0-3:20 3:0-3:16',
      '  label = Office 4:0-4:24 4:0-4:15',
      '  password = •••• 5:0-5:28 5:0-5:18',
      '  sip_server 1 6:0-8:40 6:10-6:22',
      '    address = sip.example.com 6:0-6:48 6:0-6:30',
      '    port = 5060 7:0-7:34 7:0-7:27',
      '    failback_mode = 3 (duration) 8:0-8:40 8:0-8:36',
      '  outbound_proxy 1 9:0-9:45 9:10-9:26',
      '    failback_mode = -1 (→ 3) 9:0-9:45 9:0-9:40',
      'features 10:0-10:23 10:0-10:8',
      '  dnd 10:0-10:23 10:9-10:12',
      '    enable = 0 (Off) 10:0-10:23 10:0-10:19',
      'account 1 11:0-11:50 11:0-11:9',
      '  sip_server 1 11:0-11:50 11:10-11:22',
      '    adress = backup.example.com 11:0-11:50 11:0-11:29',
    ]);
    assert.ok(!JSON.stringify(outline(symbols)).includes('hunter2'));
  });

  it('folds the comment run and the groups, the server group inside the account group', async () => {
    const ranges = await ask('folding ranges', () =>
      vscode.commands.executeCommand<vscode.FoldingRange[]>('vscode.executeFoldingRangeProvider', doc.uri),
    );
    assert.deepStrictEqual(
      ranges.map((r) => `${r.start}-${r.end}${r.kind ? ` ${vscode.FoldingRangeKind[r.kind]}` : ''}`),
      ['1-2 Comment', '3-9', '6-8'],
    );
  });

  it('shows enumeration meanings and what -1 inherits as inlay hints', async () => {
    const hints = await ask('inlay hints', () =>
      vscode.commands.executeCommand<vscode.InlayHint[]>('vscode.executeInlayHintProvider', doc.uri, new vscode.Range(0, 0, doc.lineCount, 0)),
    );
    assert.deepStrictEqual(
      hints.map((h) => `${h.position.line}:${h.position.character} ${typeof h.label === 'string' ? h.label : h.label.map((p) => p.value).join('')}`),
      ['3:20 Enabled', '8:40 duration', '9:45 → 3 (account.1.sip_server.1.failback_mode)', '10:23 Off'],
    );
  });

  it('turns the meanings off with yealinkCfg.inlayHints.enumMeanings', async () => {
    const config = vscode.workspace.getConfiguration('yealinkCfg');
    await config.update('inlayHints.enumMeanings', false, vscode.ConfigurationTarget.Workspace);
    try {
      const hints = await ask(
        'only the inherited-value hint',
        () => vscode.commands.executeCommand<vscode.InlayHint[]>('vscode.executeInlayHintProvider', doc.uri, new vscode.Range(0, 0, doc.lineCount, 0)),
        (hs) => hs.length === 1,
      );
      assert.strictEqual(hints[0].position.line, 9);
    } finally {
      await config.update('inlayHints.enumMeanings', undefined, vscode.ConfigurationTarget.Workspace);
    }
  });
});

describe('editor features: rename an index', () => {
  let doc: vscode.TextDocument;
  before(async () => {
    doc = await open(OUTLINE, true);
  });

  it('renumbers account 1 to 2 on the lines that carry it, the server lines included, nothing else', async () => {
    const edit = await ask('rename edits', () =>
      vscode.commands.executeCommand<vscode.WorkspaceEdit>('vscode.executeDocumentRenameProvider', doc.uri, new vscode.Position(4, 8), '2'),
    );
    const edits = edit.get(doc.uri);
    assert.deepStrictEqual(
      edits.map((e) => `${fmtRange(e.range)} ${e.newText}`),
      [3, 4, 5, 6, 7, 8, 9, 11].map((l) => `${l}:8-${l}:9 2`),
    );
  });

  it('refuses an index out of range for the model, and a position that is not an index', async () => {
    await assert.rejects(
      Promise.resolve(vscode.commands.executeCommand('vscode.executeDocumentRenameProvider', doc.uri, new vscode.Position(4, 8), '99')),
      /account\.99 is out of range/,
    );
    await assert.rejects(
      Promise.resolve(vscode.commands.executeCommand('vscode.executeDocumentRenameProvider', doc.uri, new vscode.Position(4, 3), '2')),
      /Only an index of a parameter name can be renamed/,
    );
  });
});

describe('editor features: formatting', () => {
  const FORMATTED = [
    '#!version:1.0.0.1',
    '# spacing as exported',
    'account.1.label = Front   Desk',
    'account.1.sip_server.1.address = sip.example.com',
    '',
    'account.1.sip_server.1.port = 5060',
    '',
  ].join('\r\n');

  it('formats the document, keeping CRLF, the byte order mark and everything but the blanks', async () => {
    const doc = await open(FORMAT, true);
    assert.strictEqual(doc.eol, vscode.EndOfLine.CRLF);
    const edits = await ask('formatting edits', () =>
      vscode.commands.executeCommand<vscode.TextEdit[]>('vscode.executeFormatDocumentProvider', doc.uri, { tabSize: 4, insertSpaces: true }),
    );
    await applyAll(doc.uri, edits);
    assert.strictEqual(doc.getText(), FORMATTED);
    const again = await vscode.commands.executeCommand<vscode.TextEdit[]>('vscode.executeFormatDocumentProvider', doc.uri, { tabSize: 4, insertSpaces: true });
    assert.deepStrictEqual(again ?? [], [], 'formatting twice changes nothing');
    assert.ok(await doc.save(), 'saved');
    const bytes = await vscode.workspace.fs.readFile(fixture(FORMAT));
    assert.deepStrictEqual([...bytes.slice(0, 3)], [0xef, 0xbb, 0xbf], 'the byte order mark stays');
    assert.strictEqual(new TextDecoder().decode(bytes.slice(3)), FORMATTED);
  });

  it('writes "=" without spaces when yealinkCfg.format.equals says so', async () => {
    const doc = await open(FORMAT, true);
    const config = vscode.workspace.getConfiguration('yealinkCfg');
    await config.update('format.equals', '=', vscode.ConfigurationTarget.Workspace);
    try {
      const edits = await ask(
        'tight formatting edits',
        () => vscode.commands.executeCommand<vscode.TextEdit[]>('vscode.executeFormatDocumentProvider', doc.uri, { tabSize: 4, insertSpaces: true }),
        // VS Code makes the edits smaller before returning them, so count nothing: apply and compare.
        (es) => es.length > 0,
      );
      await applyAll(doc.uri, edits);
      assert.strictEqual(doc.getText(), FORMATTED.replace(/ = /g, '='));
    } finally {
      await config.update('format.equals', undefined, vscode.ConfigurationTarget.Workspace);
      await vscode.commands.executeCommand('workbench.action.files.revert');
      // the server has the default style again when the saved file needs no formatting
      await waitFor('the default style again', async () => {
        const es = await vscode.commands.executeCommand<vscode.TextEdit[] | undefined>('vscode.executeFormatDocumentProvider', doc.uri, { tabSize: 4, insertSpaces: true });
        return !es || es.length === 0 ? true : undefined;
      });
    }
  });
});

describe('editor features: format on save', () => {
  it("formats when the file is saved with VS Code's editor.formatOnSave", async () => {
    const doc = await open(FORMAT, true);
    const editorConfig = vscode.workspace.getConfiguration('editor', { languageId: 'yealink-cfg' });
    await editorConfig.update('formatOnSave', true, vscode.ConfigurationTarget.Workspace, true);
    try {
      const we = new vscode.WorkspaceEdit();
      we.insert(doc.uri, new vscode.Position(5, 0), '   account.1.sip_server.1.expires   =   3600\r\n');
      assert.ok(await vscode.workspace.applyEdit(we));
      await vscode.commands.executeCommand('workbench.action.files.save');
      await waitFor('the saved file to be formatted', () => (doc.lineAt(5).text === 'account.1.sip_server.1.expires = 3600' ? true : undefined));
      assert.ok(!doc.isDirty, 'saved');
      assert.strictEqual(doc.lineAt(6).text, 'account.1.sip_server.1.port = 5060');
    } finally {
      await editorConfig.update('formatOnSave', undefined, vscode.ConfigurationTarget.Workspace, true);
    }
  });
});

describe('editor features: source actions', () => {
  let doc: vscode.TextDocument;
  before(async () => {
    doc = await open(ACTIONS, true);
  });

  async function sourceAction(kind: vscode.CodeActionKind): Promise<vscode.CodeAction> {
    const actions = await ask(`a ${kind.value} action`, () =>
      vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', doc.uri, new vscode.Range(0, 0, 0, 0), kind.value),
    );
    const ours = actions.filter((a) => a.kind && kind.contains(a.kind));
    assert.strictEqual(ours.length, 1, ours.map((a) => a.title).join(', '));
    return ours[0];
  }

  it('"Remove lines that only restate the default" deletes exactly those lines', async () => {
    const action = await sourceAction(vscode.CodeActionKind.Source.append('removeDefaults'));
    assert.strictEqual(action.title, 'Remove lines that only restate the default');
    assert.ok(action.edit);
    assert.deepStrictEqual(action.edit.get(doc.uri).map((e) => `${fmtRange(e.range)} ${JSON.stringify(e.newText)}`), ['1:0-2:0 ""', '4:0-5:0 ""']);
  });

  it('"Fix all" inserts the header and removes the overridden line, and leaves the ambiguous value', async () => {
    const action = await sourceAction(vscode.CodeActionKind.SourceFixAll);
    assert.ok(action.edit);
    assert.ok(await vscode.workspace.applyEdit(action.edit));
    assert.strictEqual(
      doc.getText(),
      '#!version:1.0.0.1\naccount.1.sip_server.1.port = 5060\naccount.1.label = Lab 2\naccount.1.sip_server.1.expires = 5\nfeatures.dnd.enable = 0\n',
    );
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });
});
