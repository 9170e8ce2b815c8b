/**
 * The front matter's entities, prepared for matching: each name's letters
 * and digits lowercased ("squash"), their hash, letter set and word count,
 * and the lookup tables the matcher needs (hashes of every squash prefix, so
 * an n-gram stops growing as soon as it can no longer become a name).
 */
import type { EntityFact } from '../../engine/workspace';
import { BASE, letterBit, wordCode } from './tokens';

export interface Entity {
  fact: EntityFact;
  /** Han characters: matched as plain text, never as a spelling. */
  chinese: boolean;
  squash: Int32Array;
  hash: number;
  mask: number;
  /** Words as written (split at spaces and hyphens). */
  words: string[];
  /** The first word's squash. */
  firstWord: Int32Array;
  /** Edit distance allowed for a near miss; 0 when the name is too short to guess at. */
  maxDistance: number;
  /** No word has a capital after its first letter (`Deep Research`, `Nvidia`; not `OpenAI`, `MP Materials`). */
  plain: boolean;
  /** The digits of the name in order: a near miss must keep them (`GPT-5` is not `GPT-5.1`). */
  digits: string;
  /** The squash without one-letter words (`John F. Kennedy` -> `johnkennedy`), or null. */
  noInitials: Int32Array | null;
  /** Symbols that change the name (`Google+`, `C#`): a spelling without them is not this entity. */
  symbols: string;
}

/** Entities sharing a first letter, with the bounds an n-gram must stay within to reach one of them. */
export interface Bucket {
  ids: number[];
  maxLength: number;
  maxWords: number;
  /** By n-gram length (in letters): the entities a near miss of that length may be of. */
  byLength: (number[] | undefined)[];
}

export interface EntityIndex {
  entities: Entity[];
  /** Hashes of every prefix of every squash (and alias). */
  prefixes: Set<number>;
  /** The same as a 65,536-bit filter (low 16 bits of the hash): most words fail it without a set lookup. */
  prefixBits: Uint32Array;
  /** Full squash hash -> entity indices. */
  full: Map<number, number[]>;
  /** Alias hash (a person's surname, a title without `The`) -> entity indices: mentions only. */
  aliases: Map<number, { entity: number; squash: Int32Array }[]>;
  /** Lowercase first letter (code below 0x180) -> indices of entities a near miss may be guessed for. */
  byFirst: (Bucket | undefined)[];
  maxSquash: number;
  maxWords: number;
}

/** Shortest squash that gets a case or spacing finding, and a near-miss guess. */
export const MIN_VARIANT = 4;
export const MIN_NEAR = 6;

/** Edits allowed for a near miss by the name's length in letters. */
export function allowedDistance(length: number): number {
  if (length < MIN_NEAR) return 0;
  if (length < 8) return 1;
  if (length < 14) return 2;
  if (length < 22) return 3;
  return 4;
}

const HAN = /[\u3400-\u9fff\uf900-\ufaff]/;

export function buildIndex(facts: readonly EntityFact[], people: ReadonlySet<string>): EntityIndex {
  const index: EntityIndex = {
    entities: [],
    prefixes: new Set(),
    prefixBits: new Uint32Array(2048),
    full: new Map(),
    aliases: new Map(),
    byFirst: [],
    maxSquash: 0,
    maxWords: 0,
  };
  for (const fact of facts) {
    const chinese = HAN.test(fact.name);
    const squash = Int32Array.from(squashOf(fact.name));
    const words = fact.name.split(/[\s\-‐–]+/).filter((w) => w.length > 0);
    const entity: Entity = {
      fact,
      chinese,
      squash,
      hash: hashOf(squash),
      mask: maskOf(squash),
      words,
      firstWord: Int32Array.from(squashOf(words[0] ?? '')),
      maxDistance: chinese ? 0 : allowedDistance(squash.length),
      plain: words.every((w) => !/^.+[A-Z]/u.test(w)),
      digits: fact.name.replace(/[^0-9]/g, ''),
      noInitials: null,
      symbols: fact.name.replace(/[^+#]/g, ''),
    };
    const initials = words.filter((w) => /^\p{L}\.?$/u.test(w));
    if (initials.length > 0 && initials.length < words.length) {
      entity.noInitials = Int32Array.from(squashOf(words.filter((w) => !initials.includes(w)).join(' ')));
    }
    const id = index.entities.push(entity) - 1;
    if (chinese || squash.length === 0) continue;
    addKey(index, index.full, squash, id);
    index.maxSquash = Math.max(index.maxSquash, squash.length);
    index.maxWords = Math.max(index.maxWords, words.length);
    if (entity.maxDistance > 0 && squash[0] < 0x180) {
      const bucket = (index.byFirst[squash[0]] ??= { ids: [], maxLength: 0, maxWords: 0, byLength: [] });
      bucket.ids.push(id);
      bucket.maxLength = Math.max(bucket.maxLength, squash.length + entity.maxDistance);
      bucket.maxWords = Math.max(bucket.maxWords, words.length + 1);
      for (let l = squash.length - entity.maxDistance; l <= squash.length + entity.maxDistance; l++) (bucket.byLength[l] ??= []).push(id);
    }
    for (const alias of aliasesOf(fact.name, people.has(fact.field), words)) {
      const aliasSquash = Int32Array.from(squashOf(alias));
      const h = addPrefixes(index, aliasSquash);
      const list = index.aliases.get(h);
      if (list) list.push({ entity: id, squash: aliasSquash });
      else index.aliases.set(h, [{ entity: id, squash: aliasSquash }]);
    }
  }
  return index;
}

const GENERIC_SUFFIX = /\s+(?:podcast|show|inc\.?|corp\.?|corporation|group|company|co\.?|ltd\.?|llc)$/i;

/** Shorter forms that still mention the entity: a person's surname, a title without its article or subtitle, a name without `Inc.` or `Podcast`. */
function aliasesOf(name: string, person: boolean, words: string[]): string[] {
  const out: string[] = [];
  if (person && words.length >= 2 && words[words.length - 1].length >= 4) out.push(words[words.length - 1]);
  const bare = /^(the|a|an)\s+(.{4,})$/i.exec(name);
  if (bare) out.push(bare[2]);
  // Only the suffix is matched: a lazy prefix group before it tried every prefix length of every name.
  const generic = GENERIC_SUFFIX.exec(name);
  if (generic && generic.index >= 4) out.push(name.slice(0, generic.index));
  const colon = name.indexOf(':');
  if (colon >= 4) out.push(name.slice(0, colon));
  return out;
}

/** Adds the hashes of every prefix of `squash` and returns the full hash. */
function addPrefixes(index: EntityIndex, squash: Int32Array): number {
  let h = 0;
  for (let i = 0; i < squash.length; i++) {
    h = (Math.imul(h, BASE) + squash[i]) | 0;
    index.prefixes.add(h);
    index.prefixBits[(h & 0xffff) >>> 5] |= 1 << (h & 31);
  }
  return h;
}

function addKey(index: EntityIndex, map: Map<number, number[]>, squash: Int32Array, id: number): void {
  if (squash.length === 0) return;
  const h = addPrefixes(index, squash);
  const list = map.get(h);
  if (list) {
    if (!list.includes(id)) list.push(id);
  } else map.set(h, [id]);
}

export function squashOf(s: string): number[] {
  const out: number[] = [];
  for (let i = 0; i < s.length; i++) {
    const lc = wordCode(s.charCodeAt(i));
    if (lc >= 0) out.push(lc);
  }
  return out;
}

function hashOf(codes: ArrayLike<number>): number {
  let h = 0;
  for (let i = 0; i < codes.length; i++) h = (Math.imul(h, BASE) + codes[i]) | 0;
  return h;
}

function maskOf(codes: ArrayLike<number>): number {
  let m = 0;
  for (let i = 0; i < codes.length; i++) m |= letterBit(codes[i]);
  return m;
}

export function popcount(x: number): number {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return (Math.imul((x + (x >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24) & 0xff;
}

/** Whether the letters and digits of `text[from, to)` are exactly `squash`. */
export function sameLetters(text: string, from: number, to: number, squash: Int32Array): boolean {
  let k = 0;
  for (let p = from; p < to; p++) {
    const lc = wordCode(text.charCodeAt(p));
    if (lc < 0) continue;
    if (k >= squash.length || squash[k++] !== lc) return false;
  }
  return k === squash.length;
}
