// Checks the snippets file: strict JSON, the expected snippets exist, and every parameter name written in a
// snippet body is a catalogue name (or alias), with index placeholders filled by numbers or snippet tab stops.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '..', '..');
const SNIPPETS_FILE = path.join(ROOT, 'snippets', 'yealink-cfg.code-snippets');
const CATALOG_DIR = path.join(ROOT, 'server', 'src', 'catalog', 'data');

interface Snippet {
  prefix: string | string[];
  body: string | string[];
  description?: string;
}

interface CatalogEntry {
  name: string;
  aliases?: string[];
  type?: { kind?: string; values?: { value: string }[] };
}

interface Pattern {
  segments: string[];
  entry: CatalogEntry;
}

/** A tab stop, placeholder or choice: $1, ${1}, ${1:text}, ${1|a,b|}. Defaults here never contain braces. */
const TAB_STOP = /\$(?:\d+|\{\d+(?::[^{}]*|\|[^|]*\|)?\})/g;
const TAB_STOP_WHOLE = new RegExp(`^(?:${TAB_STOP.source})$`);
const CHOICE = /^\$\{\d+\|([^|]*)\|\}$/;

function readSnippets(): Record<string, Snippet> {
  const text = fs.readFileSync(SNIPPETS_FILE, 'utf8');
  return JSON.parse(text) as Record<string, Snippet>;
}

function loadPatterns(): Pattern[] {
  const files = fs.readdirSync(CATALOG_DIR).filter((f) => f.endsWith('.json'));
  assert.ok(files.length > 0, `no catalogue files in ${CATALOG_DIR}`);
  const out: Pattern[] = [];
  for (const file of files) {
    const entries = JSON.parse(fs.readFileSync(path.join(CATALOG_DIR, file), 'utf8')) as CatalogEntry[];
    for (const entry of entries) {
      for (const name of [entry.name, ...(entry.aliases ?? [])]) out.push({ segments: name.split('.'), entry });
    }
  }
  return out;
}

function lines(body: string | string[]): string[] {
  return (Array.isArray(body) ? body : [body]).flatMap((l) => l.split('\n'));
}

function prefixes(s: Snippet): string[] {
  return Array.isArray(s.prefix) ? s.prefix : [s.prefix];
}

/** `name = value` lines of a body (comments, the header, include lines and bare tab stops skipped). */
function parameterLines(body: string | string[]): { name: string; value: string }[] {
  const out: { name: string; value: string }[] = [];
  for (const raw of lines(body)) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#') || /include:config/.test(line) || TAB_STOP_WHOLE.test(line)) continue;
    const eq = line.indexOf('=');
    assert.ok(eq > 0, `not a "name = value" line: ${raw}`);
    out.push({ name: line.slice(0, eq).trim(), value: line.slice(eq + 1).trim() });
  }
  return out;
}

/** Splits a snippet name on dots, keeping each tab stop as one segment. */
function nameSegments(name: string): string[] {
  const stops: string[] = [];
  const masked = name.replace(TAB_STOP, (m) => `\u0000${stops.push(m) - 1}\u0000`);
  return masked.split('.').map((seg) => seg.replace(/\u0000(\d+)\u0000/g, (_m, i: string) => stops[Number(i)]));
}

function segmentMatches(patternSeg: string, seg: string): boolean {
  if (/^[A-Z]$/.test(patternSeg)) return /^\d+$/.test(seg) || TAB_STOP_WHOLE.test(seg);
  return patternSeg === seg;
}

function findEntry(patterns: Pattern[], name: string): CatalogEntry | undefined {
  const segs = nameSegments(name);
  const hit = patterns.find(
    (p) => p.segments.length === segs.length && p.segments.every((ps, i) => segmentMatches(ps, segs[i])),
  );
  return hit?.entry;
}

const snippets = readSnippets();
const patterns = loadPatterns();

test('the snippets file is a JSON object of well-formed snippets', () => {
  assert.equal(typeof snippets, 'object');
  assert.ok(Object.keys(snippets).length >= 4);
  const seen = new Set<string>();
  for (const [title, s] of Object.entries(snippets)) {
    assert.ok(prefixes(s).length > 0, `${title}: no prefix`);
    for (const p of prefixes(s)) {
      assert.match(p, /^yl-[a-z-]+$/, `${title}: prefix ${p}`);
      assert.ok(!seen.has(p), `${title}: prefix ${p} used twice`);
      seen.add(p);
    }
    assert.ok(typeof s.description === 'string' && s.description.length > 10, `${title}: description`);
    assert.ok(lines(s.body).length > 0, `${title}: empty body`);
    for (const l of lines(s.body)) {
      assert.ok(!/\t/.test(l), `${title}: tab in body line ${JSON.stringify(l)}`);
      // Every `$` must start a tab stop (a literal dollar would need escaping).
      const rest = l.replace(TAB_STOP, '').replace(/\$\{\d+:/g, '').replace(/\\\$/g, '');
      assert.ok(!rest.includes('$'), `${title}: stray "$" in ${JSON.stringify(l)}`);
    }
  }
  for (const p of ['yl-account', 'yl-boot', 'yl-linekey', 'yl-header']) assert.ok(seen.has(p), `missing prefix ${p}`);
});

test('every parameter name in a snippet body is a catalogue name', () => {
  let checked = 0;
  for (const [title, s] of Object.entries(snippets)) {
    for (const { name } of parameterLines(s.body)) {
      assert.ok(findEntry(patterns, name), `${title}: ${name} is not in server/src/catalog/data`);
      checked++;
    }
  }
  assert.ok(checked >= 20, `only ${checked} names checked`);
});

test('choice values are allowed values of the parameter', () => {
  for (const [title, s] of Object.entries(snippets)) {
    for (const { name, value } of parameterLines(s.body)) {
      const choice = CHOICE.exec(value);
      const entry = findEntry(patterns, name);
      if (!choice || !entry || entry.type?.kind !== 'enum') continue;
      const allowed = new Set((entry.type.values ?? []).map((v) => v.value));
      for (const option of choice[1].split(',')) {
        assert.ok(allowed.has(option), `${title}: ${name} offers ${option}, not one of ${[...allowed].join(', ')}`);
      }
    }
  }
});

test('the name matcher itself rejects what it should', () => {
  assert.ok(findEntry(patterns, 'account.1.sip_server.2.transport_type'));
  assert.ok(findEntry(patterns, 'account.${1:1}.sip_server.$2.address'));
  assert.equal(findEntry(patterns, 'account.X.sip_server.1.address'), undefined);
  assert.equal(findEntry(patterns, 'account.1.sip_server.1.transport'), undefined);
  assert.equal(findEntry(patterns, 'account.one.enable'), undefined);
});

test('the SIP account snippet covers both servers and failback', () => {
  const body = lines(snippets['SIP account with two servers']?.body ?? []).join('\n');
  for (const p of ['enable', 'label', 'display_name', 'auth_name', 'user_name', 'password']) {
    assert.match(body, new RegExp(`^account\\.\\$1\\.${p} = `, 'm'), p);
  }
  for (const y of ['1', '2']) {
    for (const p of ['address', 'port', 'transport_type', 'expires', 'retry_counts']) {
      assert.match(body, new RegExp(`^account\\.\\$1\\.sip_server\\.${y}\\.${p} = `, 'm'), `server ${y} ${p}`);
    }
  }
  assert.match(body, /\.failback_mode = \$\{\d+\|0,1,2,3\|\}$/m);
  assert.match(body, /\.failback_timeout = /);
});

test('the boot and header snippets start with the version line', () => {
  for (const title of ['Boot file', 'Header']) {
    assert.equal(lines(snippets[title].body)[0], '#!version:1.0.0.1', title);
  }
  const boot = lines(snippets['Boot file'].body).join('\n');
  assert.match(boot, /^include:config "/m);
  assert.match(boot, /^overwrite_mode = /m);
});

test('the line key snippet sets type, value, line, label and extension', () => {
  const names = parameterLines(snippets['Line key'].body).map((p) => p.name.replace(TAB_STOP, 'N'));
  assert.deepEqual(names, ['linekey.N.type', 'linekey.N.value', 'linekey.N.line', 'linekey.N.label', 'linekey.N.extension']);
});
