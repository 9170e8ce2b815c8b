/**
 * The CLI bundle's V8 code cache (server/src/cli/codeCache.ts): taken for the bundle it was written for,
 * whatever the files' times (npm packs every file with one fixed time), and never for another bundle.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { cacheFileOf, compileBundle } from '../../server/src/cli/codeCache';

const BUNDLE = path.join(__dirname, '..', '..', '..', 'dist', 'cli', 'bilint.js');

function copyOfBundle(): string {
  assert.ok(fs.existsSync(BUNDLE) && fs.existsSync(cacheFileOf(BUNDLE)), 'npm run bundle makes the bundle and its cache');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bilint-code-cache-'));
  const copy = path.join(dir, 'bilint.js');
  fs.copyFileSync(BUNDLE, copy);
  fs.copyFileSync(cacheFileOf(BUNDLE), cacheFileOf(copy));
  return copy;
}

test('the code cache is taken for its own bundle, also with the times npm gives packed files', () => {
  const copy = copyOfBundle();
  const packed = new Date('1985-10-26T08:15:00Z');
  fs.utimesSync(copy, packed, packed);
  fs.utimesSync(cacheFileOf(copy), packed, packed);
  const { script, cached } = compileBundle(copy);
  assert.equal(cached, true, 'the cache names this bundle');
  assert.equal(script.cachedDataRejected, false, 'and V8 takes it');
});

test('a changed bundle of the same size does not get the old cache', () => {
  const copy = copyOfBundle();
  const bytes = fs.readFileSync(copy);
  const at = bytes.lastIndexOf('//');
  assert.ok(at > 0, 'the bundle ends with a comment to change');
  bytes[at + 2] = bytes[at + 2] === 0x20 ? 0x21 : 0x20;
  fs.writeFileSync(copy, bytes);
  assert.equal(compileBundle(copy).cached, false);
});
