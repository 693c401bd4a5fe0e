// Node entry of the language server (dist/server.js: `node dist/server.js --stdio` for any editor, IPC
// for VS Code). It runs the server bundle (dist/serverCore.js, which a web worker runs as it is) through
// a V8 code cache kept in the user's cache folder (YEALINK_CFG_CODE_CACHE names another folder, or
// `off`): see codeCache.ts.

import { join } from 'node:path';
import { runCached } from './codeCache';

runCached(join(__dirname, 'serverCore.js'));
