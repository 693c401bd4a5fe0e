// Web-worker entry of the language server (vscode.dev and other browser hosts).
import { BrowserMessageReader, BrowserMessageWriter, createConnection, ProposedFeatures } from 'vscode-languageserver/browser';
import { clientFileSource } from '../lsp/clientFileSource';
import { ProtocolGate } from '../lsp/protocolGate';
import { startServer } from '../lsp/server';

declare const self: DedicatedWorkerGlobalScope;
const gate = new ProtocolGate();
const connection = createConnection(ProposedFeatures.all, new BrowserMessageReader(self), new BrowserMessageWriter(self), gate.connectionOptions());
startServer(connection, { fileSource: clientFileSource, gate });
