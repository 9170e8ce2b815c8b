/**
 * A bold term in a Chinese paragraph with no gloss `（…）` after its first use
 * (or after every use). A later use counts as glossed once an earlier one was,
 * in bold or as a plain name gloss `稳定币（Stablecoin）`.
 */
import { defineRule } from '../../engine/rule';
import { glossSlot, type Bold, type Gloss } from '../../engine/model/inline';
import { isTerm, lineSpanOf, termKey, termSpan } from './shared';

interface Options {
  placement: 'first' | 'every';
  chineseSourcePosts: boolean;
}

interface Use {
  bold: Bold;
  key: string;
  term: string;
  glossed: boolean;
  gloss?: Gloss;
}

/** `**使用率（Utilization）、影响（Impact）和成本（Cost）**`: terms glossed one by one inside the bold. */
const GLOSSES_INSIDE = /[（(][^（）()]*[A-Za-z][^（）()]*[）)]/;

const PLACEHOLDER = '（English Term: 中文解释）';

export default defineRule<Options>({
  meta: {
    id: 'gloss/missing',
    description: 'A bold term in a Chinese paragraph has no gloss `（English Term: 中文解释）` right after its first use.',
    defaultSeverity: 'warning',
    optionsSchema: {
      placement: {
        enum: ['first', 'every'],
        description: '`first`: the first use of a term carries the gloss, later uses need none; `every`: each bold use carries one.',
      },
      chineseSourcePosts: {
        type: 'boolean',
        description:
          "Also check posts made from Chinese-language sources (their blocks hold the Chinese original), where bold is the author's emphasis rather than a translated term.",
      },
    },
    defaultOptions: { placement: 'first', chineseSourcePosts: false },
    fixable: false,
    hasSuggestions: true,
  },
  check({ doc, options, report }) {
    if (doc.sourceLanguage === 'zh' && !options.chineseSourcePosts) return;
    const text = doc.text;
    const every = options.placement === 'every';
    const uses: Use[] = [];
    /** Terms given a plain name gloss, by key: the offset of the first. */
    const named = new Map<string, number>();
    for (const p of doc.paragraphs()) {
      if (p.lang !== 'zh') continue;
      const inline = doc.inline(p);
      if (!every) {
        for (const ng of inline.nameGlosses) {
          const zh = text.slice(ng.zhSpan[0], ng.zhSpan[1]);
          for (let k = 0; k + 2 <= zh.length; k++) addFirst(named, zh.slice(k), ng.gloss.span[0]);
          addFirst(named, termKey(text.slice(ng.enSpan[0], ng.enSpan[1])), ng.gloss.span[0]);
        }
      }
      for (const bold of inline.bolds) {
        if (!isTerm(text, bold, inline, lineSpanOf(doc.src, bold.openRun[0], p.span))) continue;
        const [s, e] = termSpan(bold);
        const term = text.slice(s, e).trim();
        const gloss = bold.gloss ?? bold.innerGloss;
        const glossed = !!gloss || GLOSSES_INSIDE.test(text.slice(bold.innerSpan[0], bold.innerSpan[1]));
        uses.push({ bold, key: termKey(term), term, glossed, gloss });
      }
    }

    const firstGloss = new Map<string, Use>();
    for (const u of uses) if (u.gloss && !firstGloss.has(u.key)) firstGloss.set(u.key, u);
    const seen = new Set<string>();
    for (const u of uses) {
      const first = !seen.has(u.key);
      seen.add(u.key);
      if (u.glossed || (!every && !first)) continue;
      const at = u.bold.openRun[0];
      if (!every && (named.get(u.key) ?? Infinity) < at) continue;
      const slot = glossSlot(text, u.bold);
      const later = firstGloss.get(u.key);
      const suggestions = [];
      let message = `The bold term “${u.term}” has no gloss: add \`（English Term: 中文解释）\` right after it${every ? '' : ' (its first use in the post)'}.`;
      if (later?.gloss?.close && !every) {
        const line = doc.src.lineOf(later.bold.openRun[0]) + 1;
        const gloss = text.slice(later.gloss.span[0], later.gloss.span[1]);
        message = `The bold term “${u.term}” is glossed only at a later use (line ${line}): the gloss belongs to its first use, here.`;
        suggestions.push({ title: `Add the gloss from line ${line}: ${gloss}`, edit: { range: [slot, slot] as const, text: gloss } });
      }
      suggestions.push({ title: `Add a gloss placeholder ${PLACEHOLDER}`, edit: { range: [slot, slot] as const, text: PLACEHOLDER } });
      report({ span: [at, u.bold.closeRun[1]], message, suggestions });
    }
  },
});

function addFirst(map: Map<string, number>, key: string, at: number): void {
  if (key && !map.has(key)) map.set(key, at);
}
