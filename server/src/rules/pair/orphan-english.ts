import { defineRule } from '../../engine/rule';
import type { Block } from '../../engine/model/blocks';
import { headSpan } from './shared';

interface Options {
  /** Accept an English block right after a heading (posts that translate their headings). */
  allowAfterHeading: boolean;
}

export default defineRule<Options>({
  meta: {
    id: 'pair/orphan-english',
    description: 'Every English `<details>` block follows the Chinese paragraph it translates.',
    defaultSeverity: 'warning',
    optionsSchema: {
      allowAfterHeading: {
        type: 'boolean',
        description: 'Accept an English block right after a heading, for posts that give headings their original too.',
      },
    },
    defaultOptions: { allowAfterHeading: false },
    fixable: false,
  },
  check({ doc, options, report }) {
    let prev: Block | undefined;
    for (const b of doc.blocks) {
      if (b.kind === 'html' && b.comment) continue;
      if (b.kind === 'english' && !b.chinese) {
        const after = where(prev);
        // After a block that was never closed, `pair/malformed` already explains the mess.
        const brokenBefore = prev?.kind === 'english' && prev.anomalies.some((a) => a.kind === 'unclosed');
        const allowed = options.allowAfterHeading && prev?.kind === 'heading';
        // `###标题正文…` is no heading for Markdown: its line holds the Chinese paragraph (markdown rules report it).
        const swallowed = prev?.kind === 'heading' && prev.missingSpace;
        if (!brokenBefore && !allowed && !swallowed) {
          report({
            span: headSpan(b),
            message: `This English block has no Chinese paragraph before it (${after}): put the Chinese translation right before it, or merge it into the English block it continues.`,
          });
        }
      }
      prev = b;
    }
  },
});

function where(prev: Block | undefined): string {
  if (!prev) return 'it opens the body';
  switch (prev.kind) {
    case 'heading':
      return 'it follows a heading';
    case 'english':
      return 'it follows another English block';
    case 'hr':
      return 'it follows a `---` rule';
    default:
      return `it follows a ${prev.kind} block`;
  }
}
