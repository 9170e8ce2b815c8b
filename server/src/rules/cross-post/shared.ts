/**
 * What the cross-post rules look up in the workspace knowledge: for each
 * glossed term, its English renderings and the posts that use them; for
 * each entity spelling, the other spellings of the same name. Built once per
 * set of summaries (the adapters replace a post's summary object when the
 * post changes, so identity tells us when to rebuild) and shared by both
 * rules, so a lint over 1,000 posts does not rescan the workspace per post.
 */
import type { PostSummary, WorkspaceKnowledge } from '../../engine/workspace';
import { isChinese } from '../../engine/glossary';
import { agree, renderingForms } from './renderings';

export interface Rendering {
  /** As first written. */
  text: string;
  /** Its alternatives as normalized words (see `renderingForms`). */
  forms: string[][];
  posts: string[];
}

export interface KnowledgeIndex {
  /** term → its English renderings, one per normalized form; only terms with two or more. */
  glosses: Map<string, Map<string, Rendering>>;
  /** exact entity spelling → posts listing it. */
  spellings: Map<string, string[]>;
  /** exact entity spelling → other spellings of the same name. */
  variants: Map<string, string[]>;
}

interface Cached {
  summaries: PostSummary[];
  index: KnowledgeIndex;
}

const cache = new WeakMap<WorkspaceKnowledge, Cached>();

export function indexOf(workspace: WorkspaceKnowledge): KnowledgeIndex {
  const entries = [...workspace.posts()];
  const hit = cache.get(workspace);
  if (hit && hit.summaries.length === entries.length && entries.every(([, s], i) => s === hit.summaries[i])) return hit.index;
  const index = buildIndex(entries);
  cache.set(workspace, { summaries: entries.map(([, s]) => s), index });
  return index;
}

function buildIndex(entries: [string, PostSummary][]): KnowledgeIndex {
  const glosses = new Map<string, Map<string, Rendering>>();
  const spellings = new Map<string, string[]>();
  for (const [post, summary] of entries) {
    const seenTerms = new Set<string>();
    for (const g of summary.glosses) {
      // A bold term in Latin letters (`MD`, `RAG`) is glossed with what it stands for, not translated:
      // another expansion in another post is another meaning (Markdown, Manufacturing Design), not a
      // second rendering of one term.
      if (!isChinese(g.term)) continue;
      const forms = renderingForms(g.english, g.gloss);
      const norm = forms.map((f) => f.join(' ')).join('|');
      if (!norm || seenTerms.has(g.term + '\0' + norm)) continue;
      seenTerms.add(g.term + '\0' + norm);
      let byNorm = glosses.get(g.term);
      if (!byNorm) glosses.set(g.term, (byNorm = new Map()));
      const r = byNorm.get(norm);
      if (r) r.posts.push(post);
      else byNorm.set(norm, { text: g.english, forms, posts: [post] });
    }
    const seenNames = new Set<string>();
    for (const e of summary.entities) {
      if (seenNames.has(e.name)) continue;
      seenNames.add(e.name);
      const posts = spellings.get(e.name);
      if (posts) posts.push(post);
      else spellings.set(e.name, [post]);
    }
  }
  // Only terms with two renderings that disagree matter.
  for (const [term, byNorm] of glosses) {
    const all = [...byNorm.values()];
    if (!all.some((a, i) => all.some((b, j) => j > i && !agree(a.forms, b.forms)))) glosses.delete(term);
  }
  return { glosses, spellings, variants: findVariants([...spellings.keys()]) };
}

/**
 * Pairs of spellings that name the same thing: equal but for case, or a near
 * miss of the kind speech-to-text makes (`Nicola Tangen` / `Nicolai Tangen`,
 * `Zoran Mandani` / `Zohran Mamdani`). Names are bucketed by the initials of
 * their words and compared only within a small length difference, so the
 * work stays near linear in the number of distinct names.
 */
export function findVariants(names: readonly string[]): Map<string, string[]> {
  const variants = new Map<string, string[]>();
  const link = (a: string, b: string) => {
    (variants.get(a) ?? variants.set(a, []).get(a)!).push(b);
    (variants.get(b) ?? variants.set(b, []).get(b)!).push(a);
  };
  const buckets = new Map<string, { name: string; lower: string }[]>();
  for (const name of names) {
    if (!/[A-Za-z]/.test(name)) continue;
    const lower = name.toLowerCase();
    // Speech-to-text keeps the first letter of each word: bucket by those initials.
    const key = lower
      .split(/\s+/)
      .map((w) => w[0])
      .join('');
    (buckets.get(key) ?? buckets.set(key, []).get(key)!).push({ name, lower });
  }
  for (const bucket of buckets.values()) {
    bucket.sort((a, b) => a.lower.length - b.lower.length);
    for (let i = 0; i < bucket.length; i++) {
      for (let j = i + 1; j < bucket.length && bucket[j].lower.length - bucket[i].lower.length <= 2; j++) {
        if (sameName(bucket[i].lower, bucket[j].lower)) link(bucket[i].name, bucket[j].name);
      }
    }
  }
  return variants;
}

/** `a` and `b` are lowercase and differ as exact strings only by case or by a near miss. */
function sameName(a: string, b: string): boolean {
  if (a === b) return true;
  // Numbers tell models and versions apart (GPT-4, GPT-5): never a misspelling.
  if (digitsOf(a) !== digitsOf(b)) return false;
  const shorter = Math.min(a.length, b.length);
  const allowed = shorter >= 11 ? 2 : shorter >= 7 ? 1 : 0;
  if (allowed === 0) return false;
  return boundedDistance(a, b, allowed) <= allowed;
}

function digitsOf(s: string): string {
  return s.replace(/\D+/g, ' ').trim();
}

/** Optimal string alignment distance, giving up (returning max + 1) once it exceeds `max`. */
export function boundedDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const n = b.length;
  let prev2 = new Array<number>(n + 1).fill(0);
  let prev = Array.from({ length: n + 1 }, (_, j) => j);
  let cur = new Array<number>(n + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    let rowMin = i;
    for (let j = 1; j <= n; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      let v = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, prev2[j - 2] + 1);
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    [prev2, prev, cur] = [prev, cur, prev2];
  }
  return prev[n];
}

/** Posts in `posts` other than `self`. */
export function others(posts: readonly string[], self: string | undefined): string[] {
  return self === undefined ? [...posts] : posts.filter((p) => p !== self);
}

/** "b.md", "b.md and 1 other post", "b.md and 3 other posts" (a post by its file name: messages stay short). */
export function namePosts(posts: readonly string[]): string {
  const rest = posts.length - 1;
  const first = posts[0].split(/[\\/]/).pop() || posts[0];
  return rest <= 0 ? first : `${first} and ${rest} other post${rest === 1 ? '' : 's'}`;
}

/** `“X” in a.md and 2 other posts; “Y” in b.md` (the two most used), then how many more. */
export function describeElsewhere(list: readonly { text: string; posts: string[] }[]): string {
  const shown = list.slice(0, 2).map((v) => `“${v.text}” in ${namePosts(v.posts)}`);
  if (list.length > 2) shown.push(`${list.length - 2} more`);
  return shown.join('; ');
}

/**
 * Whether this post could get a cross-post finding: lets an adapter skip
 * re-reading posts that cannot (most of them, in a consistent workspace).
 */
export function mayConflict(post: string, summary: PostSummary, workspace: WorkspaceKnowledge): boolean {
  const index = indexOf(workspace);
  for (const g of summary.glosses) {
    const byNorm = index.glosses.get(g.term);
    if (!byNorm || !g.english) continue;
    const own = renderingForms(g.english, g.gloss);
    if (!own.length) continue;
    for (const r of byNorm.values()) if (!agree(own, r.forms) && others(r.posts, post).length) return true;
  }
  for (const e of summary.entities) {
    for (const v of index.variants.get(e.name) ?? []) if (others(index.spellings.get(v) ?? [], post).length) return true;
  }
  return false;
}
