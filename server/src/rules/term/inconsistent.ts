import { defineRule } from '../../engine/rule';
import { glossesOf } from '../../engine/summary';
import { acceptsEnglish, glossaryIndex, isChinese, normalizeEnglish, type GlossaryEntry, type GlossaryIndex } from '../../engine/glossary';
import { cleanTerm, quote } from './shared';

export default defineRule<Record<string, never>>({
  meta: {
    id: 'term/inconsistent',
    description:
      'Glossed terms follow the team glossary: a glossary term is glossed with its English, and an English term from the glossary is translated with its Chinese.',
    defaultSeverity: 'warning',
    optionsSchema: {},
    defaultOptions: {},
    fixable: false,
    hasSuggestions: true,
  },
  check({ doc, config, report }) {
    const glossary = config.glossary;
    if (!glossary || glossary.entries.length === 0) return;
    const index = glossaryIndex(glossary);
    for (const g of glossesOf(doc)) {
      const guessed = g.kind === 'name';
      const term = cleanTerm(g.term);
      const found = entryForChinese(index, term, guessed);
      if (found) {
        const { entry, form } = found;
        if (g.english && !acceptsEnglish(entry, g.english)) {
          report({
            span: g.englishSpan,
            message: `${quote(g.english)} glosses ${quote(form)}, but the glossary gives its English as ${quote(entry.english)}.`,
            suggestions: [{ title: `Replace with ${quote(entry.english)}`, edit: { range: g.englishSpan, text: entry.english } }],
          });
        }
        continue;
      }
      // A name gloss's Chinese extent is a guess: only a bold term's Chinese is certain enough to blame.
      if (guessed || !g.english || !isChinese(term) || isForbidden(index, term)) continue; // term/forbidden reports forbidden forms
      const translated = entryForEnglish(index, g.english);
      if (!translated) continue;
      report({
        span: g.termSpan,
        message: `${quote(term)} translates ${quote(g.english)}, which the glossary translates as ${quote(translated.term)}.`,
        suggestions: [{ title: `Replace with ${quote(translated.term)}`, edit: { range: g.termSpan, text: translated.term } }],
      });
    }
  },
});

/**
 * The entry a gloss's Chinese names. A name gloss's Chinese extent is a
 * guess that may take in a word or two before the name (`美国公司英伟达`),
 * so there an entry whose form ends the guess counts too.
 */
function entryForChinese(index: GlossaryIndex, term: string, guessed: boolean): { entry: GlossaryEntry; form: string } | undefined {
  const exact = index.byChinese.get(term);
  if (exact) return { entry: exact, form: term };
  if (!guessed) return undefined;
  for (let k = 1; k < term.length - 1; k++) {
    const e = index.byChinese.get(term.slice(k));
    if (e) return { entry: e, form: term.slice(k) };
  }
  return undefined;
}

function entryForEnglish(index: GlossaryIndex, english: string): GlossaryEntry | undefined {
  const direct = index.byEnglish.get(normalizeEnglish(english))?.[0];
  if (direct) return direct;
  for (const part of english.split(/[,，/;；]/)) {
    const e = part.trim() ? index.byEnglish.get(normalizeEnglish(part))?.[0] : undefined;
    if (e && acceptsEnglish(e, english)) return e;
  }
  return undefined;
}

function isForbidden(index: GlossaryIndex, term: string): boolean {
  return (index.forbiddenByFirst.get(term.charCodeAt(0)) ?? []).some((f) => f.text === term);
}
