/** A small invented glossary and a linter run with it. */
import assert from 'node:assert/strict';
import { lint, fix, configFrom } from '../../../server/src/bilint';
import { parseGlossary, type Glossary } from '../../../server/src/engine/glossary';
import type { LintDiagnostic } from '../../../server/src/engine/types';
import { post } from '../../helpers';

export const GLOSSARY_DATA = {
  terms: [
    {
      term: '大语言模型',
      english: 'Large Language Model',
      definition: '以海量文本训练的语言模型',
      variants: ['LLM', '大型语言模型'],
      forbidden: ['大语言模式', 'Large Languages Model'],
    },
    { term: '护城河', english: 'Moat', definition: '企业抵御竞争的持久优势', forbidden: ['城墙优势'] },
    { term: '人工智能', english: 'Artificial Intelligence', variants: ['AI'], forbidden: ['人工智慧', 'Artifical Intelligence'] },
    { term: '英伟达', english: 'Nvidia', variants: ['NVIDIA'] },
  ],
};

export function glossary(): Glossary {
  const { glossary, problems } = parseGlossary(GLOSSARY_DATA, 'glossary.yaml');
  assert.deepEqual(problems, []);
  return glossary;
}

function configWith(ruleId: string, g: Glossary | null) {
  const { config } = configFrom([], g ? { glossary: g } : {});
  return { config, only: new Set([ruleId]) };
}

export function lintWithGlossary(ruleId: string, text: string, g: Glossary | null = glossary()): LintDiagnostic[] {
  return lint(text, configWith(ruleId, g)).diagnostics;
}

/** Applies the rule's fixes until none is left; a second run changes nothing. */
export function fixWithGlossary(ruleId: string, text: string, g: Glossary = glossary()): string {
  const once = fix(text, configWith(ruleId, g)).text;
  assert.equal(fix(once, configWith(ruleId, g)).text, once, 'applying the fixes a second time changes nothing');
  return once;
}

/** The line number of a post body's first line (after the test front matter). */
export const BODY = post('').split('\n').length;
