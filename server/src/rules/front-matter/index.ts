import type { Rule } from '../../engine/rule';
import missing from './missing';
import yaml from './yaml';
import schema from './schema';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- each rule has its own options type
export const frontMatterRules: Rule<any>[] = [missing, yaml, schema];
