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
 * after untimed calls for at least WARM_MS (at least WARM_RUNS of them): a figure of a fraction of a
 * millisecond gets as many calls as it needs to be steady, and all figures, floors included, are timed
 * once V8 has compiled their code. A server answers its first documents several times slower than
 * later ones (at 1,000 lines, about 6 ms for its first 75 opens, then 2.3 ms); the first answer of a
 * new server is a figure of its own.
 */
const SPAN_MS = 300;
const WARM_MS = 1000;
const WARM_RUNS = 3;
const MAX_RUNS = 2000;

function enough(ts: number[], spent: number, runs: number): boolean {
  return ts.length >= MAX_RUNS || (ts.length >= runs && spent >= SPAN_MS);
}

function warm(count: number, spent: number): boolean {
  return count >= MAX_RUNS || (count >= WARM_RUNS && spent >= WARM_MS);
}

export function time(fn: () => unknown, runs: number): number {
  for (let n = 0, t0 = now(); !warm(n, now() - t0); n++) fn();
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
  for (let n = 0, t0 = now(); !warm(n, now() - t0); n++) await fn();
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
