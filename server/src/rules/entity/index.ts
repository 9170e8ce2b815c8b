import type { Rule } from '../../engine/rule';

export const entityRules: Rule<any>[] = [];
