// What the .vsix holds, as `vsce ls` lists it from .vscodeignore: every file VS Code reads at run time
// (the manifest's entries and contributions, the README's pictures), each once, and nothing else.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { ensureBuilt, ROOT } from './helpers/build';

function packaged(): string[] {
  for (const bundle of ['extension.js', 'server.js', 'serverCore.js', 'catalog.json']) ensureBuilt(bundle);
  const out = execFileSync(process.execPath, [join(ROOT, 'node_modules/@vscode/vsce/vsce'), 'ls', '--no-dependencies'], { cwd: ROOT, encoding: 'utf8' });
  return out.split('\n').filter(Boolean).sort();
}

const rel = (p: string) => p.replace(/^\.\//, '');

describe('the .vsix', () => {
  const files = packaged();

  it('holds exactly the manifest, the bundles, the catalogue, the contributions and the README pictures', () => {
    assert.deepEqual(files, [
      'CHANGELOG.md',
      'LICENSE',
      'README.md',
      'dist/catalog.json',
      'dist/extension.js',
      'dist/server.js',
      'dist/serverCore.js',
      'dist/yealink-cfg.schema.json',
      'docs/images/completion-names.webp',
      'docs/images/completion-values.webp',
      'docs/images/diagnostics.webp',
      'docs/images/effective.webp',
      'docs/images/hover.webp',
      'docs/images/icon.png',
      'docs/images/inlay-hints.webp',
      'docs/images/outline.webp',
      'docs/images/quickfix.webp',
      'docs/images/site-hover.webp',
      'language-configuration.json',
      'package.json',
      'snippets/yealink-cfg.code-snippets',
      'syntaxes/yealink-cfg.tmLanguage.json',
    ]);
  });

  it('ships every file the manifest names and every picture the README shows', () => {
    const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
    const c = manifest.contributes;
    const named = [
      manifest.main,
      manifest.browser,
      manifest.icon,
      ...c.languages.map((l: { configuration?: string }) => l.configuration).filter(Boolean),
      ...c.grammars.map((g: { path: string }) => g.path),
      ...c.snippets.map((s: { path: string }) => s.path),
      ...c.jsonValidation.map((j: { url: string }) => j.url),
    ].map(rel);
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    const pictures = [...readme.matchAll(/!\[[^\]]*\]\(([^)\s]+)\)/g)].map((m) => m[1]).filter((u) => !/^https?:/.test(u));
    assert.equal(pictures.length, 9);
    assert.deepEqual([...named, ...pictures].filter((f) => !files.includes(rel(f))), []);
  });

  it('ships one client and one server for both hosts, no source maps and no file twice', () => {
    const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
    assert.equal(manifest.browser, manifest.main);
    assert.deepEqual(files.filter((f) => f.endsWith('.map')), []);
    const byHash = new Map<string, string[]>();
    for (const f of files) {
      const h = createHash('sha256').update(readFileSync(join(ROOT, f))).digest('hex');
      byHash.set(h, [...(byHash.get(h) ?? []), f]);
    }
    assert.deepEqual([...byHash.values()].filter((same) => same.length > 1), []);
  });

  it('holds the catalogue once: no bundle carries a copy of it', () => {
    const name = 'account.X.sip_server.Y.failback_mode';
    const carriers = files.filter((f) => f.startsWith('dist/') && readFileSync(join(ROOT, f), 'utf8').includes(name));
    assert.deepEqual(carriers, ['dist/catalog.json']);
  });
});
