// A full garbage collection on demand, for the language server to call after documents close: V8 keeps
// a grown heap for later use, and a server that had large files open would otherwise keep their memory.

import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

export function fullCollection(): (() => void) | undefined {
  const exposed = (globalThis as { gc?: () => void }).gc;
  if (exposed) return exposed;
  try {
    setFlagsFromString('--expose-gc');
    const gc: unknown = runInNewContext('gc');
    return typeof gc === 'function' ? (gc as () => void) : undefined;
  } catch {
    return undefined;
  }
}
