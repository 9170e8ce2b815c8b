import { test } from 'node:test';
import assert from 'node:assert/strict';
import { builtinRules } from '../../server/src/bilint';
import { resolveConfig } from '../../server/src/engine/config';
import { nearestRuleName } from '../../server/src/engine/ruleNames';

const IDS = builtinRules.map((r) => r.meta.id);

test('the rule meant by a mistyped name: typo, bare name, capitals; families only where they are allowed', () => {
  assert.equal(nearestRuleName('gloss/fromat', IDS, false), 'gloss/format');
  assert.equal(nearestRuleName('missing-english', IDS, false), 'pair/missing-english');
  assert.equal(nearestRuleName('Pair/Missing-English', IDS, false), 'pair/missing-english');
  assert.equal(nearestRuleName('glos', IDS, true), 'gloss');
  assert.notEqual(nearestRuleName('glos', IDS, false), 'gloss', 'a family is no rule id');
  assert.equal(nearestRuleName('completely-unrelated', IDS, true), undefined);
});

test('a config that names an unknown rule says which rule was probably meant', () => {
  const { problems } = resolveConfig(builtinRules, [{ rules: { 'gloss/fromat': 'off', 'zzz/qqq': 'off' } } as never]);
  assert.deepEqual(
    problems.map((p) => [p.pointer, p.message]),
    [
      ['/rules/gloss~1fromat', '`gloss/fromat` is not a Bilint rule: did you mean `gloss/format`?'],
      ['/rules/zzz~1qqq', '`zzz/qqq` is not a Bilint rule; see the rule list in the README.'],
    ],
  );
});
