/**
 * Numbers as a reader means them, from either half of a pair: `4亿美元` and
 * `$400 million` are both 400,000,000; `百分之二十`, `20%` and `20 percent` are
 * all 20; `2003年5月18日` and `May 18th, 2003` both hold 2003, 5 and 18.
 * Each number keeps the span of the text it was read from.
 */
import type { PostDocument } from '../../engine/model/document';
import type { Span } from '../../engine/text';

export interface NumberMention {
  value: number;
  span: Span;
  /** Written with digits (a spelled-out English number is weaker evidence). */
  digits: boolean;
  /** Read from a Chinese digit that may be part of a word (系统一): matches, never reported. */
  weak?: boolean;
  /** Other values the same words cover: `20世纪` is also any year of the 1900s. */
  years?: [number, number];
}

const ZH_DIGIT: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
const ZH_SMALL_UNIT: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };
const ZH_BIG_UNIT: Record<string, number> = { 万: 1e4, 亿: 1e8 };

/** Arabic number, then an optional run of Chinese magnitude characters (`1.7亿`, `3千万`, `5万亿`). */
const ZH_ARABIC = /(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?(?:\s*([十百千万亿]+))?(%|％)?/g;
/** Chinese numerals followed by what makes them a quantity, not part of a word. */
const ZH_NUMERAL = /百分之([零〇一二两三四五六七八九十百千]+)|([零〇一二两三四五六七八九十百千万亿]+)/g;
/** What makes a lone Chinese digit a quantity rather than part of a word (一起, 三角). */
const ZH_COUNTED = /^[多余来]?(?:年|个|倍|岁|次(?![方元])|天|月|周|人|家|名|种|位|世纪|美元|块|元|吨|公里|英尺|小时|分钟|秒|%|％)/;

/**
 * A post's numbers, read once per span: number-mismatch and the alignment
 * anchors read the same paragraphs in one lint. Callers must not change the
 * arrays returned.
 */
export interface PostNumbers {
  /** The numbers of Chinese text; `skip` (the paragraph's code spans) is the same for the same span. */
  chinese(start: number, end: number, skip?: readonly Span[]): NumberMention[];
  english(start: number, end: number): NumberMention[];
  /** Whether a digit stands in the span: most English blocks hold none, and are then not read. */
  hasDigit(span: Span): boolean;
}

export function numbersOf(doc: PostDocument): PostNumbers {
  return doc.memo('pair/numbers', () => new NumberMemo(doc.text));
}

class NumberMemo implements PostNumbers {
  private readonly found = new Map<number, NumberMention[]>();
  private digitAt: number[] | undefined;

  constructor(private readonly text: string) {}

  chinese(start: number, end: number, skip: readonly Span[] = []): NumberMention[] {
    return this.remembered(-1 - spanKey(start, end), () => chineseNumbers(this.text, start, end, skip));
  }

  english(start: number, end: number): NumberMention[] {
    return this.remembered(spanKey(start, end), () => englishNumbers(this.text, start, end));
  }

  hasDigit(span: Span): boolean {
    const at = (this.digitAt ??= digitOffsets(this.text));
    let lo = 0;
    let hi = at.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (at[mid] < span[0]) lo = mid + 1;
      else hi = mid;
    }
    return lo < at.length && at[lo] < span[1];
  }

  private remembered(key: number, read: () => NumberMention[]): NumberMention[] {
    let numbers = this.found.get(key);
    if (!numbers) this.found.set(key, (numbers = read()));
    return numbers;
  }
}

/** The offset of every digit, found by the regex engine (`test` makes no match objects). */
function digitOffsets(text: string): number[] {
  const digit = /[0-9]/g;
  const at: number[] = [];
  while (digit.test(text)) at.push(digit.lastIndex - 1);
  return at;
}

/** A span as one number (offsets stay far below 2^26). */
function spanKey(start: number, end: number): number {
  return start * 67108864 + end;
}

export function chineseNumbers(text: string, start: number, end: number, skip: readonly Span[] = []): NumberMention[] {
  const out: NumberMention[] = [];
  const slice = text.slice(start, end);
  ZH_ARABIC.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = ZH_ARABIC.exec(slice))) {
    const at = start + m.index;
    if (inside(skip, at) || isPartOfWord(slice, m.index, m[0].length)) continue;
    let value = Number(m[1].replace(/,/g, '') + (m[2] ? '.' + m[2] : ''));
    // 千兆/兆 are SI prefixes (2千兆字节 is 2 gigabytes), not magnitudes of the count.
    if (m[3] && slice[m.index + m[0].length] !== '兆') for (const unit of m[3]) value *= ZH_SMALL_UNIT[unit] ?? ZH_BIG_UNIT[unit] ?? 1;
    out.push(withCentury({ value, span: [at, at + m[0].length], digits: true }, slice, m.index + m[0].length));
  }
  ZH_NUMERAL.lastIndex = 0;
  while ((m = ZH_NUMERAL.exec(slice))) {
    const at = start + m.index;
    if (inside(skip, at)) continue;
    const numeral = m[1] ?? m[2];
    // Idioms made of magnitudes alone (千百万年, 百万富翁) are not counts.
    if (!/^[零〇一二两三四五六七八九十]/.test(numeral)) continue;
    // 四十 is a number wherever it stands; 三 and 十 (十分, 十足) only before a counted unit.
    const counted = ZH_COUNTED.test(slice.slice(m.index + m[0].length, m.index + m[0].length + 3));
    const value = parseChineseNumeral(numeral);
    if (value === undefined || value < 2) continue;
    // 一 and 两 are mostly articles and measure words (一个, 两者); 第三 is an ordinal,
    // 周三 a weekday, 几十年 and 数百 vague amounts: they may match, but are not required.
    const weak =
      (!m[1] && !counted && (numeral === '十' || !/[十百千万亿]/.test(numeral))) ||
      (/^[一两]/.test(numeral) && value < 10) ||
      (!m[1] && /[第期周初几数上星]/.test(slice[m.index - 1] ?? ''));
    out.push(withCentury({ value, span: [at, at + m[0].length], digits: false, weak }, slice, m.index + m[0].length));
  }
  return out;
}

/** `20世纪` also means any year of the 1900s; `6折` is 60% off. */
function withCentury(n: NumberMention, slice: string, after: number): NumberMention {
  if (slice.startsWith('世纪', after) && Number.isInteger(n.value) && n.value < 30) n.years = [(n.value - 1) * 100, n.value * 100];
  else if (slice[after] === '折' && n.value < 10) n.years = [n.value * 10, n.value * 10 + 1];
  return n;
}

/** `二十`, `三百五十`, `两千`, `一万五千`, `十` → numbers; undefined when it's not one number. */
export function parseChineseNumeral(s: string): number | undefined {
  let total = 0;
  let section = 0;
  let digit = -1;
  for (const ch of s) {
    if (ch in ZH_DIGIT) {
      if (digit >= 0 && ch !== '零') return undefined; // 二三: not one number
      digit = ZH_DIGIT[ch];
    } else if (ch in ZH_SMALL_UNIT) {
      section += (digit < 0 ? 1 : digit) * ZH_SMALL_UNIT[ch];
      digit = -1;
    } else if (ch in ZH_BIG_UNIT) {
      section += Math.max(digit, 0);
      total = (total + section) * ZH_BIG_UNIT[ch];
      section = 0;
      digit = -1;
    }
  }
  return total + section + Math.max(digit, 0);
}

const EN_WORDS: Record<string, number> = {
  zero: 0,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
  twenty: 20,
  thirty: 30,
  forty: 40,
  fifty: 50,
  sixty: 60,
  seventy: 70,
  eighty: 80,
  ninety: 90,
  dozen: 12,
  decade: 10,
  decades: 10,
};
const EN_SCALE: Record<string, number> = { hundred: 100, thousand: 1e3, million: 1e6, billion: 1e9, trillion: 1e12 };
const EN_SUFFIX: Record<string, number> = { k: 1e3, m: 1e6, mm: 1e6, b: 1e9, bn: 1e9 };
const MONTHS: string[] = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];

/**
 * English numbers: digits (with separators, decimals, `.5`, `18th`, `1970s`,
 * `$4.5B`), scaled (`400 million`), percentages, spelled-out numbers up to
 * the thousands (`twenty-five`, `three hundred`), and month names of dates.
 */
const NUMERIC_WORDS = new Set([...Object.keys(EN_WORDS), ...Object.keys(EN_SCALE), ...MONTHS, 'a', 'an', 'and', 'half']);

/** Digits, or a word that may be part of a number: other words are never visited. */
const EN_TOKEN = new RegExp(
  String.raw`(?<![\w.])(?:(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?|(\.\d+))(?:st|nd|rd|th|s)?(?:(k|mm|m|bn|b)\b)?(?:\s+(hundred|thousand|million|billion|trillion)\b)?` +
    String.raw`|\b((?:${[...NUMERIC_WORDS].sort((x, y) => y.length - x.length).join('|')})(?:-[A-Za-z]+)*)\b`,
  'gi',
);

const RANGE_SCALE = /^\s*(?:to|-|–|or|and)\s*\$?[\d.,]+\s*(million|billion|trillion)\b/i;

/** After a number: ` 1/2` (a mixed fraction) or `/2` (a simple one). */
const FRACTION = /^(?:\s+(\d)\/(\d{1,2})|\/(\d{1,2}))(?!\d)/;

interface WordRun {
  total: number;
  current: number;
  from: number;
  to: number;
}

export function englishNumbers(text: string, start: number, end: number): NumberMention[] {
  const out: NumberMention[] = [];
  const slice = text.slice(start, end);
  EN_TOKEN.lastIndex = 0;
  let m: RegExpExecArray | null;
  // A spelled-out number being read: `total` holds thousands and above, `current` the rest.
  let words: WordRun | null = null;
  const flushWords = () => {
    const value = words ? words.total + words.current : 0;
    if (words && value >= 2) out.push({ value, span: [start + words.from, start + words.to], digits: false });
    words = null;
  };
  while ((m = EN_TOKEN.exec(slice))) {
    if (m[1] !== undefined || m[3] !== undefined) {
      flushWords();
      if (isPartOfWord(slice, m.index, m[0].length)) continue;
      const fraction = FRACTION.exec(slice.slice(m.index + m[0].length, m.index + m[0].length + 8));
      let value = Number((m[1] ?? '').replace(/,/g, '') + (m[2] ?? m[3] ?? ''));
      if (fraction) {
        // "4 1/2 g" is 4.5; "1/2" alone is 0.5.
        const len = m[0].length + fraction[0].length;
        const whole = fraction[3] ? value / Number(fraction[3]) : value + Number(fraction[1]) / Number(fraction[2]);
        out.push({ value: whole, span: [start + m.index, start + m.index + len], digits: true });
        EN_TOKEN.lastIndex = m.index + len;
        continue;
      }
      if (m[4]) value *= EN_SUFFIX[m[4].toLowerCase()];
      if (m[5]) value *= EN_SCALE[m[5].toLowerCase()];
      // "600 to 800 billion": the first number shares the second's scale.
      const shared = !m[4] && !m[5] ? RANGE_SCALE.exec(slice.slice(m.index + m[0].length, m.index + m[0].length + 40)) : null;
      if (shared) value *= EN_SCALE[shared[1].toLowerCase()];
      out.push({ value, span: [start + m.index, start + m.index + m[0].length], digits: true });
      continue;
    }
    const raw = m[6];
    // Words of one number stand next to each other: "twenty five", not "five apples, six".
    if (words && !/^[\s-]*$/.test(slice.slice(words.to, m.index))) flushWords();
    // Month names read as their number (only capitalized: "may" is a verb).
    const month = MONTHS.indexOf(raw.toLowerCase());
    if (month >= 0 && raw[0] !== raw[0].toLowerCase()) {
      flushWords();
      out.push({ value: month + 1, span: [start + m.index, start + m.index + m[0].length], digits: false });
      continue;
    }
    const word = raw.toLowerCase();
    if (word === 'a' || word === 'an') {
      // "a hundred", and the "a" of "three and a half".
      if (!words) words = { total: 0, current: 1, from: m.index, to: m.index + m[0].length };
      else (words as WordRun).to = m.index + m[0].length;
      continue;
    }
    if (word === 'half' && words) {
      words = { ...words, current: words.current + 0.5, to: m.index + m[0].length };
      continue;
    }
    if (!words && (word === 'hundred' || word === 'thousand') && /^(the|past|next|few)$/i.test(previousWord(slice, m.index))) {
      out.push({ value: EN_SCALE[word], span: [start + m.index, start + m.index + m[0].length], digits: false });
      continue;
    }
    // "four-year", "ten-fold": the number is the first part.
    const parts = word.split('-').filter((p, i) => i === 0 || p in EN_WORDS);
    const small = parts.reduce<number | undefined>((acc, p) => (acc === undefined || !(p in EN_WORDS) ? undefined : acc + EN_WORDS[p]), 0);
    const to = m.index + m[0].length;
    if (small !== undefined) {
      // "twenty five" and "hundred and five" combine; "five, six, seven" are separate numbers.
      const c: number = words ? words.current : 0;
      const combines =
        words &&
        ((c >= 20 && c < 100 && c % 10 === 0 && small < 10) || (c >= 100 && c % 100 === 0 && small < 100) || (c === 0 && words.total > 0));
      if (words && combines) words = { ...words, current: c + small, to };
      else {
        flushWords();
        words = { total: 0, current: small, from: m.index, to };
      }
      continue;
    }
    if (word in EN_SCALE && words) {
      const w: { total: number; current: number; from: number; to: number } = words;
      const scale = EN_SCALE[word];
      words = scale === 100 ? { ...w, current: w.current * 100, to } : { ...w, total: w.total + w.current * scale, current: 0, to };
      continue;
    }
    if (word === 'and' && words) {
      words = { ...words, to: m.index + m[0].length };
      continue;
    }
    flushWords();
  }
  flushWords();
  return out;
}

function previousWord(s: string, at: number): string {
  const m = /([A-Za-z]+)\s+$/.exec(s.slice(Math.max(0, at - 12), at));
  return m ? m[1] : '';
}

/** Digits glued to letters (`GPT4o`, `B2B`, `H100` stay names, not quantities). */
function isPartOfWord(s: string, at: number, len: number): boolean {
  const before = s.charCodeAt(at - 1);
  const after = s.charCodeAt(at + len);
  // "10x" is a multiple, not a name.
  if ((after === 120 || after === 0xd7) && !isLatinLetter(s.charCodeAt(at + len + 1))) return isLatinLetter(before);
  return isLatinLetter(before) || isLatinLetter(after);
}

function isLatinLetter(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

function inside(spans: readonly Span[], at: number): boolean {
  for (const s of spans) if (at >= s[0] && at < s[1]) return true;
  return false;
}

/** Whether two readings name the same quantity, allowing what speech-to-text and translators do. */
export function sameNumber(a: number, b: number): boolean {
  if (a === b) return true;
  if (Math.abs(a - b) <= 1e-9 * Math.max(Math.abs(a), Math.abs(b))) return true;
  const da = significantDigits(a);
  const db = significantDigits(b);
  // Speech-to-text drops decimal points ("Opus 45" for 4.5) and speakers drop the
  // scale they both know ("725 versus 715" for $725 million): the same two or more
  // significant digits are taken as the same number.
  if (da === db && da.length > 1) return true;
  // Spoken years: "27 28" for 2027-2028.
  if ((a >= 1900 && a < 2100 && b < 100 && a % 100 === b) || (b >= 1900 && b < 2100 && a < 100 && b % 100 === a)) return true;
  return false;
}

const significantCache = new Map<number, string>();

/**
 * The digits of a number without leading and trailing zeros (400000000 and 4
 * both give `4`, 4.5 gives `45`). Kept per value: the same few numbers of a
 * post are compared again and again.
 */
export function significantDigits(n: number): string {
  let s = significantCache.get(n);
  if (s === undefined) {
    s = String(n)
      .replace(/[^0-9]/g, '')
      .replace(/^0+|0+$/g, '');
    if (significantCache.size >= 4096) significantCache.clear();
    significantCache.set(n, s);
  }
  return s;
}
