/**
 * What the pairing rules share: a post's own conventions (line breaks, blank
 * lines around blocks, the label and class most of its blocks use), the
 * accepted labels and classes, the block skeleton that suggestions insert,
 * and the language tests that decide "this is English" / "this is Chinese".
 */
import type { ResolvedConfig } from '../../engine/config';
import type { PostDocument } from '../../engine/model/document';
import type { EnglishBlock } from '../../engine/model/englishBlock';
import { scriptCounts, type ScriptCounts, type Span } from '../../engine/text';

/** Labels and classes that Chinese-source posts use for their Chinese transcript. */
export const CHINESE_SOURCE_LABELS = ['View/Hide Original Chinese', 'View/Hide Original Text'];
export const CHINESE_SOURCE_CLASSES = ['chinese-text'];

export interface PostFacts {
  eol: string;
  /** Most pairs have a blank line between the Chinese paragraph and `<details>`. */
  blankBefore: boolean;
  acceptedLabels: Set<string>;
  acceptedClasses: Set<string>;
  /** `<p class="…">` for each accepted class. */
  acceptedTags: Set<string>;
  /** What fixes write: the accepted label and class most of this post's blocks use. */
  label: string;
  className: string;
}

export function postFacts(doc: PostDocument, config: ResolvedConfig): PostFacts {
  const byConfig = doc.memo('pair/facts', () => new WeakMap<ResolvedConfig, PostFacts>());
  let facts = byConfig.get(config);
  if (!facts) byConfig.set(config, (facts = readFacts(doc, config)));
  return facts;
}

function readFacts(doc: PostDocument, config: ResolvedConfig): PostFacts {
  const zh = doc.sourceLanguage === 'zh';
  const acceptedLabels = new Set([config.summaryText, ...config.allowedSummaryTexts, ...(zh ? CHINESE_SOURCE_LABELS : [])]);
  const acceptedClasses = new Set(['english-text', ...(zh ? CHINESE_SOURCE_CLASSES : [])]);
  const labels = new Map<string, number>();
  const classes = new Map<string, number>();
  let blank = 0;
  let tight = 0;
  for (const b of doc.englishBlocks()) {
    const label = b.summary?.text;
    if (label !== undefined && acceptedLabels.has(label)) labels.set(label, (labels.get(label) ?? 0) + 1);
    for (const p of b.paragraphs) {
      if (p.className !== null && acceptedClasses.has(p.className)) classes.set(p.className, (classes.get(p.className) ?? 0) + 1);
    }
    if (b.chinese) {
      if (b.startLine - b.chinese.endLine > 1) blank++;
      else tight++;
    }
  }
  return {
    eol: doc.src.eol,
    blankBefore: blank >= tight,
    acceptedLabels,
    acceptedClasses,
    acceptedTags: new Set([...acceptedClasses].map((c) => `<p class="${c}">`)),
    label: mostCommon(labels) ?? config.summaryText,
    className: mostCommon(classes) ?? (zh ? CHINESE_SOURCE_CLASSES[0] : 'english-text'),
  };
}

function mostCommon(counts: Map<string, number>): string | undefined {
  let best: string | undefined;
  let n = 0;
  for (const [k, c] of counts) if (c > n) [best, n] = [k, c];
  return best;
}

/** A new, empty English block in the post's own style. */
export function skeleton(facts: PostFacts): string {
  const { eol } = facts;
  return `<details>${eol}<summary>${facts.label}</summary>${eol}<p class="${facts.className}"></p>${eol}</details>`;
}

/**
 * A summary text that is a damaged copy of a label (`View/Hide Original
 * Original English`, `V/H Original English`, `查看/Hide Original English`),
 * not a sentence: short, ends with "English", no sentence punctuation.
 */
export function isLabelVariant(text: string): boolean {
  if (text.length === 0 || text.length > 60) return false;
  if (!/english$/i.test(text)) return false;
  if (/[.,;!?。，；！？]/.test(text)) return false;
  return text.split(/\s+/).length <= 8;
}

/** `<p class="english-text">` written wrongly but recognizably: bare, doubled `class=`, `p-english-text`, lost `<`. */
const CLASS_VARIANT = /^<?p(?:\s+(?:class\s*=\s*["']?\s*(?:p[\s-]+)?)*(?:(?:english|chinese)-text)?["']?)?\s*>$/i;

export function isClassVariant(openTag: string): boolean {
  return CLASS_VARIANT.test(openTag);
}

/** The tag a finding about the whole block points at: `<details`, or the first tag of a block that lacks it. */
export function headSpan(block: EnglishBlock): Span {
  if (block.openSpan) return block.openSpan;
  const a = block.anomalies.find((x) => x.kind === 'no-details');
  return a ? a.span : [block.span[0], block.span[0]];
}

/**
 * The range of `span` widened to its whole line (with the line break) when
 * nothing else is on the line, so deleting it leaves no empty line behind.
 */
export function deletionRange(doc: PostDocument, span: Span): Span {
  const src = doc.src;
  const line = src.lineOf(span[0]);
  const start = src.lineStarts[line];
  const end = src.lineEnd(line);
  if (src.lineOf(span[1]) !== line) return span;
  if (doc.text.slice(start, span[0]).trim() !== '' || doc.text.slice(span[1], end).trim() !== '') return span;
  const next = line + 1 < src.lineCount ? src.lineStarts[line + 1] : end;
  return [start, next];
}

/** Han characters and Latin words outside glosses （…）: what the reader takes the text to be written in. */
export function mainCounts(c: ScriptCounts): { han: number; words: number } {
  const han = c.han - c.glossHan;
  const words = c.words - c.glossWords;
  return han + words > 0 ? { han, words } : { han: c.han, words: c.words };
}

/**
 * Clearly English, for text in the Chinese slot: eight Latin words or more
 * for each Han character. A few Latin words with Chinese punctuation
 * (`Jams，Jams。`, `OK。`) are a translation that kept a name.
 */
export function looksEnglish(c: ScriptCounts): boolean {
  const { han, words } = mainCounts(c);
  if (words === 0 || han * 8 >= words) return false;
  return !(han === 0 && c.cjkPunct > 0 && words <= 3);
}

/** Clearly Chinese, for text in the English slot: at least as many Han characters as Latin words. */
export function looksChinese(c: ScriptCounts): boolean {
  const { han, words } = mainCounts(c);
  return han >= 2 && han >= words;
}

/** A Chinese sentence inside English text: this many Han characters in a row (CJK punctuation between them allowed). */
export const CHINESE_RUN = 12;

/**
 * Runs of Chinese inside mostly English text, glosses （…） left out: the
 * translation pasted over the original. Terms quoted in Chinese ("启发式")
 * are much shorter than a run.
 */
export function chineseRuns(text: string, start: number, end: number): Span[] {
  const runs: Span[] = [];
  let runStart = -1;
  let lastHan = -1;
  let han = 0;
  let depth = 0;
  const close = () => {
    if (runStart >= 0 && han >= CHINESE_RUN) runs.push([runStart, lastHan + 1]);
    runStart = -1;
    han = 0;
  };
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === 0xff08) {
      depth++;
      close();
      continue;
    }
    if (c === 0xff09) {
      if (depth > 0) depth--;
      continue;
    }
    if (depth > 0) continue;
    const isHan = (c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf);
    const isPunct = (c >= 0x3000 && c <= 0x303f) || (c >= 0xff01 && c <= 0xff1f);
    if (isHan) {
      if (runStart < 0) runStart = i;
      lastHan = i;
      han++;
    } else if (!(isPunct && runStart >= 0)) close();
  }
  close();
  return runs;
}

/**
 * Whether spans, asked in document order, hold a Han character. Remembers
 * where the next Han character is, so all the questions together read the
 * text once.
 */
export class HanFinder {
  private searchedFrom = 0;
  private next = -1;
  private static readonly HAN = /[\u3400-\u4dbf\u4e00-\u9fff]/g;

  constructor(private readonly text: string) {}

  has(span: Span): boolean {
    // Known: no Han character in [searchedFrom, next).
    if (this.next < span[0] || span[0] < this.searchedFrom) {
      HanFinder.HAN.lastIndex = span[0];
      const found = HanFinder.HAN.test(this.text);
      this.searchedFrom = span[0];
      this.next = found ? HanFinder.HAN.lastIndex - 1 : this.text.length;
    }
    return this.next < span[1];
  }
}

export function countsOf(text: string, span: Span): ScriptCounts {
  return scriptCounts(text, span[0], span[1]);
}

/** 1-based line of an offset, for messages. */
export function lineNo(doc: PostDocument, offset: number): number {
  return doc.src.lineOf(offset) + 1;
}

/** Shortens text quoted in a message. */
export function quote(text: string, max = 40): string {
  const oneLine = text.replace(/\s+/g, ' ');
  return oneLine.length > max ? oneLine.slice(0, max - 1) + '…' : oneLine;
}
