/**
 * The post as every rule reads it: front matter, blocks, pairs, and inline
 * detail computed on demand (and then kept) for the paragraphs a rule asks about.
 */
import { SourceText, type Language, type Span } from '../text';
import { parseFrontMatter, type FrontMatter } from './frontMatter';
import { scanBlocks, type Block, type EnglishBlock, type ParagraphBlock } from './blocks';
import { parseInline, type Inline } from './inline';

export interface Pair {
  chinese: ParagraphBlock;
  english: EnglishBlock;
}

export class PostDocument {
  readonly src: SourceText;
  readonly frontMatter: FrontMatter | undefined;
  /** Offset where the body starts. */
  readonly bodyStart: number;
  readonly blocks: Block[];
  readonly pairs: Pair[];
  /**
   * The language of the "original" in the English blocks: 'zh' for posts made
   * from Chinese-language videos, whose blocks carry the Chinese transcript.
   */
  readonly sourceLanguage: Language;
  private readonly inlineCache = new Map<number, Inline>();
  private readonly memos = new Map<string, unknown>();

  constructor(text: string) {
    this.src = new SourceText(text);
    this.frontMatter = parseFrontMatter(this.src);
    const fm = this.frontMatter;
    this.bodyStart =
      fm && fm.closed ? Math.min(text.length, fm.span[1] + eolLength(text, fm.span[1])) : fm ? fm.span[1] : this.src.bomLength;
    this.blocks = scanBlocks(this.src, this.bodyStart);
    this.pairs = linkPairs(this.blocks);
    this.sourceLanguage = detectSourceLanguage(this);
  }

  get text(): string {
    return this.src.text;
  }

  slice(span: Span): string {
    return this.src.text.slice(span[0], span[1]);
  }

  inline(p: ParagraphBlock): Inline {
    let inline = this.inlineCache.get(p.span[0]);
    if (!inline) {
      inline = parseInline(this.src.text, p.span);
      this.inlineCache.set(p.span[0], inline);
    }
    return inline;
  }

  /**
   * What rules derive from this document and share (the pairs as units, the
   * entity analysis, numbers read …): computed on the first call with `key`,
   * then kept as long as the document lives. The key names the analysis and
   * whatever else it depends on; callers must not change what they get.
   */
  memo<T>(key: string, compute: () => T): T {
    if (this.memos.has(key)) return this.memos.get(key) as T;
    const value = compute();
    this.memos.set(key, value);
    return value;
  }

  /** The block whose span holds `offset` (its end included). */
  blockAt(offset: number): Block | undefined {
    const blocks = this.blocks;
    let lo = 0;
    let hi = blocks.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const b = blocks[mid];
      if (offset < b.span[0]) hi = mid - 1;
      else if (offset > b.span[1]) lo = mid + 1;
      else return b;
    }
    return undefined;
  }

  /** The paragraph blocks, in order (an array kept with the document: rules walk it many times per lint). */
  paragraphs(): readonly ParagraphBlock[] {
    return this.memo('paragraphs', () => this.blocks.filter((b): b is ParagraphBlock => b.kind === 'paragraph'));
  }

  /** Translation coverage: Chinese paragraphs, and how many of them have their English block. */
  coverage(): { paired: number; total: number } {
    let paired = 0;
    let total = 0;
    for (const b of this.blocks) {
      if (b.kind !== 'paragraph' || b.lang !== 'zh') continue;
      total++;
      if (b.english) paired++;
    }
    return { paired, total };
  }

  /** The English blocks, in order. */
  englishBlocks(): readonly EnglishBlock[] {
    return this.memo('englishBlocks', () => this.blocks.filter((b): b is EnglishBlock => b.kind === 'english'));
  }
}

function eolLength(text: string, at: number): number {
  if (text.charCodeAt(at) === 13) return text.charCodeAt(at + 1) === 10 ? 2 : 1;
  return text.charCodeAt(at) === 10 ? 1 : 0;
}

/** An English block pairs with the paragraph right before it (comments between are ignored). */
function linkPairs(blocks: Block[]): Pair[] {
  const pairs: Pair[] = [];
  let prev: Block | undefined;
  for (const b of blocks) {
    if (b.kind === 'html' && b.comment) continue;
    if (b.kind === 'english' && prev?.kind === 'paragraph' && !prev.english) {
      prev.english = b;
      b.chinese = prev;
      pairs.push({ chinese: prev, english: b });
    }
    prev = b;
  }
  return pairs;
}

/**
 * Chinese-source when most blocks hold Chinese. A block whose label or class
 * says Chinese (`Original Chinese`, `Original Text`, `chinese-text`) counts
 * extra, unless its text is plainly English (then the label is the mistake).
 */
function detectSourceLanguage(doc: PostDocument): Language {
  let zh = 0;
  let en = 0;
  for (const b of doc.englishBlocks()) {
    if (b.contentLang === 'en') {
      en++;
      continue;
    }
    const label = b.summary?.text ?? '';
    const declared = /Original (Chinese|Text)\b/.test(label) || b.paragraphs.some((p) => p.className === 'chinese-text');
    if (b.contentLang === 'zh') zh += declared ? 3 : 1;
    else if (declared) zh++;
  }
  return zh > en ? 'zh' : 'en';
}
