// Node entry of the language server: `node dist/server.js --stdio` (any editor) or IPC (VS Code).
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startServer } from '../lsp/server';
import { nodeFileSource } from './fileSource';

startServer(createConnection(ProposedFeatures.all), { fileSource: () => nodeFileSource });
