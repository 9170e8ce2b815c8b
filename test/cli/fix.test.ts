/** --fix (atomic, mode kept, idempotent), --fix-dry-run (a diff, nothing written), --fix-type. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { bilint, fixtureCopy, onlyRules, read, walk } from './helpers';

const RULES = { 'pair/malformed': 'error', 'front-matter/schema': 'error' };

function fixTree(): string {
  const dir = fixtureCopy('fix');
  onlyRules(dir, RULES);
  return dir;
}

const DATE_BEFORE = 'date: 2025/3/14\n';
const DATE_AFTER = 'date: 2025-03-14\n';
const SUMMARY_BEFORE = '<summary>View/Hide Original English</p>\n';
const SUMMARY_AFTER = '<summary>View/Hide Original English</summary>\n';

test('--fix rewrites the post in place, keeps its mode, leaves no temporary file, and a second run changes nothing', () => {
  const dir = fixTree();
  const file = path.join(dir, 'post.md');
  fs.chmodSync(file, 0o640);
  const before = read(dir, 'post.md');
  const r = bilint(['.', '--fix'], { cwd: dir });
  assert.equal(r.code, 0, r.stdout + r.stderr);
  assert.equal(r.stdout, '', 'nothing left to report');
  assert.match(r.stderr, /applied 2 fixes in 1 post/);
  const after = read(dir, 'post.md');
  assert.equal(after, before.replace(DATE_BEFORE, DATE_AFTER).replace(SUMMARY_BEFORE, SUMMARY_AFTER));
  assert.equal(fs.statSync(file).mode & 0o777, 0o640);
  assert.deepEqual(
    walk(dir)
      .map((f) => path.basename(f))
      .sort(),
    ['bilint.config.json', 'post.md'],
  );
  const again = bilint(['.', '--fix'], { cwd: dir });
  assert.equal(again.code, 0);
  assert.equal(again.stderr, '');
  assert.equal(read(dir, 'post.md'), after);
});

test('--fix writes through a symbolic link, which stays a link', () => {
  const dir = fixTree();
  fs.mkdirSync(path.join(dir, 'linked'));
  fs.renameSync(path.join(dir, 'post.md'), path.join(dir, 'linked', 'real.md'));
  fs.symlinkSync(path.join('linked', 'real.md'), path.join(dir, 'post.md'));
  const r = bilint(['post.md', '--fix'], { cwd: dir });
  assert.equal(r.code, 0, r.stderr);
  assert.ok(fs.lstatSync(path.join(dir, 'post.md')).isSymbolicLink());
  assert.ok(read(dir, 'linked/real.md').includes(DATE_AFTER));
});

test('--fix-dry-run prints a unified diff and writes nothing', () => {
  const dir = fixTree();
  const before = read(dir, 'post.md');
  const r = bilint(['.', '--fix-dry-run'], { cwd: dir });
  assert.equal(r.code, 0, 'no finding would remain');
  assert.equal(read(dir, 'post.md'), before);
  assert.equal(
    r.stdout,
    [
      '--- a/post.md',
      '+++ b/post.md',
      '@@ -1,7 +1,7 @@',
      ' ---',
      ' area: "tech-engineering"',
      ' category: technology',
      '-date: 2025/3/14',
      '+date: 2025-03-14',
      ' layout: post.njk',
      ' project: []',
      ' source: https://example.com/watch?v=fixture01',
      '@@ -17,6 +17,6 @@',
      ' 潮汐发电站像一台巨大的水车，随着海水进出而转动。',
      ' ',
      ' <details>',
      '-<summary>View/Hide Original English</p>',
      '+<summary>View/Hide Original English</summary>',
      ' <p class="english-text">A tidal power station works like a giant water wheel, turning as the sea flows in and out.</p>',
      ' </details>',
      '',
    ].join('\n'),
  );
  assert.match(r.stderr, /--fix would apply 2 fixes in 1 post; 0 findings would remain/);
});

test('--fix-type limits the fixes to rules or families; the rest are still reported', () => {
  const dir = fixTree();
  const r = bilint(['.', '--fix', '--fix-type', 'pair'], { cwd: dir, env: {} });
  assert.equal(r.code, 1, 'the date error remains');
  const after = read(dir, 'post.md');
  assert.ok(after.includes(SUMMARY_AFTER) && after.includes(DATE_BEFORE));
  assert.match(r.stdout, /front-matter\/schema/);
  const bad = bilint(['.', '--fix', '--fix-type', 'nosuch'], { cwd: dir });
  assert.equal(bad.code, 2);
  assert.match(bad.stderr, /--fix-type nosuch: no rule or rule family has that name/);
});

test('--fix-dry-run on --stdin shows the diff of the text read', () => {
  const dir = fixTree();
  const r = bilint(['--stdin', '--stdin-filename', 'draft.md', '--fix-dry-run', '--fix-type', 'front-matter/schema'], {
    cwd: dir,
    input: read(dir, 'post.md'),
  });
  assert.match(r.stdout, /^--- a\/draft\.md\n\+\+\+ b\/draft\.md\n@@ -1,7 \+1,7 @@\n/);
  assert.ok(!r.stdout.includes('</summary>'));
});

test('a post that is not valid UTF-8 is reported but never rewritten', () => {
  const dir = fixTree();
  const file = path.join(dir, 'post.md');
  const bytes = Buffer.concat([fs.readFileSync(file), Buffer.from([0xff, 0xfe, 0x0a])]);
  fs.writeFileSync(file, bytes);
  const r = bilint(['.', '--fix'], { cwd: dir });
  assert.equal(r.code, 1);
  assert.match(r.stderr, /post\.md: not fixed: the file is not valid UTF-8/);
  assert.deepEqual(fs.readFileSync(file), bytes);
});
