/** Small text helpers shared by the English block readers. */
import { languageOf, type Language, type Span } from '../text';

/** Words a summary label is made of (in its variants and typos). */
export const LABEL_WORD = /view|hide|original|查看|隐藏|原文|text/i;

export function countWords(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) > 32 && (i === 0 || s.charCodeAt(i - 1) <= 32)) n++;
  return n;
}

export function trim(text: string, start: number, end: number): Span {
  while (start < end && isSpace(text.charCodeAt(start))) start++;
  while (end > start && isSpace(text.charCodeAt(end - 1))) end--;
  return [start, end];
}

function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13 || c === 0x3000 || c === 0xa0;
}

/** Judged on a sample: the first few thousand characters tell the language of even the longest monologue. */
const LANGUAGE_SAMPLE = 3000;

export function languageOfSpans(text: string, spans: Span[]): Language {
  if (spans.length === 0) return 'none';
  if (spans.length === 1) return languageOf(text, spans[0][0], Math.min(spans[0][1], spans[0][0] + LANGUAGE_SAMPLE));
  let joined = '';
  for (const s of spans) {
    joined += text.slice(s[0], Math.min(s[1], s[0] + LANGUAGE_SAMPLE - joined.length)) + ' ';
    if (joined.length >= LANGUAGE_SAMPLE) break;
  }
  return languageOf(joined);
}
