// Figures of the shipped package: the catalogue's heap and the .vsix size.

import { execFileSync } from 'node:child_process';
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { note, sizeRow } from './report';

export function catalogHeapFigures(root: string, file: string): void {
  const out = execFileSync(process.execPath, ['--expose-gc', '--import', 'tsx', join(root, 'scripts/bench/catalogHeap.ts'), file], {
    cwd: root,
    encoding: 'utf8',
  });
  const r = JSON.parse(out) as { loaded: number; afterUse: number; entries: number };
  console.log(`\ncatalogue (${r.entries} entries), heap measured in its own process after gc`);
  sizeRow('heap of the loaded catalogue', r.loaded, 'MiB', 15);
  sizeRow('... after checking the 20,000-line file', r.afterUse, 'MiB');
}

/** Packs the extension as vsce does for the marketplace and reports the file's size. */
export function vsixFigures(root: string, tmp: string): void {
  const out = join(tmp, 'bench.vsix');
  try {
    execFileSync(
      process.execPath,
      [join(root, 'node_modules/@vscode/vsce/vsce'), 'package', '--no-dependencies', '--allow-missing-repository', '--no-rewrite-relative-links', '--out', out],
      { cwd: root, stdio: 'pipe' },
    );
  } catch (e) {
    note(`vsce package failed: ${(e as Error).message.split('\n')[0]}`);
    return;
  }
  const files = execFileSync('unzip', ['-l', out], { encoding: 'utf8' })
    .split('\n')
    .map((l) => /^\s*(\d+)\s+\S+\s+\S+\s+(extension\/.*)$/.exec(l))
    .filter((m): m is RegExpExecArray => !!m)
    .sort((a, b) => Number(b[1]) - Number(a[1]));
  console.log('\npackage');
  sizeRow('.vsix size', statSync(out).size / 1000, 'KB', 600);
  note(`${files.length} files; largest unpacked: ${files.slice(0, 5).map((m) => `${m[2].slice('extension/'.length)} ${(Number(m[1]) / 1000).toFixed(0)} KB`).join(', ')}`);
}
