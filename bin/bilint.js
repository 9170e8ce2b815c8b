#!/usr/bin/env node
'use strict';
// The `bilint` command. It runs the bundle (npm run bundle makes dist/cli/: one file to load, with a
// code cache) unless the compiled tree (npm run build makes out/) is newer, as during development.
const fs = require('node:fs');
const path = require('node:path');

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

if (bundleIsCurrent()) require('../dist/cli/load.js').loadBundle(bundle).run();
else require('../out/server/src/cli/main.js').run();
