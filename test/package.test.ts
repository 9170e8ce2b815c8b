/**
 * The npm package as a user gets it: `npm pack`, installed into a fresh project, then run from there as
 * `npx bilint` and `bilint-language-server`. The bundles come from `npm run bundle`, which the unit test
 * command runs first (`prepare` makes the minified ones for `npm pack`, a git install and `npm install`).
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as os from 'node:os';
import * as path from 'node:path';
import * as jsYaml from 'js-yaml';
import { git } from './cli/helpers';
import { REPO, TestClient, uriOf } from './lsp/lspClient';
import { post } from './lsp/fixtures';

const NPM = process.platform === 'win32' ? 'npm.cmd' : 'npm';

interface PackResult {
  filename: string;
  files: { path: string }[];
}

describe('the npm package, installed', () => {
  let tmp: string;
  let project: string;
  let packed: PackResult;

  before(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'bilint-package-'));
    const out = execFileSync(NPM, ['pack', '--json', '--ignore-scripts', '--pack-destination', tmp], { cwd: REPO, encoding: 'utf8' });
    packed = (JSON.parse(out) as PackResult[])[0];
    project = path.join(tmp, 'project');
    fs.mkdirSync(project);
    fs.writeFileSync(path.join(project, 'package.json'), '{ "name": "posts", "version": "1.0.0", "private": true }\n');
    // The dependencies come from npm's cache when `npm ci` has filled it (as in CI), else from the registry.
    execFileSync(NPM, ['install', '--prefer-offline', '--no-audit', '--no-fund', '--ignore-scripts', path.join(tmp, packed.filename)], {
      cwd: project,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
      timeout: 180_000,
    });
  });
  after(() => fs.rmSync(tmp, { recursive: true, force: true }));

  it('holds the bundles, bin, schemas and docs, and no sources, tests or source maps', () => {
    const files = packed.files.map((f) => f.path);
    for (const needed of [
      'bin/bilint.js',
      'bin/bilint-language-server.js',
      'dist/cli/bilint.js',
      'dist/cli/bilint.js.cache',
      'dist/cli/load.js',
      'dist/cli/worker.js',
      'dist/server.js',
      'schemas/bilint.config.schema.json',
      'schemas/post.schema.json',
      'docs/rules/pair/missing-english.md',
      'README.md',
      'package.json',
    ])
      assert.ok(files.includes(needed), `${needed} is in the package`);
    const stray = files.filter((f) => /^(server|client|test|out|scripts|bench|examples)\/|\.map$|\.vsix$/.test(f));
    assert.deepEqual(stray, []);
  });

  it('`npx bilint` lints posts, exits 1 on errors, and loads its bundle with the code cache', () => {
    fs.writeFileSync(path.join(project, 'good.md'), post({}));
    fs.writeFileSync(path.join(project, 'broken.md'), 'No front matter at all.\n');
    const r = spawnSync(NPM, ['exec', '--no', '--', 'bilint', '--format', 'json', 'good.md', 'broken.md'], {
      cwd: project,
      encoding: 'utf8',
    });
    assert.equal(r.status, 1, r.stderr);
    const report = JSON.parse(r.stdout) as { filePath: string; messages: { ruleId: string }[] }[];
    const byFile = Object.fromEntries(report.map((p) => [path.basename(p.filePath), p.messages.map((m) => m.ruleId)]));
    assert.ok(!byFile['good.md'].includes('front-matter/missing'), JSON.stringify(byFile));
    assert.ok(byFile['broken.md'].includes('front-matter/missing'), JSON.stringify(byFile));

    const installed = path.join(project, 'node_modules', 'bilint', 'dist', 'cli');
    const load = createRequire(__filename)(path.join(installed, 'load.js')) as typeof import('../server/src/cli/codeCache');
    const { compileBundle } = load;
    const { cached, script } = compileBundle(path.join(installed, 'bilint.js'));
    assert.ok(cached && !script.cachedDataRejected, 'the installed bundle takes the code cache packed with it');
  });

  it('`npx bilint init` writes a config whose $schema is the one installed', () => {
    const r = spawnSync(NPM, ['exec', '--no', '--', 'bilint', 'init'], { cwd: project, encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
    const written = path.join(project, 'bilint.config.json');
    const schema = path.resolve(project, (JSON.parse(fs.readFileSync(written, 'utf8')) as { $schema: string }).$schema);
    fs.rmSync(written);
    assert.equal(schema, path.join(project, 'node_modules', 'bilint', 'schemas', 'bilint.config.schema.json'));
    assert.ok(fs.existsSync(schema), 'editors find it');
  });

  it('the pre-commit hooks run the installed Bilint on the posts they are given', () => {
    const hooks = jsYaml.load(fs.readFileSync(path.join(REPO, '.pre-commit-hooks.yaml'), 'utf8')) as { id: string; entry: string }[];
    assert.deepEqual(
      hooks.map((h) => h.id),
      ['bilint', 'bilint-fix'],
    );
    for (const hook of hooks) {
      // pre-commit runs a `system` hook as its entry's words plus the staged files.
      fs.writeFileSync(
        path.join(project, 'staged.md'),
        post({}, '中文段落。\n\n<details>\n<summary>View/Hide Original English</summary>\n<p>Text.</p>\n</details>\n'),
      );
      const [cmd, ...args] = hook.entry.split(' ');
      const r = spawnSync(cmd, [...args, 'staged.md'], { cwd: project, encoding: 'utf8' });
      assert.ok(r.status === 0 || r.status === 1, `${hook.id}: exit ${r.status}: ${r.stderr}`);
      const fixed = fs.readFileSync(path.join(project, 'staged.md'), 'utf8').includes('<p class="english-text">Text.</p>');
      assert.equal(fixed, hook.id === 'bilint-fix', `${hook.id}: ${r.stdout}`);
    }
  });

  it("the example workflow's bilint steps run as written, in a pull request's checkout", () => {
    interface Step {
      name?: string;
      run?: string;
    }
    const workflow = jsYaml.load(fs.readFileSync(path.join(REPO, '.github', 'workflows', 'bilint.yml'), 'utf8')) as {
      env: Record<string, string>;
      jobs: { bilint: { steps: Step[] } };
    };
    const steps = workflow.jobs.bilint.steps.filter((s) => s.run?.includes('npx bilint'));
    assert.equal(steps.length, 3, 'annotations, SARIF, summary');

    // The site: main holds a clean post; the pull request adds one with an error. Checked out as
    // actions/checkout does with fetch-depth 0, inside the project that installed Bilint.
    const upstream = path.join(tmp, 'site-upstream');
    fs.mkdirSync(path.join(upstream, 'posts'), { recursive: true });
    fs.writeFileSync(path.join(upstream, 'posts', 'old.md'), post({}));
    git(upstream, 'init', '-q', '-b', 'main');
    git(upstream, 'add', '.');
    git(upstream, 'commit', '-q', '-m', 'the site');
    const site = path.join(project, 'site');
    execFileSync('git', ['clone', '-q', upstream, site]);
    git(site, 'checkout', '-q', '-b', 'pull-request');
    fs.writeFileSync(
      path.join(site, 'posts', 'new.md'),
      post({}, '新的段落。\n\n<details>\n<summary>View/Hide Original English</summary>\n<p>New.</p>\n</details>\n'),
    );
    git(site, 'add', '.');
    git(site, 'commit', '-q', '-m', 'a new post');

    const runner = path.join(tmp, 'runner');
    fs.mkdirSync(runner);
    const summary = path.join(tmp, 'summary.md');
    const env = { ...process.env, ...workflow.env, GITHUB_BASE_REF: 'main', RUNNER_TEMP: runner, GITHUB_STEP_SUMMARY: summary };
    // What GitHub does with a step: its expressions filled in, the script run by bash -e.
    const runStep = (s: Step) =>
      spawnSync('bash', ['-e', '-c', s.run!.replace(/\$\{\{ github\.base_ref \}\}/g, 'main')], { cwd: site, env, encoding: 'utf8' });

    const annotate = runStep(steps[0]);
    assert.equal(annotate.status, 1, `the check fails on the new post's error: ${annotate.stderr}`);
    assert.match(annotate.stdout, /^::error file=posts\/new\.md,line=\d+,col=\d+,.*title=pair\/malformed::/m);
    assert.ok(!annotate.stdout.includes('old.md'), 'only the posts the pull request changed');

    const sarif = runStep(steps[1]);
    assert.equal(sarif.status, 0, sarif.stderr);
    const results = (
      JSON.parse(fs.readFileSync(path.join(site, 'bilint.sarif'), 'utf8')) as {
        runs: { results: { locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }[] }[];
      }
    ).runs[0].results;
    assert.ok(results.length > 0 && results.every((r) => r.locations[0].physicalLocation.artifactLocation.uri === 'posts/new.md'));

    const table = runStep(steps[2]);
    assert.equal(table.status, 0, table.stderr);
    assert.match(fs.readFileSync(summary, 'utf8'), /^### Bilint: .* in 1 of 1 post\n[\s\S]*\| `posts\/new\.md` \|/);
    assert.ok(fs.existsSync(path.join(runner, 'bilint', '.bilintcache')), 'the steps share one cache in $RUNNER_TEMP');
  });

  it('`bilint-language-server` answers over stdio, with rule links into the installed docs', async () => {
    const bin = path.join(project, 'node_modules', 'bilint', 'bin', 'bilint-language-server.js');
    const client = await TestClient.start({ serverPath: bin });
    try {
      const uri = uriOf(path.join(project, 'open.md'));
      await client.open(uri, post({ area: 'market-analysis' }));
      const d = (await client.diagnostics(uri, { version: 1 })).find((x) => x.code === 'front-matter/schema');
      assert.ok(d, 'the schema finding is published');
      const docs = new URL(d.codeDescription!.href);
      assert.ok(fs.existsSync(docs), `${docs.href} exists in the installed package`);
      assert.ok(docs.pathname.includes('/node_modules/bilint/docs/rules/'), docs.href);
    } finally {
      await client.stop();
    }
  });
});
