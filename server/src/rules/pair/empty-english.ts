import { defineRule } from '../../engine/rule';
import { deletionRange, headSpan } from './shared';

export default defineRule({
  meta: {
    id: 'pair/empty-english',
    description: 'Every English block holds the original text, and none of its paragraphs is empty.',
    defaultSeverity: 'warning',
    defaultOptions: {},
    fixable: false,
    hasSuggestions: true,
  },
  check({ doc, report }) {
    const text = doc.text;
    for (const b of doc.englishBlocks()) {
      if (b.contentSpans.length === 0) {
        const p = b.paragraphs[0];
        report({
          span: p ? p.span : headSpan(b),
          message: p
            ? 'This English paragraph is empty: paste the original sentence between the tags.'
            : 'This English block has no English text at all: add the original in a `<p class="english-text">…</p>`.',
        });
        continue;
      }
      for (const p of b.paragraphs) {
        if (p.textSpan[1] > p.textSpan[0]) continue;
        report({
          span: p.span,
          message: `An empty \`${text.slice(p.openTagSpan[0], p.openTagSpan[1])}\` in a block that has its English elsewhere: remove it, or fill it in.`,
          suggestions: [{ title: 'Remove the empty paragraph', edit: { range: deletionRange(doc, p.span), text: '' } }],
        });
      }
    }
  },
});
