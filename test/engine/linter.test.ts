/**
 * The linter's own guarantees: a rule that throws becomes one finding and the
 * others still run; rules declared afterOthers run last, whatever the order
 * they are given in, and do not judge comments naming a rule that threw.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { builtinRules, configFrom } from '../../server/src/bilint';
import { lintText } from '../../server/src/engine/linter';
import { defineRule, type Rule } from '../../server/src/engine/rule';
import { post, en } from '../helpers';

const { config } = configFrom([]);

const broken = defineRule({
  meta: { id: 'test/broken', description: 'Always throws.', defaultSeverity: 'warning', defaultOptions: {}, fixable: false },
  check() {
    throw new Error('boom');
  },
}) as Rule<unknown>;

const unused = builtinRules.find((r) => r.meta.id === 'directive/unused')!;
const missingEnglish = builtinRules.find((r) => r.meta.id === 'pair/missing-english')!;

test('a rule that throws becomes one error finding at the start of the text, and the other rules still run', () => {
  const text = '\uFEFF' + post('没有英文的一段。\n');
  const { diagnostics } = lintText(text, { config, rules: [broken, missingEnglish] });
  assert.deepEqual(
    diagnostics.map((d) => [d.ruleId, d.severity]),
    [
      ['test/broken', 'error'],
      ['pair/missing-english', 'warning'],
    ],
  );
  assert.match(diagnostics[0].message, /^Rule test\/broken failed on this post and was skipped \(boom\)/);
  assert.deepEqual(diagnostics[0].span, [1, 1], 'after the BOM');
});

test('rules declared afterOthers run last, and leave alone comments that name a rule that threw', () => {
  const text = post(
    ['<!-- bilint-disable-next-line test/broken pair/missing-english -->', '有英文的一段。', en('It has its English.')].join('\n'),
  );
  // directive/unused is given first; it still sees what pair/missing-english did (nothing to silence).
  const { diagnostics } = lintText(text, { config, rules: [unused, broken, missingEnglish] });
  assert.deepEqual(
    diagnostics.map((d) => [d.ruleId, text.slice(d.span[0], d.span[1])]),
    [
      ['test/broken', ''],
      ['directive/unused', 'pair/missing-english'],
    ],
  );
});
