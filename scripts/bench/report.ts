// Timing and printing helpers of the benchmark: medians of repeated runs, and one row per figure with
// its floor (measured in the same run), the ratio and the goal.

export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.floor(s.length / 2)] : NaN;
}

export function now(): number {
  return Number(process.hrtime.bigint()) / 1e6;
}

/**
 * Every figure is a median over at least `runs` calls and at least SPAN_MS of calls (at most MAX_RUNS),
 * after one warm-up call: a figure of a fraction of a millisecond gets as many calls as it needs to be
 * steady, and all figures, floors included, are equally warm.
 */
const SPAN_MS = 300;
const MAX_RUNS = 2000;

function enough(ts: number[], spent: number, runs: number): boolean {
  return ts.length >= MAX_RUNS || (ts.length >= runs && spent >= SPAN_MS);
}

export function time(fn: () => unknown, runs: number): number {
  fn();
  const ts: number[] = [];
  let spent = 0;
  while (!enough(ts, spent, runs)) {
    const t0 = now();
    fn();
    const ms = now() - t0;
    ts.push(ms);
    spent += ms;
  }
  return median(ts);
}

export async function timeAsync(fn: () => Promise<unknown>, runs: number): Promise<number> {
  await fn();
  const ts: number[] = [];
  let spent = 0;
  while (!enough(ts, spent, runs)) {
    const t0 = now();
    await fn();
    const ms = now() - t0;
    ts.push(ms);
    spent += ms;
  }
  return median(ts);
}

export type Goal = { ratio: number } | { ms: number } | { mib: number } | { kb: number } | undefined;

function fmt(x: number): string {
  return x >= 100 ? x.toFixed(0) : x >= 10 ? x.toFixed(1) : x >= 1 ? x.toFixed(2) : x.toFixed(3);
}

function verdict(ok: boolean): string {
  return ok ? 'met' : 'MISSED';
}

/** One timed figure beside its floor: `what  12.3 ms  floor 1.2 ms  x10.3  goal <= 8x: MISSED`. */
export function row(label: string, ms: number, floor: number | undefined, goal?: Goal): void {
  const ratio = floor && floor > 0 ? ms / floor : undefined;
  let g = '';
  if (goal && 'ratio' in goal && ratio !== undefined) g = `goal <= ${goal.ratio}x: ${verdict(ratio <= goal.ratio)}`;
  if (goal && 'ms' in goal) g = `goal <= ${goal.ms} ms: ${verdict(ms <= goal.ms)}`;
  const f = floor !== undefined ? `floor ${fmt(floor).padStart(7)} ms` : ''.padEnd(17);
  const r = ratio !== undefined ? `x${fmt(ratio)}`.padStart(8) : ''.padStart(8);
  console.log(`  ${label.padEnd(44)} ${fmt(ms).padStart(9)} ms  ${f}  ${r}  ${g}`);
}

/** A size figure (memory or bytes) against its goal. */
export function sizeRow(label: string, value: number, unit: 'MiB' | 'KB', goal?: number): void {
  const g = goal !== undefined ? `goal <= ${goal} ${unit}: ${verdict(value <= goal)}` : '';
  console.log(`  ${label.padEnd(44)} ${fmt(value).padStart(9)} ${unit.padEnd(3)} ${''.padEnd(27)} ${g}`);
}

export function note(text: string): void {
  console.log(`  (${text})`);
}
