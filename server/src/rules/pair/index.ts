import type { Rule } from '../../engine/rule';
import missingEnglish from './missing-english';
import orphanEnglish from './orphan-english';
import malformed from './malformed';
import emptyEnglish from './empty-english';
import wrongLanguage from './wrong-language';
import numberMismatch from './number-mismatch';
import lengthRatio from './length-ratio';
import alignmentDrift from './alignment-drift';

export const pairRules: Rule<any>[] = [missingEnglish, orphanEnglish, malformed, emptyEnglish, wrongLanguage, numberMismatch, lengthRatio, alignmentDrift];
