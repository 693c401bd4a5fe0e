// Builds dist/ for tests that spawn the bundles, when a bundle is missing or older than the sources.
// Test files run in parallel, so a lock directory lets one build at a time.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, rmdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const ROOT = join(__dirname, '..', '..', '..');

function newestSource(dir: string): number {
  let newest = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    newest = Math.max(newest, e.isDirectory() ? newestSource(p) : statSync(p).mtimeMs);
  }
  return newest;
}

export function ensureBuilt(bundle: string): void {
  const out = join(ROOT, 'dist', bundle);
  const fresh = () => {
    try {
      return statSync(out).mtimeMs >= newestSource(join(ROOT, 'server', 'src'));
    } catch {
      return false;
    }
  };
  if (fresh()) return;
  const lock = join(tmpdir(), `yealink-cfg-build-${Buffer.from(ROOT).toString('hex').slice(-24)}.lock`);
  const deadline = Date.now() + 120_000;
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      if (Date.now() > deadline) throw new Error(`timed out waiting for the build lock ${lock}`);
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 100);
    }
  }
  try {
    if (!fresh()) execFileSync(process.execPath, [join(ROOT, 'scripts', 'build.mjs')], { cwd: ROOT, stdio: 'pipe', timeout: 120_000 });
  } finally {
    rmdirSync(lock);
  }
}
