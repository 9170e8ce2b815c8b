#!/usr/bin/env node
// `npm run examples`: lints the bundled example posts with the CLI. The
// examples contain errors on purpose, so the CLI's exit code 1 ("errors
// found") is the expected outcome here and is reported as success.
'use strict';
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const root = path.join(__dirname, '..');
const bin = path.join(root, 'bin', 'bilint.js');
if (!fs.existsSync(bin)) {
  console.error('bin/bilint.js is missing: the command line is not built yet.');
  process.exit(2);
}
const r = spawnSync(process.execPath, [bin, 'examples', ...process.argv.slice(2)], { cwd: root, stdio: 'inherit' });
if (r.status === 1) {
  console.log('\n(Exit code 1 means errors were found: every example but 01-clean-lighthouse-lens.md has some on purpose.)');
  process.exit(0);
}
process.exit(r.status ?? 2);
