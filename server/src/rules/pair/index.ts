import type { Rule } from '../../engine/rule';
import numberMismatch from './number-mismatch';

export const pairRules: Rule<any>[] = [numberMismatch];
