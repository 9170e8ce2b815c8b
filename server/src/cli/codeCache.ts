/**
 * Loads the command line's bundle (dist/cli/bilint.js, made by
 * scripts/bundle.js) with a V8 code cache beside it: the bytecode of every
 * function a lint ran when the cache was written, so no thread parses and
 * compiles them again (about 0.1 s of each thread's cold start).
 *
 * V8 checks a cache against its own version and flags but, of the source,
 * only its length: the cache starts with a line naming the bundle's size and
 * modification time, and is ignored when they differ. A rejected or missing
 * cache only means compiling as usual.
 */
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

function stamp(bundle: string): string {
  const st = fs.statSync(bundle);
  return `bilint-code-cache ${st.size} ${st.mtimeMs}\n`;
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

export function loadBundle(bundle: string): CliBundle {
  const key = stamp(bundle);
  const source = fs.readFileSync(bundle, 'utf8');
  const wrapped = `(function (exports, require, module, __filename, __dirname) {${source}\n})`;
  const script = new vm.Script(wrapped, { filename: bundle, cachedData: readCache(bundle, key) });
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
