// A file reports at most a set number of diagnostics (an editor slows down drawing tens of thousands);
// the last one shown says how many more there are.

import type { YealinkDiagnostic } from '../types';
import { Messages } from './messages';

export const DEFAULT_MAX_DIAGNOSTICS = 1000;

export function capDiagnostics(items: YealinkDiagnostic[], max: number): YealinkDiagnostic[] {
  if (!(max >= 1) || items.length <= max) return items;
  const kept = items.slice(0, max);
  const last = kept[max - 1];
  kept[max - 1] = { ...last, message: `${last.message} ${Messages.moreDiagnostics(items.length - max)}` };
  return kept;
}
