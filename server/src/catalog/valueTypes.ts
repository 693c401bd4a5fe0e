// Checking a value against a catalogue type, and describing a type in words. Shared by validation,
// hover and completion so that all three say the same thing about the same type.

import type { DiagnosticCode, ValueType } from '../types';

export interface ValueProblem {
  code: Extract<DiagnosticCode, 'invalid-value' | 'out-of-range' | 'invalid-enum'>;
  /** What is wrong, completing "<name> = <value>: ..." */
  problem: string;
}

const IPV4 = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/;
const HOST_LABEL = /^(?!-)[A-Za-z0-9_-]{1,63}(?<!-)$/;

export function isIPv4(v: string): boolean {
  return IPV4.test(v);
}

export function isIPv6(v: string): boolean {
  const s = v.startsWith('[') && v.endsWith(']') ? v.slice(1, -1) : v;
  if (!s.includes(':')) return false;
  const halves = s.split('::');
  if (halves.length > 2) return false;
  const groups = (h: string) => (h === '' ? [] : h.split(':'));
  const all = [...groups(halves[0]), ...(halves.length === 2 ? groups(halves[1]) : [])];
  let count = all.length;
  // The last 32 bits may be written as an IPv4 address (::ffff:10.0.0.1).
  if (all.length && IPV4.test(all[all.length - 1])) {
    all.pop();
    count += 1;
  }
  if (!all.every((g) => /^[0-9A-Fa-f]{1,4}$/.test(g))) return false;
  return halves.length === 2 ? count < 8 : count === 8;
}

/** A host name as DNS allows it (labels of letters, digits, hyphens, underscores for SRV-style names). */
export function isDomainName(v: string): boolean {
  if (v.length === 0 || v.length > 253) return false;
  const labels = v.endsWith('.') ? v.slice(0, -1).split('.') : v.split('.');
  if (!labels.every((l) => HOST_LABEL.test(l))) return false;
  // All-numeric dotted text is a (possibly wrong) IP address, not a name.
  return !/^[\d.]+$/.test(v);
}

export function formatRanges(ranges: [number, number][]): string {
  const parts = ranges.map(([a, b]) => (a === b ? `${a}` : `${a} to ${b}`));
  if (parts.length === 1) return parts[0];
  return `${parts.slice(0, -1).join(', ')} or ${parts[parts.length - 1]}`;
}

/** Describes what a type permits, e.g. "an integer from 0 to 65535" or "0 (Disabled) or 1 (Enabled)". */
export function describeType(type: ValueType): string {
  switch (type.kind) {
    case 'integer':
      return type.ranges ? `an integer ${type.ranges.length === 1 && type.ranges[0][0] !== type.ranges[0][1] ? `from ${formatRanges(type.ranges)}` : formatRanges(type.ranges)}` : 'an integer';
    case 'enum':
      return listValues(type.values.map((v) => `${v.value} (${v.meaning})`));
    case 'multiEnum':
      return `${type.separator === '' ? 'a combination of' : `a ${type.separator === undefined || type.separator === ',' ? 'comma' : `'${type.separator}'`}-separated list of`} ${listValues(type.values.map((v) => v.value), 'and')}`;
    case 'string':
      return type.maxLength ? `text of at most ${type.maxLength} characters` : 'text';
    case 'address':
      return 'an IP address or a domain name';
    case 'ip':
      return 'an IP address';
    case 'ipv6':
      return 'an IPv6 address';
    case 'domain':
      return 'a domain name';
    case 'url':
      return type.maxLength ? `a URL of at most ${type.maxLength} characters` : 'a URL';
    case 'time':
      return 'a time from 00:00 to 23:59';
    case 'mac':
      return 'a MAC address (12 hexadecimal digits)';
    case 'float':
      return 'a number';
  }
}

/** `a, b or c` (or `a, b and c`). */
export function listValues(values: string[], last = 'or'): string {
  if (values.length <= 1) return values.join('');
  return `${values.slice(0, -1).join(', ')} ${last} ${values[values.length - 1]}`;
}

function tooLong(v: string, max: number | undefined): boolean {
  // Code points never outnumber UTF-16 units: only a long text needs counting.
  return max !== undefined && v.length > max && [...v].length > max;
}

function notA(type: ValueType): ValueProblem {
  return fixed(type, 'not', () => invalid(`is not ${describeType(type)}`));
}

function invalid(problem: string): ValueProblem {
  return { code: 'invalid-value', problem };
}

function inRanges(n: number, ranges: [number, number][]): boolean {
  for (const [a, b] of ranges) if (n >= a && n <= b) return true;
  return false;
}

function allowedList(values: { value: string }[]): string {
  return listValues(values.map((v) => v.value));
}

const INTEGER = /^[+-]?\d+$/;

function permittedRanges(ranges: [number, number][] | undefined): string {
  return ranges ? ` (permitted: ${formatRanges(ranges)})` : '';
}

const fixedProblems = new WeakMap<ValueType, Partial<Record<string, ValueProblem>>>();

/**
 * A problem whose text says only what the type permits, made once per type and shared (frozen): a
 * file may hold thousands of bad values of one type, and an enumeration's list can be long.
 */
function fixed(type: ValueType, key: string, make: () => ValueProblem): ValueProblem {
  let byKey = fixedProblems.get(type);
  if (!byKey) fixedProblems.set(type, (byKey = {}));
  return (byKey[key] ??= Object.freeze(make()));
}

/**
 * Checks a non-empty, non-template value. Returns undefined when the value is acceptable, else the code
 * and a phrase that completes "Value <v> of <name> ...".
 */
export function checkValue(type: ValueType, value: string): ValueProblem | undefined {
  // Runs for every line of every file: the message text is only made for a value that fails.
  switch (type.kind) {
    case 'integer': {
      if (!INTEGER.test(value)) return fixed(type, 'integer', () => invalid(`is not an integer${permittedRanges(type.ranges)}`));
      if (type.ranges && !inRanges(Number(value), type.ranges)) {
        return fixed(type, 'range', () => ({ code: 'out-of-range', problem: `is out of range${permittedRanges(type.ranges)}` }));
      }
      return undefined;
    }
    case 'enum':
      for (const v of type.values) if (v.value === value) return undefined;
      return fixed(type, 'enum', () => ({ code: 'invalid-enum', problem: `is not allowed (permitted: ${allowedList(type.values)})` }));
    case 'multiEnum': {
      const sep = type.separator ?? ',';
      const items = sep === '' ? [...value] : value.split(sep).map((s) => s.trim());
      const bad = items.filter((i) => !type.values.some((v) => v.value === i));
      if (bad.length === 0) return undefined;
      return {
        code: 'invalid-enum',
        problem: `contains ${listValues(bad.map((b) => (b === '' ? 'an empty item' : b)), 'and')}, not allowed (permitted: ${describeType(type)})`,
      };
    }
    case 'string':
      if (tooLong(value, type.maxLength)) return invalid(`is ${[...value].length} characters long (permitted: at most ${type.maxLength})`);
      return undefined;
    case 'address':
      if (tooLong(value, type.maxLength)) return invalid(`is ${[...value].length} characters long (permitted: at most ${type.maxLength})`);
      if (isIPv4(value) || isIPv6(value) || isDomainName(value)) return undefined;
      return notA(type);
    case 'ip':
      return isIPv4(value) || isIPv6(value) ? undefined : notA(type);
    case 'ipv6':
      return isIPv6(value) ? undefined : notA(type);
    case 'domain':
      return isDomainName(value) ? undefined : notA(type);
    case 'url':
      if (tooLong(value, type.maxLength)) return invalid(`is ${[...value].length} characters long (permitted: at most ${type.maxLength})`);
      return /\s/.test(value) ? invalid('is not a URL: it contains blanks') : undefined;
    case 'time': {
      const m = /^(\d{1,2}):(\d{2})$/.exec(value);
      return m && Number(m[1]) <= 23 && Number(m[2]) <= 59 ? undefined : notA(type);
    }
    case 'mac':
      return /^[0-9A-Fa-f]{12}$/.test(value) || /^[0-9A-Fa-f]{2}([:-][0-9A-Fa-f]{2}){5}$/.test(value)
        ? undefined
        : notA(type);
    case 'float':
      // The fraction is one optional group: `\d+\.?\d*` backtracks quadratically on a long run of digits.
      return /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)$/.test(value) ? undefined : notA(type);
  }
}

/** The meaning of one value of a type, for hover and completion. */
export function meaningOf(type: ValueType, value: string): string | undefined {
  if (type.kind === 'enum' || type.kind === 'multiEnum') return type.values.find((v) => v.value === value)?.meaning;
  return undefined;
}

const LONGEST_LABEL = 48;

/**
 * The head of a meaning, so hints stay short: `duration: keep using ...` shows `duration`, `Open Door
 * (door phone integration)` shows `Open Door`; the whole meaning is the hint's tooltip.
 */
export function shortMeaning(meaning: string): string {
  const colon = meaning.indexOf(': ');
  if (colon > 0 && colon <= 30) return meaning.slice(0, colon);
  const paren = meaning.indexOf(' (');
  if (paren > 0) return meaning.slice(0, paren);
  if (meaning.length <= LONGEST_LABEL) return meaning;
  const cut = meaning.lastIndexOf(' ', LONGEST_LABEL - 1);
  return `${meaning.slice(0, cut > 0 ? cut : LONGEST_LABEL - 1)}…`;
}
