import { defineRule } from '../../engine/rule';
import { analyzeEntities } from './analysis';
import { code, removeItemSuggestion } from './shared';

export default defineRule({
  meta: {
    id: 'entity/unmentioned',
    description:
      'Every entity in the front matter lists is named somewhere in the post: in the English, in the Chinese text or in a gloss.',
    defaultSeverity: 'info',
    defaultOptions: {},
    fixable: false,
    hasSuggestions: true,
  },
  check({ doc, config, report }) {
    const { index, mentioned } = analyzeEntities(doc, config);
    index.entities.forEach((entity, id) => {
      if (mentioned[id]) return;
      const { name, field, span } = entity.fact;
      const removal = removeItemSuggestion(doc, span, field, name);
      report({
        span,
        message: `${code(name)} is listed in ${field} but the post never names it, neither in the English nor in the Chinese text.`,
        suggestions: removal ? [removal] : undefined,
      });
    });
  },
});
