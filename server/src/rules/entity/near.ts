/**
 * Near misses: an n-gram starting at a capitalized word whose letters are a
 * few edits from an entity's (`Xiinping` for `Xi Jinping`). Cheap filters
 * first (same first letter, length, letter set), the edit distance only for
 * what passes them, and the guards against ordinary words only for a hit.
 */
import { popcount, sameLetters, type Entity, type EntityIndex } from './entities';
import { boundedDistance } from '../../engine/distance';
import { F_JOIN, F_LOWER, F_SENTENCE, F_UPPER, Side, lettersOf, wordCode, type Tokens } from './tokens';

export interface Near {
  entity: number;
  /** Index of the n-gram's last token. */
  last: number;
  distance: number;
}

/** Ordinary words a capitalized sentence start could make look like a near miss of a name. */
const COMMON_WORDS = new Set(
  'apply being belief beliefs believe between beyond clause claims client clients closer cloud could course courses doing during either going ideal ideally later latest letters matter matters metal model models motion notion often other others payment people placed planet plenty proper reason season second seconds series serious should simple single something status stories strike string strong system systems table tablet teller tested testing there these thing things though trade trader traders treat trial tribe trust truth under until using value verse vision water where which while whole would writer'.split(
    ' ',
  ),
);

/** Endings that make another word from a name (`Democrats` -> `Democratic`, `Socrates` -> `Socratic`). */
const SUFFIXES = new Set([
  '',
  's',
  'es',
  'ic',
  'ics',
  'ian',
  'ians',
  'an',
  'ans',
  'ism',
  'ist',
  'ists',
  'ed',
  'ing',
  'er',
  'ers',
  'al',
  'ly',
  'ese',
]);

let scratch = new Int32Array(256);
let scratchLength = 0;

export function nearMiss(text: string, tokens: Tokens, index: EntityIndex, i: number, maxWords: number): Near | undefined {
  const { start, end, flags } = tokens;
  const first = wordCode(text.charCodeAt(start[i]));
  const bucket = first >= 0 ? index.byFirst[first] : undefined;
  if (!bucket) return undefined;
  let best: Near | undefined;
  let len = 0;
  let m = 0;
  let masked = i; // tokens before `masked` are in `m`
  let built = i; // tokens before `built` are copied into `scratch`
  scratchLength = 0;
  let capitalized = true;
  const wordLimit = Math.min(maxWords, bucket.maxWords);
  for (let j = i; j < tokens.count && j - i < wordLimit; j++) {
    if (j > i && !(flags[j] & F_JOIN)) break;
    len += end[j] - start[j];
    if (len > bucket.maxLength) break;
    if (j > i && !(flags[j] & F_UPPER)) capitalized = false;
    const ids = bucket.byLength[len];
    if (!ids) continue;
    // The letter set of the n-gram so far, computed only once some entity has a fitting length.
    for (; masked <= j; masked++) m |= lettersOf(text, start[masked], end[masked]);
    for (const id of ids) {
      const e = index.entities[id];
      const max = e.maxDistance;
      if (popcount(m ^ e.mask) > 2 * max || j - i + 1 > e.words.length + 1) continue;
      if (built <= j) {
        for (let t = built; t <= j; t++) appendLetters(text, start[t], end[t]);
        built = j + 1;
      }
      const d = boundedDistance(scratch, len, e.squash, e.squash.length, max);
      if (d === 0 || d > max || (best && d >= best.distance)) continue;
      if (!sameShape(scratch, len, e)) continue;
      if (!capitalized && !lowercaseTailAllowed(text, tokens, i, j, e)) continue;
      best = { entity: id, last: j, distance: d };
    }
  }
  if (best && !plausible(text, tokens, i, best, index)) return undefined;
  return best;
}

function appendLetters(text: string, from: number, to: number): void {
  if (scratch.length < scratchLength + (to - from)) {
    const bigger = new Int32Array((scratchLength + to - from) * 2);
    bigger.set(scratch);
    scratch = bigger;
  }
  for (let p = from; p < to; p++) {
    const lc = wordCode(text.charCodeAt(p));
    if (lc >= 0) scratch[scratchLength++] = lc;
  }
}

/**
 * Differences that make another word rather than a misspelling: other
 * digits (`GPT-5` for `GPT-5.1`), the name plus more (`Teslas`, `Mr. Matt
 * Money`), the name less its initials (`John Kennedy`), another ending
 * (`Democratic` for `Democrats`).
 */
function sameShape(cand: Int32Array, len: number, e: Entity): boolean {
  const sq = e.squash;
  let digits = '';
  for (let k = 0; k < len; k++) if (cand[k] >= 48 && cand[k] <= 57) digits += String.fromCharCode(cand[k]);
  if (digits !== e.digits) return false;
  if (len > sq.length && (startsWith(cand, 0, sq) || startsWith(cand, len - sq.length, sq))) return false;
  if (e.noInitials && e.noInitials.length === len && startsWith(cand, 0, e.noInitials)) return false;
  let p = 0;
  while (p < len && p < sq.length && cand[p] === sq[p]) p++;
  if (len - p <= 4 && sq.length - p <= 3) {
    const candEnd = String.fromCharCode(...cand.subarray(p, len));
    const nameEnd = String.fromCharCode(...sq.subarray(p));
    // A singular of a plural name (`Whole Food`) is a short form, except for people (`Tim Ferris`).
    if (SUFFIXES.has(candEnd) && SUFFIXES.has(nameEnd) && (candEnd !== '' || e.fact.field !== 'people')) return false;
  }
  return true;
}

function startsWith(a: Int32Array, at: number, b: Int32Array): boolean {
  for (let k = 0; k < b.length; k++) if (a[at + k] !== b[k]) return false;
  return true;
}

/**
 * `Goldman saxs` is a misspelling of `Goldman Sachs`, `Apple in` is not one
 * of `Apple II`: a lowercase later word counts only after the name's own
 * first word, and only if the English does not use it as an ordinary word elsewhere.
 */
function lowercaseTailAllowed(text: string, tokens: Tokens, i: number, j: number, e: Entity): boolean {
  if (!sameLetters(text, tokens.start[i], tokens.end[i], e.firstWord)) return false;
  for (let t = i + 1; t <= j; t++) {
    if (tokens.flags[t] & F_UPPER) continue;
    // Short lowercase words are function words (`in`, `is`, `and`), whatever the post's statistics say.
    if (tokens.end[t] - tokens.start[t] <= 3 || usedInLowercase(tokens, t)) return false;
  }
  return true;
}

/**
 * The last guards, run only on a found near miss: a single word that the
 * English also uses in lowercase, or a common word, is an ordinary word at
 * the start of a sentence (`Being` is not `Boeing`).
 */
function plausible(text: string, tokens: Tokens, i: number, near: Near, index: EntityIndex): boolean {
  const lone = near.last === i;
  const word = text.slice(tokens.start[i], tokens.end[i]).toLowerCase();
  if (lone && COMMON_WORDS.has(word)) return false;
  const entity = index.entities[near.entity];
  if (sameLetters(text, tokens.start[i], tokens.end[i], entity.firstWord) && !lone) return true;
  if ((lone || tokens.flags[i] & F_SENTENCE) && usedInLowercase(tokens, i)) return false;
  return true;
}

/** Scans of the whole table before all lowercase words are counted at once (keeps a post full of near misses linear). */
const SCANS_BEFORE_FULL_COUNT = 16;

/**
 * Whether another English token has the same letters, all in lowercase.
 * Posts have a handful of near misses: each distinct word costs one scan of
 * the table, remembered; past a few scans, one pass counts every word.
 */
function usedInLowercase(tokens: Tokens, i: number): boolean {
  const counts = tokens.lowercaseCounts;
  const key = wordKey(tokens, i);
  let n = counts.get(key);
  if (n === undefined && counts.has(FULL)) n = 0;
  else if (n === undefined && counts.size >= SCANS_BEFORE_FULL_COUNT) {
    countAll(tokens);
    n = counts.get(key) ?? 0;
  }
  if (n === undefined) {
    n = 0;
    const h = tokens.hash[i];
    const l = tokens.end[i] - tokens.start[i];
    for (let t = 0; t < tokens.count && n < 2; t++) {
      if (tokens.hash[t] === h && tokens.flags[t] & F_LOWER && tokens.end[t] - tokens.start[t] === l && tokens.side[t] === Side.English)
        n++;
    }
    counts.set(key, n);
  }
  const self = tokens.flags[i] & F_LOWER && tokens.side[i] === Side.English ? 1 : 0;
  return n - self > 0;
}

/** A key no word has (hash and length together are never NaN): marks the table as fully counted. */
const FULL = Number.NaN;

function wordKey(tokens: Tokens, t: number): number {
  return tokens.hash[t] * 128 + Math.min(127, tokens.end[t] - tokens.start[t]);
}

function countAll(tokens: Tokens): void {
  const counts = tokens.lowercaseCounts;
  counts.clear();
  for (let t = 0; t < tokens.count; t++) {
    if (!(tokens.flags[t] & F_LOWER) || tokens.side[t] !== Side.English) continue;
    const key = wordKey(tokens, t);
    counts.set(key, Math.min(2, (counts.get(key) ?? 0) + 1));
  }
  counts.set(FULL, 0);
}
