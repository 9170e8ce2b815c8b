import { defineRule } from '../../engine/rule';
import type { Span } from '../../engine/text';
import type { PostDocument } from '../../engine/model/document';
import type { ResolvedConfig } from '../../engine/config';
import { reportedDrifts } from './drift';
import { numbersOf, sameNumber, type NumberMention } from './numbers';

interface Options {
  /** Also report spelled-out English numbers ("six") that the Chinese lacks. */
  checkSpelledOutEnglish: boolean;
  /** Numbers below this are not compared (0 and 1 are mostly articles and pronouns). */
  minimum: number;
}

export default defineRule<Options>({
  meta: {
    id: 'pair/number-mismatch',
    description: 'Numbers, percentages, years, dates and amounts agree between a Chinese paragraph and its English.',
    defaultSeverity: 'info',
    optionsSchema: {
      checkSpelledOutEnglish: {
        type: 'boolean',
        description:
          'Also report spelled-out English numbers (such as "six") that the Chinese lacks. Off by default: speech is full of them.',
      },
      minimum: { type: 'number', description: 'Numbers below this are not compared.' },
    },
    defaultOptions: { checkSpelledOutEnglish: false, minimum: 2 },
    fixable: false,
  },
  check({ doc, options, config, report }) {
    const text = doc.text;
    const numbers = numbersOf(doc);
    let slipped: ((pair: number) => boolean) | undefined;
    for (let i = 0; i < doc.pairs.length; i++) {
      const { chinese, english } = doc.pairs[i];
      if (english.contentLang !== 'en' || chinese.lang !== 'zh') continue;
      if (condensed(chinese.span, english.contentSpans)) continue;
      const code = doc.inline(chinese).codeSpans;
      const all = numbers.chinese(chinese.span[0], chinese.span[1], code).filter((n) => n.value >= options.minimum);
      // Weak Chinese numbers (一个, 第三) are never reported missing, and only digits are reported from
      // the English (unless checkSpelledOutEnglish): most pairs can have no finding, and their English
      // is not read word by word.
      const onlyWeak = !options.checkSpelledOutEnglish && all.every((n) => n.weak);
      if (onlyWeak && !english.contentSpans.some((s) => numbers.hasDigit(s))) continue;
      let en: NumberMention[] = [];
      for (const s of english.contentSpans) en = en.concat(numbers.english(s[0], s[1]));
      en = en.filter((n) => n.value >= options.minimum);
      if (onlyWeak && en.every((n) => !n.digits)) continue;

      // The translator's notes in parentheses (glosses, "11.7摄氏度（53°F）") may hold
      // the original's number: they count as matches but are not required.
      const notes = parenSpans(text, chinese.span);
      const noted = all.filter((n) => inside(notes, n.span[0]));
      const zh = all.filter((n) => !inside(notes, n.span[0]) && !convertedBefore(text, n, notes, noted, en));
      const missingInEn = zh.filter((n) => !n.weak && !en.some((e) => matches(n, e.value)));
      const missingInZh = en.filter((n) => (n.digits || options.checkSpelledOutEnglish) && !all.some((z) => matches(z, n.value)));
      const agreed = zh.filter((n) => en.some((e) => matches(n, e.value))).length;
      if (missingInEn.length + missingInZh.length === 0) continue;
      // Inside a drift each paragraph's English is its neighbour's: its numbers differ because the blocks
      // do, and pair/alignment-drift reports the drift once (pair/length-ratio leaves it too).
      slipped ??= slippedPairs(doc, config);
      if (slipped(i)) continue;

      // Nothing agrees: one finding for the pair, not one per number.
      if (agreed === 0 && missingInEn.length + missingInZh.length >= 4) {
        report({
          span: (missingInEn[0] ?? missingInZh[0]).span,
          message:
            `None of the numbers of this pair agree (Chinese: ${missingInEn.map((n) => show(text, n)).join(', ') || 'none'}; ` +
            `English: ${missingInZh.map((n) => show(text, n)).join(', ') || 'none'}): the English may belong to another paragraph.`,
        });
        continue;
      }
      for (const n of missingInEn) {
        report({ span: n.span, message: `The Chinese has ${show(text, n)}, which its English does not: check the number or the pairing.` });
      }
      for (const n of missingInZh) {
        report({
          span: n.span,
          message: `The English has ${show(text, n)}, which its Chinese translation does not: check the number or the pairing.`,
        });
      }
    }
  },
});

/** Whether a pair (its index in `doc.pairs`) lies in a drift that pair/alignment-drift reports. */
function slippedPairs(doc: PostDocument, config: ResolvedConfig): (pair: number) => boolean {
  // Drift stretches count units, and units are the pairs in order (PairUnit.index is the unit's own place).
  const drifts = reportedDrifts(doc, config);
  return (pair) => drifts.some((d) => pair >= d.from && pair <= d.to);
}

/**
 * A Chinese paragraph far shorter (or longer) than its English is a summary or
 * a merge, not a translation: its numbers are not expected to line up.
 * English runs at about two to three characters per Chinese one.
 */
function condensed(zh: Span, en: readonly Span[]): boolean {
  const enLength = en.reduce((n, s) => n + s[1] - s[0], 0);
  const ratio = enLength / Math.max(1, zh[1] - zh[0]);
  return ratio > 6 || ratio < 0.8;
}

function matches(n: NumberMention, value: number): boolean {
  return sameNumber(n.value, value) || (!!n.years && value >= n.years[0] && value < n.years[1]);
}

function inside(spans: readonly Span[], at: number): boolean {
  return spans.some((s) => at >= s[0] && at < s[1]);
}

/** A number right before a parenthesis whose number the English has: a unit conversion. */
function convertedBefore(
  text: string,
  n: NumberMention,
  notes: readonly Span[],
  noted: readonly NumberMention[],
  en: readonly NumberMention[],
): boolean {
  let i = n.span[1];
  while (i < text.length && i - n.span[1] < 6 && text.charCodeAt(i) !== 0xff08) i++;
  const note = notes.find((s) => s[0] === i);
  return !!note && noted.some((m) => m.span[0] >= note[0] && m.span[0] < note[1] && en.some((e) => sameNumber(m.value, e.value)));
}

function show(text: string, n: NumberMention): string {
  const written = text.slice(n.span[0], n.span[1]);
  const value = formatValue(n.value);
  return written.replace(/,/g, '') === value ? `“${written}”` : `“${written}” (${value})`;
}

function formatValue(v: number): string {
  return Number.isInteger(v) ? String(v) : String(Number(v.toPrecision(12)));
}

/** Full-width parentheses, with what they hold, inside a span. */
function parenSpans(text: string, span: Span): Span[] {
  const out: Span[] = [];
  let depth = 0;
  let open = -1;
  for (let i = span[0]; i < span[1]; i++) {
    const c = text.charCodeAt(i);
    if (c === 0xff08) {
      if (depth++ === 0) open = i;
    } else if (c === 0xff09 && depth > 0 && --depth === 0) out.push([open, i + 1]);
  }
  if (depth > 0) out.push([open, span[1]]);
  return out;
}
