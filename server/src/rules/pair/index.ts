import type { Rule } from '../../engine/rule';
import numberMismatch from './number-mismatch';
import lengthRatio from './length-ratio';
import alignmentDrift from './alignment-drift';

export const pairRules: Rule<any>[] = [numberMismatch, lengthRatio, alignmentDrift];
