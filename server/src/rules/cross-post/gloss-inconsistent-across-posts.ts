import { defineRule } from '../../engine/rule';
import { summarizePost } from '../../engine/summary';
import { indexOf, describeElsewhere, others } from './shared';
import { agree, renderingForms } from './renderings';

export default defineRule({
  meta: {
    id: 'gloss/inconsistent-across-posts',
    description: 'A bold term is glossed with the same English rendering in every post of the workspace.',
    defaultSeverity: 'warning',
    defaultOptions: {},
    fixable: false,
    crossPost: true,
  },
  check({ doc, config, workspace, filePath, report }) {
    if (!workspace) return;
    const index = indexOf(workspace);
    if (index.glosses.size === 0) return;
    const seen = new Set<string>();
    for (const g of summarizePost(doc, config).glosses) {
      const own = renderingForms(g.english, g.gloss);
      if (!own.length || seen.has(g.term)) continue;
      const byNorm = index.glosses.get(g.term);
      if (!byNorm) continue;
      const elsewhere = [...byNorm.values()]
        .filter((r) => !agree(own, r.forms))
        .map((r) => ({ text: r.text, posts: others(r.posts, filePath) }))
        .filter((r) => r.posts.length > 0)
        .sort((a, b) => b.posts.length - a.posts.length || (a.text < b.text ? -1 : 1));
      if (elsewhere.length === 0) continue;
      seen.add(g.term);
      const where = describeElsewhere(elsewhere);
      report({
        span: g.span,
        message: `“${g.term}” is glossed “${g.english}” here but ${where}: use one English rendering across posts.`,
      });
    }
  },
});
