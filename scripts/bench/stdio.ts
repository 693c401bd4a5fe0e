// The standalone server as an editor sees it: `node dist/server.js --stdio`, push diagnostics with a
// debounce of 0, timed from the moment a message is written to the moment its answer arrives.

import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';
import { now } from './report';

interface Published {
  uri: string;
  version?: number;
  diagnostics: unknown[];
}

export class StdioServer {
  readonly child: ChildProcessWithoutNullStreams;
  readonly conn: MessageConnection;
  private waiters: { uri: string; version?: number; resolve: (p: Published) => void }[] = [];

  constructor(serverPath: string, env: NodeJS.ProcessEnv = {}) {
    this.child = spawn(process.execPath, [serverPath, '--stdio'], { stdio: 'pipe', env: { ...process.env, ...env } });
    this.child.stderr.on('data', () => undefined);
    this.conn = createMessageConnection(new StreamMessageReader(this.child.stdout), new StreamMessageWriter(this.child.stdin));
    this.conn.onNotification('textDocument/publishDiagnostics', (p: Published) => {
      const w = this.waiters.find((x) => x.uri === p.uri && (x.version === undefined || x.version === p.version));
      if (!w) return;
      this.waiters = this.waiters.filter((x) => x !== w);
      w.resolve(p);
    });
    this.conn.listen();
  }

  /** Milliseconds from spawning to the initialize answer (the spawn happened in the constructor). */
  async initialize(): Promise<void> {
    await this.conn.sendRequest('initialize', {
      processId: process.pid,
      rootUri: null,
      // What VS Code's client says about completion: snippets, resolving documentation, list item defaults.
      capabilities: {
        textDocument: {
          completion: {
            completionItem: { snippetSupport: true, resolveSupport: { properties: ['documentation', 'detail'] } },
            completionList: { itemDefaults: ['commitCharacters', 'editRange', 'insertTextFormat', 'insertTextMode', 'data'] },
          },
        },
      },
      initializationOptions: { settings: { validation: { debounceMs: 0 } } },
    });
    await this.conn.sendNotification('initialized', {});
  }

  diagnostics(uri: string, version?: number): Promise<Published> {
    return new Promise((resolve) => this.waiters.push({ uri, version, resolve }));
  }

  async open(uri: string, text: string, version = 1): Promise<Published> {
    const p = this.diagnostics(uri, version);
    await this.conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'yealink-cfg', version, text } });
    return p;
  }

  async change(uri: string, version: number, changes: unknown[]): Promise<Published> {
    const p = this.diagnostics(uri, version);
    await this.conn.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: changes });
    return p;
  }

  async close(uri: string): Promise<void> {
    const p = this.diagnostics(uri);
    await this.conn.sendNotification('textDocument/didClose', { textDocument: { uri } });
    await p;
  }

  request<R>(method: string, params: unknown): Promise<R> {
    return this.conn.sendRequest<R>(method, params);
  }

  /** The server process's resident set, from /proc (Linux); NaN elsewhere. */
  rssMiB(): number {
    try {
      const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${this.child.pid}/status`, 'utf8'));
      return m ? Number(m[1]) / 1024 : NaN;
    } catch {
      return NaN;
    }
  }

  async stop(): Promise<void> {
    try {
      await Promise.race([this.conn.sendRequest('shutdown'), new Promise((r) => setTimeout(r, 2000))]);
      await this.conn.sendNotification('exit');
    } catch {
      // already gone
    }
    this.conn.dispose();
    this.child.kill();
  }
}

/** Milliseconds from spawning the server to its initialize answer. */
export async function coldStart(serverPath: string, env: NodeJS.ProcessEnv = {}): Promise<number> {
  const t0 = now();
  const s = new StdioServer(serverPath, env);
  await s.initialize();
  const ms = now() - t0;
  await s.stop();
  return ms;
}

/** Milliseconds from spawning a bare node to its first output: the floor of any cold start. */
export function bareNodeStart(): Promise<number> {
  return new Promise((resolve, reject) => {
    const t0 = now();
    const p = spawn(process.execPath, ['-e', 'process.stdout.write("ready")']);
    p.stdout.once('data', () => resolve(now() - t0));
    p.on('error', reject);
  });
}
