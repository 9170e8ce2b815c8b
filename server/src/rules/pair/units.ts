/**
 * The pairs as translation units, for the rules that compare a post's pairs
 * with each other (length ratio, alignment drift). A translator who splits
 * one source paragraph into several leaves the first ones without an English
 * block, and the English after the last one stands for all of them. Which of
 * those unpaired paragraphs belong to it is decided by length: the run that
 * brings the pair's length ratio closest to the post's typical one. Lengths
 * leave out what one side has and the other lacks: glosses, notes in
 * parentheses and speaker labels. Computed once per document.
 */
import type { PostDocument, Pair } from '../../engine/model/document';
import type { ParagraphBlock } from '../../engine/model/blocks';
import { afterSpeakerLabel } from '../../engine/model/blocks';
import type { Span } from '../../engine/text';

export interface PairUnit {
  /** Index into `doc.pairs`. */
  index: number;
  pair: Pair;
  /** The Chinese paragraphs the English block stands for, the pair's own last. */
  paragraphs: ParagraphBlock[];
  /** Chinese length in Han-character equivalents. */
  zhLength: number;
  /** English length in characters. */
  enLength: number;
  /** Both halves are in the expected languages and long enough to measure. */
  comparable: boolean;
}

export interface PairUnits {
  units: PairUnit[];
  /** Median of ln(English length / Chinese length) over the comparable units; NaN when there are none. */
  typical: number;
  /** Robust spread (1.4826 × MAD) of those log ratios. */
  spread: number;
  /** How many units the statistics rest on. */
  sample: number;
}

/** How many unpaired paragraphs before a pair may still belong to its English block. */
const MAX_RUN = 12;
/** Latin letters and digits per Han character, roughly: a Latin word inside Chinese counts this much less. */
const LATIN_PER_HAN = 2.5;
/** Units shorter than this (either side) are too noisy to enter the statistics. */
export const STAT_MIN_ZH = 12;
export const STAT_MIN_EN = 30;
/** Below this, a unit is not measured at all (`是的。` / `Yes.`). */
const MIN_ZH = 2;
const MIN_EN = 6;
/** Fallback when a post has too few pairs to measure its own: English runs about 3 letters per Han character. */
const DEFAULT_TYPICAL = Math.log(3);

export function pairUnits(doc: PostDocument): PairUnits {
  return doc.memo('pair/units', () => measureUnits(doc));
}

function measureUnits(doc: PostDocument): PairUnits {
  const text = doc.text;
  const raw: { index: number; pair: Pair; run: ParagraphBlock[]; zh: number[]; en: number; ok: boolean }[] = [];
  let run: ParagraphBlock[] = [];
  let index = 0;
  for (const b of doc.blocks) {
    if (b.kind === 'html' && b.comment) continue;
    if (b.kind !== 'paragraph') {
      run = [];
      continue;
    }
    if (!b.english) {
      if (b.lang === 'zh') {
        run.push(b);
        if (run.length > MAX_RUN) run.shift();
      } else run = [];
      continue;
    }
    const pair = doc.pairs[index];
    if (!pair || pair.chinese !== b) {
      run = [];
      continue;
    }
    const paragraphs = [...run, b];
    run = [];
    const zh = paragraphs.map((p) => chineseLength(text, [afterSpeakerLabel(text, p.span), p.span[1]]));
    let en = 0;
    for (const s of pair.english.contentSpans) en += englishLength(text, s);
    const ok = b.lang === 'zh' && pair.english.contentLang === 'en' && doc.sourceLanguage === 'en';
    raw.push({ index: index++, pair, run: paragraphs, zh, en, ok });
  }

  // The typical ratio, from the units without a run (their extent is not in doubt).
  const sure = raw.filter((r) => r.ok && r.run.length === 1 && r.zh[0] >= STAT_MIN_ZH && r.en >= STAT_MIN_EN);
  const logs = sure.map((r) => Math.log(r.en / r.zh[0]));
  const typical = logs.length > 0 ? median(logs) : DEFAULT_TYPICAL;
  const spread = logs.length > 0 ? 1.4826 * median(logs.map((x) => Math.abs(x - typical))) : 0.3;

  const units: PairUnit[] = raw.map((r) => {
    if (r.zh.length === 1) {
      return {
        index: r.index,
        pair: r.pair,
        paragraphs: r.run,
        zhLength: r.zh[0],
        enLength: r.en,
        comparable: r.ok && r.zh[0] >= MIN_ZH && r.en >= MIN_EN,
      };
    }
    // The run of paragraphs (ending at the pair's own) whose ratio is nearest the typical one.
    let best = r.zh.length - 1;
    let bestDistance = Infinity;
    let zh = 0;
    for (let k = r.zh.length - 1; k >= 0; k--) {
      zh += r.zh[k];
      const d = Math.abs(Math.log(Math.max(r.en, 1) / Math.max(zh, 1)) - typical);
      if (d < bestDistance) {
        bestDistance = d;
        best = k;
      }
    }
    const zhLength = r.zh.slice(best).reduce((a, b) => a + b, 0);
    return {
      index: r.index,
      pair: r.pair,
      paragraphs: r.run.slice(best),
      zhLength,
      enLength: r.en,
      comparable: r.ok && zhLength >= MIN_ZH && r.en >= MIN_EN,
    };
  });
  return { units, typical, spread, sample: logs.length };
}

/** ln(English / Chinese) of a unit's Chinese against some unit's English. */
export function logRatio(zhLength: number, enLength: number): number {
  return Math.log(Math.max(enLength, 1) / Math.max(zhLength, 1));
}

/**
 * How far a log ratio may stray by chance: the post's own spread, plus the
 * noise of short texts (a few words more or less change a short paragraph's
 * ratio a lot), so short paragraphs need a far larger deviation to stand out.
 */
export function tolerance(spread: number, zhLength: number, enLength: number): number {
  const s = Math.max(spread, 0.15);
  return Math.sqrt(s * s + 1.5 / Math.max(zhLength, 1) + 4 / Math.max(enLength, 1));
}

/** 1-based line of an offset, for messages. */
export function lineNumber(doc: PostDocument, offset: number): number {
  return doc.src.positionAt(offset).line + 1;
}

/** A paragraph's first line: findings mark where something starts, not a whole paragraph. */
export function firstLine(doc: PostDocument, span: Span): Span {
  const line = doc.src.lineOf(span[0]);
  return [span[0], Math.min(span[1], doc.src.lineEnd(line))];
}

export function median(values: number[]): number {
  const sorted = Float64Array.from(values).sort();
  const n = sorted.length;
  return n % 2 === 1 ? sorted[n >> 1] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
}

/**
 * Han characters, plus Latin letters and digits at a discount, outside
 * full-width parentheses (the translator's glosses and notes).
 */
export function chineseLength(text: string, span: Span): number {
  let han = 0;
  let latin = 0;
  let depth = 0;
  for (let i = span[0]; i < span[1]; i++) {
    const c = text.charCodeAt(i);
    if (c === 0xff08) depth++;
    else if (c === 0xff09) depth = Math.max(0, depth - 1);
    else if (depth > 0) continue;
    else if ((c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf)) han++;
    else if ((c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57)) latin++;
  }
  return han + latin / LATIN_PER_HAN;
}

/** `JIMMY FALLON:`, `Host:`, `>>` opening the English: the Chinese side's label is not counted either. */
const EN_LABEL = /(?:>>|&gt;&gt;)?[ \t]*(?:[A-Z][A-Za-z.'\u2019-]*(?:[ \t]+[A-Z][A-Za-z.'\u2019-]*){0,3}[ \t]*:(?=[ \t]))?/y;

/**
 * Characters of the English, less a speaker label, HTML tags and character
 * references. Spaces and punctuation are counted too: they are a steady share
 * of English text, and only ratios between a post's own pairs matter.
 */
export function englishLength(text: string, span: Span): number {
  EN_LABEL.lastIndex = span[0];
  const from = EN_LABEL.test(text) && EN_LABEL.lastIndex <= span[1] ? EN_LABEL.lastIndex : span[0];
  const body = text.slice(from, span[1]);
  let n = body.length;
  for (let i = body.indexOf('<'); i >= 0; i = body.indexOf('<', i + 1)) {
    const close = boundedIndex(body, 62, i + 1, Math.min(body.length, i + 200));
    if (close > 0) n -= close + 1 - i;
  }
  for (let i = body.indexOf('&'); i >= 0; i = body.indexOf('&', i + 1)) {
    const semi = boundedIndex(body, 59, i + 1, Math.min(body.length, i + 10));
    if (semi > 0) n -= semi + 1 - i;
  }
  return Math.max(0, n);
}

function boundedIndex(text: string, code: number, from: number, limit: number): number {
  for (let i = from; i < limit; i++) {
    const c = text.charCodeAt(i);
    if (c === code) return i;
    if (c === 60 || c === 10) return -1;
  }
  return -1;
}
