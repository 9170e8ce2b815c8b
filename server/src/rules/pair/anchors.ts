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
import { numbersOf, sameNumber, significantDigits } from './numbers';
import { pairUnits } from './units';
import type { ParagraphBlock } from '../../engine/model/blocks';

export interface Anchor {
  /** A lowercase word, or a number. */
  word?: string;
  value?: number;
  weight: number;
}

export interface Anchors {
  /** Per unit: the anchors of its Chinese paragraphs. */
  chinese: Anchor[][];
  /** Per unit: its English text, lowercased (read when first asked for). */
  englishLower(j: number): string;
  count: number;
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
/** Chinese numerals: two together make a number worth anchoring on (一 alone is everywhere). */
const NUMERALS = new Uint8Array(0x10000);
for (const c of '一二两三四五六七八九十百千万亿') NUMERALS[c.charCodeAt(0)] = 1;
/** Gloss terms shorter than this are too ambiguous to look for unglossed. */
const MIN_TERM = 2;

/** The anchors of the post's pair units (see units.ts), computed once per document. */
export function anchorsOf(doc: PostDocument): Anchors {
  return doc.memo('pair/anchors', () => readAnchors(doc));
}

function readAnchors(doc: PostDocument): Anchors {
  const units = pairUnits(doc).units;
  const text = doc.text;
  const terms = glossTerms(doc);
  const df = new Map<string, number>();
  // Per unit, the keys of its anchors: a lowercase word, or `#` and a number.
  const keysPerUnit: string[][] = units.map((u) => {
    const keys: string[] = [];
    const add = (key: string) => {
      if (!keys.includes(key)) keys.push(key);
    };
    for (const p of u.paragraphs) scanParagraph(doc, p, terms, add);
    for (const k of keys) df.set(k, (df.get(k) ?? 0) + 1);
    return keys;
  });

  // An anchor in many paragraphs says little about which English belongs where.
  const chinese = keysPerUnit.map((keys) =>
    keys.map((k): Anchor => {
      let weight = 1 / (1 + Math.log2(df.get(k) ?? 1));
      if (k.charCodeAt(0) === 35 /* # */) {
        const value = Number(k.slice(1));
        return { value, weight: value < 10 ? weight * 0.5 : weight };
      }
      if (k.length < 3) weight *= 0.5;
      return { word: k, weight };
    }),
  );

  // The English side is read lazily: only blocks near a paragraph with anchors are ever looked at.
  const lower: (string | undefined)[] = [];
  const numbers: (number[] | undefined)[] = [];
  const result: Anchors = {
    chinese,
    englishLower(j) {
      let l = lower[j];
      if (l === undefined) l = lower[j] = units[j].pair.english.contentSpans.map((s) => text.slice(s[0], s[1]).toLowerCase()).join(' ');
      return l;
    },
    englishNumbers(j) {
      let nums = numbers[j];
      if (!nums) {
        nums = [];
        for (const s of units[j].pair.english.contentSpans) digitNumbers(doc, s, nums);
        numbers[j] = nums;
      }
      return nums;
    },
    count: units.length,
  };
  return result;
}

/**
 * One pass over a paragraph (after its speaker label): Latin words, glossed
 * terms used bare, and whether numbers are worth reading.
 */
function scanParagraph(doc: PostDocument, p: ParagraphBlock, terms: TermTable, add: (key: string) => void): void {
  const text = doc.text;
  const from = afterSpeakerLabel(text, p.span);
  const to = p.span[1];
  let digits = false;
  let numerals = false;
  let prevNumeral = false;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (isLetter(c)) {
      let j = i + 1;
      while (j < to && (isLetter(text.charCodeAt(j)) || isDigit(text.charCodeAt(j)) || text.charCodeAt(j) === 39)) j++;
      addWord(add, text.slice(i, j));
      i = j - 1;
      prevNumeral = false;
      continue;
    }
    if (isDigit(c)) digits = true;
    else if (c >= 0x4e00) {
      const numeral = NUMERALS[c] === 1;
      if (numeral && prevNumeral) numerals = true;
      prevNumeral = numeral;
      if (terms.first[c] === 1) {
        const t = termAt(text, i, to, terms);
        if (t) {
          for (const m of t.english.matchAll(WORD)) addWord(add, m[0]);
          i += t.term.length - 1;
          prevNumeral = false;
        }
      }
      continue;
    }
    prevNumeral = false;
  }
  if (!digits && !numerals) return;
  for (const n of numbersOf(doc).chinese(from, to, doc.inline(p).codeSpans)) {
    if (!n.weak && n.value >= (n.digits ? 2 : 10)) add('#' + n.value);
  }
}

function isLetter(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90);
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

function addWord(add: (key: string) => void, raw: string): void {
  const word = raw.toLowerCase().replace(/['’]s?$/, '');
  if (STOP.has(word) || (word.length < 2 && !/[0-9]/.test(word))) return;
  add(word);
}

/** How much of unit `i`'s Chinese the English of unit `j` shares. */
export function anchorScore(anchors: Anchors, i: number, j: number): number {
  if (j < 0 || j >= anchors.count || anchors.chinese[i].length === 0) return 0;
  const lower = anchors.englishLower(j);
  let score = 0;
  for (const a of anchors.chinese[i]) {
    if (a.word !== undefined ? hasWord(lower, a.word) : hasNumber(anchors.englishNumbers(j), a.value!)) score += a.weight;
  }
  return score;
}

/**
 * Whether the English numbers hold `value` as numbers.ts reads sameness. Most
 * comparisons fail, so a cheap test of the kinds of sameness sameNumber knows
 * (equal values, equal significant digits, a year and its last two digits)
 * picks the candidates and sameNumber decides.
 */
function hasNumber(numbers: readonly number[], value: number): boolean {
  const key = significantDigits(value);
  for (const v of numbers) {
    const maybe = v === value || significantDigits(v) === key || v === value % 100 || value === v % 100;
    if (maybe && sameNumber(value, v)) return true;
  }
  return false;
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

/** The numbers an English text writes with digits (numbers.ts reads only digits and number words). */
function digitNumbers(doc: PostDocument, span: Span, out: number[]): void {
  const numbers = numbersOf(doc);
  if (!numbers.hasDigit(span)) return;
  for (const n of numbers.english(span[0], span[1])) if (n.digits && n.value >= 2) out.push(n.value);
}

/** The post's glossed Chinese terms and their English, keyed by the term's first character. */
interface TermTable {
  /** 1 where a term starts with that UTF-16 code unit: most characters are rejected by one array read. */
  first: Uint8Array;
  byFirst: Map<number, { term: string; english: string }[]>;
}

const NO_TERMS: TermTable = { first: new Uint8Array(0), byFirst: new Map() };

function glossTerms(doc: PostDocument): TermTable {
  const byFirst = new Map<number, { term: string; english: string }[]>();
  const seen = new Set<string>();
  for (const g of glossesOf(doc)) {
    const term = g.term.replace(/\*/g, '');
    if (!g.english || term.length < MIN_TERM || !/^[\u3400-\u9fff]/.test(term) || seen.has(term)) continue;
    seen.add(term);
    const first = term.charCodeAt(0);
    const list = byFirst.get(first);
    if (list) list.push({ term, english: g.english });
    else byFirst.set(first, [{ term, english: g.english }]);
  }
  if (byFirst.size === 0) return NO_TERMS;
  const first = new Uint8Array(0x10000);
  for (const [c, list] of byFirst) {
    first[c] = 1;
    list.sort((a, b) => b.term.length - a.term.length);
  }
  return { first, byFirst };
}

/** The longest glossed term starting at `i`. */
function termAt(text: string, i: number, end: number, table: TermTable): { term: string; english: string } | undefined {
  for (const t of table.byFirst.get(text.charCodeAt(i)) ?? []) if (i + t.term.length <= end && text.startsWith(t.term, i)) return t;
  return undefined;
}
