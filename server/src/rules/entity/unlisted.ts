import { defineRule } from '../../engine/rule';
import type { PostDocument } from '../../engine/model/document';
import type { Span } from '../../engine/text';
import type { Suggestion } from '../../engine/types';
import { entitiesOf, glossesOf } from '../../engine/summary';
import { analyzeEntities, englishTokens } from './analysis';
import { F_ALLCAPS, F_INNER, F_JOIN, F_LOWER, F_SENTENCE, F_UPPER, Side, Tokens } from './tokens';
import { addToListEdit } from './unlisted-edit';
import { CONNECTORS, EVENT_ENDINGS, OPENERS, PLACE_ENDINGS, PLAIN, PLAIN_PHRASES, guessList } from './unlisted-words';
import { code } from './shared';

interface Options {
  /** How often a name must occur in the English. */
  minOccurrences: number;
  /** The lists a name may be added to, in the order suggestions offer them. */
  lists: string[];
}

/** Words in a gloss's explanation that make the glossed term an entity, not an idea. */
const ENTITY_EXPLANATION =
  /公司|集团|企业|机构|组织|银行|大学|学院|基金|品牌|平台|软件|应用|产品|型号|芯片|作家|作者|政治家|总统|总理|首席|创始人|企业家|书|电影|节目|杂志|报纸|媒体|播客|乐队|球队/;

/** Before a title in quotes or italics, perhaps after an article (`"The Patient Orchard"`). */
const QUOTED = /(?:["“*]|<(?:i|em|cite)>)(?:The |A |An )?$/i;

/** A word that may start or continue a name: a capital first (`Nvidia`) or inside (`iPhone`). */
const CAPITAL = F_UPPER | F_INNER;

/** Longest name looked for, in words. */
const MAX_WORDS = 4;

interface Candidate {
  /** Spellings seen, with counts (the suggestion uses the most common one that is not all capitals). */
  spellings: Map<string, number>;
  count: number;
  /** Occurrences not at the start of a sentence. */
  inside: number;
  first: Span;
  words: number;
  /** Hash of the first word's lowercase letters (see tokens.ts). */
  hash: number;
  /** Context cues for the list guess. */
  quoted: boolean;
  before: string[];
}

const wantedBits = new Int32Array(2048);

/** The English words, reused from lint to lint (the rule is done with them when it returns). */
const englishTable = new Tokens(4096);

export default defineRule<Options>({
  meta: {
    id: 'entity/unlisted',
    description: 'A name that recurs in the English (capitalized words, twice or more) is listed in the front matter.',
    defaultSeverity: 'info',
    optionsSchema: {
      minOccurrences: { type: 'integer', minimum: 2, description: 'How often a name must occur in the English before it is reported.' },
      lists: {
        type: 'array',
        items: { type: 'string' },
        minItems: 1,
        description: 'The front matter lists a name may be added to (the guess picks one; suggestions offer all).',
      },
    },
    defaultOptions: { minOccurrences: 2, lists: ['people', 'companies_orgs', 'products_models', 'media_books'] },
    fixable: false,
    hasSuggestions: true,
  },
  check({ doc, config, options, report }) {
    if (!doc.frontMatter?.closed || doc.sourceLanguage !== 'en') return;
    const text = doc.text;
    // The entity analysis first (usually cached): its word table then holds the English words to copy.
    const covered = coveredByEntities(doc, config);
    const tokens = englishTokens(doc, englishTable);
    if (tokens.count === 0) return;
    const { candidates, lowercase } = collect(text, tokens);
    const listed = listedWords(doc, config.entityFields);
    const chinese = chineseSide(doc);
    // A word of a longer name that is reported anyway (`Bozoma` of `Bozoma Saint John`) is not reported again.
    const inLonger = new Set<string>();
    for (const [key, c] of candidates)
      if (c.words > 1 && c.count >= options.minOccurrences) for (const w of key.split(' ')) inLonger.add(w);
    for (const [key, c] of candidates) {
      if (c.count < options.minOccurrences || c.inside === 0) continue;
      if (c.words === 1 && inLonger.has(key)) continue;
      if (c.words === 1 && lowercase.has(c.hash)) continue; // an ordinary word that a sentence capitalized
      if (plainOnly(c) || chinese.terms.has(key)) continue; // a place, a concept, a glossed term
      // One word alone is a name when the translator kept it in Latin letters (brands, products,
      // companies); places, peoples, first names and ideas are translated.
      const name = spellingOf(c);
      if (c.words === 1 && !chinese.latin.has(key) && !/\d|^.+[A-Z]/.test(name)) continue;
      // Short capitals are mostly everyday acronyms (EPS, HTTP, CDs): only a name gloss makes them names.
      if (c.words === 1 && /^[A-Z0-9&]{2,4}s?$/.test(name) && !chinese.names.has(key)) continue;
      if (key.split(' ').every((w) => listed.has(w)) || covered(c.first)) continue;
      // A first name alone (`Neil`) that the post also gives in full (`Neil Irwin`, once): the list wants the full name.
      const full = c.words === 1 ? fullNameOf(key, candidates, options.lists) : undefined;
      const entry = full?.name ?? name;
      const guess = full ? full.list : guessList(name, c.words, c.quoted, c.before, options.lists);
      const suggestions: Suggestion[] = [];
      for (const list of [guess, ...options.lists.filter((l) => l !== guess)]) {
        const edit = addToListEdit(doc, list, entry);
        if (edit) suggestions.push({ title: `Add ${code(entry)} to ${list}`, edit });
      }
      const seen = full ? ` (and ${full.count === 1 ? 'once' : `${full.count} times`} as ${code(full.name)})` : '';
      report({
        span: c.first,
        message: `${code(name)} occurs ${c.count} times in the English${seen} but is in none of the front matter lists: add ${full ? code(entry) : 'it'} (to ${guess}, probably).`,
        suggestions,
      });
    }
  },
});

/** Runs of capitalized words (with `of`, `de`, `&` … inside) and how and where they occur. */
function collect(text: string, t: Tokens): { candidates: Map<string, Candidate>; lowercase: Set<number> } {
  const candidates = new Map<string, Candidate>();
  const { start, end, flags } = t;
  for (let i = 0; i < t.count; i++) {
    if (!(flags[i] & CAPITAL)) continue;
    // Leading common words (`Then`, `The`; `Yesterday` opening a sentence; `AI` before a name) are not part of the name.
    const word0 = text.slice(start[i], end[i]);
    const joined =
      i + 1 < t.count && flags[i + 1] & F_JOIN && (flags[i + 1] & CAPITAL || CONNECTORS.has(text.slice(start[i + 1], end[i + 1])));
    if (OPENERS.has(word0) || (joined && PLAIN.has(word0) && flags[i] & (F_ALLCAPS | F_SENTENCE))) continue;
    let j = i;
    let words = 1;
    while (words < MAX_WORDS && j + 1 < t.count) {
      const k = j + 1;
      if (!(flags[k] & F_JOIN)) break;
      // Capitalized words, and numbers after them (`Quasar 7`, `iPhone 15`).
      if ((flags[k] & CAPITAL && !OPENERS.has(text.slice(start[k], end[k]))) || isDigit(text.charCodeAt(start[k]))) {
        j = k;
        words++;
        continue;
      }
      // `Bank of America`, `Tour de France`: a connector between two capitalized words.
      if (k + 1 < t.count && CONNECTORS.has(text.slice(start[k], end[k])) && flags[k + 1] & F_UPPER && flags[k + 1] & F_JOIN) {
        j = k + 1;
        words++;
        continue;
      }
      break;
    }
    // A trailing everyday acronym is no part of the name (`Stanford PhD`).
    while (j > i && flags[j] & F_ALLCAPS && PLAIN.has(text.slice(start[j], end[j]))) {
      j--;
      words--;
      while (j > i && CONNECTORS.has(text.slice(start[j], end[j]))) j--;
    }
    const span: Span = [start[i], end[j]];
    // One word has no spaces to fold (a token is letters and digits only).
    const written = j === i ? text.slice(span[0], span[1]) : text.slice(span[0], span[1]).replace(/\s+/g, ' ');
    const key = written.toLowerCase();
    if (words === 1 && (written.length < 2 || (flags[i] & F_ALLCAPS && written.length < 3))) {
      i = j;
      continue;
    }
    let c = candidates.get(key);
    if (!c) {
      c = { spellings: new Map(), count: 0, inside: 0, first: span, words, quoted: false, before: [], hash: t.hash[i] };
      candidates.set(key, c);
    }
    c.count++;
    c.spellings.set(written, (c.spellings.get(written) ?? 0) + 1);
    if (!(flags[i] & F_SENTENCE)) {
      if (c.inside === 0) c.first = span;
      c.inside++;
    }
    // In quotes or italics, perhaps after an article (`"The Patient Orchard"`): a title.
    if (!c.quoted && QUOTED.test(text.slice(Math.max(0, span[0] - 10), span[0]))) c.quoted = true;
    if (i > 0 && c.before.length < 8) c.before.push(text.slice(start[i - 1], end[i - 1]).toLowerCase());
    i = j;
  }
  return { candidates, lowercase: lowercaseOf(t, candidates) };
}

/**
 * Hashes of the lowercase letters of words written without capitals (no
 * strings made), kept only for the one-word candidates they are asked about.
 */
function lowercaseOf(t: Tokens, candidates: Map<string, Candidate>): Set<number> {
  const wanted = new Set<number>();
  // A bit per hash's low 16 bits: most lowercase words are ruled out without a set lookup.
  const bits = wantedBits.fill(0);
  for (const c of candidates.values()) {
    if (c.words !== 1) continue;
    wanted.add(c.hash);
    bits[(c.hash & 0xffff) >>> 5] |= 1 << (c.hash & 31);
  }
  const lowercase = new Set<number>();
  if (wanted.size === 0) return lowercase;
  const { start, end, flags, hash } = t;
  for (let i = 0; i < t.count; i++) {
    const h = hash[i];
    if (flags[i] & F_LOWER && bits[(h & 0xffff) >>> 5] & (1 << (h & 31)) && end[i] - start[i] > 2 && wanted.has(h)) lowercase.add(h);
  }
  return lowercase;
}

/**
 * What the Chinese tells about names: the Latin words it keeps (outside the
 * glosses of bold terms), the English of bold terms (concepts), and the
 * English of name glosses (`美联储公开市场委员会（FOMC）`).
 */
function chineseSide(doc: PostDocument): { latin: Set<string>; terms: Set<string>; names: Set<string> } {
  const latin = new Set<string>();
  const terms = new Set<string>();
  const names = new Set<string>();
  const skip: Span[] = [];
  for (const g of glossesOf(doc)) {
    if (g.kind !== 'bold') {
      names.add(g.english.toLowerCase());
      continue;
    }
    // Bold glosses name ideas, unless their explanation says the term is an entity (`普渡制药（Purdue Pharma: …制药公司）`).
    if (g.english && !ENTITY_EXPLANATION.test(g.gloss)) terms.add(g.english.toLowerCase().replace(/\s+/g, ' '));
    skip.push(g.glossSpan);
  }
  let k = 0;
  const text = doc.text;
  for (const p of doc.paragraphs()) {
    if (p.lang !== 'zh') continue;
    const to = p.span[1];
    for (let at = p.span[0]; at < to; at++) {
      if (!isLetter(text.charCodeAt(at))) continue;
      const runEnd = latinRun(text, at, to);
      const from = at;
      at = runEnd - 1;
      while (k < skip.length && skip[k][1] <= from) k++;
      if (k < skip.length && skip[k][0] <= from) continue;
      const run = text.slice(from, runEnd).toLowerCase();
      latin.add(run);
      for (const w of run.split(/[ .&'-]/)) latin.add(w);
    }
  }
  return { latin, terms, names };
}

/**
 * The end of the Latin run starting at a letter in `text[at, to)`: letters
 * and digits, then more capitalized words after one of ` .&'-` (`Morgan
 * Stanley`, `Coca-Cola`). Scanned by hand: a regex over each paragraph
 * costs a slice and a match object per word.
 */
function latinRun(text: string, at: number, to: number): number {
  let i = alnumEnd(text, at + 1, to);
  while (i + 1 < to && isJoiner(text.charCodeAt(i)) && isUpper(text.charCodeAt(i + 1))) i = alnumEnd(text, i + 2, to);
  return i;
}

function alnumEnd(text: string, i: number, to: number): number {
  while (i < to && (isLetter(text.charCodeAt(i)) || isDigit(text.charCodeAt(i)))) i++;
  return i;
}

function isLetter(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

function isUpper(c: number): boolean {
  return c >= 65 && c <= 90;
}

/** ` .&'-` */
function isJoiner(c: number): boolean {
  return c === 32 || c === 46 || c === 38 || c === 39 || c === 45;
}

/** A place, an event, or every word a place, a nationality, a month, a title or a generic acronym: no entity to list. */
function plainOnly(c: Candidate): boolean {
  const [spelling] = c.spellings.keys();
  if (PLAIN_PHRASES.has(spelling.toLowerCase()) || PLACE_ENDINGS.test(spelling) || EVENT_ENDINGS.test(spelling)) return true;
  const words = spelling.split(' ');
  // `R&D`, `CDROMs`: single letters and pluralized acronyms are everyday words.
  if (words.every((w) => w.replace(/[^A-Za-z]/g, '').length <= 1) || (words.length === 1 && /^[A-Z]{2,}s$/.test(spelling))) return true;
  return words.every((w) => PLAIN.has(w) || OPENERS.has(w) || CONNECTORS.has(w) || /^\d/.test(w));
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** The one person's name of two or three words that starts with the word `key`, if the post has exactly one. */
function fullNameOf(
  key: string,
  candidates: ReadonlyMap<string, Candidate>,
  lists: readonly string[],
): { name: string; count: number; list: string } | undefined {
  let found: { name: string; count: number; list: string } | undefined;
  for (const [k, c] of candidates) {
    if (c.words > 3 || !k.startsWith(key + ' ')) continue;
    const name = spellingOf(c);
    const list = guessList(name, c.words, c.quoted, c.before, lists);
    if (list !== 'people') continue;
    if (found) return undefined; // two people share the first name: which one is meant is not known
    found = { name, count: c.count, list };
  }
  return found;
}

function spellingOf(c: Candidate): string {
  const ranked = [...c.spellings].sort((a, b) => b[1] - a[1]);
  const mixed = ranked.find(([s]) => s !== s.toUpperCase());
  if (mixed) return mixed[0];
  // Only ever written in capitals (a speaker label such as `JIMMY FALLON`): words of four letters or more in title case.
  return ranked[0][0].replace(/[A-Z]{4,}/g, (w) => w[0] + w.slice(1).toLowerCase());
}

/** Lowercase words of the listed entities: a surname or first name alone is already listed. */
function listedWords(doc: PostDocument, fields: readonly string[]): Set<string> {
  const out = new Set<string>();
  for (const e of entitiesOf(doc, fields)) for (const w of e.name.toLowerCase().split(/[^\p{L}\p{N}]+/u)) if (w) out.add(w);
  return out;
}

/** Whether a span lies in a place where the entity matcher found a listed entity (in any spelling). */
function coveredByEntities(doc: PostDocument, config: Parameters<typeof analyzeEntities>[1]): (span: Span) => boolean {
  const spans = analyzeEntities(doc, config)
    .occurrences.filter((o) => o.side === Side.English)
    .map((o) => [o.start, o.end] as const)
    .sort((a, b) => a[0] - b[0]);
  return (span) => {
    let lo = 0;
    let hi = spans.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (spans[mid][1] <= span[0]) lo = mid + 1;
      else hi = mid;
    }
    return lo < spans.length && spans[lo][0] < span[1];
  };
}
