// Checks a value against the subset of JSON Schema that our settings and the catalogue use, keeping
// what is valid: a bad field is dropped (its default applies), a bad array item or object property is
// dropped, and every drop is described with the path of the field. Nothing here throws on any input.
// (A validator library rejects a whole document; settings need "use the valid fields".)

export interface JsonSchema {
  type?: string | string[];
  enum?: unknown[];
  const?: unknown;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  propertyNames?: JsonSchema;
  items?: JsonSchema;
  minItems?: number;
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  oneOf?: JsonSchema[];
  anyOf?: JsonSchema[];
  $ref?: string;
  definitions?: Record<string, JsonSchema>;
  [other: string]: unknown;
}

export interface Checked {
  /** The value with its invalid parts removed; undefined when nothing of it is valid. */
  value: unknown;
  /** One sentence per dropped part, naming its path. */
  problems: string[];
}

interface Walk {
  root: JsonSchema;
  problems: string[];
}

function kindOf(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  if (typeof v === 'number') return Number.isInteger(v) ? 'integer' : 'number';
  return typeof v;
}

/** How a bad value is shown in a message: short, never a whole object. */
export function shownValue(v: unknown): string {
  if (typeof v === 'string') return JSON.stringify(v.length > 40 ? `${v.slice(0, 37)}...` : v);
  if (Array.isArray(v)) return 'a list';
  if (v !== null && typeof v === 'object') return 'an object';
  return String(v);
}

function typeMatches(v: unknown, type: string | string[] | undefined): boolean {
  if (type === undefined) return true;
  const k = kindOf(v);
  return (Array.isArray(type) ? type : [type]).some((t) => t === k || (t === 'number' && k === 'integer'));
}

const ARTICLE: Record<string, string> = {
  string: 'a string', number: 'a number', integer: 'a whole number', boolean: 'true or false', object: 'an object', array: 'a list', null: 'null',
};

function describeType(type: string | string[]): string {
  return (Array.isArray(type) ? type : [type]).map((t) => ARTICLE[t] ?? t).join(' or ');
}

function resolve(schema: JsonSchema, w: Walk): JsonSchema {
  if (!schema.$ref) return schema;
  const m = /^#\/definitions\/(.+)$/.exec(schema.$ref);
  return (m && w.root.definitions?.[m[1]]) || {};
}

/** A problem with a scalar (type, enum, range, length, pattern); undefined when it passes. */
function scalarProblem(v: unknown, s: JsonSchema): string | undefined {
  if (s.type !== undefined && !typeMatches(v, s.type)) return `must be ${describeType(s.type)}, not ${shownValue(v)}`;
  if (s.const !== undefined && v !== s.const) return `must be ${JSON.stringify(s.const)}, not ${shownValue(v)}`;
  if (s.enum && !s.enum.includes(v)) return `must be one of ${s.enum.map((e) => JSON.stringify(e)).join(', ')}, not ${shownValue(v)}`;
  if (typeof v === 'number') {
    if (s.minimum !== undefined && v < s.minimum) return `must be at least ${s.minimum}, not ${v}`;
    if (s.maximum !== undefined && v > s.maximum) return `must be at most ${s.maximum}, not ${v}`;
    if (!Number.isFinite(v)) return `must be a finite number`;
  }
  if (typeof v === 'string') {
    if (s.minLength !== undefined && v.length < s.minLength) return s.minLength === 1 ? 'must not be empty' : `must have at least ${s.minLength} characters`;
    if (s.maxLength !== undefined && v.length > s.maxLength) return `must have at most ${s.maxLength} characters`;
    if (s.pattern !== undefined && !safeTest(s.pattern, v)) return `has the wrong form: ${shownValue(v)}`;
  }
  return undefined;
}

function safeTest(pattern: string, v: string): boolean {
  try {
    return new RegExp(pattern, 'u').test(v);
  } catch {
    return true;
  }
}

/** Sets a property even when its name is `__proto__`, so no input can change an object's prototype. */
function define(o: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(o, key, { value, enumerable: true, writable: true, configurable: true });
}

function checkObject(v: Record<string, unknown>, s: JsonSchema, path: string, w: Walk): unknown {
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(v)) {
    const at = path ? `${path}.${key}` : key;
    const own = s.properties && Object.hasOwn(s.properties, key) ? s.properties[key] : undefined;
    const sub = own ?? (typeof s.additionalProperties === 'object' ? s.additionalProperties : undefined);
    if (!sub) {
      if (s.additionalProperties === false) w.problems.push(`${at}: unknown field`);
      else define(out, key, item);
      continue;
    }
    const nameProblem = s.propertyNames && !own ? scalarProblem(key, resolve(s.propertyNames, w)) : undefined;
    if (nameProblem) {
      w.problems.push(`${at}: the name ${nameProblem}`);
      continue;
    }
    const checked = checkAt(item, sub, at, w);
    if (checked !== undefined) define(out, key, checked);
  }
  for (const req of s.required ?? []) {
    if (!Object.hasOwn(out, req)) {
      if (!Object.hasOwn(v, req)) w.problems.push(`${path ? `${path}.` : ''}${req}: missing (required)`);
      return undefined;
    }
  }
  return out;
}

function checkArray(v: unknown[], s: JsonSchema, path: string, w: Walk): unknown {
  const out: unknown[] = [];
  v.forEach((item, i) => {
    const checked = s.items ? checkAt(item, s.items, `${path}[${i}]`, w) : item;
    if (checked !== undefined) out.push(checked);
  });
  if (s.minItems !== undefined && out.length < s.minItems) {
    w.problems.push(`${path}: must have at least ${s.minItems} item${s.minItems === 1 ? '' : 's'}`);
    return undefined;
  }
  return out;
}

/** oneOf/anyOf: the first branch that takes the value whole; else the problems of the closest branch. */
function checkAlternatives(v: unknown, branches: JsonSchema[], path: string, w: Walk): unknown {
  let best: { problems: string[]; value: unknown } | undefined;
  for (const b of branches) {
    const trial: Walk = { root: w.root, problems: [] };
    const value = checkAt(v, b, path, trial);
    if (trial.problems.length === 0 && value !== undefined) return value;
    if (!best || trial.problems.length < best.problems.length) best = { problems: trial.problems, value: undefined };
  }
  w.problems.push(...(best?.problems.length ? best.problems : [`${path}: matches none of the allowed forms`]));
  return undefined;
}

function checkAt(v: unknown, schema: JsonSchema, path: string, w: Walk): unknown {
  const s = resolve(schema, w);
  if (s.oneOf || s.anyOf) return checkAlternatives(v, (s.oneOf ?? s.anyOf)!, path, w);
  const problem = scalarProblem(v, s);
  if (problem) {
    w.problems.push(`${path}: ${problem}`);
    return undefined;
  }
  if (Array.isArray(v)) return checkArray(v, s, path, w);
  if (v !== null && typeof v === 'object') return checkObject(v as Record<string, unknown>, s, path, w);
  return v;
}

/** Checks `value` against `schema`; `path` prefixes every problem (e.g. "yealinkCfg"). */
export function checkAgainstSchema(value: unknown, schema: JsonSchema, path = ''): Checked {
  const w: Walk = { root: schema, problems: [] };
  const checked = checkAt(value, schema, path, w);
  return { value: checked, problems: w.problems };
}
