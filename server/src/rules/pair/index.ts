import type { Rule } from '../../engine/rule';

export const pairRules: Rule<any>[] = [];
