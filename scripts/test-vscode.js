#!/usr/bin/env node
// Runs the extension's mocha suite (test/vscode/suite) in a real VS Code:
// code-server's extension host driven by headless Chromium, through
// test/vscode/harness.js. Needs `npm run build` and `npm run bundle` (or
// `npm run package` with --packaged) first; npm run test:vscode tests the package. The workspace is a fresh copy of
// test/vscode/suite/workspace (the suite edits and saves posts); screenshots
// go to test-artifacts/vscode/.
'use strict';
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const root = path.join(__dirname, '..');
const cache = process.env.BILINT_HARNESS_CACHE || path.join(os.homedir(), '.cache', 'bilint', 'code-server-4.100.3');
if (!fs.existsSync(path.join(cache, '.bilint-harness-installed'))) {
  console.log('[test-vscode] installing the VS Code harness (once per machine)…');
  const r = spawnSync('bash', [path.join(root, 'scripts', 'install-vscode-harness.sh')], { stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 3);
}
for (const f of ['dist/extension.js', 'dist/server.js', 'out/test/vscode/suite/index.js']) {
  if (!fs.existsSync(path.join(root, f))) {
    console.error(`[test-vscode] ${f} is missing: run npm run build && npm run bundle`);
    process.exit(2);
  }
}
// --vsix FILE: run the suite against a packaged extension (unzipped), not the working tree;
// --packaged: the same with bilint-<version>.vsix from `npm run package`.
const args = process.argv.slice(2);
let extension = root;
const vsixAt = args.indexOf('--vsix');
const packagedAt = args.indexOf('--packaged');
if (vsixAt >= 0 || packagedAt >= 0) {
  const version = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')).version;
  const vsix = vsixAt >= 0 ? path.resolve(args[vsixAt + 1] || '') : path.join(root, `bilint-${version}.vsix`);
  args.splice(vsixAt >= 0 ? vsixAt : packagedAt, vsixAt >= 0 ? 2 : 1);
  const unpacked = fs.mkdtempSync(path.join(os.tmpdir(), 'bilint-vsix-'));
  const r = spawnSync('python3', ['-c', 'import sys, zipfile; zipfile.ZipFile(sys.argv[1]).extractall(sys.argv[2])', vsix, unpacked], {
    stdio: 'inherit',
  });
  if (r.status !== 0) process.exit(2);
  extension = path.join(unpacked, 'extension');
  process.on('exit', () => fs.rmSync(unpacked, { recursive: true, force: true }));
  console.log(`[test-vscode] testing the packaged extension ${path.relative(process.cwd(), vsix)}`);
}
const workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'bilint-vscode-ws-'));
fs.cpSync(path.join(root, 'test', 'vscode', 'suite', 'workspace'), workspace, { recursive: true });
process.on('exit', () => fs.rmSync(workspace, { recursive: true, force: true }));

// --electron: the same suite in a desktop VS Code downloaded by @vscode/test-electron, on machines
// that can reach Microsoft's servers (v2, a devDependency: v3 needs Node 22).
if (args.includes('--electron')) {
  let electron;
  try {
    electron = require('@vscode/test-electron');
  } catch {
    console.error('[test-vscode] --electron needs @vscode/test-electron: run npm ci');
    process.exit(2);
  }
  electron
    .runTests({
      extensionDevelopmentPath: extension,
      extensionTestsPath: path.join(root, 'out', 'test', 'vscode', 'suite', 'index.js'),
      launchArgs: [workspace, '--disable-extensions', '--disable-workspace-trust'],
    })
    .then(
      () => process.exit(0),
      (err) => {
        console.error(err);
        process.exit(1);
      },
    );
  return;
}
const shots = path.join(root, 'test-artifacts', 'vscode');
fs.rmSync(shots, { recursive: true, force: true });
fs.mkdirSync(shots, { recursive: true });
const settings = { 'workbench.startupEditor': 'none', 'markdown.preview.openMarkdownLinks': 'inEditor' };
const r = spawnSync(
  process.execPath,
  [
    path.join(root, 'test', 'vscode', 'harness.js'),
    '--extension',
    extension,
    '--tests',
    path.join(root, 'out', 'test', 'vscode', 'suite', 'index.js'),
    '--workspace',
    workspace,
    '--screenshot-dir',
    shots,
    '--settings',
    JSON.stringify(settings),
    '--timeout-ms',
    '300000',
    ...args,
  ],
  { stdio: 'inherit' },
);
fs.rmSync(workspace, { recursive: true, force: true });
console.log(`[test-vscode] screenshots in ${path.relative(process.cwd(), shots) || '.'}`);
process.exit(r.status ?? 3);
