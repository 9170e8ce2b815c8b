#!/usr/bin/env node
// Packages the extension into bilint-<version>.vsix with @vscode/vsce 3.9.2
// (the last line that runs on Node 20). vsce comes from the VS Code harness's
// tools folder when installed, otherwise it is installed once into a cache
// folder outside the repository. Run through `npm run package`, which bundles first.
'use strict';
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const VSCE_VERSION = '3.9.2';
const root = path.join(__dirname, '..');
const cacheRoot = path.join(os.homedir(), '.cache', 'bilint');
const harnessTools = path.join(process.env.BILINT_HARNESS_CACHE || path.join(cacheRoot, 'code-server-4.100.3'), 'tools');
const ownCache = path.join(cacheRoot, `vsce-${VSCE_VERSION}`);

function vscePath() {
  for (const dir of [harnessTools, ownCache]) {
    const bin = path.join(dir, 'node_modules', '@vscode', 'vsce', 'vsce');
    const pkg = path.join(dir, 'node_modules', '@vscode', 'vsce', 'package.json');
    if (fs.existsSync(bin) && JSON.parse(fs.readFileSync(pkg, 'utf8')).version === VSCE_VERSION) return bin;
  }
  console.log(`[package] installing @vscode/vsce@${VSCE_VERSION} into ${ownCache}`);
  fs.mkdirSync(ownCache, { recursive: true });
  const r = spawnSync(
    'npm',
    ['install', '--prefix', ownCache, '--omit=optional', '--no-save', '--no-audit', '--no-fund', `@vscode/vsce@${VSCE_VERSION}`],
    {
      stdio: 'inherit',
    },
  );
  if (r.status !== 0) process.exit(r.status ?? 1);
  return path.join(ownCache, 'node_modules', '@vscode', 'vsce', 'vsce');
}

for (const f of ['dist/extension.js', 'dist/server.js', 'dist/webview/preview.js', 'schemas/bilint.config.schema.json']) {
  if (!fs.existsSync(path.join(root, f))) {
    console.error(`[package] ${f} is missing (npm run package bundles first; the config schema comes from npm run docs)`);
    process.exit(2);
  }
}
const version = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')).version;
const out = path.join(root, `bilint-${version}.vsix`);
const r = spawnSync(
  process.execPath,
  [
    vscePath(),
    'package',
    '--no-dependencies', // everything the extension runs is in the two bundles
    '--skip-license',
    '--allow-missing-repository',
    '--readme-path',
    'docs/editor.md',
    '--out',
    out,
  ],
  { cwd: root, stdio: 'inherit' },
);
if (r.status !== 0) process.exit(r.status ?? 1);
const size = fs.statSync(out).size;
console.log(`[package] ${path.relative(process.cwd(), out)}: ${(size / 1024).toFixed(0)} KB`);
if (size > 2 * 1024 * 1024) {
  console.error('[package] the .vsix is over 2 MB: check .vscodeignore');
  process.exit(1);
}
