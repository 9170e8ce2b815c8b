import type { Rule } from '../../engine/rule';
import inconsistent from './inconsistent';
import forbidden from './forbidden';

export const termRules = [inconsistent, forbidden] as Rule<unknown>[];
