/**
 * The bundled examples/ posts show every rule of the engine issue firing
 * where the post says it should. A marker line names the rules expected in
 * the lines that follow it, up to the next marker:
 *   <!-- pair/orphan-english: why -->      (in the body)
 *   # front-matter/schema: why             (a YAML comment in the front matter)
 * Every finding must fall under a marker naming its rule; a post without
 * markers must have no findings at all.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { builtinRules, lint } from '../server/src/bilint';

const EXAMPLES = path.resolve(__dirname, '..', '..', 'examples');

/** The public rule ids of the engine issue: the examples must show each. */
const ISSUE_RULES = [
  'front-matter/missing',
  'front-matter/yaml',
  'front-matter/schema',
  'pair/missing-english',
  'pair/orphan-english',
  'pair/malformed',
  'pair/empty-english',
  'pair/wrong-language',
  'gloss/missing',
  'gloss/format',
  'gloss/markdown-in-english',
  'markdown/unrendered-bold',
  'entity/misspelled',
  'entity/unmentioned',
  'entity/inconsistent-translation',
];

const ID = '[a-z]+(?:-[a-z]+)*/[a-z]+(?:-[a-z]+)*';
const MARKER = new RegExp(`^\\s*(?:<!--|#)\\s*(${ID}(?:\\s*,\\s*${ID})*)\\s*:`);

interface Region {
  /** 0-based first line, inclusive. */
  from: number;
  /** 0-based last line, exclusive. */
  to: number;
  rules: string[];
}

function regionsOf(text: string): Region[] {
  const lines = text.split(/\r\n|\r|\n/);
  const regions: Region[] = [];
  lines.forEach((line, i) => {
    const m = MARKER.exec(line);
    if (!m) return;
    if (regions.length > 0) regions[regions.length - 1].to = i;
    regions.push({ from: i, to: lines.length, rules: m[1].split(',').map((s) => s.trim()) });
  });
  return regions;
}

const files = fs
  .readdirSync(EXAMPLES)
  .filter((f) => f.endsWith('.md'))
  .sort();
const registered = new Set(builtinRules.map((r) => r.meta.id));

test('the examples name every rule of the engine issue', () => {
  const named = new Set(files.flatMap((f) => regionsOf(fs.readFileSync(path.join(EXAMPLES, f), 'utf8')).flatMap((r) => r.rules)));
  assert.deepEqual(
    ISSUE_RULES.filter((id) => !named.has(id)),
    [],
  );
  assert.ok(
    files.some((f) => regionsOf(fs.readFileSync(path.join(EXAMPLES, f), 'utf8')).length === 0),
    'one example is a clean post',
  );
});

for (const file of files) {
  test(`examples/${file}: findings exactly where its markers say`, (t) => {
    const text = fs.readFileSync(path.join(EXAMPLES, file), 'utf8');
    const regions = regionsOf(text);
    const findings = lint(text).diagnostics.map((d) => ({
      rule: d.ruleId,
      line: d.range.start.line,
      text: text.slice(d.span[0], d.span[1]),
    }));
    const describe = (f: { rule: string; line: number; text: string }) =>
      `${f.rule} at line ${f.line + 1} on ${JSON.stringify(f.text.slice(0, 40))}`;

    const unexpected = findings.filter((f) => !regions.some((r) => f.line >= r.from && f.line < r.to && r.rules.includes(f.rule)));
    assert.deepEqual(unexpected.map(describe), [], 'findings no marker asks for');

    for (const r of regions) {
      for (const rule of r.rules) {
        if (!registered.has(rule)) {
          t.diagnostic(`${rule} is not registered yet: marker at line ${r.from + 1} not checked`);
          continue;
        }
        const hit = findings.some((f) => f.rule === rule && f.line >= r.from && f.line < r.to);
        assert.ok(hit, `${rule} should fire between lines ${r.from + 1} and ${r.to} (marker at line ${r.from + 1})`);
      }
    }
  });
}
