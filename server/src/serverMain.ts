// Entry of the language server bundle (dist/serverCore.js), one for every host: a Node process
// (`node dist/server.js --stdio` for any editor, IPC for VS Code; dist/server.js runs this bundle
// through a code cache, see node/cachedStart.ts) runs node/serverMain.ts, a web
// worker (vscode.dev, github.dev; started by the browser client) runs browser/serverMain.ts. Only the
// host's own entry is evaluated, so the worker never loads a Node module; the shared code ships once.

if (typeof importScripts === 'function' || typeof process === 'undefined') {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  require('./browser/serverMain');
} else {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  require('./node/serverMain');
}
