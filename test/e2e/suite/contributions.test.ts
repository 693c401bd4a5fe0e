import * as assert from 'assert';
import * as vscode from 'vscode';
import { LANGUAGE_ID, completions, extension, labelOf, open } from './helpers';

interface PackageJson {
  main?: string;
  contributes?: {
    languages?: { id: string; configuration?: string }[];
    grammars?: { language?: string; scopeName: string; path: string }[];
    snippets?: { language: string; path: string }[];
  };
}

async function readJson(uri: vscode.Uri): Promise<unknown> {
  const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
  try {
    return JSON.parse(text);
  } catch {
    // snippet and language-configuration files may hold comments and trailing commas
    const stripped = text
      .replace(/("(?:[^"\\]|\\.)*")|\/\/[^\n]*|\/\*[\s\S]*?\*\//g, (_m, str: string | undefined) => str ?? '')
      .replace(/,(\s*[}\]])/g, '$1');
    return JSON.parse(stripped);
  }
}

async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}

describe('contributions of the installed extension', () => {
  const pkg = () => extension().packageJSON as PackageJson;
  const file = (rel: string) => vscode.Uri.joinPath(extension().extensionUri, rel);

  it('contributes the yealink-cfg language with its language configuration', async () => {
    const langs = (pkg().contributes?.languages ?? []).filter((l) => l.id === LANGUAGE_ID);
    assert.strictEqual(langs.length, 1);
    assert.ok((await vscode.languages.getLanguages()).includes(LANGUAGE_ID));
    const conf = langs[0].configuration;
    assert.ok(conf, 'the language has a configuration file');
    const json = (await readJson(file(conf))) as { comments?: { lineComment?: string } };
    assert.strictEqual(json.comments?.lineComment, '#');
  });

  it('contributes the TextMate grammar source.yealink-cfg', async () => {
    const grammars = (pkg().contributes?.grammars ?? []).filter((g) => g.language === LANGUAGE_ID);
    assert.strictEqual(grammars.length, 1);
    assert.strictEqual(grammars[0].scopeName, 'source.yealink-cfg');
    const grammar = (await readJson(file(grammars[0].path))) as { scopeName?: string; patterns?: unknown[]; repository?: object };
    assert.strictEqual(grammar.scopeName, 'source.yealink-cfg');
    assert.ok(Array.isArray(grammar.patterns) && grammar.patterns.length > 0, 'the grammar has patterns');
  });

  it('contributes snippets, and they are offered in a provisioning file', async () => {
    const snippets = (pkg().contributes?.snippets ?? []).filter((s) => s.language === LANGUAGE_ID);
    assert.strictEqual(snippets.length, 1);
    const body = (await readJson(file(snippets[0].path))) as Record<string, { prefix?: string | string[]; body?: string | string[] }>;
    const entries = Object.entries(body);
    assert.ok(entries.length > 0, 'the snippet file holds snippets');
    const prefixes = new Set<string>();
    for (const [name, s] of entries) {
      assert.ok(s.prefix && s.body, `snippet "${name}" has a prefix and a body`);
      for (const p of Array.isArray(s.prefix) ? s.prefix : [s.prefix]) prefixes.add(p);
    }
    // VS Code loads the file: its snippets come back as completion items of kind Snippet
    const doc = await open('y000000000096.cfg');
    const end = doc.lineAt(doc.lineCount - 1).range.end;
    const items = await completions(doc.uri, end);
    const offered = items.filter((i) => i.kind === vscode.CompletionItemKind.Snippet).map(labelOf);
    assert.ok(
      offered.some((l) => prefixes.has(l)),
      `no contributed snippet among the completion items; prefixes ${[...prefixes].join(', ')}; snippet items ${offered.join(', ')}`,
    );
  });
});

describe('the installed package', function () {
  before(function () {
    if (process.env.YEALINK_E2E_MODE !== 'vsix') this.skip();
  });

  it('is the copy installed from the .vsix, not the development folder', () => {
    const where = extension().extensionUri.fsPath;
    const extDir = process.env.YEALINK_E2E_EXTENSIONS_DIR ?? '';
    assert.ok(extDir && where.startsWith(extDir), `extension loaded from ${where}, expected under ${extDir}`);
  });

  it('holds every file its manifest refers to, and no sources, tests or node_modules', async () => {
    const root = extension().extensionUri;
    const pj = extension().packageJSON as PackageJson;
    const refs = [
      pj.main && (/\.c?js$/.test(pj.main) ? pj.main : `${pj.main}.js`),
      ...(pj.contributes?.languages ?? []).map((l) => l.configuration),
      ...(pj.contributes?.grammars ?? []).map((g) => g.path),
      ...(pj.contributes?.snippets ?? []).map((s) => s.path),
    ].filter((x): x is string => !!x);
    for (const r of refs) {
      assert.ok(await exists(vscode.Uri.joinPath(root, r)), `${r} (referred to by package.json) is not in the package`);
    }
    const top = (await vscode.workspace.fs.readDirectory(root)).map(([n]) => n);
    for (const unwanted of ['node_modules', 'client', 'server', 'test', 'scripts', 'dist-test', 'tsconfig.json', '.ci']) {
      assert.ok(!top.includes(unwanted), `the package holds ${unwanted}`);
    }
  });

  it('refers to nothing outside itself (no path into the repository or ../shared)', async () => {
    const forbidden: string[] = JSON.parse(process.env.YEALINK_E2E_FORBIDDEN_PATHS ?? '[]');
    const root = extension().extensionUri;
    const offenders: string[] = [];
    const walk = async (dir: vscode.Uri, rel: string): Promise<void> => {
      for (const [name, type] of await vscode.workspace.fs.readDirectory(dir)) {
        const uri = vscode.Uri.joinPath(dir, name);
        if (type === vscode.FileType.Directory) await walk(uri, `${rel}${name}/`);
        else if (/\.(js|cjs|mjs|json)$/.test(name)) {
          const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
          for (const f of forbidden) if (text.includes(f)) offenders.push(`${rel}${name} mentions ${f}`);
          if (/require\(["'](\.\.\/)+shared\b/.test(text) || /["'](\.\.\/)+shared\//.test(text)) offenders.push(`${rel}${name} loads ../shared`);
        }
      }
    };
    await walk(root, '');
    assert.deepStrictEqual(offenders, []);
  });
});
