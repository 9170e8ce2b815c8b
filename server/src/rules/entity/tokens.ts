/**
 * The post's Latin words, tokenized once per lint into flat typed arrays:
 * where each word is, a hash of its lowercase letters (so n-grams can be
 * looked up without building strings), a bit set of its letters, and a few
 * flags. Entity matching runs on every keystroke, so this is the one pass
 * over the text; everything after it works on the arrays.
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
  mask: Int32Array;
  flags: Uint8Array;
  side: Uint8Array;

  constructor(capacity = 1024) {
    this.start = new Int32Array(capacity);
    this.end = new Int32Array(capacity);
    this.hash = new Int32Array(capacity);
    this.mask = new Int32Array(capacity);
    this.flags = new Uint8Array(capacity);
    this.side = new Uint8Array(capacity);
  }

  push(start: number, end: number, hash: number, mask: number, flags: number, side: Side): void {
    if (this.count === this.start.length) this.grow();
    const i = this.count++;
    this.start[i] = start;
    this.end[i] = end;
    this.hash[i] = hash;
    this.mask[i] = mask;
    this.flags[i] = flags;
    this.side[i] = side;
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
    this.mask = copy(this.mask, (k) => new Int32Array(k));
    this.flags = copy(this.flags, (k) => new Uint8Array(k));
    this.side = copy(this.side, (k) => new Uint8Array(k));
  }
}

/** Lowercase code of a word character, or -1 when `c` is not one (ASCII letters and digits, Latin-1 and Latin Extended-A letters). */
export function wordCode(c: number): number {
  if (c >= 97 && c <= 122) return c;
  if (c >= 65 && c <= 90) return c + 32;
  if (c >= 48 && c <= 57) return c;
  if (c >= 0xc0 && c <= 0x17f && c !== 0xd7 && c !== 0xf7) return LATIN_LOWER[c - 0xc0];
  return -1;
}

const LATIN_LOWER = new Int32Array(0x17f - 0xc0 + 1);
for (let c = 0xc0; c <= 0x17f; c++) LATIN_LOWER[c - 0xc0] = String.fromCharCode(c).toLowerCase().charCodeAt(0);

function isUpper(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 0xc0 && c <= 0xde && c !== 0xd7);
}

/** Bit of a letter or digit in a token's letter set (digits share one bit). */
export function letterBit(lc: number): number {
  if (lc >= 97 && lc <= 122) return 1 << (lc - 97);
  if (lc >= 48 && lc <= 57) return 1 << 26;
  return 1 << 27;
}

/** Separator characters that may sit inside a name: `Xi Jinping`, `Coca-Cola`, `Node.js`, `AT&T`, `People's`. */
function joinsWords(c: number): boolean {
  return c === 32 || c === 45 || c === 46 || c === 38 || c === 39 || c === 0x2019 || c === 47 || c === 43 || c === 0xb7 || c === 0xa0;
}

const MAX_TAG = 200;
const MAX_ENTITY_REF = 10;

/**
 * Appends the words of `text[span]` to `out`. HTML tags and character
 * references are skipped. Tokens whose start lies in `labelSpan` get the
 * label side.
 */
export function tokenize(text: string, span: Span, side: Side, out: Tokens, labelSpan?: Span): void {
  const [from, to] = span;
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
    let lc = wordCode(c);
    if (lc < 0) {
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
      if (c === 32 || c === 0xa0 || c === 10 || c === 13 || c === 9) spaces++;
      if (!joinsWords(c)) joinable = false;
      if (endsSentence(c)) sentenceEnd = true;
      // `. ` joins initials and titles (`J. D. Vance`, `Mr. Smith`), not the words of two sentences.
      if ((c === 32 || c === 0xa0) && text.charCodeAt(i - 1) === 46 && prevLength > 2) joinable = false;
      i++;
      continue;
    }
    // A word: a run of letters and digits.
    const s = i;
    let h = 0;
    let mask = 0;
    let upper = 0;
    let letters = 0;
    let inner = false;
    while (i < to) {
      const d = text.charCodeAt(i);
      lc = wordCode(d);
      if (lc < 0) break;
      h = (Math.imul(h, BASE) + lc) | 0;
      mask |= letterBit(lc);
      if (lc !== d) {
        upper++;
        if (i > s) inner = true;
      }
      if (lc >= 97) letters++;
      i++;
    }
    let flags = 0;
    if (!first && joinable && gap > 0 && gap <= 3 && spaces <= 1) flags |= F_JOIN;
    if (isUpper(text.charCodeAt(s))) flags |= F_UPPER;
    if (inner) flags |= F_INNER;
    if (upper === 0) flags |= F_LOWER;
    else if (upper >= letters && letters >= 2) flags |= F_ALLCAPS;
    if (first || (sentenceEnd && spaces > 0)) flags |= F_SENTENCE;
    const tokenSide = labelSpan && s >= labelSpan[0] && s < labelSpan[1] ? Side.Label : side;
    // Words too long to be part of a name cannot join or be joined.
    if (i - s > MAX_TOKEN) flags &= ~F_JOIN;
    out.push(s, i, h, mask, flags, tokenSide);
    prevLength = i - s;
    first = false;
    gap = 0;
    spaces = 0;
    joinable = i - s <= MAX_TOKEN;
    sentenceEnd = false;
  }
}

/** `.`, `!`, `?`, `:`, `…`, line breaks and `>`: a capital after one of them (and a space) may just start a sentence. */
function endsSentence(c: number): boolean {
  return c === 46 || c === 33 || c === 63 || c === 58 || c === 0x2026 || c === 10 || c === 13 || c === 62;
}

function boundedIndexOf(text: string, ch: string, from: number, limit: number): number {
  for (let i = from; i < limit; i++) {
    const c = text[i];
    if (c === ch) return i;
    if (c === '\n' || c === '<') return -1;
  }
  return -1;
}
