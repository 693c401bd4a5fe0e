// The SARIF 2.1.0 format, as GitHub code scanning reads it: one run, one rule per diagnostic code
// (with its help text and default level), one result per problem. Locations are relative to the
// working directory, which the run names as %SRCROOT%; regions are 1-based, in UTF-16 code units like
// the editor's positions.

import { isAbsolute, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { DEFAULT_SEVERITY } from '../../services/validation';
import { codeDoc } from '../../services/codeDocs';
import { ALL_CODES, type SeverityNumber, type YealinkDiagnostic } from '../../types';
import { PRODUCT } from '../product';
import type { FileReport } from '../types';
import { reportPath } from './paths';
import type { ReportContext } from './types';

export const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
export const SRCROOT = '%SRCROOT%';

type SarifLevel = 'error' | 'warning' | 'note';

export function sarifLevel(severity: SeverityNumber): SarifLevel {
  return severity === 1 ? 'error' : severity === 2 ? 'warning' : 'note';
}

function sarifRules() {
  return ALL_CODES.map((code) => {
    const doc = codeDoc(code);
    return {
      id: code,
      shortDescription: { text: doc.summary },
      fullDescription: { text: `${doc.summary} ${doc.help}` },
      help: { text: doc.help },
      defaultConfiguration: { level: sarifLevel(DEFAULT_SEVERITY[code]) },
    };
  });
}

/** A file as a URI reference: relative to %SRCROOT% when below the working directory. */
function artifactLocation(file: string, cwd: string | undefined): { uri: string; uriBaseId?: string } {
  const { path, outside } = reportPath(file, cwd);
  if (outside && cwd) return { uri: pathToFileURL(isAbsolute(file) ? file : resolve(cwd, file)).href };
  return { uri: path.split('/').map(encodeURIComponent).join('/'), uriBaseId: SRCROOT };
}

function sarifResult(d: YealinkDiagnostic, location: { uri: string; uriBaseId?: string }) {
  const { start, end } = d.range;
  return {
    ruleId: d.code,
    ruleIndex: ALL_CODES.indexOf(d.code),
    level: sarifLevel(d.severity),
    message: { text: d.message },
    locations: [
      {
        physicalLocation: {
          artifactLocation: location,
          region: { startLine: start.line + 1, startColumn: start.character + 1, endLine: end.line + 1, endColumn: end.character + 1 },
        },
      },
    ],
  };
}

/** The SARIF log as an object (tests validate it against the schema). */
export function sarifLog(reports: FileReport[], ctx: ReportContext) {
  const driver = {
    name: PRODUCT.name,
    ...(PRODUCT.informationUri ? { informationUri: PRODUCT.informationUri } : {}),
    version: PRODUCT.version,
    semanticVersion: PRODUCT.version,
    rules: sarifRules(),
  };
  const results = reports.flatMap((r) => {
    const location = artifactLocation(r.file, ctx.cwd);
    return r.diagnostics.map((d) => sarifResult(d, location));
  });
  const base = ctx.cwd ? { originalUriBaseIds: { [SRCROOT]: { uri: pathToFileURL(ctx.cwd.replace(/[\\/]*$/, '/')).href } } } : {};
  return {
    $schema: SARIF_SCHEMA,
    version: '2.1.0' as const,
    runs: [{ tool: { driver }, ...base, columnKind: 'utf16CodeUnits', results }],
  };
}

export function sarifReport(reports: FileReport[], ctx: ReportContext): string {
  return `${JSON.stringify(sarifLog(reports, ctx), null, 2)}\n`;
}
