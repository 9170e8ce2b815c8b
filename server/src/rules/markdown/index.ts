import type { Rule } from '../../engine/rule';
import unrenderedBold from './unrendered-bold';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- each rule has its own options type
export const markdownRules: Rule<any>[] = [unrenderedBold];
