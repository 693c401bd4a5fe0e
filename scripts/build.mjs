#!/usr/bin/env node
// Builds the catalogue and bundles the client, the server (Node and web worker) and the command line
// into dist/ with esbuild: one file each, so the .vsix needs no node_modules.
import { execFileSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
execFileSync(process.execPath, [join(root, 'scripts/build-catalog.mjs')], { stdio: 'inherit' });
const watch = process.argv.includes('--watch');
const common = { bundle: true, sourcemap: true, minify: !watch, logLevel: 'warning', absWorkingDir: root, target: 'node20' };
await Promise.all([
  build({ ...common, entryPoints: ['client/src/extension.ts'], outfile: 'dist/extension.js', platform: 'node', format: 'cjs', external: ['vscode'] }),
  build({ ...common, entryPoints: ['server/src/node/serverMain.ts'], outfile: 'dist/server.js', platform: 'node', format: 'cjs' }),
  build({ ...common, entryPoints: ['server/src/cli/main.ts'], outfile: 'dist/cli.js', platform: 'node', format: 'cjs', banner: { js: '#!/usr/bin/env node' } }),
  build({ ...common, entryPoints: ['server/src/browser/serverMain.ts'], outfile: 'dist/browser/server.js', platform: 'browser', format: 'iife', target: 'es2022' }),
]);
console.log('built dist/extension.js, dist/server.js, dist/cli.js, dist/browser/server.js');
