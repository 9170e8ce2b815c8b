/**
 * The post's Latin words, tokenized once per lint into flat typed arrays:
 * where each word is, a hash of its lowercase letters (so n-grams can be
 * looked up without building strings) and a few flags. Entity matching runs
 * on every keystroke, so this is the one pass over the text; everything
 * after it works on the arrays.
 */
import type { Span } from '../../engine/text';

/** Which text a token comes from. */
export const enum Side {
  English = 0,
  Chinese = 1,
  /** A speaker label (`**Tracy Alloway:**`) opening a Chinese paragraph. */
  Label = 2,
}

export const F_JOIN = 1; // joined to the previous token by a space, hyphen, dot …: may form a name with it
export const F_UPPER = 2; // starts with a capital letter
export const F_ALLCAPS = 4; // two or more letters, all capitals
export const F_LOWER = 8; // no capital letter at all
export const F_SENTENCE = 16; // first word of a sentence (or of its segment)
export const F_INNER = 32; // a capital after the first letter: `OpenAI`, `MP`

/** Polynomial hash step; concatenation: hash(ab) = hash(a) * POW[|b|] + hash(b). */
export const BASE = 31;
export const MAX_TOKEN = 64;
export const POW = new Int32Array(MAX_TOKEN + 1);
POW[0] = 1;
for (let i = 1; i <= MAX_TOKEN; i++) POW[i] = Math.imul(POW[i - 1], BASE);

export class Tokens {
  count = 0;
  start: Int32Array;
  end: Int32Array;
  hash: Int32Array;
  flags: Uint8Array;
  side: Uint8Array;
  /** How often a word (by hash and length) occurs in lowercase in the English, filled on demand. */
  readonly lowercaseCounts = new Map<number, number>();

  constructor(capacity = 1024) {
    this.start = new Int32Array(capacity);
    this.end = new Int32Array(capacity);
    this.hash = new Int32Array(capacity);
    this.flags = new Uint8Array(capacity);
    this.side = new Uint8Array(capacity);
  }

  /** Empties the table, keeping its arrays for the next document. */
  reset(): this {
    this.count = 0;
    this.lowercaseCounts.clear();
    return this;
  }

  /** Makes room for `more` tokens beyond `count`. */
  reserve(more: number): void {
    while (this.count + more > this.start.length) this.grow();
  }

  private grow(): void {
    const n = this.start.length * 2;
    const copy = <T extends Int32Array | Uint8Array>(a: T, make: (n: number) => T): T => {
      const b = make(n);
      b.set(a);
      return b;
    };
    this.start = copy(this.start, (k) => new Int32Array(k));
    this.end = copy(this.end, (k) => new Int32Array(k));
    this.hash = copy(this.hash, (k) => new Int32Array(k));
    this.flags = copy(this.flags, (k) => new Uint8Array(k));
    this.side = copy(this.side, (k) => new Uint8Array(k));
  }
}

/** Characters below this are classified by table; above it only `’` and full stops matter. */
const TABLE_SIZE = 0x180;
const C_WORD = 1;
const C_UPPER = 2;
const C_SPACE = 4; // counts as a space between words
const C_JOIN = 8; // may sit inside a name: `Xi Jinping`, `Coca-Cola`, `Node.js`, `AT&T`, `People's`
const C_STOP = 16; // a capital after it (and a space) may just start a sentence
const CLASS = new Uint8Array(TABLE_SIZE);
/** Lowercase code of each word character. */
const LOWER = new Uint16Array(TABLE_SIZE);
/** Bit of each word character in a token's letter set (digits share one bit, other letters another). */
const BIT = new Int32Array(TABLE_SIZE);
for (let c = 0; c < TABLE_SIZE; c++) {
  const ch = String.fromCharCode(c);
  const lower = ch.toLowerCase();
  const isWord = (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c >= 0xc0 && c !== 0xd7 && c !== 0xf7);
  if (!isWord) continue;
  CLASS[c] = C_WORD | (lower !== ch ? C_UPPER : 0);
  LOWER[c] = lower.length === 1 ? lower.charCodeAt(0) : c;
}
for (let c = 0; c < TABLE_SIZE; c++) {
  const l = LOWER[c];
  if (CLASS[c] & C_WORD) BIT[c] = l >= 97 && l <= 122 ? 1 << (l - 97) : l >= 48 && l <= 57 ? 1 << 26 : 1 << 27;
}
for (const c of [32, 0xa0, 9, 10, 13]) CLASS[c] |= C_SPACE;
for (const c of [32, 0xa0, 45, 46, 38, 39, 47, 43, 0xb7]) CLASS[c] |= C_JOIN;
for (const c of [46, 33, 63, 58, 10, 13, 62]) CLASS[c] |= C_STOP;

/** Lowercase code of a word character, or -1 when `c` is not one (ASCII letters and digits, Latin-1 and Latin Extended-A letters). */
export function wordCode(c: number): number {
  return c < TABLE_SIZE && CLASS[c] & C_WORD ? LOWER[c] : -1;
}

/** Bit of a lowercase word character in a token's letter set. */
export function letterBit(lc: number): number {
  return lc < TABLE_SIZE ? BIT[lc] : 1 << 27;
}

/** The letter set of `text[from, to)`: computed on demand, for the few words a near miss is tried on. */
export function lettersOf(text: string, from: number, to: number): number {
  let m = 0;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c < TABLE_SIZE) m |= BIT[c];
  }
  return m;
}

const MAX_TAG = 200;
const MAX_ENTITY_REF = 10;
const RIGHT_QUOTE = 0x2019;

/** `。！？：…`: a capital after one may just start a sentence. */
function isFullStop(c: number): boolean {
  return c === 0x3002 || c === 0xff01 || c === 0xff1f || c === 0xff1a || c === 0x2026;
}

/**
 * Appends the words of `text[span]` to `out`. HTML tags and character
 * references are skipped. Tokens whose start lies in `labelSpan` get the
 * label side.
 */
export function tokenize(text: string, span: Span, side: Side, out: Tokens, labelSpan?: Span): void {
  const [from, to] = span;
  // Words are separated by at least one character: at most half the span (rounded up) are words.
  out.reserve(((to - from + 1) >> 1) + 1);
  const { start, end, hash, flags: flagsOf, side: sides } = out;
  let n = out.count;
  let i = from;
  // State of the gap since the previous token.
  let first = true;
  let gap = 0;
  let spaces = 0;
  let joinable = true;
  let sentenceEnd = true;
  let prevLength = 0;
  while (i < to) {
    const c = text.charCodeAt(i);
    if (c >= TABLE_SIZE) {
      // Han text and other scripts, skipped in one tight loop (most of a Chinese paragraph).
      gap++;
      for (; i < to; i++) {
        const d = text.charCodeAt(i);
        if (d < TABLE_SIZE) break;
        if (d !== RIGHT_QUOTE) joinable = false;
        if (isFullStop(d)) sentenceEnd = true;
      }
      continue;
    }
    const cls = CLASS[c];
    if (!(cls & C_WORD)) {
      if (c === 60 /* < */) {
        const close = boundedIndexOf(text, '>', i + 1, Math.min(to, i + MAX_TAG));
        const next = text.charCodeAt(i + 1);
        if (close > 0 && (wordCode(next) >= 0 || next === 47 || next === 33)) {
          i = close + 1;
          joinable = false;
          sentenceEnd = true;
          spaces++;
          continue;
        }
      } else if (c === 38 /* & */) {
        const semi = boundedIndexOf(text, ';', i + 1, Math.min(to, i + MAX_ENTITY_REF));
        if (semi > 0) {
          if (text.startsWith('&gt;', i)) sentenceEnd = true; // `&gt;&gt;` marks a new speaker
          i = semi + 1;
          joinable = false;
          continue;
        }
      }
      gap++;
      if (cls & C_SPACE) {
        spaces++;
        // `. ` joins initials and titles (`J. D. Vance`, `Mr. Smith`), not the words of two sentences.
        if (text.charCodeAt(i - 1) === 46 && prevLength > 2) joinable = false;
      }
      if (!(cls & C_JOIN)) joinable = false;
      if (cls & C_STOP) sentenceEnd = true;
      i++;
      continue;
    }
    // A word: a run of letters and digits.
    const s = i;
    let h = 0;
    let upper = 0;
    let letters = 0;
    let inner = false;
    for (; i < to; i++) {
      const d = text.charCodeAt(i);
      if (d >= TABLE_SIZE) break;
      const k = CLASS[d];
      if (!(k & C_WORD)) break;
      const lc = LOWER[d];
      h = (Math.imul(h, BASE) + lc) | 0;
      if (k & C_UPPER) {
        upper++;
        if (i > s) inner = true;
      }
      if (lc >= 97) letters++;
    }
    let flags = 0;
    if (!first && joinable && gap > 0 && gap <= 3 && spaces <= 1) flags |= F_JOIN;
    if (CLASS[text.charCodeAt(s)] & C_UPPER) flags |= F_UPPER;
    if (inner) flags |= F_INNER;
    if (upper === 0) flags |= F_LOWER;
    else if (upper >= letters && letters >= 2) flags |= F_ALLCAPS;
    if (first || (sentenceEnd && spaces > 0)) flags |= F_SENTENCE;
    const tokenSide = labelSpan && s >= labelSpan[0] && s < labelSpan[1] ? Side.Label : side;
    // Words too long to be part of a name cannot join or be joined.
    if (i - s > MAX_TOKEN) flags &= ~F_JOIN;
    start[n] = s;
    end[n] = i;
    hash[n] = h;
    flagsOf[n] = flags;
    sides[n] = tokenSide;
    n++;
    prevLength = i - s;
    first = false;
    gap = 0;
    spaces = 0;
    joinable = i - s <= MAX_TOKEN;
    sentenceEnd = false;
  }
  out.count = n;
}

function boundedIndexOf(text: string, ch: string, from: number, limit: number): number {
  for (let i = from; i < limit; i++) {
    const c = text[i];
    if (c === ch) return i;
    if (c === '\n' || c === '<') return -1;
  }
  return -1;
}
