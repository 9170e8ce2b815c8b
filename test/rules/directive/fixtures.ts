/**
 * Posts with disable comments. A Chinese paragraph with no English block
 * after it is the finding the comments aim at (pair/missing-english); one
 * with its block has nothing to silence.
 */
import { lint, configFrom } from '../../../server/src/bilint';
import type { BilintConfig } from '../../../server/src/engine/config';
import type { LintDiagnostic } from '../../../server/src/engine/types';
import { post, en } from '../../helpers';

/** A paragraph that pair/missing-english reports. */
export const UNPAIRED = '这一段的英文原文已经遗失。';
/** A paragraph with its English block: nothing to report. */
export const PAIRED = ['这一段有英文原文。', en('This paragraph has its original.')].join('\n');

/** A post of these body lines, with the default front matter. */
export function postOf(lines: string[]): string {
  return post(lines.join('\n') + '\n');
}

/** Lints with the given rules on (as a full lint would run them), every other rule left out. */
export function lintWith(text: string, ids: string[], config: BilintConfig = {}): LintDiagnostic[] {
  const { config: resolved } = configFrom([config]);
  return lint(text, { config: resolved, only: new Set(ids) }).diagnostics;
}
