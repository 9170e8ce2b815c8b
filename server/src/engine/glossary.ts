/**
 * The termbase. A team's `glossary.yaml` (validated against
 * schemas/glossary.schema.json) gives each term's preferred Chinese and
 * English, a definition, and accepted and forbidden variants; the posts'
 * own glosses (`**术语**（English Term: 解释）`, `沙尔贝克（Schaerbeek）`) form a
 * second, descriptive glossary. Pure data and lookups: the adapters read the
 * file, the rules, hover and export read this.
 */
import { validatorFor } from './validation';
import type { PostSummary } from './workspace';
import glossarySchema from '../../../schemas/glossary.schema.json';

export interface GlossaryEntry {
  /** The preferred Chinese term. */
  term: string;
  /** The preferred English term. */
  english: string;
  definition?: string;
  /** Accepted other forms, Chinese or English. */
  variants?: string[];
  /** Forms to avoid, Chinese or English. */
  forbidden?: string[];
  note?: string;
}

/** A parsed glossary, plain data (it travels in the resolved config, to workers and caches). */
export interface Glossary {
  entries: GlossaryEntry[];
  /** Where it was read from, for messages. */
  source?: string;
}

export interface GlossaryProblem {
  /** JSON pointer to the offending value. */
  pointer: string;
  message: string;
}

/** What hover and export show for a term: the team's entry, or what the posts' glosses say. */
export interface TermRecord extends GlossaryEntry {
  origin: 'glossary' | 'posts';
  /** For terms from the posts: how many posts gloss the term, and the other English forms seen. */
  posts?: number;
  otherEnglish?: string[];
}

const validate = validatorFor(glossarySchema, { trusted: true });

/**
 * Validates a glossary file's data. Entries that fail are left out (and
 * reported); the rest are kept, so one typo does not switch the termbase off.
 */
export function parseGlossary(data: unknown, source?: string): { glossary: Glossary; problems: GlossaryProblem[] } {
  const problems: GlossaryProblem[] = validate(data).map((p) => ({ pointer: p.pointer, message: p.message }));
  const entries: GlossaryEntry[] = [];
  const raw = (data as { terms?: unknown })?.terms;
  const bad = new Set(problems.map((p) => /^\/terms\/(\d+)/.exec(p.pointer)?.[1]).filter((i): i is string => !!i));
  const seen = new Map<string, number>();
  if (Array.isArray(raw)) {
    raw.forEach((item, i) => {
      if (bad.has(String(i)) || !item || typeof item !== 'object') return;
      const e = item as GlossaryEntry;
      const entry: GlossaryEntry = { term: e.term.trim(), english: e.english.trim() };
      if (e.definition?.trim()) entry.definition = e.definition.trim();
      if (e.variants?.length) entry.variants = e.variants.map((v) => v.trim());
      if (e.forbidden?.length) entry.forbidden = e.forbidden.map((v) => v.trim());
      if (e.note?.trim()) entry.note = e.note.trim();
      const first = seen.get(entry.term);
      if (first !== undefined) {
        problems.push({
          pointer: `/terms/${i}/term`,
          message: `The term “${entry.term}” is already defined by entry ${first + 1}; merge the two entries.`,
        });
        return;
      }
      const clash = (entry.forbidden ?? []).find((f) => f === entry.term || f === entry.english || entry.variants?.includes(f));
      if (clash) {
        problems.push({
          pointer: `/terms/${i}/forbidden`,
          message: `“${clash}” is both accepted and forbidden for the term “${entry.term}”.`,
        });
        return;
      }
      seen.set(entry.term, i);
      entries.push(entry);
    });
  }
  const glossary: Glossary = { entries };
  if (source) glossary.source = source;
  return { glossary, problems };
}

/**
 * English compared loosely: case, spaces, hyphens, dots and a plural `s` do
 * not matter (`JP Morgan` is `J.P. Morgan` is `JPMorgan`; `LLMs` is `LLM`);
 * `+`, `#` and `&` do (`Google+` is not `Google`).
 */
export function normalizeEnglish(s: string): string {
  return s
    .toLowerCase()
    .replace(/[^\p{L}\p{N}+#& ]/gu, ' ')
    .replace(/(\p{L}{2,}[^s\s])s(?=\s|$)/gu, '$1')
    .replace(/\s+/g, '');
}

const HAN = /[\u3400-\u9fff\uf900-\ufaff]/;

export function isChinese(s: string): boolean {
  return HAN.test(s);
}

export interface GlossaryIndex {
  /** Chinese term or Chinese variant → entry. */
  byChinese: Map<string, GlossaryEntry>;
  /** Normalized English or English variant → entries. */
  byEnglish: Map<string, GlossaryEntry[]>;
  /** Forbidden forms, longest first, keyed by their first character (lowercased for Latin). */
  forbiddenByFirst: Map<number, { text: string; entry: GlossaryEntry; chinese: boolean }[]>;
}

const indexes = new WeakMap<Glossary, GlossaryIndex>();

export function glossaryIndex(glossary: Glossary): GlossaryIndex {
  let index = indexes.get(glossary);
  if (index) return index;
  index = { byChinese: new Map(), byEnglish: new Map(), forbiddenByFirst: new Map() };
  for (const entry of glossary.entries) {
    for (const form of [entry.term, entry.english, ...(entry.variants ?? [])]) {
      if (isChinese(form)) {
        if (!index.byChinese.has(form)) index.byChinese.set(form, entry);
      } else {
        const key = normalizeEnglish(form);
        const list = index.byEnglish.get(key);
        if (!list) index.byEnglish.set(key, [entry]);
        else if (!list.includes(entry)) list.push(entry);
      }
    }
    for (const text of entry.forbidden ?? []) {
      const chinese = isChinese(text);
      const first = (chinese ? text : text.toLowerCase()).charCodeAt(0);
      const list = index.forbiddenByFirst.get(first) ?? [];
      list.push({ text, entry, chinese });
      index.forbiddenByFirst.set(first, list);
    }
  }
  for (const list of index.forbiddenByFirst.values()) list.sort((a, b) => b.text.length - a.text.length);
  indexes.set(glossary, index);
  return index;
}

/** Whether `english` (a gloss's English, maybe `Large Language Models, LLMs`) is an accepted English form of `entry`. */
export function acceptsEnglish(entry: GlossaryEntry, english: string): boolean {
  const accepted = new Set([entry.english, ...(entry.variants ?? []).filter((v) => !isChinese(v))].map(normalizeEnglish));
  if (accepted.has(normalizeEnglish(english))) return true;
  // An acronym for the entry's English, or the English an acronym entry stands for (`LLM`, `RL`, `QE`).
  if (sameInitials(entry.english, english)) return true;
  // `Large Language Models, LLMs` and `Large Language Model / LLM`: any one part will do.
  return english.split(/[,，/;；]|\bor\b/).some((part) => part.trim() !== '' && accepted.has(normalizeEnglish(part)));
}

/** Whether one form is the initials of the other: `Large Language Models` and `LLMs`. */
function sameInitials(a: string, b: string): boolean {
  const acronym = (s: string) => (/^[A-Z]{2,6}s?$/.test(s.trim()) ? s.trim().replace(/s$/, '') : undefined);
  const initials = (s: string) => {
    const words = s.trim().split(/[\s-]+/);
    return words.length >= 2 ? words.map((w) => w[0]?.toUpperCase() ?? '').join('') : undefined;
  };
  const x = acronym(a);
  const y = acronym(b);
  return (!!y && initials(a) === y) || (!!x && initials(b) === x);
}

/** The glossary entry for a Chinese or English term (its preferred form or an accepted variant). */
export function lookupTerm(glossary: Glossary | undefined, text: string): GlossaryEntry | undefined {
  if (!glossary) return undefined;
  const index = glossaryIndex(glossary);
  const t = text.trim();
  if (isChinese(t)) return index.byChinese.get(t);
  return index.byEnglish.get(normalizeEnglish(t))?.[0];
}

/**
 * The team's glossary and the posts' glosses as one list: the team's entries
 * first, as written; then every term the posts gloss that the team's glossary
 * lacks, with its most common English and definition (`English: 定义`).
 */
export function mergeWithPosts(glossary: Glossary | undefined, posts: Iterable<[string, PostSummary]>): TermRecord[] {
  const out: TermRecord[] = (glossary?.entries ?? []).map((e) => ({ ...e, origin: 'glossary' as const }));
  const known = new Set<string>();
  for (const e of glossary?.entries ?? []) for (const form of [e.term, ...(e.variants ?? []), ...(e.forbidden ?? [])]) known.add(form);
  const byTerm = new Map<string, { posts: Set<string>; english: Map<string, number>; definitions: Map<string, number> }>();
  for (const [path, summary] of posts) {
    for (const g of summary.glosses) {
      const term = g.term.replace(/\*\*/g, '').trim();
      const english = g.english.trim();
      if (!term || !english || !isChinese(term) || known.has(term)) continue;
      let rec = byTerm.get(term);
      if (!rec) byTerm.set(term, (rec = { posts: new Set(), english: new Map(), definitions: new Map() }));
      rec.posts.add(path);
      rec.english.set(english, (rec.english.get(english) ?? 0) + 1);
      const definition = definitionOf(g.gloss);
      if (definition) rec.definitions.set(definition, (rec.definitions.get(definition) ?? 0) + 1);
    }
  }
  const fromPosts = [...byTerm].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  for (const [term, rec] of fromPosts) {
    const englishes = [...rec.english].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([e]) => e);
    const record: TermRecord = { term, english: englishes[0], origin: 'posts', posts: rec.posts.size };
    const definition = [...rec.definitions].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]?.[0];
    if (definition) record.definition = definition;
    const others = englishes.slice(1).filter((e) => normalizeEnglish(e) !== normalizeEnglish(englishes[0]));
    if (others.length) record.otherEnglish = others;
    out.push(record);
  }
  return out;
}

/** The explanation after the colon of `English Term: 解释`, if the gloss has one. */
function definitionOf(gloss: string): string | undefined {
  const m = /^[^:：]*[A-Za-z][^:：]*[:：]\s*(.+)$/s.exec(gloss.trim());
  return m?.[1].trim() || undefined;
}
