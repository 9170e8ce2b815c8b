/**
 * Anchors: the things a Chinese paragraph and its English original must
 * share whatever the wording. Numbers (read by numbers.ts, so `4亿美元`
 * meets `$400 million`), Latin words the Chinese keeps as written (names,
 * acronyms, the English of glosses), and the English of terms the post
 * glosses once and then uses bare (`比特币（Bitcoin）` … `比特币` later).
 * An anchor shared by many paragraphs says little about which English
 * belongs where, so it weighs less.
 */
import type { PostDocument } from '../../engine/model/document';
import { glossesOf } from '../../engine/summary';
import type { Span } from '../../engine/text';
import { afterSpeakerLabel } from '../../engine/model/blocks';
import { chineseNumbers, englishNumbers, sameNumber } from './numbers';
import type { PairUnit } from './units';

export interface Anchor {
  /** A lowercase word, or a number. */
  word?: string;
  value?: number;
  weight: number;
}

export interface Anchors {
  /** Per unit: the anchors of its Chinese paragraphs. */
  chinese: Anchor[][];
  /** Per unit: its English text, lowercased. */
  englishLower: string[];
  /** Per unit: the numbers its English writes with digits, read when first asked for. */
  englishNumbers(j: number): number[];
}

/** Words too common in English to tell paragraphs apart, even when the Chinese keeps them. */
const STOP = new Set(
  'a an and are as at be but by can do for from had has have he her his how i if in is it its me my no not of on or our she so that the their them then there they this to up us was we were what when who why will with you your yes ok okay uh um like just one all'.split(
    ' ',
  ),
);

const WORD = /[A-Za-z][A-Za-z0-9'’]*/g;
/**
 * Whether a paragraph may hold a number worth anchoring on: digits, or a
 * Chinese numeral of two characters or more (one-digit numbers are common
 * everywhere and mostly spelled out in the English).
 */
const MAY_HAVE_NUMBER = /[0-9]|[一二两三四五六七八九十][十百千万亿]|[十百千][一二三四五六七八九]/;
/** Gloss terms shorter than this are too ambiguous to look for unglossed. */
const MIN_TERM = 2;
/** How far after the last digit an English number may still reach (`… 400 million`, `600 to 800 billion`). */
const NUMBER_REACH = 24;

const cache = new WeakMap<PostDocument, Anchors>();

export function anchorsOf(doc: PostDocument, units: readonly PairUnit[]): Anchors {
  const cached = cache.get(doc);
  if (cached && cached.chinese.length === units.length) return cached;
  const text = doc.text;
  const terms = glossTerms(doc);
  const keysPerUnit: Map<string, { word?: string; value?: number }>[] = units.map((u) => {
    const keys = new Map<string, { word?: string; value?: number }>();
    for (const p of u.paragraphs) {
      const span: Span = [afterSpeakerLabel(text, p.span), p.span[1]];
      const code = doc.inline(p).codeSpans;
      const slice = text.slice(span[0], span[1]);
      for (const m of slice.matchAll(WORD)) addWord(keys, m[0]);
      if (MAY_HAVE_NUMBER.test(slice)) {
        for (const n of chineseNumbers(text, span[0], span[1], code)) {
          if (!n.weak && n.value >= (n.digits ? 2 : 10)) keys.set('#' + n.value, { value: n.value });
        }
      }
      if (terms.size > 0) for (const english of termsIn(slice, terms)) for (const m of english.matchAll(WORD)) addWord(keys, m[0]);
    }
    return keys;
  });

  // Document frequency on the Chinese side: an anchor in many paragraphs weighs less.
  const df = new Map<string, number>();
  for (const keys of keysPerUnit) for (const k of keys.keys()) df.set(k, (df.get(k) ?? 0) + 1);
  const chinese = keysPerUnit.map((keys) => {
    const list: Anchor[] = [];
    for (const [k, a] of keys) {
      let weight = 1 / (1 + Math.log2(df.get(k) ?? 1));
      if (a.value !== undefined && a.value < 10) weight *= 0.5;
      if (a.word !== undefined && a.word.length < 3) weight *= 0.5;
      list.push({ ...a, weight });
    }
    return list;
  });

  const englishLower = units.map((u) => u.pair.english.contentSpans.map((s) => text.slice(s[0], s[1]).toLowerCase()).join(' '));
  const numbers: (number[] | undefined)[] = [];
  const englishNumbersOf = (j: number): number[] => {
    let nums = numbers[j];
    if (!nums) {
      nums = [];
      for (const s of units[j].pair.english.contentSpans) digitNumbers(text, s, nums);
      numbers[j] = nums;
    }
    return nums;
  };
  const result: Anchors = { chinese, englishLower, englishNumbers: englishNumbersOf };
  cache.set(doc, result);
  return result;
}

function addWord(keys: Map<string, { word?: string }>, raw: string): void {
  const word = raw.toLowerCase().replace(/['’]s$/, '');
  if (STOP.has(word) || (word.length < 2 && !/[0-9]/.test(word))) return;
  keys.set(word, { word });
}

/** How much of unit `i`'s Chinese the English of unit `j` shares. */
export function anchorScore(anchors: Anchors, i: number, j: number): number {
  if (j < 0 || j >= anchors.englishLower.length) return 0;
  const lower = anchors.englishLower[j];
  let score = 0;
  for (const a of anchors.chinese[i]) {
    if (a.word !== undefined ? hasWord(lower, a.word) : anchors.englishNumbers(j).some((v) => sameNumber(a.value!, v))) score += a.weight;
  }
  return score;
}

/** `word` as a whole word of `lower` (a plural `s` allowed). */
function hasWord(lower: string, word: string): boolean {
  for (let at = lower.indexOf(word); at >= 0; at = lower.indexOf(word, at + 1)) {
    if (at > 0 && isWordChar(lower.charCodeAt(at - 1))) continue;
    const after = lower.charCodeAt(at + word.length);
    if (!isWordChar(after) || (after === 115 /* s */ && !isWordChar(lower.charCodeAt(at + word.length + 1)))) return true;
  }
  return false;
}

function isWordChar(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 48 && c <= 57);
}

/**
 * The numbers an English text writes with digits. Reading the whole text
 * word by word would cost far more than it tells: only the stretches from a
 * digit to a little past it are read, which is where scales and units sit.
 */
export function digitNumbers(text: string, span: Span, out: number[]): void {
  const [start, end] = span;
  let i = start;
  while (i < end) {
    const c = text.charCodeAt(i);
    if (c < 48 || c > 57) {
      i++;
      continue;
    }
    const from = Math.max(start, i - 1);
    let last = i;
    let reach = Math.min(end, i + NUMBER_REACH);
    for (let k = i; k < reach; k++) {
      const d = text.charCodeAt(k);
      if (d >= 48 && d <= 57) {
        last = k;
        reach = Math.min(end, k + NUMBER_REACH);
      }
    }
    // End between words, so no word or number is cut.
    while (reach < end && isAsciiWordChar(text.charCodeAt(reach - 1)) && isAsciiWordChar(text.charCodeAt(reach))) reach++;
    for (const n of englishNumbers(text, from, reach)) if (n.digits && n.value >= 2) out.push(n.value);
    i = Math.max(reach, last + 1);
  }
}

function isAsciiWordChar(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57);
}

/** The post's glossed Chinese terms and their English, keyed by the term's first character. */
interface TermTable {
  size: number;
  byFirst: Map<number, { term: string; english: string }[]>;
}

function glossTerms(doc: PostDocument): TermTable {
  const byFirst = new Map<number, { term: string; english: string }[]>();
  let size = 0;
  const seen = new Set<string>();
  for (const g of glossesOf(doc)) {
    const term = g.term.replace(/\*/g, '');
    if (!g.english || term.length < MIN_TERM || !/^[\u3400-\u9fff]/.test(term) || seen.has(term)) continue;
    seen.add(term);
    const first = term.charCodeAt(0);
    const list = byFirst.get(first);
    if (list) list.push({ term, english: g.english });
    else byFirst.set(first, [{ term, english: g.english }]);
    size++;
  }
  for (const list of byFirst.values()) list.sort((a, b) => b.term.length - a.term.length);
  return { size, byFirst };
}

/** The English of every glossed term that occurs in `slice` (longest match at each place). */
function termsIn(slice: string, table: TermTable): string[] {
  const out: string[] = [];
  for (let i = 0; i < slice.length; i++) {
    const list = table.byFirst.get(slice.charCodeAt(i));
    if (!list) continue;
    for (const t of list) {
      if (slice.startsWith(t.term, i)) {
        out.push(t.english);
        i += t.term.length - 1;
        break;
      }
    }
  }
  return out;
}
