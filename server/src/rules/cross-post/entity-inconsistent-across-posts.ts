import { defineRule } from '../../engine/rule';
import type { Suggestion } from '../../engine/types';
import { summarizePost } from '../../engine/summary';
import { indexOf, describeElsewhere, others } from './shared';

export default defineRule({
  meta: {
    id: 'entity/inconsistent-across-posts',
    description: 'An entity in the front matter is spelled the same way as in the other posts of the workspace.',
    defaultSeverity: 'warning',
    defaultOptions: {},
    fixable: false,
    hasSuggestions: true,
    crossPost: true,
  },
  check({ doc, config, workspace, filePath, report }) {
    if (!workspace) return;
    const index = indexOf(workspace);
    if (index.variants.size === 0) return;
    const seen = new Set<string>();
    for (const e of summarizePost(doc, config).entities) {
      const variants = index.variants.get(e.name);
      if (!variants || seen.has(e.name)) continue;
      const elsewhere = variants
        .map((v) => ({ text: v, posts: others(index.spellings.get(v) ?? [], filePath) }))
        .filter((v) => v.posts.length > 0)
        .sort((a, b) => b.posts.length - a.posts.length || (a.text < b.text ? -1 : 1));
      if (elsewhere.length === 0) continue;
      seen.add(e.name);
      const ownCount = others(index.spellings.get(e.name) ?? [], filePath).length + 1;
      const best = elsewhere[0];
      const suggestions: Suggestion[] = [];
      // Offer the spelling most posts use, when it is more common than this one and the item is a plain scalar.
      if (best.posts.length > ownCount && doc.slice(e.span) === e.name) {
        suggestions.push({
          title: `Spell it “${best.text}”, as ${best.posts.length} other posts do`,
          edit: { range: e.span, text: best.text },
        });
      }
      const where = describeElsewhere(elsewhere);
      report({
        span: e.span,
        message: `“${e.name}” is spelled ${where}: check which spelling is right and use it in every post.`,
        suggestions,
      });
    }
  },
});
