import type { Rule } from '../../engine/rule';
import misspelled from './misspelled';
import unmentioned from './unmentioned';
import inconsistentTranslation from './inconsistent-translation';
import unlisted from './unlisted';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- each rule has its own options type
export const entityRules: Rule<any>[] = [misspelled, unmentioned, inconsistentTranslation, unlisted];
