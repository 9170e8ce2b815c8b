/** Exit codes, config handling, the cache, worker threads, stats and init. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { builtinRules } from '../../server/src/bilint';
import { bilint, fixtureCopy, onlyRules, REPO } from './helpers';

const CROSS = { 'gloss/inconsistent-across-posts': 'warning', 'entity/inconsistent-across-posts': 'warning' };

test('exit codes: 0 clean, 1 errors or too many warnings, 2 usage errors', () => {
  const dir = fixtureCopy('cross');
  onlyRules(dir, CROSS);
  assert.equal(bilint(['c.md'], { cwd: dir }).code, 0, 'one post alone has nothing to compare with');
  assert.equal(bilint(['.'], { cwd: dir }).code, 0, 'warnings only');
  assert.equal(bilint(['.', '--max-warnings', '5'], { cwd: dir }).code, 0);
  const over = bilint(['.', '--max-warnings', '4'], { cwd: dir });
  assert.equal(over.code, 1);
  assert.match(over.stderr, /5 warnings, more than --max-warnings 4 allows/);
  assert.equal(bilint(['.', '--rule', 'entity/inconsistent-across-posts:error'], { cwd: dir }).code, 1);
  const quiet = bilint(['.', '--quiet', '--rule', 'entity/inconsistent-across-posts:error'], { cwd: dir });
  assert.equal(quiet.code, 1);
  assert.doesNotMatch(quiet.stdout, /gloss\//, '--quiet reports errors only');
  for (const args of [['--bogus'], ['--format', 'xml'], ['--max-warnings', 'many'], ['--fix', '--fix-dry-run'], ['--stdin', 'x.md']]) {
    const r = bilint(args, { cwd: dir });
    assert.equal(r.code, 2, args.join(' '));
    assert.match(r.stderr, /^bilint: .+\nRun `bilint --help` for the options\.\n$/);
  }
  assert.match(bilint(['--formt', 'json'], { cwd: dir }).stderr, /Did you mean --format\?/);
});

test('--rule: severity overrides, checked against the rules', () => {
  const dir = fixtureCopy('cross');
  onlyRules(dir, CROSS);
  const r = bilint(['.', '--rule', 'gloss/inconsistent-across-posts:off', '-f', 'json'], { cwd: dir });
  const rules = JSON.parse(r.stdout).flatMap((p: { messages: { ruleId: string }[] }) => p.messages.map((m) => m.ruleId));
  assert.deepEqual([...new Set(rules)], ['entity/inconsistent-across-posts']);
  const unknown = bilint(['.', '--rule', 'gloss/nope:error'], { cwd: dir });
  assert.equal(unknown.code, 2);
  assert.match(unknown.stderr, /there is no rule "gloss\/nope"\. Rules of gloss: /);
  const typo = bilint(['.', '--rule', 'gloss/inconsistent-acros-posts:off'], { cwd: dir });
  assert.match(typo.stderr, /there is no rule "gloss\/inconsistent-acros-posts"\. Did you mean "gloss\/inconsistent-across-posts"\?/);
  assert.match(bilint(['.', '--rule', 'gloss/inconsistent-across-posts'], { cwd: dir }).stderr, /rule-id:severity/);
});

test('a broken config: exit 2, each problem with file:line:col', () => {
  const dir = fixtureCopy('cross');
  fs.writeFileSync(
    path.join(dir, 'bilint.config.json'),
    '{\n  "rules": {\n    "gloss/nope": "error",\n    "pair/missing-english": "loud"\n  },\n}\n',
  );
  const r = bilint(['.'], { cwd: dir });
  assert.equal(r.code, 2);
  assert.equal(r.stdout, '');
  const lines = r.stderr.trim().split('\n');
  assert.ok(
    lines.some((l) => /^bilint\.config\.json:3:\d+: /.test(l)),
    r.stderr,
  );
  assert.ok(
    lines.some((l) => /^bilint\.config\.json:4:\d+: /.test(l)),
    r.stderr,
  );
  assert.match(lines.at(-1)!, /fix them .* and run again/);
  fs.writeFileSync(path.join(dir, 'bilint.config.json'), '{ "rules": { ');
  const syntax = bilint(['.'], { cwd: dir });
  assert.equal(syntax.code, 2);
  assert.match(syntax.stderr, /^bilint\.config\.json:1:\d+: JSON error/);
  const missing = bilint(['.', '--config', 'nowhere.json'], { cwd: dir });
  assert.equal(missing.code, 2);
  assert.match(missing.stderr, /--config nowhere\.json: no such file/);
});

test('--config replaces the search; --print-config shows the resolved config', () => {
  const dir = fixtureCopy('cross');
  onlyRules(dir, CROSS);
  fs.writeFileSync(path.join(dir, 'strict.json'), JSON.stringify({ rules: { 'entity/inconsistent-across-posts': 'error' } }));
  assert.equal(bilint(['.', '--config', 'strict.json'], { cwd: dir }).code, 1);
  const r = bilint(['--print-config', 'a.md', '--rule', 'gloss/inconsistent-across-posts:info'], { cwd: dir });
  assert.equal(r.code, 0);
  const printed = JSON.parse(r.stdout);
  assert.deepEqual(printed.configFiles, [path.join(dir, 'bilint.config.json')]);
  assert.equal(printed.rules['gloss/inconsistent-across-posts'].severity, 'info');
  assert.equal(printed.rules['front-matter/missing'].severity, 'off');
});

test('--cache: a re-run reads the cache; a changed post or config is linted again', () => {
  const dir = fixtureCopy('cross');
  onlyRules(dir, CROSS);
  const first = bilint(['.', '--cache', '-f', 'json'], { cwd: dir });
  const cacheFile = path.join(dir, '.bilintcache');
  assert.ok(fs.existsSync(cacheFile));
  // Mark a cached finding: if the next run prints the mark, it came from the cache.
  const cache = JSON.parse(fs.readFileSync(cacheFile, 'utf8'));
  const entry = cache.entries[path.join(dir, 'c.md')];
  entry.cross.diagnostics[0].message = 'FROM THE CACHE';
  fs.writeFileSync(cacheFile, JSON.stringify(cache));
  const second = bilint(['.', '--cache', '-f', 'json'], { cwd: dir });
  assert.match(second.stdout, /FROM THE CACHE/);
  assert.equal(second.stdout.replace('FROM THE CACHE', JSON.parse(first.stdout)[2].messages[0].message), first.stdout);
  // Another post changed, but not what it says about terms and entities: c.md's findings still hold.
  fs.appendFileSync(path.join(dir, 'a.md'), '\n');
  assert.match(bilint(['.', '--cache', '-f', 'json'], { cwd: dir }).stdout, /FROM THE CACHE/);
  // Another post glosses the term differently now: the cross-post findings are computed afresh.
  const a = path.join(dir, 'a.md');
  fs.writeFileSync(a, fs.readFileSync(a, 'utf8').replace('Off-Peak Delivery', 'Evening Delivery'));
  const third = bilint(['.', '--cache', '-f', 'json'], { cwd: dir });
  assert.doesNotMatch(third.stdout, /FROM THE CACHE/);
  assert.match(third.stdout, /Evening Delivery/);
  // A changed config is a miss too.
  onlyRules(dir, { 'front-matter/missing': 'error' });
  assert.deepEqual(
    JSON.parse(bilint(['.', '--cache', '-f', 'json'], { cwd: dir }).stdout).map((p: { errorCount: number }) => p.errorCount),
    [0, 0, 0],
  );
  // A post that no longer exists leaves the cache.
  fs.rmSync(path.join(dir, 'c.md'));
  bilint(['a.md', '--cache'], { cwd: dir });
  assert.deepEqual(Object.keys(JSON.parse(fs.readFileSync(cacheFile, 'utf8')).entries).sort(), [
    path.join(dir, 'a.md'),
    path.join(dir, 'b.md'),
  ]);
  // A custom location, a folder.
  fs.mkdirSync(path.join(dir, 'tmp'));
  bilint(['.', '--cache', '--cache-location', 'tmp'], { cwd: dir });
  assert.ok(fs.existsSync(path.join(dir, 'tmp', '.bilintcache')));
  // A folder that does not exist yet, marked by its trailing slash (as the example workflow passes $RUNNER_TEMP/bilint/).
  bilint(['.', '--cache', '--cache-location', 'runner/bilint/'], { cwd: dir });
  assert.ok(fs.statSync(path.join(dir, 'runner', 'bilint')).isDirectory(), 'made a folder, not a file named bilint');
  assert.ok(fs.existsSync(path.join(dir, 'runner', 'bilint', '.bilintcache')));
});

test('worker threads give the same results as one thread', () => {
  const dir = fixtureCopy('cross');
  onlyRules(dir, { ...CROSS, 'front-matter/missing': 'error' });
  // More posts, so both workers get some.
  for (let i = 0; i < 6; i++) fs.copyFileSync(path.join(dir, i % 2 ? 'a.md' : 'b.md'), path.join(dir, `copy-${i}.md`));
  const one = bilint(['.', '--concurrency', '1', '-f', 'json'], { cwd: dir });
  const two = bilint(['.', '--concurrency', '2', '-f', 'json'], { cwd: dir });
  assert.equal(two.stderr, '');
  assert.equal(two.stdout, one.stdout);
  assert.ok(JSON.parse(one.stdout).length === 9);
  // Workers too small for any post: every post is redone in the main thread, with the same results.
  const starved = bilint(['.', '--concurrency', '2', '-f', 'json'], { cwd: dir, env: { BILINT_WORKER_HEAP_MB: '1' } });
  assert.equal(starved.stdout, one.stdout);
});

test('--help and --version', () => {
  const help = bilint(['--help'], { cwd: REPO });
  assert.equal(help.code, 0);
  assert.match(help.stdout, /^Usage: bilint \[options\] \[paths or globs\.\.\.\]/);
  for (const flag of [
    '--format',
    '--fix-dry-run',
    '--changed',
    '--files-from',
    '--cache',
    '--concurrency',
    '--max-warnings',
    '--print-config',
  ]) {
    assert.ok(help.stdout.includes(flag), flag);
  }
  const version = bilint(['-v'], { cwd: REPO });
  assert.equal(version.stdout, JSON.parse(fs.readFileSync(path.join(REPO, 'package.json'), 'utf8')).version + '\n');
});

test('stats: a row per post and a total, as a table or JSON', () => {
  const dir = fixtureCopy('basic');
  onlyRules(dir, { 'front-matter/missing': 'error' });
  const r = bilint(['stats', 'posts', '--format', 'json'], { cwd: dir });
  assert.equal(r.code, 0, 'stats do not fail on findings');
  const { posts, total } = JSON.parse(r.stdout);
  const good = posts.find((p: { post: string }) => p.post === 'posts/good.md');
  assert.deepEqual(
    { coverage: good.coverage, pairs: good.pairs, glossedTerms: good.glossedTerms, entities: good.entities, findings: good.findings },
    { coverage: 1, pairs: 1, glossedTerms: 1, entities: 1, findings: 0 },
  );
  assert.equal(total.findings, 2);
  assert.equal(total.post, 'Total (3 posts)');
  const table = bilint(['stats', 'posts'], { cwd: dir }).stdout.split('\n');
  assert.match(table[0], /^Post\s+Coverage\s+Pairs\s+Glossed terms\s+Entities\s+Findings$/);
  assert.match(
    table.find((l) => l.startsWith('posts/good.md'))!,
    /100\.0%\s+1\s+1\s+1\s+0$/,
  );
  assert.match(table.at(-2)!, /^Total \(3 posts\)\s+\d+\.\d%\s+\d+\s+\d+\s+\d+\s+2$/);
});

test('init: a starter config with $schema, never overwritten', () => {
  const dir = fixtureCopy('cross');
  const r = bilint(['init'], { cwd: dir });
  assert.equal(r.code, 0, r.stderr);
  const config = JSON.parse(fs.readFileSync(path.join(dir, 'bilint.config.json'), 'utf8'));
  assert.equal(config.$schema, './node_modules/bilint/schemas/bilint.config.schema.json');
  assert.deepEqual(
    Object.keys(config.rules),
    builtinRules.map((x) => x.meta.id),
  );
  assert.match(r.stdout, /add Bilint to the project as a dev dependency/);
  assert.equal(bilint(['.'], { cwd: dir }).code === 2, false, 'the starter config is valid');
  const again = bilint(['init'], { cwd: dir });
  assert.equal(again.code, 2);
  assert.match(again.stderr, /already exists/);
  // Inside a project with Bilint installed, the installed schema is used without a hint.
  const project = fixtureCopy('cross');
  fs.mkdirSync(path.join(project, 'node_modules', 'bilint', 'schemas'), { recursive: true });
  fs.writeFileSync(path.join(project, 'node_modules', 'bilint', 'schemas', 'bilint.config.schema.json'), '{}');
  const installed = bilint(['init'], { cwd: project });
  assert.doesNotMatch(installed.stdout, /npm install/);
});
