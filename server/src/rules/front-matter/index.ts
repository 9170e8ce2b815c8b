import type { Rule } from '../../engine/rule';
import missing from './missing';
import yaml from './yaml';
import schema from './schema';

export const frontMatterRules: Rule<any>[] = [missing, yaml, schema];
