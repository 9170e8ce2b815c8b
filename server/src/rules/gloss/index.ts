import type { Rule } from '../../engine/rule';
import missing from './missing';
import format from './format';
import markdownInEnglish from './markdown-in-english';

export const glossRules: Rule<any>[] = [missing, format, markdownInEnglish];
