#!/usr/bin/env node
'use strict';
// The `bilint` command: the compiled CLI does the work (npm run build makes out/).
require('../out/server/src/cli/main.js').run();
