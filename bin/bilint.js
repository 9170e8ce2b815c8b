#!/usr/bin/env node
'use strict';
// The `bilint` command. It runs the bundle (npm run bundle makes dist/cli/: one file to load, with a
// code cache) unless the compiled tree (npm run build makes out/) is newer, as during development.
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { spawn } = require('node:child_process');

const root = path.join(__dirname, '..');
const bundle = path.join(root, 'dist', 'cli', 'bilint.js');

/** The newest modification time of the compiled .js files under `dir` (0 when there are none). */
function newest(dir) {
  let entries;
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch {
    return 0;
  }
  let t = 0;
  for (const e of entries) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) t = Math.max(t, newest(p));
    else if (e.name.endsWith('.js')) t = Math.max(t, fs.statSync(p).mtimeMs);
  }
  return t;
}

function bundleIsCurrent() {
  try {
    return fs.statSync(bundle).mtimeMs >= newest(path.join(root, 'out', 'server', 'src'));
  } catch {
    return false;
  }
}

/**
 * V8 compiles hot functions on Node's pool of background threads (4 by default), about as much CPU in
 * a run as the lint itself. Below 8 cores those threads take cores from the lint threads (on 2 cores:
 * 1.45 s -> 1.05 s for 118 posts with a pool of 1), so Bilint restarts itself once with a pool of
 * half the cores, the other half being its lint threads (server/src/cli/run.ts, autoThreads). A
 * process started with Node options of its own is left as it is.
 */
function relaunched() {
  const pool = Math.floor(os.availableParallelism() / 2);
  if (pool >= 4 || process.execArgv.length > 0 || /--v8-pool-size/.test(process.env.NODE_OPTIONS ?? '')) return false;
  if (fewSmallPosts(process.argv.slice(2))) return false;
  const child = spawn(process.execPath, [`--v8-pool-size=${Math.max(1, pool)}`, __filename, ...process.argv.slice(2)], {
    stdio: 'inherit',
  });
  const signals = ['SIGINT', 'SIGTERM', 'SIGHUP'];
  for (const s of signals) process.on(s, () => child.kill(s));
  child.on('error', (err) => {
    process.stderr.write(`bilint: internal error: cannot start Node again (${err.message})\n`);
    process.exitCode = 2;
  });
  child.on('exit', (code, signal) => {
    if (!signal) return void (process.exitCode = code ?? 2);
    for (const s of signals) process.removeAllListeners(s);
    process.kill(process.pid, signal); // end as the child did
  });
  return true;
}

/** Flags that add no posts to lint, as a pre-commit hook passes them (.pre-commit-hooks.yaml). */
const PLAIN_FLAGS = new Set(['--fix', '--fix-dry-run', '--quiet', '--cache']);
/**
 * A lint of a few named posts (under 256 KB, as a pre-commit hook gives) is over before V8's compiling
 * matters (one post: ~10 ms), so it is not worth the restart (~55 ms). Any other option or argument: restart.
 */
function fewSmallPosts(args) {
  let bytes = 0;
  for (const a of args) {
    if (PLAIN_FLAGS.has(a)) continue;
    let st;
    try {
      st = fs.statSync(a);
    } catch {
      return false;
    }
    if (!st.isFile()) return false;
    bytes += st.size;
  }
  return bytes > 0 && bytes < 256 * 1024;
}

if (!relaunched()) {
  if (bundleIsCurrent()) require('../dist/cli/load.js').loadBundle(bundle).run();
  else require('../out/server/src/cli/main.js').run();
}
