// The few Node `assert` functions the suites use, for the web worker, where there is no `assert`
// module: the web suite's bundle maps `assert` to this file (also for the shared e2e helpers).

export class AssertionError extends Error {}

function show(x: unknown): string {
  return typeof x === 'string' ? JSON.stringify(x) : JSON.stringify(x) ?? String(x);
}

export function ok(value: unknown, message?: string): asserts value {
  if (!value) throw new AssertionError(message ?? `expected a truthy value, got ${show(value)}`);
}

export function strictEqual<T>(actual: unknown, expected: T, message?: string): asserts actual is T {
  if (!Object.is(actual, expected)) throw new AssertionError(`${message ? message + '\n' : ''}expected ${show(expected)}, got ${show(actual)}`);
}

/** Deep equality of plain data (arrays, objects, primitives), compared as JSON. */
export function deepStrictEqual(actual: unknown, expected: unknown, message?: string): void {
  const a = JSON.stringify(actual);
  const e = JSON.stringify(expected);
  if (a !== e) throw new AssertionError(`${message ? message + '\n' : ''}expected ${e}\n     got ${a}`);
}

export function match(actual: string, re: RegExp, message?: string): void {
  if (!re.test(actual)) throw new AssertionError(message ?? `${show(actual)} does not match ${re}`);
}
