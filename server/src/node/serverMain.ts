// Node entry of the language server: `node dist/server.js --stdio` (any editor) or IPC (VS Code).
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { setMemoryRelease } from '../lsp/documents';
import { ProtocolGate } from '../lsp/protocolGate';
import { startServer } from '../lsp/server';
import { nodeFileSource } from './fileSource';
import { fullCollection } from './memory';
import { strictStdio } from './transport';

setMemoryRelease(fullCollection());

const gate = new ProtocolGate();
const options = gate.connectionOptions();
const connection = process.argv.includes('--stdio')
  ? createConnection(ProposedFeatures.all, ...strictStdio(() => (gate.shutdownReceived ? 0 : 1)), options)
  : createConnection(ProposedFeatures.all, options);
startServer(connection, { fileSource: () => nodeFileSource, gate });
