// Web-worker entry of the language server (vscode.dev and other browser hosts).
import { BrowserMessageReader, BrowserMessageWriter, createConnection, ProposedFeatures } from 'vscode-languageserver/browser';
import { clientFileSource } from '../lsp/clientFileSource';
import { startServer } from '../lsp/server';

declare const self: DedicatedWorkerGlobalScope;
startServer(createConnection(ProposedFeatures.all, new BrowserMessageReader(self), new BrowserMessageWriter(self)), { fileSource: clientFileSource });
