import type { Rule } from '../../engine/rule';

export const markdownRules: Rule<any>[] = [];
