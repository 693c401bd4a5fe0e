// Checks that need the other files of the folder (the set a phone reads with this file). The workspace
// layer works out the set and hands it over as a SiteContext; these checks only read it.

import { DiagnosticCode, type SiteContext } from '../types';
import { isIndeterminate, substitute } from './fileValues';
import { Messages } from './messages';
import type { CheckedLine, DiagnosticSink } from './validation';

export function checkSite(checked: CheckedLine[], site: SiteContext, sink: DiagnosticSink): void {
  for (const m of site.missingIncludes ?? []) {
    sink.add(DiagnosticCode.MissingInclude, m.range, Messages.missingInclude(m.target, m.suggestions), { suggestions: [...m.suggestions] });
  }
  if (site.earlier.size > 0) checkRedundant(checked, site, sink);
}

/** A line that sets exactly the value an earlier file of the set already gives changes nothing. */
function checkRedundant(checked: CheckedLine[], site: SiteContext, sink: DiagnosticSink): void {
  // Only the line that takes effect in this file counts; repeated lines are duplicate-parameter's concern.
  const lastOf = new Map<string, CheckedLine>();
  for (const c of checked) {
    if (!c.clean || !c.match || c.match.entry.multiple || c.line.section !== undefined) continue;
    const m = c.match;
    lastOf.set(m.isAlias ? substitute(m.entry.name, m) : c.line.name, c);
  }
  for (const [key, c] of lastOf) {
    const given = site.earlier.get(key);
    const v = c.line.value;
    if (!given || given.value !== v || isIndeterminate(v)) continue;
    const range = { start: c.line.nameRange.start, end: c.line.valueRange.end };
    sink.add(DiagnosticCode.RedundantOverride, range, Messages.redundantOverride(c.line.name, v, given.file, given.line), {
      givenBy: { file: given.file, line: given.line },
    }, {
      relatedInformation: [{ range: given.range, message: `${given.file} already sets ${key} = ${shortValue(v)}`, file: given.file }],
      tags: [1],
    });
  }
}

function shortValue(v: string): string {
  return v.length > 60 ? `${v.slice(0, 57)}...` : v;
}
