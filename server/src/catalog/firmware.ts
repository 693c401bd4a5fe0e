// Firmware generations. Yealink numbers firmware `<model>.<generation>.<a>.<b>` (66.86.0.15 is
// generation 86, written V86 in the guides); names and permitted values change between generations.

import type { CatalogEntry, FirmwareType, ValueType } from '../types';

/**
 * The generation a firmware setting names: `V73`, `v73`, `73`, `V8x` (the newest of the V8 line, 89) or a
 * full version such as `66.86.0.15` (86). Undefined for anything else, so a bad setting changes nothing.
 */
export function parseFirmware(text: string | undefined): number | undefined {
  const t = (text ?? '').trim();
  if (t === '') return undefined;
  let m = /^[vV]?(\d{2,3})$/.exec(t);
  if (m) return Number(m[1]);
  m = /^[vV](\d)x$/i.exec(t);
  if (m) return Number(m[1]) * 10 + 9;
  m = /^\d+\.(\d{2,3})(?:\.\d+){1,2}$/.exec(t);
  if (m) return Number(m[1]);
  return undefined;
}

/**
 * The newest generation a firmware type holds for: its `until`, else read from its label
 * (`V73 and older` is 73, `V7x` is 79). Undefined when the label names no generation (`older templates`).
 */
export function firmwareUntil(f: FirmwareType): number | undefined {
  if (f.until !== undefined) return f.until;
  const upTo = /\bV(\d{2,3}) and older\b/i.exec(f.firmware);
  if (upTo) return Number(upTo[1]);
  const line = /\bV(\d)x\b/i.exec(f.firmware);
  if (line) return Number(line[1]) * 10 + 9;
  return undefined;
}

/**
 * The value type that holds for an entry on a firmware generation: the oldest firmware type whose range
 * covers it, else the entry's own type (the newest guide's). Without a generation, the entry's own type.
 */
export function typeForFirmware(entry: CatalogEntry, generation: number | undefined): ValueType {
  if (generation === undefined || !entry.firmwareTypes) return entry.type;
  let best: { until: number; type: ValueType } | undefined;
  for (const f of entry.firmwareTypes) {
    const until = firmwareUntil(f);
    if (until === undefined || generation > until) continue;
    if (!best || until < best.until) best = { until, type: f.type };
  }
  return best?.type ?? entry.type;
}

/**
 * Firmware types that may explain a value the current type refuses. With a target generation, only
 * types whose range is unknown can still apply (those with a known range were chosen or ruled out).
 */
export function otherFirmwareTypes(entry: CatalogEntry, generation: number | undefined): FirmwareType[] {
  const all = entry.firmwareTypes ?? [];
  return generation === undefined ? all : all.filter((f) => firmwareUntil(f) === undefined);
}
