/** Which posts a run lints: folders, globs, ignores, stdin, lists, git changes. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { bilint, fixtureCopy, git, onlyRules } from './helpers';

/** The posts a run reported on (json format lists every post linted). */
function linted(dir: string, args: string[], input?: string): string[] {
  const r = bilint([...args, '-f', 'json'], { cwd: dir, input });
  assert.ok(r.code === 0 || r.code === 1, `exit ${r.code}: ${r.stderr}`);
  return JSON.parse(r.stdout).map((p: { filePath: string }) => path.relative(dir, p.filePath).split(path.sep).join('/'));
}

function basicTree(extra: object = {}): string {
  const dir = fixtureCopy('basic');
  onlyRules(dir, { 'front-matter/missing': 'error' }, { ignores: ['archive/**'], ...extra });
  return dir;
}

test('a folder: every *.md below it, minus .gitignore and the config ignores', () => {
  const dir = basicTree();
  assert.deepEqual(linted(dir, ['.']), ['posts/good.md', 'posts/nested/deep.md', 'posts/no-front-matter.md']);
  assert.deepEqual(linted(dir, []), ['posts/good.md', 'posts/nested/deep.md', 'posts/no-front-matter.md'], 'no path: the current folder');
});

test('--no-ignore lints what .gitignore and ignores hide', () => {
  const dir = basicTree();
  assert.deepEqual(linted(dir, ['.', '--no-ignore']), [
    'archive/old.md',
    'drafts/draft.md',
    'posts/good.md',
    'posts/nested/deep.md',
    'posts/no-front-matter.md',
  ]);
});

test('globs, files and folders together, without duplicates', () => {
  const dir = basicTree();
  assert.deepEqual(linted(dir, ['posts/**/deep.md', 'posts/good.md', 'posts/nested']), ['posts/good.md', 'posts/nested/deep.md']);
  assert.deepEqual(linted(dir, ['posts/*.md']), ['posts/good.md', 'posts/no-front-matter.md']);
  // A glob that climbs out of the current folder, and braces.
  const nested = path.join(dir, 'posts', 'nested');
  assert.deepEqual(
    linted(nested, ['../{good,no-front-matter}.md']).map((f) => path.relative(dir, path.resolve(nested, f)).split(path.sep).join('/')),
    ['posts/good.md', 'posts/no-front-matter.md'],
  );
});

test('a file the config ignores is skipped with a note, even when named', () => {
  const dir = basicTree();
  const r = bilint(['archive/old.md', 'posts/good.md'], { cwd: dir });
  assert.equal(r.code, 0);
  assert.match(r.stderr, /archive\/old\.md is ignored by the config's "ignores"/);
});

test('a path that matches nothing is a usage error (exit 2) that says what to do', () => {
  const dir = basicTree();
  const r = bilint(['nope', 'posts/*.txt'], { cwd: dir });
  assert.equal(r.code, 2);
  assert.match(r.stderr, /No posts found for "nope", "posts\/\*\.txt": check the path/);
});

test('--stdin with --stdin-filename: config and output use that name', () => {
  const dir = basicTree();
  const r = bilint(['--stdin', '--stdin-filename', 'posts/new.md', '-f', 'github'], { cwd: dir, input: 'Just a line.\n' });
  assert.equal(r.code, 1);
  assert.match(r.stdout, /^::error file=posts\/new\.md,line=1,col=1,endLine=1,endColumn=13,title=front-matter\/missing::/);
  const anonymous = bilint(['--stdin'], { cwd: dir, input: '---\ntitle: x\n---\n' });
  assert.equal(anonymous.code, 0);
  const ignored = bilint(['--stdin', '--stdin-filename', 'archive/x.md'], { cwd: dir, input: 'x\n' });
  assert.equal(ignored.code, 0);
  assert.match(ignored.stderr, /ignored/);
});

test('--files-from -: the listed posts; deleted and non-post entries are skipped', () => {
  const dir = basicTree();
  const list = 'posts/good.md\r\nposts/deleted.md\nposts/readme.txt\n\nposts/nested/deep.md\n';
  assert.deepEqual(linted(dir, ['--files-from', '-'], list), ['posts/good.md', 'posts/nested/deep.md']);
  fs.writeFileSync(path.join(dir, 'list.txt'), 'posts/no-front-matter.md\n');
  assert.deepEqual(linted(dir, ['--files-from', 'list.txt']), ['posts/no-front-matter.md']);
  const empty = bilint(['--files-from', '-'], { cwd: dir, input: 'gone.md\n' });
  assert.equal(empty.code, 0);
  assert.match(empty.stderr, /No posts in the list/);
});

test('--changed: the posts changed since the merge base, with new untracked ones', () => {
  const dir = basicTree();
  const run = (...args: string[]) => git(dir, ...args);
  run('init', '-q', '-b', 'main');
  run('add', '.');
  run('commit', '-q', '-m', 'base');
  run('checkout', '-q', '-b', 'feature');
  fs.appendFileSync(path.join(dir, 'posts/good.md'), '\n更多内容。\n');
  fs.rmSync(path.join(dir, 'posts/nested/deep.md'));
  run('commit', '-q', '-am', 'edit');
  fs.writeFileSync(path.join(dir, 'posts/fresh.md'), 'A new post, not committed yet.\n');
  fs.writeFileSync(path.join(dir, 'notes.txt'), 'not a post\n');
  assert.deepEqual(linted(dir, ['--changed']), ['posts/fresh.md', 'posts/good.md'], 'default base: main');
  assert.deepEqual(linted(dir, ['--changed=main', 'posts/good.md']), ['posts/good.md'], 'paths narrow the changed posts');
  const none = bilint(['--changed', 'feature'], { cwd: dir });
  assert.equal(none.code, 1, 'the untracked post still counts');
  const bad = bilint(['--changed=nosuch'], { cwd: dir });
  assert.equal(bad.code, 2);
  assert.match(bad.stderr, /no such branch or commit/);
});

test("--changed without a REF: the CI's target branch, else the remote's default branch, else main or master", () => {
  // A repository whose branch is called master, with one post changed on a feature branch.
  const upstream = basicTree();
  const run = (...args: string[]) => git(upstream, ...args);
  run('init', '-q', '-b', 'master');
  run('add', '.');
  run('commit', '-q', '-m', 'base');
  run('checkout', '-q', '-b', 'feature');
  fs.appendFileSync(path.join(upstream, 'posts/good.md'), '\n更多内容。\n');
  run('commit', '-q', '-am', 'edit');
  assert.deepEqual(linted(upstream, ['--changed']), ['posts/good.md'], 'master when there is no main');

  // A clone of it whose remote's default branch is called trunk (origin/HEAD names it), working on a
  // branch of feature: against trunk it changed both posts.
  run('checkout', '-q', 'master');
  run('branch', '-q', '-m', 'master', 'trunk');
  const clone = fs.mkdtempSync(path.join(os.tmpdir(), 'bilint-cli-clone-'));
  execFileSync('git', ['clone', '-q', upstream, clone]);
  const inClone = (...args: string[]) => git(clone, ...args);
  inClone('checkout', '-q', '-b', 'mine', 'origin/feature');
  fs.appendFileSync(path.join(clone, 'posts/no-front-matter.md'), '\n又一段。\n');
  assert.deepEqual(linted(clone, ['--changed']), ['posts/good.md', 'posts/no-front-matter.md'], 'origin/HEAD: origin/trunk');

  // In a pull request's CI run, the branch it targets; one not fetched is an error that says so.
  const ci = (base: string) => bilint(['--changed', '-f', 'json'], { cwd: clone, env: { GITHUB_BASE_REF: base } });
  const missing = ci('release');
  assert.equal(missing.code, 2, missing.stderr);
  assert.match(missing.stderr, /`--changed origin\/release` \(the base named by GITHUB_BASE_REF\): git knows no such branch/);
  run('branch', '-q', 'release', 'feature');
  inClone('fetch', '-q', 'origin');
  const fetched = ci('release');
  assert.deepEqual(
    (JSON.parse(fetched.stdout) as { filePath: string }[]).map((r) => path.relative(clone, r.filePath)),
    ['posts/no-front-matter.md'],
    `against origin/release (feature), only the clone's own change: ${fetched.stderr}`,
  );
});

test('--changed outside a git repository is a usage error', () => {
  const dir = basicTree();
  const r = bilint(['--changed'], { cwd: dir, env: { GIT_CEILING_DIRECTORIES: path.dirname(dir) } });
  assert.equal(r.code, 2);
  assert.match(r.stderr, /--changed/);
});
