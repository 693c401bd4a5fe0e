// Every diagnostic message comes from this table, so tests can compare exact text and the wording
// stays consistent: each message says what is wrong and what is allowed.

import { listValues as orList } from '../catalog/valueTypes';
import { HEADER_TEXT } from '../parser';

function shown(value: string): string {
  return value.length > 60 ? `${value.slice(0, 57)}...` : value;
}

/** Written instead of the value of a sensitive parameter (a password, key or PIN). */
export const HIDDEN_VALUE = '(hidden)';

export const Messages = {
  hiddenValue: (name: string) => `The value of ${shown(name)} is a secret and is not shown.`,
  missingHeader: (firstLine: string | undefined) =>
    firstLine
      ? `The first line must be the header "${HEADER_TEXT}", not "${shown(firstLine)}".`
      : `The first line must be the header "${HEADER_TEXT}".`,
  moreDiagnostics: (n: number) =>
    `(${n.toLocaleString('en-US')} more ${n === 1 ? 'problem' : 'problems'} in this file not shown: see the setting yealinkCfg.validation.maxDiagnostics.)`,
  binary: () => 'This file holds binary data (NUL bytes or undecodable bytes), not provisioning text; it was not checked.',
  noEquals: () => 'Not a "name = value" line: it has no "=". Comment lines start with "#".',
  emptyName: () => 'Not a "name = value" line: the name before "=" is empty.',
  spaceInName: (name: string) => `The parameter name "${shown(name)}" contains blanks; names are dotted words without blanks.`,
  includeOutsideBoot: () => '"include:config" works only in boot files (.boot); a .cfg file cannot include others.',
  unknown: (name: string, suggestions: string[]) =>
    suggestions.length
      ? `Unknown parameter "${shown(name)}". Did you mean ${orList(suggestions.map((s) => `"${s}"`))}?`
      : `Unknown parameter "${shown(name)}".`,
  indexOutOfRange: (index: string, name: string, family: string, min: number, max: number, model?: string) =>
    `Index ${index} is out of range in ${name}: ${family} takes ${min} to ${max}${model ? ` on the ${model}` : ''}.`,
  badValue: (name: string, value: string, problem: string) => `Value ${shown(value)} of ${name} ${problem}.`,
  olderFirmware: (firmware: string) => `Older firmware permits it (${firmware}).`,
  duplicate: (name: string, effectiveLine: number) =>
    `${shown(name)} is set again on line ${effectiveLine + 1}, which takes effect; this line is ignored.`,
  dependencyIn: (name: string, param: string, values: string[], actual: string, origin: string) =>
    `${name} has no effect: it works only if ${param} is ${orList(values)}, but it is ${actual} (${origin}).`,
  dependencyDomain: (name: string, param: string, actual: string, origin: string) =>
    `${name} has no effect: it works only if ${param} is a domain name, but it is ${shown(actual)} (${origin}).`,
  dependencyNonEmpty: (name: string, param: string, origin: string) =>
    `${name} has no effect: it works only if ${param} is set, but it is empty (${origin}).`,
  missingInclude: (target: string, suggestions: readonly string[]) =>
    `"${shown(target)}" is not in this folder, so the phone cannot load it.${
      suggestions.length ? ` Did you mean ${orList(suggestions.map((s) => `"${s}"`))}?` : ''
    }`,
  redundantOverride: (name: string, value: string, file: string, line: number) =>
    `${shown(name)} = ${shown(value)} is already given by ${file}, line ${line + 1}; this line changes nothing.`,
  renamed: (name: string, current: string, firmware: string) =>
    `${shown(name)} is the name older firmware used; firmware ${firmware} and newer call it ${current}.`,
  legacy: () =>
    'This file uses the legacy "[ section ]" format of firmware before V70; keys inside sections are not checked against the catalogue.',
} as const;
