import type { Rule } from '../../engine/rule';

export const glossRules: Rule<any>[] = [];
