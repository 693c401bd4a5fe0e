// Core results -> protocol shapes.

import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver';
import type { YealinkDiagnostic } from '../types';

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
      ? { relatedInformation: d.relatedInformation.map((r) => ({ location: { uri, range: r.range }, message: r.message })) }
      : {}),
  };
}
