/**
 * The fast path for the canonical four-line English block, separate from the
 * general reader so each stays readable. englishBlock.ts tries it first.
 */
import type { SourceText } from '../text';
import type { EnglishBlock } from './englishBlock';
import { LABEL_WORD, countWords, languageOfSpans, trim } from './blockText';

const CANONICAL_TAGS = [
  { tag: '<p class="english-text">', className: 'english-text' },
  { tag: '<p class="chinese-text">', className: 'chinese-text' },
];
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

/** The last label judged plain: a post repeats one label on every block. */
let plainLabel: string | undefined;

/** A summary label the general reader takes as a label (not content, not damaged). */
function isPlainLabel(label: string): boolean {
  if (label === plainLabel) return true;
  const plain =
    label.length > 0 &&
    label.length <= 60 &&
    !label.includes('<') &&
    label === label.trim() &&
    countWords(label) <= 6 &&
    LABEL_WORD.test(label);
  if (plain) plainLabel = label;
  return plain;
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
  if (!isPlainLabel(label)) return undefined;
  const pStart = src.lineStarts[line + 2];
  const pEnd = src.lineEnd(line + 2);
  let canonical: (typeof CANONICAL_TAGS)[number] | undefined;
  for (const c of CANONICAL_TAGS) if (text.startsWith(c.tag, pStart)) canonical = c;
  if (!canonical) return undefined;
  const openTag = canonical.tag;
  if (!text.endsWith('</p>', pEnd) || pEnd - 4 < pStart + openTag.length) return undefined;
  if (hasParagraphTag(text, pStart + openTag.length, pEnd - 4)) return undefined;
  const cStart = src.lineStarts[line + 3];
  if (src.lineEnd(line + 3) !== cStart + 10 || !text.startsWith('</details>', cStart)) return undefined;
  const textSpan = trim(text, pStart + openTag.length, pEnd - 4);
  if (textSpan[1] <= textSpan[0]) return undefined;
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
        className: canonical.className,
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
