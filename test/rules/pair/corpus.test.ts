/**
 * The pairing rules on the real posts: the defects listed in format.md are
 * found where the survey says, and Chinese-source posts are recognized.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { lint } from '../../../server/src/bilint';
import { PostDocument } from '../../../server/src/engine/model/document';
import type { LintDiagnostic } from '../../../server/src/engine/types';
import { CORPUS } from '../../helpers';

const PAIR_RULES = new Set(['pair/missing-english', 'pair/orphan-english', 'pair/malformed', 'pair/empty-english', 'pair/wrong-language']);
const skip = fs.existsSync(CORPUS) ? false : `no corpus at ${CORPUS}`;

const cache = new Map<string, { text: string; diagnostics: LintDiagnostic[] }>();
function linted(file: string) {
  let hit = cache.get(file);
  if (!hit) {
    const text = fs.readFileSync(path.join(CORPUS, file), 'utf8');
    hit = { text, diagnostics: lint(text, { only: PAIR_RULES }).diagnostics };
    cache.set(file, hit);
  }
  return hit;
}

/** [file, 1-based line, rule, text the finding starts with] */
const KNOWN: [string, number, string, string][] = [
  ['005-veritasium-bit-flip.md', 197, 'pair/malformed', 'View/Hide Original Original English'],
  ['005-veritasium-bit-flip.md', 1172, 'pair/malformed', '</p>'],
  ['005-veritasium-bit-flip.md', 1173, 'pair/malformed', '</details>'],
  ['004-veritasium-human.md', 93, 'pair/malformed', '</p>'],
  ['160-tvo-today-cycle.md', 434, 'pair/malformed', '</details]'],
  ['040-the-pragmatic-engineer-developer-productivity.md', 405, 'pair/malformed', '</detais>'],
  ['040-the-pragmatic-engineer-developer-productivity.md', 192, 'pair/malformed', 'V/Hide Original English'],
  ['067-a16z-canada.md', 197, 'pair/malformed', '<details'],
  ['161-amit-kukreja-ai-impact.md', 5767, 'pair/malformed', '<details'],
  ['176-101-business-model.md', 683, 'pair/malformed', '<<details>'],
  ['128-techbutmakeitreal-ai-safety-narrative.md', 731, 'pair/malformed', '<details>'],
  ['128-techbutmakeitreal-ai-safety-narrative.md', 784, 'pair/malformed', '<p class="class="english-text">'],
  ['121-tvo-today-education-reform.md', 887, 'pair/malformed', '<details>'],
  ['101-harvard-business-revie-bubble.md', 1134, 'pair/malformed', '通常，买卖双方'],
  ['134-ai-engineer-automated-fix.md', 533, 'pair/malformed', '<summary>View/Hide Original English'],
  ['094-amit-kukreja-earnings-analysis.md', 521, 'pair/malformed', "All right, let's"],
  ['124-eo-business.md', 1452, 'pair/malformed', 'Original English'],
  ['124-eo-business.md', 1453, 'pair/malformed', 'I think the most difficult'],
  ['089-all-in-podcast-corporate-governance.md', 361, 'pair/malformed', '</我相信'],
  ['025-anthony-adlerian-psychology.md', 424, 'pair/malformed', '<p class="p class="english-text">'],
  ['032-anthony-determinism.md', 276, 'pair/malformed', '<p class="p-english-text">'],
  ['097-the-diary-of-a-ceo-brain.md', 704, 'pair/malformed', '</text>'],
  ['008-norges-bank-investment-ai-transformation.md', 406, 'pair/malformed', '</p>'],
  ['001-veritasium-business.md', 1266, 'pair/empty-english', '<details>'],
  ['023-norges-bank-investment-corporate-culture.md', 2320, 'pair/empty-english', '<details>'],
  ['049-bloomberg-podcasts-economic-outlook.md', 46, 'pair/orphan-english', '<details>'],
  ['049-bloomberg-podcasts-economic-outlook.md', 51, 'pair/orphan-english', '<details>'],
  ['026-norges-bank-investment-ai-in-finance.md', 54, 'pair/orphan-english', '<details>'],
  ['038-the-pragmatic-engineer-career.md', 344, 'pair/missing-english', '我的同事'],
  ['046-ai-engineer-ai-application.md', 236, 'pair/missing-english', '好的，我在这里'],
  ['161-amit-kukreja-ai-impact.md', 3031, 'pair/missing-english', '尽管如此'],
  ['101-harvard-business-revie-bubble.md', 1280, 'pair/wrong-language', 'And它很可能'],
  ['070-ted-brain.md', 378, 'pair/wrong-language', '[Music]'],
];

test('the known defects of format.md are found at their lines', { skip }, () => {
  const missing: string[] = [];
  for (const [file, line, rule, start] of KNOWN) {
    const { text, diagnostics } = linted(file);
    const found = diagnostics.some((d) => d.ruleId === rule && d.range.start.line + 1 === line && text.startsWith(start, d.span[0]));
    if (!found) missing.push(`${file}:${line} ${rule} "${start}"`);
  }
  assert.deepEqual(missing, []);
});

const CHINESE_SOURCE = [
  '055-history.md',
  '082-ai-code.md',
  '085-chinese.md',
  '100-fearnation-challenge.md',
  '115-talk-ai-valuation.md',
  '122-ai-bubble.md',
];

test('Chinese-source posts are recognized, and get no wrong-language finding', { skip }, () => {
  const files = fs.readdirSync(CORPUS).filter((f) => f.endsWith('.md'));
  const zh = files.filter((f) => new PostDocument(fs.readFileSync(path.join(CORPUS, f), 'utf8')).sourceLanguage === 'zh');
  assert.deepEqual(zh, CHINESE_SOURCE);
  for (const f of CHINESE_SOURCE) {
    const wrong = linted(f).diagnostics.filter((d) => d.ruleId === 'pair/wrong-language');
    assert.deepEqual(
      wrong.map((d) => d.range.start.line + 1),
      [],
      f,
    );
  }
});

test('no pair rule fails on any real post, and every finding covers text of its post', { skip }, () => {
  for (const f of fs.readdirSync(CORPUS).filter((x) => x.endsWith('.md'))) {
    const { text, diagnostics } = linted(f);
    for (const d of diagnostics) {
      assert.ok(!d.message.includes('failed on this post'), `${f}: ${d.message}`);
      assert.ok(d.span[0] <= d.span[1] && d.span[1] <= text.length, `${f}: ${d.ruleId} span`);
    }
  }
});
