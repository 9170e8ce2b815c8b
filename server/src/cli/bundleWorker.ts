/** A worker thread of the bundled command line (dist/cli/worker.js): it runs worker.ts from the shared bundle. */
import * as path from 'node:path';
import { loadBundle } from './codeCache';

loadBundle(path.join(__dirname, 'bilint.js')).startWorker();
