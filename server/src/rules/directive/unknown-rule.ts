/**
 * A disable comment that names no rule Bilint has (`pair/missing-englsh`)
 * silences nothing, and says nothing about it: the finding it was meant for
 * stays, or worse, the typo hides that the comment is stale.
 */
import { defineRule } from '../../engine/rule';
import { directivesOf } from '../../engine/directives';
import { nearestRuleName } from '../../engine/ruleNames';

export default defineRule({
  meta: {
    id: 'directive/unknown-rule',
    description: 'A `bilint-disable` or `bilint-enable` comment names rules and rule families that exist.',
    defaultSeverity: 'warning',
    defaultOptions: {},
    fixable: false,
    hasSuggestions: true,
  },
  check({ doc, config, report }) {
    const list = directivesOf(doc);
    if (list.length === 0) return;
    const ids = Object.keys(config.rules);
    const known = new Set([...ids, ...ids.map((id) => id.split('/')[0])]);
    for (const d of list) {
      for (const n of d.names ?? []) {
        if (known.has(n.name)) continue;
        const meant = nearestRuleName(n.name, ids, true);
        report({
          span: n.span,
          message: meant
            ? `There is no rule or rule family “${n.name}”: did you mean “${meant}”? As written, the comment silences nothing for it.`
            : `There is no rule or rule family “${n.name}”, so the comment silences nothing for it. Rule ids look like \`gloss/missing\`; a family like \`gloss\` means all of its rules.`,
          suggestions: meant ? [{ title: `Change to ${meant}`, edit: { range: n.span, text: meant } }] : undefined,
        });
      }
    }
  },
});
