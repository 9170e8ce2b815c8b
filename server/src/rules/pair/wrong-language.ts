import { defineRule } from '../../engine/rule';
import type { EnglishBlock } from '../../engine/model/englishBlock';
import { afterSpeakerLabel } from '../../engine/model/blocks';
import { chineseRuns, countsOf, CHINESE_RUN, HanFinder, looksChinese, looksEnglish, quote } from './shared';

interface Options {
  /** Also report a Chinese sentence inside otherwise English text. */
  reportChineseRuns: boolean;
}

export default defineRule<Options>({
  meta: {
    id: 'pair/wrong-language',
    description:
      'The Chinese slot of a pair holds Chinese and the English block holds English (posts from Chinese-language videos may carry the Chinese original).',
    defaultSeverity: 'warning',
    optionsSchema: {
      reportChineseRuns: {
        type: 'boolean',
        description: 'Also report a Chinese sentence (12 or more Han characters in a row, glosses aside) inside English text.',
      },
    },
    defaultOptions: { reportChineseRuns: true },
    fixable: false,
  },
  check({ doc, options, report }) {
    const text = doc.text;
    for (const { chinese, english } of doc.pairs) {
      // `lang` is the lenient test: only a paragraph that fails it can be clearly English.
      if (chinese.lang === 'zh') continue;
      if (!looksEnglish(countsOf(text, [afterSpeakerLabel(text, chinese.span), chinese.span[1]]))) continue;
      const same =
        english.contentSpans.length === 1 &&
        text.slice(english.contentSpans[0][0], english.contentSpans[0][1]) === text.slice(chinese.span[0], chinese.span[1]);
      report({
        span: chinese.span,
        message: same
          ? 'This paragraph is the English original copied unchanged where the Chinese translation goes: translate it.'
          : 'This paragraph is in English where the Chinese translation goes: translate it (the original belongs in the English block).',
      });
    }
    // Posts from Chinese-language videos carry the Chinese original in these blocks.
    if (doc.sourceLanguage === 'zh') return;
    const han = new HanFinder(text);
    for (const b of doc.englishBlocks()) {
      if (declaresChinese(b)) continue;
      for (const span of b.contentSpans) {
        if (!han.has(span)) continue;
        const counts = countsOf(text, span);
        if (looksChinese(counts)) {
          report({
            span,
            message: `The English block holds Chinese text ("${quote(text.slice(span[0], span[1]))}"): the original English belongs here, the translation before the block.`,
          });
          continue;
        }
        if (!options.reportChineseRuns || counts.han - counts.glossHan < CHINESE_RUN) continue;
        for (const run of chineseRuns(text, span[0], span[1])) {
          report({
            span: run,
            message: `A Chinese sentence inside the English text ("${quote(text.slice(run[0], run[1]))}"): it looks pasted from the translation; restore the original English.`,
          });
        }
      }
    }
  },
});

/** A block that says it carries Chinese: the `Original Chinese`/`Original Text` label or the `chinese-text` class. */
function declaresChinese(b: EnglishBlock): boolean {
  if (b.summary && /Original (?:Chinese|Text)\b|中文/.test(b.summary.text)) return true;
  return b.paragraphs.some((p) => p.className === 'chinese-text');
}
