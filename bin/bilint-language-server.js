#!/usr/bin/env node
'use strict';
// The Bilint language server. Runs the compiled server (npm run build), or the
// bundled one (npm run bundle) when only that exists, as in the packaged extension.
const fs = require('node:fs');
const path = require('node:path');
const compiled = path.join(__dirname, '..', 'out', 'server', 'src', 'lsp', 'main.js');
const bundled = path.join(__dirname, '..', 'dist', 'server.js');
const entry = fs.existsSync(compiled) ? compiled : bundled;
if (!fs.existsSync(entry)) {
  process.stderr.write('bilint-language-server: not built yet; run `npm run build` first.\n');
  process.exit(2);
}
require(entry).main();
