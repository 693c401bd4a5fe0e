// The stdio transport of the Node entry, made strict: a framing error (a Content-Length that does not
// match the body, a header without one, a body that is not JSON, a message that never completes) is
// written to stderr and ends the process with a non-zero status, so the client sees the failure and
// can restart the server instead of waiting forever on a desynchronised stream.

import { format } from 'node:util';
import { StreamMessageReader, StreamMessageWriter, type MessageReader, type MessageWriter } from 'vscode-languageserver/node';

/** Exit status after a framing error. */
export const FRAMING_ERROR_EXIT = 2;

function fail(reason: string): never {
  process.stderr.write(`yealink-cfg-language-server: framing error: ${reason}; exiting so that the client can restart the server\n`);
  process.exit(FRAMING_ERROR_EXIT);
}

/**
 * Reader and writer over stdin/stdout. `exitStatus` says how to end when stdin closes (0 after a
 * shutdown request, 1 otherwise, as the protocol asks).
 */
export function strictStdio(exitStatus: () => number): [MessageReader, MessageWriter] {
  // stdout carries the protocol: anything written to the console goes to stderr instead.
  for (const level of ['log', 'info', 'warn', 'error', 'debug'] as const) {
    console[level] = (...args: unknown[]) => void process.stderr.write(`${format(...args)}\n`);
  }
  const reader = new StreamMessageReader(process.stdin);
  reader.onError((e) => fail(e instanceof Error ? e.message.split('\n')[0] : String(e)));
  reader.onPartialMessage((info) => fail(`a message announced by its Content-Length was still incomplete after ${info.waitingTime} ms`));
  reader.onClose(() => process.exit(exitStatus()));
  process.stdin.on('error', (e) => fail(e.message));
  return [reader, new StreamMessageWriter(process.stdout)];
}
