// The protocol's rules about when a message may arrive, applied to every message before any handler
// sees it (the connection's message strategy), so each handler can assume a well-formed, timely call:
//   - before `initialize`: requests are answered -32002 and notifications dropped (except `exit`);
//   - a second `initialize` is answered -32600;
//   - after `shutdown`: requests are answered -32600 and notifications dropped (except `exit`);
//   - params of the wrong shape: a request is answered -32602 saying what is wrong, a notification is dropped;
//   - a `didChange` whose version is not newer than the document's is dropped, so the text and the
//     versions diagnostics are published with never go backwards.
// The library answers a request only from a handler, so a refused request is passed on under a method
// whose one handler throws the refusal.

import { ErrorCodes, ResponseError, type Connection, type ConnectionOptions, type Message } from 'vscode-languageserver';
import { paramsProblem } from './paramChecks';

const REFUSED = '$/yealinkCfg/refused';

type State = 'new' | 'running' | 'shutDown';

interface Incoming {
  jsonrpc: string;
  id?: number | string | null;
  method?: string;
  params?: unknown;
}

export class ProtocolGate {
  private state: State = 'new';
  private connection: Connection | undefined;
  /** The version of each open document, as the client last told it. */
  private readonly versions = new Map<string, number>();

  get shutdownReceived(): boolean {
    return this.state === 'shutDown';
  }

  /** Options for createConnection: every incoming message passes through the gate first. */
  connectionOptions(): ConnectionOptions {
    return { messageStrategy: { handleMessage: (message, next) => this.handle(message as Incoming, next as (m: Message) => void) } };
  }

  /** Registers the handler that answers refused requests; call before the connection listens. */
  install(connection: Connection): void {
    this.connection = connection;
    connection.onRequest(REFUSED, (p: { code: number; message: string }) => {
      throw new ResponseError(p.code, p.message);
    });
  }

  private handle(message: Incoming, next: (m: Message) => void): void {
    if (typeof message.method !== 'string') return next(message as Message); // a response to our own request
    const isRequest = message.id !== undefined && message.id !== null;
    let refusal: { code?: number; message: string } | undefined;
    try {
      refusal = isRequest ? this.refuseRequest(message.method, message.params) : this.refuseNotification(message.method, message.params);
    } catch (e) {
      // The gate must never be what stops the server: on a fault of its own it lets the message through.
      console.error(`Protocol check of ${message.method} failed: ${e instanceof Error ? e.message : String(e)}`);
    }
    if (!refusal) return next(message as Message);
    if (isRequest) next({ jsonrpc: '2.0', id: message.id, method: REFUSED, params: refusal } as Message);
    else this.log(`Ignored ${message.method}: ${refusal.message}`);
  }

  private refuseRequest(method: string, params: unknown): { code: number; message: string } | undefined {
    if (this.state === 'new' && method !== 'initialize') {
      return { code: ErrorCodes.ServerNotInitialized, message: `The server is not initialized: ${method} must come after initialize.` };
    }
    if (this.state === 'running' && method === 'initialize') {
      return { code: ErrorCodes.InvalidRequest, message: 'The server is already initialized: initialize may be sent once.' };
    }
    if (this.state === 'shutDown') {
      return { code: ErrorCodes.InvalidRequest, message: `The server is shutting down: ${method} came after shutdown; only exit is accepted.` };
    }
    const problem = paramsProblem(method, params);
    if (problem) return { code: ErrorCodes.InvalidParams, message: `Invalid params for ${method}: ${problem}.` };
    if (method === 'initialize') this.state = 'running';
    if (method === 'shutdown') this.state = 'shutDown';
    return undefined;
  }

  private refuseNotification(method: string, params: unknown): { message: string } | undefined {
    if (method === 'exit') return undefined;
    if (this.state === 'new') return { message: 'it came before initialize' };
    if (this.state === 'shutDown') return { message: 'it came after shutdown' };
    const problem = paramsProblem(method, params);
    if (problem) return { message: `invalid params: ${problem}` };
    return method.startsWith('textDocument/') ? this.checkVersion(method, params as { textDocument: { uri: string; version?: number } }) : undefined;
  }

  private checkVersion(method: string, params: { textDocument: { uri: string; version?: number } }): { message: string } | undefined {
    const { uri, version } = params.textDocument;
    if (method === 'textDocument/didOpen') this.versions.set(uri, version!);
    else if (method === 'textDocument/didClose') this.versions.delete(uri);
    else if (method === 'textDocument/didChange') {
      const known = this.versions.get(uri);
      if (known !== undefined && version! <= known) return { message: `version ${version} of ${uri} is not newer than ${known}` };
      this.versions.set(uri, version!);
    }
    return undefined;
  }

  private log(text: string): void {
    if (this.state === 'running') this.connection?.console.warn(text);
    else console.error(text);
  }
}
