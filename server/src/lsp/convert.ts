// Core results -> protocol shapes.

import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver';
import type { YealinkDiagnostic } from '../types';
import { splitUri, uriIn } from './sites';

/** The URI of a file named relative to a document's folder (related information, navigation). */
export function siblingUri(uri: string, file: string | undefined): string {
  if (file === undefined) return uri;
  const s = splitUri(uri);
  return s ? uriIn(s.folder, file) : uri;
}

export function toLspDiagnostic(d: YealinkDiagnostic, uri: string): Diagnostic {
  return {
    range: d.range,
    severity: d.severity as DiagnosticSeverity,
    code: d.code,
    source: d.source,
    message: d.message,
    ...(d.data ? { data: d.data } : {}),
    ...(d.tags ? { tags: d.tags } : {}),
    ...(d.relatedInformation
      ? { relatedInformation: d.relatedInformation.map((r) => ({ location: { uri: siblingUri(uri, r.file), range: r.range }, message: r.message })) }
      : {}),
  };
}
