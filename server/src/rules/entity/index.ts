import type { Rule } from '../../engine/rule';
import misspelled from './misspelled';
import unmentioned from './unmentioned';
import inconsistentTranslation from './inconsistent-translation';
import unlisted from './unlisted';

export const entityRules: Rule<any>[] = [misspelled, unmentioned, inconsistentTranslation, unlisted];
