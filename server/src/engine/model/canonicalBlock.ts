/**
 * The fast path for the canonical four-line English block, separate from the
 * general reader so each stays readable. englishBlock.ts tries it first.
 */
import type { SourceText } from '../text';
import type { EnglishBlock } from './englishBlock';
import { LABEL_WORD, countWords, languageOfSpans, trim } from './blockText';

const CANONICAL_P = /^<p class="(?:english|chinese)-text">/;
const P_TAG_INSIDE = /<\/?p\b|<\/det/iy;

/** Whether `<p`, `</p` or `</det` stands in text[from, to): looked for at each `<`, without copying the text. */
function hasParagraphTag(text: string, from: number, to: number): boolean {
  for (let lt = text.indexOf('<', from); lt >= 0 && lt < to; lt = text.indexOf('<', lt + 1)) {
    P_TAG_INSIDE.lastIndex = lt;
    const m = P_TAG_INSIDE.exec(text);
    if (m && m.index + m[0].length <= to) return true;
  }
  return false;
}

/**
 * The four-line shape of 97.5% of real blocks (`<details>`, `<summary>label</summary>`,
 * `<p class="english-text">text</p>`, `</details>`), read without the general
 * machinery. Returns what the general reader would, or undefined for any other shape.
 */
export function readCanonical(src: SourceText, open: number, line: number): EnglishBlock | undefined {
  const text = src.text;
  if (line + 3 >= src.lineCount || open !== src.lineStarts[line] || src.lineEnd(line) !== open + 9 || !text.startsWith('<details>', open))
    return undefined;
  const sStart = src.lineStarts[line + 1];
  const sEnd = src.lineEnd(line + 1);
  if (!text.startsWith('<summary>', sStart) || !text.endsWith('</summary>', sEnd)) return undefined;
  const label = text.slice(sStart + 9, sEnd - 10);
  if (
    label.length === 0 ||
    label.length > 60 ||
    label.includes('<') ||
    label !== label.trim() ||
    countWords(label) > 6 ||
    !LABEL_WORD.test(label)
  )
    return undefined;
  const pStart = src.lineStarts[line + 2];
  const pEnd = src.lineEnd(line + 2);
  const tag = CANONICAL_P.exec(text.slice(pStart, Math.min(pEnd, pStart + 30)));
  if (!tag || !text.endsWith('</p>', pEnd) || pEnd - 4 < pStart + tag[0].length) return undefined;
  if (hasParagraphTag(text, pStart + tag[0].length, pEnd - 4)) return undefined;
  const cStart = src.lineStarts[line + 3];
  if (src.lineEnd(line + 3) !== cStart + 10 || !text.startsWith('</details>', cStart)) return undefined;
  const textSpan = trim(text, pStart + tag[0].length, pEnd - 4);
  if (textSpan[1] <= textSpan[0]) return undefined;
  const openTag = tag[0];
  return {
    kind: 'english',
    span: [open, cStart + 10],
    startLine: line,
    endLine: line + 3,
    openSpan: [open, open + 9],
    summary: { span: [sStart, sEnd], textSpan: [sStart + 9, sEnd - 10], text: label, closeSpan: [sEnd - 10, sEnd] },
    paragraphs: [
      {
        span: [pStart, pEnd],
        openTag,
        openTagSpan: [pStart, pStart + openTag.length],
        className: openTag.slice(10, -2),
        textSpan,
        closed: true,
      },
    ],
    closeSpan: [cStart, cStart + 10],
    gluedAfter: undefined,
    contentSpans: [textSpan],
    contentLang: languageOfSpans(text, [textSpan]),
    anomalies: [],
  };
}
