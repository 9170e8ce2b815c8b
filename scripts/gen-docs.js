#!/usr/bin/env node
// Regenerates what is derived from the rules' metadata, so it can never drift:
//   - the rule table in README.md, between <!-- rules:start --> and <!-- rules:end -->;
//   - schemas/bilint.config.schema.json, from configSchema(builtinRules).
// Reads the compiled engine (run `npm run build` first; `npm run docs` does both).
//   node scripts/gen-docs.js           rewrite both files
//   node scripts/gen-docs.js --check   exit 1 when either is out of date
// test/docs.test.ts calls the same functions.
'use strict';
const fs = require('node:fs');
const path = require('node:path');

const ROOT = path.join(__dirname, '..');
const README = path.join(ROOT, 'README.md');
const SCHEMA = path.join(ROOT, 'schemas', 'bilint.config.schema.json');
const START = '<!-- rules:start -->';
const END = '<!-- rules:end -->';

/** A Markdown table cell: pipes escaped, on one line. */
function cell(text) {
  return String(text)
    .replace(/\|/g, '\\|')
    .replace(/\s*\n\s*/g, ' ');
}

function fixColumn(meta) {
  const parts = [];
  if (meta.fixable) parts.push('fix');
  if (meta.hasSuggestions) parts.push('suggestions');
  return parts.join(', ') || '—';
}

/** The README table, one row per rule in registration order. */
function rulesTable(rules) {
  const rows = rules.map(({ meta }) => {
    const what = meta.crossPost ? `${meta.description} *(across the posts linted together)*` : meta.description;
    return `| [\`${meta.id}\`](docs/rules/${meta.id}.md) | ${cell(what)} | ${meta.defaultSeverity} | ${fixColumn(meta)} |`;
  });
  return ['| Rule | What it checks | Default | Fix |', '| --- | --- | --- | --- |', ...rows].join('\n');
}

/** `readme` with the text between the markers replaced by `table`. */
function withTable(readme, table) {
  const a = readme.indexOf(START);
  const b = readme.indexOf(END);
  if (a < 0 || b < a) throw new Error(`README.md needs the markers ${START} and ${END}, in that order`);
  return `${readme.slice(0, a + START.length)}\n${table}\n${readme.slice(b)}`;
}

function schemaText(schema) {
  return JSON.stringify(schema, null, 2) + '\n';
}

/** Loads the compiled rules and config schema generator. */
function loadEngine() {
  const out = path.join(ROOT, 'out', 'server', 'src');
  if (!fs.existsSync(path.join(out, 'rules', 'index.js'))) throw new Error('out/ is missing: run `npm run build` first');
  const { builtinRules } = require(path.join(out, 'rules', 'index.js'));
  const { configSchema } = require(path.join(out, 'engine', 'config.js'));
  return { rules: builtinRules, configSchema };
}

/** What the two generated files should contain. */
function expected(engine = loadEngine(), readme = fs.readFileSync(README, 'utf8')) {
  return { readme: withTable(readme, rulesTable(engine.rules)), schema: schemaText(engine.configSchema(engine.rules)) };
}

function main() {
  const check = process.argv.includes('--check');
  const want = expected();
  const current = { readme: fs.readFileSync(README, 'utf8'), schema: fs.existsSync(SCHEMA) ? fs.readFileSync(SCHEMA, 'utf8') : '' };
  const stale = [];
  if (want.readme !== current.readme) stale.push(path.relative(ROOT, README));
  if (want.schema !== current.schema) stale.push(path.relative(ROOT, SCHEMA));
  if (check) {
    if (stale.length) {
      console.error(`Out of date: ${stale.join(', ')}. Run \`npm run docs\`.`);
      process.exit(1);
    }
    console.log('README rule table and config schema are up to date.');
    return;
  }
  if (want.readme !== current.readme) fs.writeFileSync(README, want.readme);
  if (want.schema !== current.schema) fs.writeFileSync(SCHEMA, want.schema);
  console.log(stale.length ? `Updated ${stale.join(', ')}.` : 'Nothing to update.');
}

module.exports = { START, END, README, SCHEMA, rulesTable, withTable, schemaText, expected };

if (require.main === module) {
  try {
    main();
  } catch (e) {
    console.error(e.message);
    process.exit(2);
  }
}
