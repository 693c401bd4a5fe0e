// Assertions on diagnostics: each checks the code, severity, source, exact message and exact range.

import assert from 'node:assert/strict';
import { createLanguageService, type LanguageService } from '../../../server/src/languageService';
import type {
  DiagnosticCode,
  DocumentContext,
  Range,
  SeverityNumber,
  ValidationSettings,
  YealinkDiagnostic,
} from '../../../server/src/types';
import { fixtureData } from './catalog';

export const HEADER = '#!version:1.0.0.1';
export const service: LanguageService = createLanguageService(fixtureData);

export const MAC_FILE = '001565aabbcc.cfg';

export function validate(text: string, fileName = MAC_FILE, settings?: ValidationSettings, ls: LanguageService = service): YealinkDiagnostic[] {
  const ctx: DocumentContext = settings ? { fileName, settings } : { fileName };
  return ls.validate(text, ctx);
}

/** A file with the header and the given lines, joined with LF. */
export function file(...lines: string[]): string {
  return [HEADER, ...lines].join('\n') + '\n';
}

export interface Expected {
  code: DiagnosticCode;
  message: string;
  range: Range;
  severity?: SeverityNumber;
}

export function assertDiagnostic(actual: YealinkDiagnostic | undefined, expected: Expected, defaultSeverity: SeverityNumber): void {
  assert.ok(actual, `expected a ${expected.code} diagnostic`);
  assert.equal(actual.code, expected.code);
  assert.equal(actual.severity, expected.severity ?? defaultSeverity);
  assert.equal(actual.source, 'yealink-cfg');
  assert.equal(actual.message, expected.message);
  assert.deepEqual(actual.range, expected.range);
}

const DEFAULTS: Record<DiagnosticCode, SeverityNumber> = {
  'missing-header': 1,
  'malformed-line': 1,
  'unknown-parameter': 2,
  'index-out-of-range': 1,
  'invalid-value': 1,
  'out-of-range': 1,
  'invalid-enum': 1,
  'duplicate-parameter': 2,
  dependency: 2,
  'legacy-format': 3,
  'missing-include': 2,
  'redundant-override': 4,
  'renamed-parameter': 3,
};

export const defaultSeverity = (code: DiagnosticCode): SeverityNumber => DEFAULTS[code];

const make =
  (code: DiagnosticCode) =>
  (actual: YealinkDiagnostic | undefined, message: string, range: Range, severity?: SeverityNumber): void =>
    assertDiagnostic(actual, { code, message, range, severity }, DEFAULTS[code]);

export const assertMissingHeader = make('missing-header');
export const assertMalformedLine = make('malformed-line');
export const assertUnknownParameter = make('unknown-parameter');
export const assertIndexOutOfRange = make('index-out-of-range');
export const assertInvalidValue = make('invalid-value');
export const assertOutOfRange = make('out-of-range');
export const assertInvalidEnum = make('invalid-enum');
export const assertDuplicateParameter = make('duplicate-parameter');
export const assertDependency = make('dependency');
export const assertLegacyFormat = make('legacy-format');
export const assertMissingInclude = make('missing-include');
export const assertRedundantOverride = make('redundant-override');
export const assertRenamedParameter = make('renamed-parameter');

/** Exactly one diagnostic, returned for further checks. */
export function only(diagnostics: YealinkDiagnostic[]): YealinkDiagnostic {
  assert.equal(diagnostics.length, 1, `expected one diagnostic, got ${JSON.stringify(diagnostics.map((d) => [d.code, d.message]))}`);
  return diagnostics[0];
}

export function codes(diagnostics: YealinkDiagnostic[]): string[] {
  return diagnostics.map((d) => d.code);
}
