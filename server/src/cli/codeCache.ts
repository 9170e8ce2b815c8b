/**
 * Loads the command line's bundle (dist/cli/bilint.js, made by
 * scripts/bundle.js) with a V8 code cache beside it: the bytecode of every
 * function a lint ran when the cache was written, so no thread parses and
 * compiles them again (about 0.1 s of each thread's cold start).
 *
 * V8 checks a cache against its own version and flags but, of the source,
 * only its length: the cache starts with a line naming a hash of the bundle's
 * content (under 1 ms), and is ignored when it differs. Not its modification
 * time: npm packs every file with one fixed time, so an installed Bilint would
 * never match. A rejected or missing cache only means compiling as usual.
 */
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import Module, { createRequire } from 'node:module';
import * as path from 'node:path';
import * as vm from 'node:vm';

/** What bundle.ts exports. */
export interface CliBundle {
  run(): void;
  startWorker(): void;
}

/** Set (to 1) by scripts/bundle.js for the run that writes the cache. */
const WRITE_ENV = 'BILINT_WRITE_CODE_CACHE';

export function cacheFileOf(bundle: string): string {
  return bundle + '.cache';
}

function stamp(source: Buffer): string {
  return `bilint-code-cache ${source.length} ${createHash('sha1').update(source).digest('hex')}\n`;
}

function readCache(bundle: string, key: string): Buffer | undefined {
  try {
    const data = fs.readFileSync(cacheFileOf(bundle));
    const head = Buffer.byteLength(key);
    return data.subarray(0, head).toString('latin1') === key ? data.subarray(head) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The bundle compiled for this thread, with the code cache when it belongs to this very bundle (`cached`),
 * and whether V8 took it (`script.cachedDataRejected`: other Node version or flags).
 */
export function compileBundle(bundle: string): { script: vm.Script; key: string; cached: boolean } {
  const bytes = fs.readFileSync(bundle);
  const key = stamp(bytes);
  const cachedData = readCache(bundle, key);
  const wrapped = `(function (exports, require, module, __filename, __dirname) {${bytes.toString('utf8')}\n})`;
  return { script: new vm.Script(wrapped, { filename: bundle, cachedData }), key, cached: cachedData !== undefined };
}

export function loadBundle(bundle: string): CliBundle {
  const { script, key } = compileBundle(bundle);
  const mod = new Module(bundle, module);
  mod.filename = bundle;
  const wrapper = script.runInThisContext() as (...args: unknown[]) => void;
  wrapper.call(mod.exports, mod.exports, createRequire(bundle), mod, bundle, path.dirname(bundle));
  mod.loaded = true;
  if (process.env[WRITE_ENV] === '1') {
    // After the run: the cache then holds the functions it compiled, not only the top level.
    process.on('exit', () => fs.writeFileSync(cacheFileOf(bundle), Buffer.concat([Buffer.from(key, 'latin1'), script.createCachedData()])));
  }
  return mod.exports as CliBundle;
}
