/**
 * The entry of the command line's bundle (dist/cli/bilint.js, made by
 * scripts/bundle.js): one file, loaded by bin/bilint.js in the main thread
 * and by dist/cli/worker.js in each worker thread, so they share one code cache.
 */
// First: the engine validates with the built-in schemas as its modules load.
import './precompiled';
export { run } from './main';

export function startWorker(): void {
  // Required, not imported: the worker's module listens on parentPort as it loads.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  require('./worker');
}
