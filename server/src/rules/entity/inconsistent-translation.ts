import { defineRule } from '../../engine/rule';
import { glossesOf, type GlossOccurrence } from '../../engine/summary';
import type { Report } from '../../engine/rule';
import { allowedDistance, squashOf } from './entities';
import { boundedDistance } from '../../engine/distance';
import { code, lineOf } from './shared';

const HAN = /[\u3400-\u9fff\uf900-\ufaff]/;
const NAME_START = /^[A-Z0-9]/;

export default defineRule({
  meta: {
    id: 'entity/inconsistent-translation',
    description: 'A name keeps one Chinese rendering and one English spelling across the glosses of a post.',
    defaultSeverity: 'warning',
    defaultOptions: {},
    fixable: false,
    hasSuggestions: true,
  },
  check({ doc, report }) {
    const byEnglish = new Map<string, GlossOccurrence>();
    const byChinese = new Map<string, GlossOccurrence>();
    for (const g of glossesOf(doc)) {
      if (!g.english || !HAN.test(g.term)) continue;
      const squash = squashOf(g.english);
      if (squash.length === 0) continue;
      if (NAME_START.test(g.english)) {
        const key = String.fromCharCode(...squash);
        const first = byEnglish.get(key);
        if (!first) byEnglish.set(key, g);
        // A gloss that names the other rendering (`同“启发式”`) is the translator comparing them on purpose.
        else if (!sameRendering(first.term, g.term) && !g.gloss.includes(first.term)) report(otherRendering(first, g));
      }
      const first = byChinese.get(g.term);
      if (!first) byChinese.set(g.term, g);
      else if (otherSpelling(squashOf(first.english), squash)) report(otherEnglish(first, g));
    }

    function otherRendering(first: GlossOccurrence, g: GlossOccurrence): Report {
      return {
        span: g.termSpan,
        message: `${code(g.english)} is rendered ${code(g.term)} here but ${code(first.term)} on line ${lineOf(doc, first.termSpan[0])}.`,
        suggestions:
          g.kind === 'bold' ? [{ title: `Replace with ${code(first.term)}`, edit: { range: g.termSpan, text: first.term } }] : undefined,
      };
    }

    function otherEnglish(first: GlossOccurrence, g: GlossOccurrence): Report {
      return {
        span: g.englishSpan,
        message: `${code(g.term)} is glossed ${code(g.english)} here but ${code(first.english)} on line ${lineOf(doc, first.englishSpan[0])}.`,
        suggestions: [{ title: `Replace with ${code(first.english)}`, edit: { range: g.englishSpan, text: first.english } }],
      };
    }
  },
});

/**
 * The Chinese before a name gloss has no marked start, so a guessed
 * rendering may carry words before the name (`甲骨文公司` and `我们来看甲骨文`);
 * and a name may come back shortened (`洛里·洛根`, then `洛根`, or just `乔`).
 * One containing the other, or a part of a dotted name, counts as the same.
 */
function sameRendering(a: string, b: string): boolean {
  if (a.includes(b) || b.includes(a)) return true;
  const parts = (s: string) => s.split(/[·•‧・]/).filter((p) => p.length > 0);
  return (
    (a !== b && parts(a).length > 1 && parts(a).some((p) => b.endsWith(p))) || (parts(b).length > 1 && parts(b).some((p) => a.endsWith(p)))
  );
}

/** Two spellings of one name: a few letters apart, neither a mere extension of the other (`Model`, `Models`). */
function otherSpelling(a: number[], b: number[]): boolean {
  const shorter = Math.min(a.length, b.length);
  const max = allowedDistance(Math.max(a.length, b.length));
  if (shorter < 5 || max === 0) return false;
  let prefix = 0;
  while (prefix < shorter && a[prefix] === b[prefix]) prefix++;
  if (prefix === shorter) return false;
  const d = boundedDistance(a, a.length, b, b.length, max);
  return d > 0 && d <= max;
}
