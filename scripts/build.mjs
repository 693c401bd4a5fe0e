#!/usr/bin/env node
// Builds the catalogue and bundles the client, the language server (each one file for the Node host
// and the web host alike) and the command line into dist/ with esbuild, so the .vsix needs no node_modules.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
// dist/ holds only what this build writes: a file an older layout left there would be packaged.
rmSync(join(root, 'dist'), { recursive: true, force: true });
execFileSync(process.execPath, [join(root, 'scripts/build-catalog.mjs')], { stdio: 'inherit' });
const watch = process.argv.includes('--watch');
// The catalogue ships once: dist/catalog.json, read by the Node server (on first use, after it has
// answered initialize) and the command line. The web worker cannot read files: the browser client reads
// the same file and hands it to the worker as the global `yealinkCatalog` (client/src/browser/startClient.ts).
// None of them needs the sources of each fact, which stay in the repository's data files.
const catalogPath = join(root, 'server/generated/catalog.json');
const catalog = JSON.parse(readFileSync(catalogPath, 'utf8'));
for (const e of catalog.entries) delete e.sources;
const shippedCatalog = JSON.stringify(catalog);
mkdirSync(join(root, 'dist'), { recursive: true });
writeFileSync(join(root, 'dist/catalog.json'), shippedCatalog);
const CATALOG = /[\\/]generated[\\/]catalog\.json$/;
const catalogFile = {
  name: 'catalog-file',
  setup(b) {
    b.onResolve({ filter: /generated\/catalog\.json$/ }, () => ({ path: './catalog.json', external: true }));
  },
};
/** The server bundle's catalogue: the global in a web worker, dist/catalog.json on Node. */
const catalogEitherWay = {
  name: 'catalog-either-way',
  setup(b) {
    b.onResolve({ filter: /^\.\/catalog\.json$/ }, () => ({ path: './catalog.json', external: true }));
    b.onLoad({ filter: CATALOG }, () => ({
      contents: `
        const c = globalThis.yealinkCatalog;
        if (c === undefined && typeof process === 'object' && typeof importScripts !== 'function') module.exports = require('./catalog.json');
        else if (!c || !Array.isArray(c.entries)) throw new Error('yealink-cfg: the worker was started without the catalogue (globalThis.yealinkCatalog)');
        else module.exports = c;`,
      loader: 'js',
    }));
  },
};
// The protocol libraries' bare names resolve to their Node main, which loads Node modules and installs the Node
// runtime layer as it is evaluated. Code shared by both hosts (theirs and ours) gets their host-neutral part;
// each host's half then loads its own main (`vscode-languageclient/node` or `/browser`, the same for the server),
// which installs its layer.
const hostNeutral = {
  name: 'host-neutral',
  setup(b) {
    b.onResolve({ filter: /^(vscode-jsonrpc|vscode-languageserver-protocol|vscode-languageclient|vscode-languageserver)\/?$/ }, (args) => ({
      path: join(root, 'node_modules', args.path.replace(/\/$/, ''), 'lib/common/api.js'),
    }));
    // its Node build is a UMD module that reads the free variable `require`, which a web worker lacks
    b.onResolve({ filter: /^vscode-languageserver-types$/ }, () => ({ path: join(root, 'node_modules/vscode-languageserver-types/lib/esm/main.js') }));
  },
};
// The protocol libraries require crypto (a random pipe name) and child_process (resolving global
// modules) when they load, for transports and helpers the server never uses over stdio or IPC (loading
// the two is a few percent of a bare node start, paid before the server could answer initialize). Here
// they load on first use of one of their functions instead.
const lazyBuiltins = {
  name: 'lazy-builtins',
  setup(b) {
    b.onResolve({ filter: /^(crypto|child_process)$/ }, (args) =>
      /[\\/]node_modules[\\/]vscode-(jsonrpc|languageserver)[\\/]/.test(args.importer) ? { path: args.path, namespace: 'lazy-builtin' } : undefined,
    );
    b.onLoad({ filter: /.*/, namespace: 'lazy-builtin' }, (args) => ({
      contents: `let m; module.exports = new Proxy({}, { get: (_, key) => (m ??= require(${JSON.stringify(args.path)}))[key] });`,
      loader: 'js',
    }));
  },
};
// Each of our files that imports from the protocol library got its own copy of the library's ~300
// exports (esbuild's interop copies a CommonJS module's properties for every ES module importing it):
// twelve copies, about an eighth of what the server ran beyond a bare node start before answering
// initialize (counted in instructions). Our files share one re-exporting module instead, copied once
// (its own import of the library is resolved by hostNeutral).
const protocolOnce = {
  name: 'protocol-once',
  setup(b) {
    b.onResolve({ filter: /^vscode-languageserver$/ }, (args) =>
      /[\\/]server[\\/]src[\\/]/.test(args.importer) ? { path: args.path, namespace: 'protocol-once' } : undefined,
    );
    b.onLoad({ filter: /.*/, namespace: 'protocol-once' }, (args) => ({ contents: `export * from ${JSON.stringify(args.path)};`, resolveDir: root, loader: 'js' }));
  },
};
const common = { bundle: true, sourcemap: true, minify: !watch, logLevel: 'warning', absWorkingDir: root, target: 'node20' };
await Promise.all([
  // the client, for the Node host (package.json `main`) and the web host (`browser`: vscode.dev, github.dev), which
  // loads it as CommonJS with only `vscode` to require; each host's half is evaluated only there (client/src/extension.ts)
  build({ ...common, entryPoints: ['client/src/extension.ts'], outfile: 'dist/extension.js', platform: 'node', format: 'cjs', target: 'es2022', external: ['vscode'], plugins: [hostNeutral] }),
  // the server, for a Node process and for the web worker the browser client starts from it (server/src/serverMain.ts)
  build({ ...common, entryPoints: ['server/src/serverMain.ts'], outfile: 'dist/serverCore.js', platform: 'node', format: 'cjs', target: 'es2022', plugins: [protocolOnce, hostNeutral, catalogEitherWay, lazyBuiltins] }),
  // the Node entry, which runs dist/serverCore.js through a V8 code cache (server/src/node/cachedStart.ts)
  build({ ...common, entryPoints: ['server/src/node/cachedStart.ts'], outfile: 'dist/server.js', platform: 'node', format: 'cjs', target: 'es2022' }),
  build({ ...common, entryPoints: ['server/src/cli/main.ts'], outfile: 'dist/cli.js', platform: 'node', format: 'cjs', plugins: [catalogFile], banner: { js: '#!/usr/bin/env node' } }),
]);
await writeConfigSchema();
console.log('built dist/extension.js, dist/server.js, dist/serverCore.js, dist/cli.js, dist/catalog.json, dist/yealink-cfg.schema.json');

/** The JSON Schema of yealink-cfg.json, generated from the settings in package.json (jsonValidation). */
async function writeConfigSchema() {
  const out = await build({
    stdin: { contents: "module.exports = require('./server/src/config/projectConfig').projectConfigSchema();", resolveDir: root, loader: 'ts' },
    bundle: true, platform: 'node', format: 'cjs', write: false, logLevel: 'warning',
  });
  const module = { exports: {} };
  new Function('module', 'exports', 'require', out.outputFiles[0].text)(module, module.exports, createRequire(import.meta.url));
  writeFileSync(join(root, 'dist', 'yealink-cfg.schema.json'), `${JSON.stringify(module.exports, null, 2)}\n`);
}
