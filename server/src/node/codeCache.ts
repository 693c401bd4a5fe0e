// Running a CommonJS bundle through a V8 code cache (see cachedStart.ts): parsing and compiling a
// bundle's code is a large part of a cold start; with the cache, V8 takes the compiled code of an
// earlier start instead. The file name says which bundle the cache was made from; V8 rejects a cache of
// another V8, other flags or a damaged one, and the file is then written again. Failing to read or
// write it only means starting without it.

import { mkdirSync, readdirSync, readFileSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import Module, { createRequire } from 'node:module';
import { homedir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { Script } from 'node:vm';

/** Where the cache lives: the setting, else the platform's cache folder for the user; undefined: none. */
export function cacheFolder(env: NodeJS.ProcessEnv, platform: NodeJS.Platform, home: string): string | undefined {
  const chosen = env.YEALINK_CFG_CODE_CACHE;
  if (chosen === 'off' || chosen === '0') return undefined;
  if (chosen) return chosen;
  if (platform === 'win32') return env.LOCALAPPDATA ? join(env.LOCALAPPDATA, 'yealink-cfg', 'Cache') : undefined;
  if (platform === 'darwin') return home ? join(home, 'Library', 'Caches', 'yealink-cfg') : undefined;
  const base = env.XDG_CACHE_HOME || (home ? join(home, '.cache') : undefined);
  return base ? join(base, 'yealink-cfg') : undefined;
}

/**
 * The cache file's name: a new bundle (size, time, a sample of its text) or another V8 gets a file of its
 * own. V8 itself only compares the source's length, and code compiled from other text must never run.
 */
export function cacheFileName(bundleSize: number, bundleMtimeMs: number, source = ''): string {
  return `${runtimePrefix()}${bundleSize}-${Math.floor(bundleMtimeMs)}-${textSample(source)}.bin`;
}

/** The start of the names of this runtime's cache files (V8 version and architecture). */
function runtimePrefix(): string {
  return `server-${process.versions.v8.replace(/[^\w.-]/g, '_')}-${process.arch}-`;
}

/** FNV-1a over every 31st character: cheap before the server's code is warm, and it sees most edits. */
function textSample(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 31) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return (h >>> 0).toString(16).padStart(8, '0');
}

function readCache(file: string | undefined): Buffer | undefined {
  if (!file) return undefined;
  try {
    return readFileSync(file);
  } catch {
    return undefined;
  }
}

/**
 * Written beside and renamed into place, so that two servers starting at once never read half a file.
 * The caches of this runtime's earlier bundles (an older version) are removed: the folder holds one
 * file per runtime (the editor's own Node and the system's, say), not one per version ever installed.
 */
function writeCache(file: string, data: Buffer): void {
  const folder = dirname(file);
  try {
    mkdirSync(folder, { recursive: true });
    const partial = `${file}.${process.pid}.tmp`;
    writeFileSync(partial, data);
    renameSync(partial, file);
  } catch {
    return; // a folder that cannot be written: start without a cache next time too
  }
  const prefix = runtimePrefix();
  for (const name of listFolder(folder)) {
    if (name.startsWith(prefix) && name.endsWith('.bin') && name !== basename(file)) removeFile(join(folder, name));
  }
}

function listFolder(folder: string): string[] {
  try {
    return readdirSync(folder);
  } catch {
    return [];
  }
}

function removeFile(file: string): void {
  try {
    unlinkSync(file);
  } catch {
    // in use elsewhere, or removed already by another server
  }
}

/** Runs the bundle as the module it is (its own require, exports and __dirname), through the cache. */
export function runCached(bundlePath: string): void {
  const source = readFileSync(bundlePath, 'utf8');
  let file: string | undefined;
  try {
    const folder = cacheFolder(process.env, process.platform, homedir());
    const stat = statSync(bundlePath);
    file = folder ? join(folder, cacheFileName(stat.size, stat.mtimeMs, source)) : undefined;
  } catch {
    file = undefined;
  }
  const cachedData = readCache(file);
  const script = new Script(Module.wrap(source), { filename: bundlePath, ...(cachedData ? { cachedData } : {}) });
  const bundle = { exports: {}, filename: bundlePath };
  const run = script.runInThisContext() as (...args: unknown[]) => void;
  run.call(bundle.exports, bundle.exports, createRequire(bundlePath), bundle, bundlePath, dirname(bundlePath));
  // After the bundle ran, the cache also holds the code its start compiled.
  if (file && (!cachedData || script.cachedDataRejected)) writeCache(file, script.createCachedData());
}
