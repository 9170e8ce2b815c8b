/**
 * Finds the entities in the token arrays. At each word, two paths:
 * - exact: the n-gram's lowercase letters equal an entity's (hash lookups,
 *   pruned by the prefix set), then classified as the same spelling, a case
 *   difference or a spacing difference;
 * - near: for capitalized words only, entities with the same first letter
 *   whose length and letter set are close enough get a bounded edit distance.
 * Each path does O(1) work per word unless a name is within reach.
 */
import { MIN_VARIANT, sameLetters, type Entity, type EntityIndex } from './entities';
import { nearMiss } from './near';
import { F_ALLCAPS, F_INNER, F_JOIN, F_LOWER, F_SENTENCE, F_UPPER, POW, MAX_TOKEN, Side, wordCode, type Tokens } from './tokens';

export const enum Kind {
  Exact = 0,
  /** Same letters, other capitals: `MP materials`. */
  Case = 1,
  /** Same letters, words split or joined: `open AI`, `Door Dash`. */
  Spacing = 2,
  /** A few letters differ: `Xiinping`. */
  Near = 3,
  /** Same letters, a difference that is no misspelling (punctuation, a lowercase common word). */
  Quiet = 4,
  /** Same letters but not this entity: `google` is not `Google+`. */
  Other = 5,
}

/** Which reading of a spelling wins when two entities share its letters: the one that needs no finding. */
const PREFERENCE = [0, 2, 3, 4, 1, 5];

export interface Occurrence {
  entity: number;
  start: number;
  end: number;
  side: Side;
  kind: Kind;
  distance: number;
}

export interface MatchResult {
  occurrences: Occurrence[];
  /** Entities mentioned besides those of `occurrences`: through an alias (a surname, a title without `The`) or a shared spelling. */
  aliasMentions: Set<number>;
}

export function matchEntities(text: string, tokens: Tokens, index: EntityIndex): MatchResult {
  const occurrences: Occurrence[] = [];
  const aliasMentions = new Set<number>();
  const n = tokens.count;
  const { start, end, hash, flags, side } = tokens;
  const maxWords = index.maxWords + 1;
  const prefixBits = index.prefixBits;
  let i = 0;
  while (i < n) {
    // Exact path: grow the n-gram while its letters are a prefix of some entity.
    let exactIds: number[] | undefined;
    let exactLast = -1;
    let aliasLast = -1;
    let h = 0;
    let len = 0;
    for (let j = i; j < n && j - i < maxWords; j++) {
      if (j > i && !(flags[j] & F_JOIN)) break;
      const tl = end[j] - start[j];
      if (tl > MAX_TOKEN) break;
      h = (Math.imul(h, POW[tl]) + hash[j]) | 0;
      len += tl;
      if (len > index.maxSquash || !(prefixBits[(h & 0xffff) >>> 5] & (1 << (h & 31))) || !index.prefixes.has(h)) break;
      const ids = index.full.get(h);
      if (ids && sameLetters(text, start[i], end[j], index.entities[ids[0]].squash)) {
        exactIds = ids;
        exactLast = j;
      }
      const alias = index.aliases.get(h);
      if (alias && flags[i] & F_UPPER) {
        for (const a of alias) {
          if (sameLetters(text, start[i], end[j], a.squash)) {
            aliasMentions.add(a.entity);
            aliasLast = j;
          }
        }
      }
    }
    const near = flags[i] & F_UPPER ? nearMiss(text, tokens, index, i, maxWords) : undefined;
    // A surname or a title without its article is a short form, not a misspelling.
    if (near && near.last > exactLast && near.last > aliasLast) {
      occurrences.push({
        entity: near.entity,
        start: start[i],
        end: end[near.last],
        side: side[i],
        kind: Kind.Near,
        distance: near.distance,
      });
      i = near.last + 1;
    } else if (exactIds) {
      // Entities listed twice, or sharing letters (`Google`, `Google+`): the best-fitting one takes the finding, all are mentioned.
      let best = exactIds[0];
      let bestKind = Kind.Other;
      for (const id of exactIds) {
        const kind = classify(text, tokens, i, exactLast, index.entities[id]);
        if (kind !== Kind.Other) aliasMentions.add(id);
        if (PREFERENCE[kind] < PREFERENCE[bestKind]) {
          best = id;
          bestKind = kind;
        }
      }
      occurrences.push({ entity: best, start: start[i], end: end[exactLast], side: side[i], kind: bestKind, distance: 0 });
      i = exactLast + 1;
    } else i++;
  }
  return { occurrences, aliasMentions };
}

/** Tells a spelling the same as the listed one apart from a case or spacing difference worth a finding. */
function classify(text: string, tokens: Tokens, first: number, last: number, entity: Entity): Kind {
  const found = text.slice(tokens.start[first], tokens.end[last]);
  const name = entity.fact.name;
  if (found === name) return Kind.Exact;
  if (entity.symbols && found.replace(/[^+#]/g, '') !== entity.symbols) return Kind.Other;
  if (entity.squash.length < MIN_VARIANT) return Kind.Quiet;
  // English lowercases a leading article in running text: `the Daily`, `a Framework for …`.
  const sameCase = lettersWithCase(withoutArticle(found)) === lettersWithCase(withoutArticle(name));
  const sameWords = wordStarts(found) === wordStarts(name);
  if (sameCase && sameWords) return Kind.Quiet; // punctuation only: `Three Body` for `Three-Body`
  // All capitals is emphasis or a label's style, not a misspelling.
  if (!sameCase && allTokens(tokens, first, last, F_ALLCAPS)) return Kind.Quiet;
  const lower = looksLowercase(tokens, first, last);
  if (sameWords) {
    // `fair` is not `FAIR`; `the Daily`, `Republican party` are how English refers to plain names.
    if (lower && !/[a-z]/.test(name)) return Kind.Quiet;
    if (entity.plain && (entity.fact.field !== 'people' || (lower && entity.words.length === 1))) return Kind.Quiet;
    if (entity.fact.field !== 'people' && onlyGenericLowered(found, name)) return Kind.Quiet;
    return Kind.Case;
  }
  // Lowercase words may be the common words a plain name is made of: `sales force`, `deep research`.
  if (entity.plain && lower) return Kind.Quiet;
  return Kind.Spacing;
}

/** Common nouns English writes in lowercase after a name: `US government`, `Google's podcast`. */
const GENERIC_NOUNS = new Set(
  'agency bank book capital committee company corporation council court department foundation fund government group institute journal law magazine ministry news party plan podcast report review school show times university'.split(
    ' ',
  ),
);

/** Whether the only case differences are generic nouns written in lowercase. */
function onlyGenericLowered(found: string, name: string): boolean {
  const a = found.split(/[\s\-.]+/).filter(Boolean);
  const b = name.split(/[\s\-.]+/).filter(Boolean);
  if (a.length !== b.length) return false;
  for (let k = 0; k < a.length; k++) {
    if (a[k] === b[k]) continue;
    if (a[k] !== a[k].toLowerCase() || !GENERIC_NOUNS.has(a[k])) return false;
  }
  return true;
}

function withoutArticle(s: string): string {
  return s.replace(/^(the|a|an)(?=\s)/i, '');
}

function lettersWithCase(s: string): string {
  return s.replace(/[^\p{L}\p{N}]+/gu, '');
}

/** Where words start, counted in letters: `OpenAI` -> "0", `open AI` -> "0,4". Hyphens and dots count as spaces. */
function wordStarts(s: string): string {
  const out: number[] = [];
  let k = 0;
  let boundary = true;
  let digit = false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (wordCode(c) >= 0) {
      // Letters meeting digits make a boundary either way: `GPT4`, `GPT-4`, `GPT 4` are one spelling.
      const isDigit = c >= 48 && c <= 57;
      if (boundary || (k > 0 && isDigit !== digit)) out.push(k);
      boundary = false;
      digit = isDigit;
      k++;
    } else if (c === 32 || c === 45 || c === 46 || c === 0xa0 || c === 0x2010 || c === 0x2013) boundary = true;
  }
  return out.join(',');
}

function allTokens(tokens: Tokens, first: number, last: number, flag: number): boolean {
  for (let t = first; t <= last; t++) if (!(tokens.flags[t] & flag)) return false;
  return true;
}

/** Lowercase words, the first allowed a capital when it starts a sentence. */
function looksLowercase(tokens: Tokens, first: number, last: number): boolean {
  const f = tokens.flags[first];
  if (!(f & F_LOWER) && !(f & F_SENTENCE && !(f & (F_INNER | F_ALLCAPS)))) return false;
  for (let t = first + 1; t <= last; t++) if (!(tokens.flags[t] & F_LOWER)) return false;
  return true;
}
