// The shape of each message's params, checked before any handler runs: a message with missing or
// malformed params is answered -32602 (a request) or dropped (a notification) with a clear reason,
// instead of reaching a handler that would fail with an internal TypeError. The rules are by method
// and by field name, so a handler added later gets them without doing anything.

type Check = (params: Record<string, unknown>) => string | undefined;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isCount = (v: unknown): boolean => typeof v === 'number' && Number.isInteger(v) && v >= 0;

function position(v: unknown, field: string): string | undefined {
  if (!isObject(v)) return `"${field}" must be a position {line, character}`;
  if (!isCount(v.line)) return `"${field}.line" must be a non-negative integer`;
  if (!isCount(v.character)) return `"${field}.character" must be a non-negative integer`;
  return undefined;
}

function range(v: unknown, field: string): string | undefined {
  if (!isObject(v)) return `"${field}" must be a range {start, end}`;
  return position(v.start, `${field}.start`) ?? position(v.end, `${field}.end`);
}

const required =
  (field: string, check: (v: unknown, field: string) => string | undefined): Check =>
  (p) =>
    check(p[field], field);

const string = (v: unknown, field: string) => (typeof v === 'string' ? undefined : `"${field}" must be a string`);
const object = (v: unknown, field: string) => (isObject(v) ? undefined : `"${field}" must be an object`);
const integer = (v: unknown, field: string) => (typeof v === 'number' && Number.isInteger(v) ? undefined : `"${field}" must be an integer`);

function textDocument(p: Record<string, unknown>): string | undefined {
  const td = p.textDocument;
  if (!isObject(td)) return '"textDocument" must be an object with a "uri"';
  return typeof td.uri === 'string' ? undefined : '"textDocument.uri" must be a string';
}

function didOpen(p: Record<string, unknown>): string | undefined {
  const td = p.textDocument as Record<string, unknown>;
  return string(td.text, 'textDocument.text') ?? integer(td.version, 'textDocument.version') ?? string(td.languageId, 'textDocument.languageId');
}

function didChange(p: Record<string, unknown>): string | undefined {
  const td = p.textDocument as Record<string, unknown>;
  const bad = integer(td.version, 'textDocument.version');
  if (bad) return bad;
  if (!Array.isArray(p.contentChanges)) return '"contentChanges" must be an array';
  for (const [i, c] of p.contentChanges.entries()) {
    if (!isObject(c)) return `"contentChanges[${i}]" must be an object`;
    const wrong = string(c.text, `contentChanges[${i}].text`) ?? (c.range === undefined ? undefined : range(c.range, `contentChanges[${i}].range`));
    if (wrong) return wrong;
  }
  return undefined;
}

function codeAction(p: Record<string, unknown>): string | undefined {
  const ctx = p.context;
  if (!isObject(ctx) || !Array.isArray(ctx.diagnostics)) return '"context.diagnostics" must be an array';
  for (const [i, d] of ctx.diagnostics.entries()) {
    const wrong = isObject(d) ? range(d.range, `context.diagnostics[${i}].range`) : `"context.diagnostics[${i}]" must be an object`;
    if (wrong) return wrong;
  }
  return undefined;
}

/** Rules beyond "params is an object" and the field rules below, by method. */
const BY_METHOD: Record<string, Check[]> = {
  initialize: [(p) => (p.processId === null || typeof p.processId === 'number' ? undefined : '"processId" must be a number or null'), required('capabilities', object)],
  'textDocument/didOpen': [didOpen],
  'textDocument/didChange': [didChange],
  'textDocument/codeAction': [required('range', range), codeAction],
  'textDocument/rename': [required('position', position), required('newName', string)],
  'textDocument/formatting': [required('options', object)],
  'textDocument/rangeFormatting': [required('range', range), required('options', object)],
  'textDocument/inlayHint': [required('range', range)],
  'workspace/executeCommand': [required('command', string)],
  'workspace/symbol': [required('query', string)],
  'completionItem/resolve': [required('label', string)],
  'workspace/didChangeConfiguration': [],
};

const POSITION_METHODS = new Set([
  'textDocument/hover',
  'textDocument/completion',
  'textDocument/definition',
  'textDocument/declaration',
  'textDocument/typeDefinition',
  'textDocument/implementation',
  'textDocument/references',
  'textDocument/documentHighlight',
  'textDocument/signatureHelp',
  'textDocument/prepareRename',
  'textDocument/linkedEditingRange',
]);

/** Standard methods that take params; others (shutdown, exit, a product's own requests) may omit them. */
const TAKES_PARAMS = /^(initialize$|textDocument\/|workspace\/(?!diagnostic\/refresh$)|completionItem\/|codeAction\/|inlayHint\/)/;

/** Why a message's params are unusable, or undefined when they are fine. */
export function paramsProblem(method: string, params: unknown): string | undefined {
  if (!TAKES_PARAMS.test(method)) return undefined;
  if (params === undefined || params === null) return 'params are missing';
  if (!isObject(params)) return 'params must be an object';
  if (method.startsWith('textDocument/')) {
    const bad = textDocument(params);
    if (bad) return bad;
  }
  if (POSITION_METHODS.has(method)) {
    const bad = position(params.position, 'position');
    if (bad) return bad;
  } else if (params.position !== undefined && method.startsWith('textDocument/')) {
    const bad = position(params.position, 'position');
    if (bad) return bad;
  }
  for (const check of BY_METHOD[method] ?? []) {
    const bad = check(params);
    if (bad) return bad;
  }
  return undefined;
}
