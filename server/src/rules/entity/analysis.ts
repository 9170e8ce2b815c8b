/**
 * One entity analysis per document, shared by the entity rules: the front
 * matter's entities, the body's words and every place an entity (or a
 * variant of it) occurs. The three rules run on the same document one after
 * the other, so the work is done once and kept with the document.
 */
import type { PostDocument } from '../../engine/model/document';
import type { ResolvedConfig } from '../../engine/config';
import { entitiesOf } from '../../engine/summary';
import type { EntityFact } from '../../engine/workspace';
import { buildIndex, type EntityIndex } from './entities';
import { Kind, matchEntities, type Occurrence } from './match';
import { Side, Tokens, tokenize } from './tokens';

export interface EntityAnalysis {
  index: EntityIndex;
  occurrences: Occurrence[];
  /** Per entity: whether the body names it anywhere (in any spelling). */
  mentioned: boolean[];
}

const PEOPLE = new Set(['people']);

export function analyzeEntities(doc: PostDocument, config: ResolvedConfig): EntityAnalysis {
  return doc.memo(`entity/analysis ${config.entityFields.join('\n')}`, () => analyze(doc, config.entityFields));
}

function analyze(doc: PostDocument, fields: readonly string[]): EntityAnalysis {
  const index = indexFor(entitiesOf(doc, fields));
  if (index.entities.length === 0) return { index, occurrences: [], mentioned: [] };
  const tokens = tokenizeBody(doc);
  const { occurrences, aliasMentions } = matchEntities(doc.text, tokens, index);
  const mentioned = index.entities.map((_, id) => aliasMentions.has(id));
  for (const o of occurrences) if (o.kind !== Kind.Other) mentioned[o.entity] = true;
  index.entities.forEach((e, id) => {
    if (e.chinese && !mentioned[id]) mentioned[id] = doc.text.indexOf(e.fact.name, doc.bodyStart) >= 0;
  });
  return { index, occurrences, mentioned };
}

/**
 * The index of the last front matter seen: on every keystroke in the body
 * the entity lists are the same, so the index is built again only when they
 * (or their positions) change.
 */
let lastIndex: { key: string; index: EntityIndex } | undefined;
function indexFor(facts: EntityFact[]): EntityIndex {
  let key = '';
  for (const f of facts) key += `${f.field}\u0000${f.name}\u0000${f.span[0]}\u0000${f.span[1]}\u0001`;
  if (lastIndex?.key === key) return lastIndex.index;
  const index = buildIndex(facts, PEOPLE);
  lastIndex = { key, index };
  return index;
}

/** One token table, reused from document to document (the analysis is done with it before it returns). */
const sharedTokens = new Tokens(16384);
/** The document whose words `sharedTokens` holds (entity/unlisted copies its English words from there). */
let tokensOwner: PostDocument | undefined;

/** The English blocks' text as English; paragraphs, headings and other text as Chinese, their speaker labels as labels. */
function tokenizeBody(doc: PostDocument): Tokens {
  const text = doc.text;
  const tokens = sharedTokens.reset();
  tokensOwner = doc;
  for (const b of doc.blocks) {
    if (b.kind === 'english') {
      for (const span of b.contentSpans) tokenize(text, span, Side.English, tokens);
    } else if (b.kind === 'paragraph') {
      tokenize(text, b.span, Side.Chinese, tokens, labelSpan(doc, b));
    } else if (b.kind === 'heading') {
      tokenize(text, b.textSpan, Side.Chinese, tokens);
    } else if (b.kind === 'table' || (b.kind === 'html' && !b.comment)) {
      tokenize(text, b.span, Side.Chinese, tokens);
    }
  }
  return tokens;
}

/**
 * The English blocks' words alone, into `out`. The body's table already has
 * them (same spans, same order) when the entity analysis ran on this
 * document, so they are copied instead of tokenizing the English again.
 */
export function englishTokens(doc: PostDocument, out: Tokens): Tokens {
  out.reset();
  if (tokensOwner !== doc) {
    for (const b of doc.englishBlocks()) for (const s of b.contentSpans) tokenize(doc.text, s, Side.English, out);
    return out;
  }
  const src = sharedTokens;
  out.reserve(src.count);
  let n = 0;
  for (let i = 0; i < src.count; i++) {
    if (src.side[i] !== Side.English) continue;
    out.start[n] = src.start[i];
    out.end[n] = src.end[i];
    out.hash[n] = src.hash[i];
    out.flags[n] = src.flags[i];
    out.side[n] = Side.English;
    n++;
  }
  out.count = n;
  return out;
}

function labelSpan(doc: PostDocument, p: import('../../engine/model/blocks').ParagraphBlock): [number, number] | undefined {
  const speaker = doc.inline(p).speaker;
  if (!speaker || !speaker.name) return undefined;
  const at = doc.text.indexOf(speaker.name, speaker.span[0]);
  if (at < 0 || at + speaker.name.length > speaker.span[1]) return undefined;
  return [at, at + speaker.name.length];
}
