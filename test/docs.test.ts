/**
 * What is generated from the rules' metadata stays in step with it: the
 * README rule table, the shipped config schema, and one docs page per rule.
 * When this fails after adding or changing a rule: `npm run docs`, and write
 * docs/rules/<rule-id>.md.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { builtinRules } from '../server/src/bilint';
import { configSchema } from '../server/src/engine/config';

interface GenDocs {
  README: string;
  SCHEMA: string;
  expected(engine: { rules: typeof builtinRules; configSchema: typeof configSchema }, readme?: string): { readme: string; schema: string };
}

const ROOT = path.resolve(__dirname, '..', '..');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const gen = require(path.join(ROOT, 'scripts', 'gen-docs.js')) as GenDocs;
const want = gen.expected({ rules: builtinRules, configSchema });

test('the README rule table is generated from the current rules', () => {
  assert.ok(fs.readFileSync(gen.README, 'utf8') === want.readme, 'README.md rule table is out of date: run `npm run docs`');
});

test('schemas/bilint.config.schema.json is generated from the current rules', () => {
  assert.ok(fs.existsSync(gen.SCHEMA), 'schemas/bilint.config.schema.json is missing: run `npm run docs`');
  assert.ok(fs.readFileSync(gen.SCHEMA, 'utf8') === want.schema, 'schemas/bilint.config.schema.json is out of date: run `npm run docs`');
});

test('every rule has its documentation page', () => {
  const missing = builtinRules.map((r) => `docs/rules/${r.meta.id}.md`).filter((p) => !fs.existsSync(path.join(ROOT, p)));
  assert.deepEqual(missing, [], 'rules without a page in docs/rules/');
});
