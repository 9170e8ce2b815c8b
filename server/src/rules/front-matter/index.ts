import type { Rule } from '../../engine/rule';
import missing from './missing';

export const frontMatterRules: Rule<any>[] = [missing];
