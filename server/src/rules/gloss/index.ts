import type { Rule } from '../../engine/rule';
import missing from './missing';
import format from './format';
import markdownInEnglish from './markdown-in-english';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- each rule has its own options type
export const glossRules: Rule<any>[] = [missing, format, markdownInEnglish];
