/** Every built-in rule, in the order findings are computed. */
import type { Rule } from '../engine/rule';
import { frontMatterRules } from './front-matter';
import { pairRules } from './pair';
import { glossRules } from './gloss';
import { markdownRules } from './markdown';
import { entityRules } from './entity';
import { crossPostRules } from './cross-post';
import { termRules } from './term';
import { directiveRules } from './directive';

export const builtinRules: readonly Rule<unknown>[] = [
  ...frontMatterRules,
  ...pairRules,
  ...glossRules,
  ...markdownRules,
  ...entityRules,
  ...termRules,
  ...crossPostRules,
  ...directiveRules,
] as Rule<unknown>[];

export function ruleById(id: string): Rule<unknown> | undefined {
  return builtinRules.find((r) => r.meta.id === id);
}
