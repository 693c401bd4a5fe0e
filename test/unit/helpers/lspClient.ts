// A plain LSP client over stdio against the bundled server (dist/server.js), for protocol tests.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { join } from 'node:path';
import {
  CancellationTokenSource,
  createMessageConnection,
  ResponseError,
  StreamMessageReader,
  StreamMessageWriter,
  type MessageConnection,
} from 'vscode-jsonrpc/node';
import { ensureBuilt, ROOT } from './build';

export const SERVER = join(ROOT, 'dist', 'server.js');
const WAIT_MS = 20_000;

export function within<T>(p: Promise<T>, what: string, ms = WAIT_MS): Promise<T> {
  let timer: ReturnType<typeof setTimeout>;
  return Promise.race([
    p,
    new Promise<T>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms waiting for ${what}`)), ms);
    }),
  ]).finally(() => clearTimeout(timer));
}

export interface Published {
  uri: string;
  version?: number;
  diagnostics: {
    range: { start: { line: number; character: number }; end: { line: number; character: number } };
    code: string;
    message: string;
    severity: number;
    source: string;
    data?: unknown;
  }[];
}

/** A server process with a JSON-RPC connection; every publishDiagnostics is recorded in order. */
export class LspClient {
  readonly child: ChildProcessWithoutNullStreams;
  readonly conn: MessageConnection;
  readonly exited: Promise<number | null>;
  readonly published: Published[] = [];
  private listeners: (() => void)[] = [];
  stderr = '';

  /**
   * `nodeArgs`: options for the server's Node process, such as a heap limit; `waitMs`: how long any
   * answer may take; `env`: variables added to the server's environment.
   */
  constructor(nodeArgs: string[] = [], readonly waitMs = WAIT_MS, env: NodeJS.ProcessEnv = {}) {
    ensureBuilt('server.js');
    this.child = spawn(process.execPath, [...nodeArgs, SERVER, '--stdio'], { cwd: ROOT, env: { ...process.env, ...env } });
    this.child.stderr.on('data', (d) => (this.stderr += d));
    this.exited = new Promise((resolve) => this.child.on('exit', (code) => resolve(code)));
    this.conn = createMessageConnection(new StreamMessageReader(this.child.stdout), new StreamMessageWriter(this.child.stdin));
    this.conn.onNotification('textDocument/publishDiagnostics', (p: Published) => {
      this.published.push(p);
      for (const l of this.listeners) l();
    });
    this.conn.onRequest('workspace/configuration', (p: { items: unknown[] }) => p.items.map(() => null));
    this.conn.onRequest('client/registerCapability', () => null);
    this.conn.onRequest('workspace/diagnostic/refresh', () => null);
    this.conn.listen();
  }

  request<R>(method: string, params: unknown, token?: CancellationTokenSource): Promise<R> {
    return within(token ? this.conn.sendRequest<R>(method, params, token.token) : this.conn.sendRequest<R>(method, params), method, this.waitMs);
  }

  /** The error a request is answered with (fails when it succeeds). */
  async requestError(method: string, params: unknown, token?: CancellationTokenSource): Promise<{ code: number; message: string }> {
    try {
      const r = await this.request(method, params, token);
      throw new Error(`${method} succeeded with ${JSON.stringify(r)}`);
    } catch (e) {
      if (e instanceof ResponseError) return { code: e.code, message: e.message };
      throw e;
    }
  }

  notify(method: string, params?: unknown): Promise<void> {
    return this.conn.sendNotification(method, params);
  }

  async initialize(capabilities: object = {}): Promise<{ capabilities: Record<string, unknown>; serverInfo?: { name: string } }> {
    const r = await this.request<{ capabilities: Record<string, unknown>; serverInfo?: { name: string } }>('initialize', { processId: process.pid, rootUri: null, capabilities });
    await this.notify('initialized', {});
    return r;
  }

  open(uri: string, text: string, version = 1): Promise<void> {
    return this.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'yealink-cfg', version, text } });
  }

  change(uri: string, version: number, contentChanges: unknown[]): Promise<void> {
    return this.notify('textDocument/didChange', { textDocument: { uri, version }, contentChanges });
  }

  /** Waits until a publishDiagnostics for the URI satisfies the predicate; returns it. */
  waitForDiagnostics(uri: string, ok: (p: Published) => boolean = () => true, what = `diagnostics for ${uri}`): Promise<Published> {
    const find = () => [...this.published].reverse().find((p) => p.uri === uri && ok(p));
    const hit = find();
    if (hit) return Promise.resolve(hit);
    return within(
      new Promise<Published>((resolve) => {
        const l = () => {
          const p = find();
          if (p) {
            this.listeners = this.listeners.filter((x) => x !== l);
            resolve(p);
          }
        };
        this.listeners.push(l);
      }),
      what,
      this.waitMs,
    );
  }

  async shutdown(): Promise<number | null> {
    await this.request('shutdown', null);
    await this.notify('exit');
    const code = await within(this.exited, 'the server to exit', this.waitMs);
    this.conn.dispose();
    return code;
  }

  kill(): void {
    if (this.child.exitCode === null && this.child.signalCode === null) this.child.kill();
    this.conn.dispose();
  }
}
