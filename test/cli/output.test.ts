/**
 * The report formats, byte for byte, on fixture trees whose findings are
 * stable: the cross-post rules (this CLI's own) and front-matter/missing,
 * with every other rule turned off.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { builtinRules } from '../../server/src/bilint';
import { escapeData, escapeProperty } from '../../server/src/cli/formatters/github';
import { displayWidth } from '../../server/src/cli/formatters/stylish';
import { cell, markdown, MAX_CHARS } from '../../server/src/cli/formatters/markdown';
import { bilint, fixtureCopy, onlyRules } from './helpers';

// eslint-disable-next-line @typescript-eslint/no-require-imports -- markdown-it ships no types; the test only renders
const MarkdownIt = require('markdown-it') as new () => { render(src: string): string };

const CROSS = { 'gloss/inconsistent-across-posts': 'warning', 'entity/inconsistent-across-posts': 'error' };

const ENTITY_A = '“Mira Castellane” is spelled “Mira Castelane” in b.md: check which spelling is right and use it in every post.';
const ENTITY_B = '“Mira Castelane” is spelled “Mira Castellane” in a.md: check which spelling is right and use it in every post.';
const GLOSS_A = '“错峰配送” is glossed “Off-Peak Delivery” here but “Night Shipping” in b.md: use one English rendering across posts.';
const GLOSS_B =
  '“错峰配送” is glossed “Night Shipping” here but “Off-Peak Delivery” in a.md and 1 other post: use one English rendering across posts.';
const GLOSS_C = '“错峰配送” is glossed “Off-peak deliveries” here but “Night Shipping” in b.md: use one English rendering across posts.';

function crossTree(): string {
  const dir = fixtureCopy('cross');
  onlyRules(dir, CROSS);
  return dir;
}

test('stylish, piped: grouped by post, aligned, a summary line, no color', () => {
  const dir = crossTree();
  const r = bilint(['.'], { cwd: dir });
  assert.equal(r.code, 1);
  assert.equal(r.stderr, '');
  // Columns align on the terminal: a Chinese character takes two.
  const pad = (s: string, w: number) => s + ' '.repeat(w - displayWidth(s));
  const wA = Math.max(displayWidth(ENTITY_A), displayWidth(GLOSS_A));
  const wB = Math.max(displayWidth(ENTITY_B), displayWidth(GLOSS_B));
  const expected = [
    'a.md',
    `  5:3  error    ${pad(ENTITY_A, wA)}  entity/inconsistent-across-posts`,
    `  8:9  warning  ${pad(GLOSS_A, wA)}  gloss/inconsistent-across-posts`,
    '',
    'b.md',
    `  5:3  error    ${pad(ENTITY_B, wB)}  entity/inconsistent-across-posts`,
    `  8:9  warning  ${pad(GLOSS_B, wB)}  gloss/inconsistent-across-posts`,
    '',
    'c.md',
    `  8:8  warning  ${GLOSS_C}  gloss/inconsistent-across-posts`,
    '',
    '✖ 5 problems (2 errors, 3 warnings, 0 infos)',
    '',
  ].join('\n');
  assert.equal(r.stdout, expected);
});

test('stylish: colors with --color, none with NO_COLOR', () => {
  const dir = crossTree();
  const colored = bilint(['.', '--color'], { cwd: dir });
  const ESC = '\x1b';
  assert.ok(colored.stdout.includes(`${ESC}[31merror`));
  assert.ok(colored.stdout.includes(`${ESC}[4ma.md${ESC}[0m`));
  const plain = bilint(['.'], { cwd: dir, env: { NO_COLOR: '1', FORCE_COLOR: '1' } });
  assert.ok(!plain.stdout.includes(ESC));
});

test('json: the ESLint shape, 1-based lines, UTF-16 columns (the emoji before the term counts two)', () => {
  const dir = crossTree();
  const r = bilint(['.', '--format', 'json'], { cwd: dir });
  assert.equal(r.code, 1);
  const file = (n: string) => path.join(dir, n);
  const msg = (ruleId: string, severity: number, message: string, line: number, column: number, endColumn: number) => ({
    ruleId,
    severity,
    message,
    line,
    column,
    endLine: line,
    endColumn,
  });
  const expected = [
    {
      filePath: file('a.md'),
      messages: [
        msg('entity/inconsistent-across-posts', 2, ENTITY_A, 5, 3, 18),
        msg('gloss/inconsistent-across-posts', 1, GLOSS_A, 8, 9, 13),
      ],
      errorCount: 1,
      warningCount: 1,
      fixableErrorCount: 0,
      fixableWarningCount: 0,
    },
    {
      filePath: file('b.md'),
      messages: [
        msg('entity/inconsistent-across-posts', 2, ENTITY_B, 5, 3, 17),
        msg('gloss/inconsistent-across-posts', 1, GLOSS_B, 8, 9, 13),
      ],
      errorCount: 1,
      warningCount: 1,
      fixableErrorCount: 0,
      fixableWarningCount: 0,
    },
    {
      filePath: file('c.md'),
      messages: [msg('gloss/inconsistent-across-posts', 1, GLOSS_C, 8, 8, 12)],
      errorCount: 0,
      warningCount: 1,
      fixableErrorCount: 0,
      fixableWarningCount: 0,
    },
  ];
  assert.equal(r.stdout, JSON.stringify(expected) + '\n');
});

test('json: info findings are severity 1; a fix carries its range and text', () => {
  const dir = fixtureCopy('basic');
  onlyRules(dir, { 'front-matter/missing': 'info' });
  const r = bilint(['posts/nested/deep.md', '-f', 'json'], { cwd: dir });
  assert.equal(r.code, 0, 'info findings do not fail the run');
  const [post] = JSON.parse(r.stdout);
  assert.equal(post.messages[0].severity, 1);
  assert.equal(post.warningCount, 1);
});

test('github: workflow commands with escaped properties and data', () => {
  const dir = crossTree();
  const r = bilint(['.', '-f', 'github'], { cwd: dir });
  assert.equal(
    r.stdout,
    [
      `::error file=a.md,line=5,col=3,endLine=5,endColumn=18,title=entity/inconsistent-across-posts::${ENTITY_A}`,
      `::warning file=a.md,line=8,col=9,endLine=8,endColumn=13,title=gloss/inconsistent-across-posts::${GLOSS_A}`,
      `::error file=b.md,line=5,col=3,endLine=5,endColumn=17,title=entity/inconsistent-across-posts::${ENTITY_B}`,
      `::warning file=b.md,line=8,col=9,endLine=8,endColumn=13,title=gloss/inconsistent-across-posts::${GLOSS_B}`,
      `::warning file=c.md,line=8,col=8,endLine=8,endColumn=12,title=gloss/inconsistent-across-posts::${GLOSS_C}`,
      '',
    ].join('\n'),
  );
  // A path with a comma, a colon and a percent sign, relative to GITHUB_WORKSPACE.
  const odd = path.join(dir, 'odd,na:me%.md');
  fs.writeFileSync(odd, 'no front matter\n');
  onlyRules(dir, { 'front-matter/missing': 'info' });
  const g = bilint(['odd,na:me%.md', '-f', 'github'], { cwd: path.join(dir), env: { GITHUB_WORKSPACE: path.dirname(dir) } });
  const base = path.basename(dir);
  assert.match(
    g.stdout,
    new RegExp(`^::notice file=${base}/odd%2Cna%3Ame%25\\.md,line=1,col=1,endLine=1,endColumn=16,title=front-matter/missing::`),
  );
});

test('stylish: display width counts wide characters twice', () => {
  assert.equal(displayWidth('ab'), 2);
  assert.equal(displayWidth('错峰'), 4);
  assert.equal(displayWidth('🚚x'), 3);
  assert.equal(displayWidth('e\u0301'), 1);
});

test('github: escaping of %, CR and LF in messages, and of , and : in properties', () => {
  assert.equal(escapeData('50% done\r\nnext: a, b'), '50%25 done%0D%0Anext: a, b');
  assert.equal(escapeProperty('a,b:c%\n'), 'a%2Cb%3Ac%25%0A');
});

test('gitlab: Code Quality issues; fingerprints unique, and kept when lines move', () => {
  const dir = crossTree();
  const r = bilint(['.', '-f', 'gitlab'], { cwd: dir, env: { CI_PROJECT_DIR: path.dirname(dir) } });
  assert.equal(r.code, 1);
  const issues = JSON.parse(r.stdout) as { fingerprint: string; location: { positions: { begin: { line: number } } } }[];
  const base = path.basename(dir);
  const at = (file: string, line: number, column: number) => ({ path: `${base}/${file}`, positions: { begin: { line, column } } });
  assert.deepEqual(
    issues.map(({ fingerprint, ...rest }) => (assert.match(fingerprint, /^[0-9a-f]{32}$/), rest)),
    [
      { description: ENTITY_A, check_name: 'entity/inconsistent-across-posts', severity: 'major', location: at('a.md', 5, 3) },
      { description: GLOSS_A, check_name: 'gloss/inconsistent-across-posts', severity: 'minor', location: at('a.md', 8, 9) },
      { description: ENTITY_B, check_name: 'entity/inconsistent-across-posts', severity: 'major', location: at('b.md', 5, 3) },
      { description: GLOSS_B, check_name: 'gloss/inconsistent-across-posts', severity: 'minor', location: at('b.md', 8, 9) },
      { description: GLOSS_C, check_name: 'gloss/inconsistent-across-posts', severity: 'minor', location: at('c.md', 8, 8) },
    ],
  );
  assert.equal(new Set(issues.map((i) => i.fingerprint)).size, issues.length);
  // Two lines added above a.md's gloss (below its front matter): the same fingerprints, the gloss two lines down.
  const a = path.join(dir, 'a.md');
  fs.writeFileSync(a, fs.readFileSync(a, 'utf8').replace(/\n---\n/, '\n---\n\n<!-- a comment -->\n'));
  const moved = JSON.parse(bilint(['.', '-f', 'gitlab'], { cwd: dir, env: { CI_PROJECT_DIR: path.dirname(dir) } }).stdout) as typeof issues;
  assert.deepEqual(
    moved.map((i) => i.fingerprint),
    issues.map((i) => i.fingerprint),
  );
  assert.deepEqual(
    moved.slice(0, 2).map((i) => i.location.positions.begin.line),
    [5, 10],
  );
});

test('markdown: a heading with the counts and a row per finding; rule ids link to web pages only', () => {
  const dir = fixtureCopy('cross');
  onlyRules(dir, CROSS, { docsBaseUrl: 'https://example.com/rules/' });
  const r = bilint(['.', '-f', 'markdown'], { cwd: dir });
  const link = (id: string) => `[\`${id}\`](https://example.com/rules/${id}.md)`;
  const E = link('entity/inconsistent-across-posts');
  const G = link('gloss/inconsistent-across-posts');
  assert.equal(
    r.stdout,
    [
      '### Bilint: 5 problems (2 errors, 3 warnings, 0 infos) in 3 of 3 posts',
      '',
      '| Post | Line | Severity | Rule | Message |',
      '| --- | --- | --- | --- | --- |',
      `| \`a.md\` | 5 | error | ${E} | ${ENTITY_A} |`,
      `| \`a.md\` | 8 | warning | ${G} | ${GLOSS_A} |`,
      `| \`b.md\` | 5 | error | ${E} | ${ENTITY_B} |`,
      `| \`b.md\` | 8 | warning | ${G} | ${GLOSS_B} |`,
      `| \`c.md\` | 8 | warning | ${G} | ${GLOSS_C} |`,
      '',
    ].join('\n'),
  );
  // With the default docs (files of the installed package), no link.
  onlyRules(dir, CROSS);
  assert.match(bilint(['.', '-f', 'markdown'], { cwd: dir }).stdout, /\| `a\.md` \| 5 \| error \| `entity\/inconsistent-across-posts` \|/);
  onlyRules(dir, {});
  assert.equal(bilint(['.', '-f', 'markdown'], { cwd: dir }).stdout, '### Bilint: no problems in 3 posts\n');
});

test('markdown: a message’s markup shows as written, in one cell, and long reports are cut with a count', () => {
  const message = 'Use `a|b` not **bold** or <p> | here_and_there [x]';
  const escaped = cell(message);
  const html = new MarkdownIt().render(`| m |\n| --- |\n| ${escaped} |\n`);
  assert.equal((html.match(/<td>/g) ?? []).length, 1, html);
  assert.ok(html.includes('<code>a|b</code>') && html.includes('**bold**') && html.includes('&lt;p&gt; | here_and_there [x]'), html);
  const d = {
    ruleId: 'pair/malformed',
    severity: 'error',
    message: 'm',
    span: [0, 1],
    docsUrl: 'x.md',
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } },
  };
  const posts = [{ file: '/p/a.md', key: 'a.md', diagnostics: Array.from({ length: 3000 }, () => d), stats: {}, bom: false, applied: 0 }];
  const report = markdown(posts as never, {} as never);
  const shown = report.split('\n').filter((l) => l.startsWith('| `a.md`')).length;
  assert.ok(shown > 100 && shown < 3000, `${shown} rows shown`);
  assert.ok(report.length <= MAX_CHARS + 100, `${report.length} characters`);
  assert.ok(report.endsWith(`\n\n…and ${3000 - shown} more findings: run Bilint locally to see them all.\n`));
});

test('junit: a suite per post, failures typed by severity, XML escaped', () => {
  const dir = fixtureCopy('basic');
  onlyRules(dir, { 'front-matter/missing': 'error' });
  const r = bilint(['posts', '-f', 'junit'], { cwd: dir });
  assert.equal(r.code, 1);
  const lines = r.stdout.split('\n');
  assert.equal(lines[0], '<?xml version="1.0" encoding="UTF-8"?>');
  assert.equal(lines[1], '<testsuites name="bilint" tests="3" failures="2" errors="0">');
  assert.equal(lines[2], '  <testsuite name="posts/good.md" tests="1" failures="0" errors="0">');
  assert.equal(lines[3], '    <testcase name="bilint" classname="posts/good.md"/>');
  assert.match(
    lines[6],
    /^ {4}<testcase name="front-matter\/missing at 1:1" classname="posts\/nested\/deep.md"><failure type="error" message="[^"<>]*">/,
  );
  assert.equal(lines.at(-2), '</testsuites>');
});

test('sarif: SARIF 2.1.0 with every rule described, results with regions (version fields aside)', () => {
  const dir = crossTree();
  const r = bilint(['.', '-f', 'sarif'], { cwd: dir });
  assert.equal(r.code, 1);
  const log = JSON.parse(r.stdout);
  assert.equal(log.version, '2.1.0');
  assert.equal(log.$schema, 'https://json.schemastore.org/sarif-2.1.0.json');
  const run = log.runs[0];
  const driver = run.tool.driver;
  assert.equal(driver.name, 'Bilint');
  assert.deepEqual(
    driver.rules.map((x: { id: string }) => x.id),
    builtinRules.map((x) => x.meta.id),
  );
  for (const rule of driver.rules) {
    assert.ok(rule.shortDescription.text && rule.fullDescription.text && rule.defaultConfiguration.level, rule.id);
    assert.match(rule.helpUri, new RegExp(`/docs/rules/${rule.id}\\.md$`));
  }
  assert.deepEqual(run.originalUriBaseIds, { '%SRCROOT%': { uri: pathToFileURL(dir).href + '/' } });
  assert.equal(run.columnKind, 'utf16CodeUnits');
  const index = (id: string) => builtinRules.findIndex((x) => x.meta.id === id);
  const result = (ruleId: string, level: string, text: string, uri: string, i: number, line: number, col: number, endCol: number) => ({
    ruleId,
    level,
    message: { text },
    locations: [
      {
        physicalLocation: {
          artifactLocation: { uri, uriBaseId: '%SRCROOT%', index: i },
          region: { startLine: line, startColumn: col, endLine: line, endColumn: endCol },
        },
      },
    ],
    ruleIndex: index(ruleId),
  });
  assert.deepEqual(run.results, [
    result('entity/inconsistent-across-posts', 'error', ENTITY_A, 'a.md', 0, 5, 3, 18),
    result('gloss/inconsistent-across-posts', 'warning', GLOSS_A, 'a.md', 0, 8, 9, 13),
    result('entity/inconsistent-across-posts', 'error', ENTITY_B, 'b.md', 1, 5, 3, 17),
    result('gloss/inconsistent-across-posts', 'warning', GLOSS_B, 'b.md', 1, 8, 9, 13),
    result('gloss/inconsistent-across-posts', 'warning', GLOSS_C, 'c.md', 2, 8, 8, 12),
  ]);
  assert.deepEqual(
    run.artifacts.map((a: { location: { uri: string } }) => a.location.uri),
    ['a.md', 'b.md', 'c.md'],
  );
});

test('--output-file writes the report (without colors) and nothing to stdout', () => {
  const dir = crossTree();
  const r = bilint(['.', '--color', '-o', 'reports/out.txt'], { cwd: dir });
  assert.equal(r.code, 1);
  assert.equal(r.stdout, '');
  const text = fs.readFileSync(path.join(dir, 'reports', 'out.txt'), 'utf8');
  assert.match(text, /^a\.md\n/);
});
