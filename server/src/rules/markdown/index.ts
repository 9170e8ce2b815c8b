import type { Rule } from '../../engine/rule';
import unrenderedBold from './unrendered-bold';

export const markdownRules: Rule<any>[] = [unrenderedBold];
