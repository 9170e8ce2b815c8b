/** The progress bar: only on a terminal, not in CI, only after the delay; cleared at the end. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Progress } from '../../server/src/cli/progress';

function fakeStream(isTTY: boolean) {
  const writes: string[] = [];
  return { isTTY, columns: 60, writes, write: (s: string) => writes.push(s) };
}

test('wanted on a terminal only, never in CI, pipes, dumb terminals or with --no-progress', () => {
  assert.equal(Progress.wanted(fakeStream(true), {}, undefined), true);
  assert.equal(Progress.wanted(fakeStream(false), {}, undefined), false);
  assert.equal(Progress.wanted(fakeStream(true), { CI: 'true' }, undefined), false);
  assert.equal(Progress.wanted(fakeStream(true), { TERM: 'dumb' }, undefined), false);
  assert.equal(Progress.wanted(fakeStream(true), {}, false), false);
});

test('draws after the delay, counts growing totals, and clears its line at the end', () => {
  const stream = fakeStream(true);
  const p = new Progress(stream, 0);
  p.start(4);
  p.tick();
  p.add(4);
  assert.match(stream.writes.at(-1)!, /^\r[█░]+ 1\/4 posts 25%/);
  assert.ok(stream.writes.at(-1)!.endsWith('\x1b[K'), 'clears the rest of the line');
  p.done();
  assert.equal(stream.writes.at(-1), '\r\x1b[K');
});

test('a short run draws nothing', () => {
  const stream = fakeStream(true);
  const p = new Progress(stream, 60_000);
  p.start(2);
  p.tick();
  p.tick();
  p.done();
  assert.deepEqual(stream.writes, []);
});
