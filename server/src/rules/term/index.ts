import type { Rule } from '../../engine/rule';
import inconsistent from './inconsistent';
import forbidden from './forbidden';

export const termRules: Rule<any>[] = [inconsistent, forbidden];
