#!/usr/bin/env node
// Runs every compiled `*.test.js` under out/ with node's test runner. Node 20
// runs every .js file of a folder named `test`, helpers included, so we list
// the test files ourselves. Arguments filter the files by substring.
// out/test/vscode/ is left out: those suites need a VS Code extension host
// (`import 'vscode'`, mocha) and run through `npm run test:vscode`.
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const root = path.join(__dirname, '..', 'out', 'test');
const inExtensionHost = path.join(root, 'vscode');
const filters = process.argv.slice(2);
const files = [];
(function walk(dir) {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (p !== inExtensionHost) walk(p);
    } else if (entry.name.endsWith('.test.js') && (filters.length === 0 || filters.some((f) => p.includes(f)))) files.push(p);
  }
})(root);
if (files.length === 0) {
  console.error(
    filters.length
      ? `No test file under out/test matches ${filters.join(', ')}.`
      : 'No test files found under out/test (did the build run?).',
  );
  process.exit(2);
}
const r = spawnSync(process.execPath, ['--test', ...files], { stdio: 'inherit' });
process.exit(r.status ?? 1);
