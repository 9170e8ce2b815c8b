import type { Rule } from '../../engine/rule';
import unknownRule from './unknown-rule';
import unused from './unused';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- each rule has its own options type
export const directiveRules: Rule<any>[] = [unknownRule, unused];
