import type { Rule } from '../../engine/rule';
import missingEnglish from './missing-english';
import orphanEnglish from './orphan-english';
import malformed from './malformed';
import emptyEnglish from './empty-english';
import wrongLanguage from './wrong-language';
import numberMismatch from './number-mismatch';
import lengthRatio from './length-ratio';
import alignmentDrift from './alignment-drift';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- each rule has its own options type
export const pairRules: Rule<any>[] = [
  missingEnglish,
  orphanEnglish,
  malformed,
  emptyEnglish,
  wrongLanguage,
  numberMismatch,
  lengthRatio,
  alignmentDrift,
];
