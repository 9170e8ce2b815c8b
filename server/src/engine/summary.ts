/**
 * What one post says about its terms and entities, in a form that outlives
 * the document: the glosses (bold terms with a gloss and name glosses such as
 * `沙尔贝克（Schaerbeek）`) and the entities its front matter lists. The
 * cross-post rules and the language server keep one summary per post; the
 * entity rules read the richer `glossesOf` of the post they lint.
 */
import type { PostDocument } from './model/document';
import type { ResolvedConfig } from './config';
import type { Span } from './text';
import type { EntityFact, GlossFact, PostSummary } from './workspace';

export interface GlossOccurrence {
  /** `bold`: `**术语**（Term: …）`; `name`: `沙尔贝克（Schaerbeek）`, where the Chinese extent is a guess. */
  kind: 'bold' | 'name';
  term: string;
  termSpan: Span;
  /** The English part of the gloss (before a colon); '' when the gloss has none. */
  english: string;
  englishSpan: Span;
  /** The whole text inside the parentheses. */
  gloss: string;
  glossSpan: Span;
}

export function summarizePost(doc: PostDocument, config: ResolvedConfig): PostSummary {
  const glosses: GlossFact[] = glossesOf(doc).map((g) => ({ term: g.term, english: g.english, gloss: g.gloss, span: g.termSpan }));
  const tagsEntry = doc.frontMatter?.entries.find((e) => e.key === 'tags');
  const tags = (tagsEntry?.items ?? []).map((i) => i.value).filter((v): v is string => typeof v === 'string');
  return { glosses, entities: entitiesOf(doc, config.entityFields), tags };
}

/** The string items of the front matter's entity lists, with their spans, in source order. */
export function entitiesOf(doc: PostDocument, fields: readonly string[]): EntityFact[] {
  const out: EntityFact[] = [];
  for (const entry of doc.frontMatter?.entries ?? []) {
    if (!entry.items || !fields.includes(entry.key)) continue;
    for (const item of entry.items) {
      if (typeof item.value !== 'string' || item.value.trim() === '') continue;
      out.push({ name: item.value.trim(), field: entry.key, span: item.span });
    }
  }
  return out;
}

/** Every gloss of the post's Chinese paragraphs, in source order (computed once per document). */
export function glossesOf(doc: PostDocument): GlossOccurrence[] {
  return doc.memo('glosses', () => readGlosses(doc));
}

function readGlosses(doc: PostDocument): GlossOccurrence[] {
  const out: GlossOccurrence[] = [];
  const text = doc.text;
  for (const p of doc.paragraphs()) {
    if (p.lang !== 'zh') continue;
    const inline = doc.inline(p);
    for (const b of inline.bolds) {
      if (!b.gloss || !b.gloss.close || b.label || b.insideParen) continue;
      const [gs, ge] = b.gloss.innerSpan;
      const englishSpan = englishPart(text, gs, ge);
      out.push({
        kind: 'bold',
        term: text.slice(b.innerSpan[0], b.innerSpan[1]).trim(),
        termSpan: b.innerSpan,
        english: text.slice(englishSpan[0], englishSpan[1]),
        englishSpan,
        gloss: text.slice(gs, ge),
        glossSpan: [gs, ge],
      });
    }
    for (const g of inline.nameGlosses) {
      const termSpan = chineseNameBefore(text, g.gloss.span[0]);
      if (termSpan[1] === termSpan[0]) continue;
      out.push({
        kind: 'name',
        term: text.slice(termSpan[0], termSpan[1]),
        termSpan,
        english: text.slice(g.enSpan[0], g.enSpan[1]),
        englishSpan: g.enSpan,
        gloss: text.slice(g.gloss.innerSpan[0], g.gloss.innerSpan[1]),
        glossSpan: g.gloss.innerSpan,
      });
    }
  }
  out.sort((a, b) => a.termSpan[0] - b.termSpan[0]);
  return out;
}

/** The English part of a gloss: up to the first colon, trimmed of spaces and `**`; empty for a Chinese-only gloss. */
function englishPart(text: string, start: number, end: number): Span {
  let s = start;
  while (s < end && (text[s] === ' ' || text[s] === '*')) s++;
  const c = text.charCodeAt(s);
  if (!((c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c >= 48 && c <= 57))) return [s, s];
  let e = s;
  while (e < end && text[e] !== ':' && text[e] !== '：') e++;
  while (e > s && (text[e - 1] === ' ' || text[e - 1] === '*')) e--;
  return [s, e];
}

const MAX_NAME = 10;
/** Characters that end a phrase before a name rather than belong to it (的, 是, 像 …). */
const NOT_IN_NAMES = new Set('的了是在和与或像把被对从向给由将说称叫为跟同这个位名些着过也就还又而即如等'.split(''));
const NAME_DOTS = new Set(['·', '•', '‧', '・']);

/**
 * The Chinese name right before a gloss's parenthesis. The text gives no
 * boundary, so this is a bounded guess: Han characters and name dots
 * (`杰森·黄`), stopping at punctuation and at function characters that
 * never sit inside transliterated names.
 */
export function chineseNameBefore(text: string, paren: number): Span {
  let s = paren;
  while (s > 0 && paren - s < MAX_NAME) {
    const ch = text[s - 1];
    if (NOT_IN_NAMES.has(ch)) break;
    if (isHan(ch.charCodeAt(0)) || (NAME_DOTS.has(ch) && s < paren && isHan(text.charCodeAt(s - 2)))) s--;
    else break;
  }
  return [s, paren];
}

function isHan(c: number): boolean {
  return (c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf) || (c >= 0xf900 && c <= 0xfaff);
}
