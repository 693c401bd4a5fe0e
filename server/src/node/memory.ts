// A full garbage collection on demand, for the language server to call after documents close: V8 keeps
// a grown heap for later use, and a server that had large files open would otherwise keep their memory.

/**
 * The collector, made callable the first time it is needed: exposing it takes a new V8 context and
 * two modules, which a server that never closes a document (or not yet) need not pay for at start.
 */
export function fullCollection(): () => void {
  let gc: (() => void) | null | undefined = (globalThis as { gc?: () => void }).gc;
  return () => {
    if (gc === undefined) gc = exposeCollector();
    gc?.();
  };
}

function exposeCollector(): (() => void) | null {
  try {
    // Required here, not imported: loading node:v8 and node:vm is part of the cost deferred.
    const { setFlagsFromString } = require('node:v8') as typeof import('node:v8');
    const { runInNewContext } = require('node:vm') as typeof import('node:vm');
    setFlagsFromString('--expose-gc');
    const gc: unknown = runInNewContext('gc');
    return typeof gc === 'function' ? (gc as () => void) : null;
  } catch {
    return null;
  }
}
