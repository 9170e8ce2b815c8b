/**
 * One `<details>` English block, read tolerantly: real posts misspell its
 * tags, leave it open, split it with blank lines or put it on one line. The
 * reader records what it found and every deviation from the canonical form
 * (as `anomalies`), so rules can explain them and fixes can target them.
 */
import { languageOf, type Language, type SourceText, type Span } from '../text';

export type AnomalyKind =
  | 'open-tag' // `<details` without `>`, `<<details>`, attributes
  | 'no-details' // a `<p class="…-text">` with no `<details>` around it
  | 'summary-missing'
  | 'summary-close' // closed by `</p>` or a corrupted tag, or not closed
  | 'summary-multiline'
  | 'summary-content' // English text put inside `<summary>`
  | 'p-missing'
  | 'p-open-tag' // a class other than the expected one
  | 'p-unclosed'
  | 'close-tag' // `</detais>`, `</details` …
  | 'unclosed' // never closed before the next block or the end
  | 'blank-line' // a blank line inside the block splits it for Markdown
  | 'stray-tag' // `</text>`, an extra `</p>` …
  | 'premature-close' // `</details>` before the English paragraph
  | 'glued-text'; // text after `</details>` on the same line

export interface Anomaly {
  kind: AnomalyKind;
  span: Span;
}

export interface EnglishParagraph {
  span: Span;
  openTag: string;
  openTagSpan: Span;
  className: string | null;
  textSpan: Span;
  closed: boolean;
}

export interface EnglishBlock {
  kind: 'english';
  span: Span;
  startLine: number;
  endLine: number;
  openSpan: Span | null;
  summary?: { span: Span; textSpan: Span; text: string; closeSpan: Span | null };
  paragraphs: EnglishParagraph[];
  closeSpan: Span | null;
  /** Text after the close tag on its line; the scanner reads it as the next block. */
  gluedAfter?: Span;
  /** The text a reader sees as the original: the paragraphs' text, or loose text. */
  contentSpans: Span[];
  contentLang: Language;
  anomalies: Anomaly[];
  /** The Chinese paragraph it translates, once pairs are linked. */
  chinese?: import('./blocks').ParagraphBlock;
}

const OPEN_TAG = /<+details\b[^>\n]*>?/iy;
const TAG_TOKENS = /<\/det[a-z]*(?:[ \t]*[>\]])?|<\/?p\b[^>\n]*>?/gi;
const BLANK = /^[ \t]*$/;
const DETAILS_OPEN = /^[ \t]*<+details\b/i;
const HEADING = /^ {0,3}#{1,6}([ \t]|$)/;
const CONTINUES_BLOCK = /^[ \t]*<\/?(p|summary|det)/i;
const LABEL_LIKE = /view|hide|original|查看|隐藏|原文|text/i;

/** Reads the block that opens at `open` (on `line`). */
export function parseEnglishBlock(src: SourceText, open: number, line: number): EnglishBlock {
  const text = src.text;
  const anomalies: Anomaly[] = [];
  let openSpan: Span | null = null;
  OPEN_TAG.lastIndex = open;
  const m = OPEN_TAG.exec(text);
  if (m) {
    openSpan = [open, open + m[0].length];
    if (m[0] !== '<details>') anomalies.push({ kind: 'open-tag', span: openSpan });
  } else {
    anomalies.push({ kind: 'no-details', span: [open, src.lineEnd(line)] });
  }

  // 1. The block's extent.
  let inP = false;
  let closeSpan: Span | null = null;
  let gluedAfter: Span | undefined;
  let lastLine = line;
  let end = src.lineEnd(line);
  const blanks: Span[] = [];
  scan: for (let l = line; l < src.lineCount; l++) {
    const lineStart = l === line ? (openSpan ? openSpan[1] : open) : src.lineStarts[l];
    const lineEnd = src.lineEnd(l);
    const lt = text.slice(lineStart, lineEnd);
    if (l > line) {
      if (BLANK.test(lt)) {
        const next = nextNonBlank(src, l + 1);
        if (next < 0) break;
        if (!openSpan && !inP) break;
        if (!inP && !CONTINUES_BLOCK.test(src.lineText(next))) break;
        blanks.push([src.lineStarts[l], lineEnd]);
        continue;
      }
      if (DETAILS_OPEN.test(lt)) break;
      if (!inP && HEADING.test(lt)) break;
      if (!openSpan && !inP) break; // an orphan paragraph ends with its `</p>`
    }
    lastLine = l;
    end = lineEnd;
    TAG_TOKENS.lastIndex = 0;
    let tok: RegExpExecArray | null;
    while ((tok = TAG_TOKENS.exec(lt))) {
      const t = tok[0].toLowerCase();
      if (t.startsWith('</det')) {
        if (!openSpan) continue; // a stray close after an orphan paragraph stays outside
        closeSpan = [lineStart + tok.index, lineStart + tok.index + tok[0].length];
        end = closeSpan[1];
        const rest = lt.slice(tok.index + tok[0].length);
        const restStart = rest.search(/\S/);
        if (restStart >= 0) gluedAfter = [closeSpan[1] + restStart, lineEnd];
        break scan;
      }
      inP = !t.startsWith('</');
    }
  }

  const block: EnglishBlock = {
    kind: 'english',
    span: [open, end],
    startLine: line,
    endLine: lastLine,
    openSpan,
    paragraphs: [],
    closeSpan,
    gluedAfter,
    contentSpans: [],
    contentLang: 'none',
    anomalies,
  };
  if (openSpan) {
    if (!closeSpan) anomalies.push({ kind: 'unclosed', span: openSpan });
    else if (text.slice(closeSpan[0], closeSpan[1]) !== '</details>') anomalies.push({ kind: 'close-tag', span: closeSpan });
  }
  for (const b of blanks) if (b[0] < end) anomalies.push({ kind: 'blank-line', span: b });
  if (gluedAfter) anomalies.push({ kind: 'glued-text', span: gluedAfter });

  // 2. Its inside.
  readInside(src, block, openSpan ? openSpan[1] : open, closeSpan ? closeSpan[0] : end);
  if (openSpan && closeSpan && !gluedAfter && block.contentSpans.length === 0) absorbPrematureClose(src, block);
  block.contentLang = languageOfSpans(text, block.contentSpans);
  return block;
}

function nextNonBlank(src: SourceText, from: number): number {
  for (let l = from; l < src.lineCount; l++) if (!BLANK.test(src.lineText(l))) return l;
  return -1;
}

const SUMMARY_OPEN = /<summary\b[^>\n]*>?/gi;
const P_OPEN = /<p\b[^>\n]*>?/gi;
const P_END = /<\/p\s*>|<p\b/gi;
const CLASS_ATTR = /class\s*=\s*"([^"]*)"?/i;

function readInside(src: SourceText, block: EnglishBlock, from: number, to: number): void {
  const text = src.text;
  const covered: Span[] = [];
  let pos = from;
  P_OPEN.lastIndex = from;
  const firstP = P_OPEN.exec(text);
  const firstPAt = firstP && firstP.index < to ? firstP.index : to;

  SUMMARY_OPEN.lastIndex = from;
  const s = SUMMARY_OPEN.exec(text);
  if (s && s.index < firstPAt) {
    const textStart = s.index + s[0].length;
    let lt = text.indexOf('<', textStart);
    if (lt < 0 || lt > to) lt = to;
    let closeSpan: Span | null = null;
    let elementEnd = lt;
    if (lt < to && text.charCodeAt(lt + 1) === 47 /* / */) {
      let gt = lt;
      while (gt < to && text.charCodeAt(gt) !== 62 && text.charCodeAt(gt) !== 10) gt++;
      closeSpan = [lt, gt < to && text.charCodeAt(gt) === 62 ? gt + 1 : gt];
      elementEnd = closeSpan[1];
      if (text.slice(closeSpan[0], closeSpan[1]) !== '</summary>') block.anomalies.push({ kind: 'summary-close', span: closeSpan });
    } else {
      block.anomalies.push({ kind: 'summary-close', span: [s.index, s.index + s[0].length] });
    }
    const [ts, te] = trim(text, textStart, lt);
    const summaryText = text.slice(ts, te);
    block.summary = { span: [s.index, elementEnd], textSpan: [ts, te], text: summaryText, closeSpan };
    if (/[\r\n]/.test(summaryText)) block.anomalies.push({ kind: 'summary-multiline', span: [ts, te] });
    if (summaryText.length > 80 || (summaryText.length > 0 && !LABEL_LIKE.test(summaryText))) {
      block.anomalies.push({ kind: 'summary-content', span: [ts, te] });
      block.contentSpans.push([ts, te]);
    }
    covered.push([s.index, elementEnd]);
    pos = elementEnd;
  } else if (block.openSpan) {
    block.anomalies.push({ kind: 'summary-missing', span: block.openSpan });
  }

  P_OPEN.lastIndex = pos;
  let p: RegExpExecArray | null;
  while ((p = P_OPEN.exec(text)) && p.index < to) {
    const openTagSpan: Span = [p.index, p.index + p[0].length];
    P_END.lastIndex = openTagSpan[1];
    const e = P_END.exec(text);
    const closed = !!e && e.index < to && e[0].startsWith('</');
    const textEnd = e && e.index < to ? e.index : to;
    const elementEnd = closed && e ? e.index + e[0].length : textEnd;
    const cls = CLASS_ATTR.exec(p[0]);
    const para: EnglishParagraph = {
      span: [p.index, elementEnd],
      openTag: p[0],
      openTagSpan,
      className: cls ? cls[1] : null,
      textSpan: trim(text, openTagSpan[1], textEnd),
      closed,
    };
    block.paragraphs.push(para);
    if (!closed) block.anomalies.push({ kind: 'p-unclosed', span: openTagSpan });
    if (!/^<p class="[a-z]+-text">$/.test(p[0])) block.anomalies.push({ kind: 'p-open-tag', span: openTagSpan });
    if (para.textSpan[1] > para.textSpan[0]) block.contentSpans.push(para.textSpan);
    covered.push(para.span);
    P_OPEN.lastIndex = elementEnd;
  }
  if (block.paragraphs.length === 0 && !block.anomalies.some((a) => a.kind === 'summary-content')) {
    block.anomalies.push({ kind: 'p-missing', span: block.summary?.span ?? block.openSpan ?? block.span });
  }

  // What is left: stray tags, or loose text that a reader still sees as the English.
  let cursor = from;
  covered.push([to, to]);
  for (const c of covered) {
    looseIn(text, cursor, c[0], block);
    cursor = Math.max(cursor, c[1]);
  }
}

const TAG = /<\/?[^<>\n]*>?/g;

function looseIn(text: string, from: number, to: number, block: EnglishBlock): void {
  if (to <= from) return;
  TAG.lastIndex = from;
  let last = from;
  let t: RegExpExecArray | null;
  while ((t = TAG.exec(text)) && t.index < to) {
    addLoose(text, last, t.index, block);
    block.anomalies.push({ kind: 'stray-tag', span: [t.index, Math.min(to, t.index + t[0].length)] });
    last = t.index + t[0].length;
  }
  addLoose(text, last, to, block);
}

function addLoose(text: string, from: number, to: number, block: EnglishBlock): void {
  const [s, e] = trim(text, from, to);
  if (e > s) block.contentSpans.push([s, e]);
}

/**
 * `<details><summary>…</summary></details>` followed by the English paragraph
 * and a stray `</details>`: the block was closed too early. Take the paragraph
 * and the real close into the block, so pairing sees one block.
 */
function absorbPrematureClose(src: SourceText, block: EnglishBlock): void {
  const next = block.endLine + 1;
  if (next >= src.lineCount || !/^[ \t]*<p\b/i.test(src.lineText(next))) return;
  for (let l = next; l < Math.min(src.lineCount, next + 50); l++) {
    const lt = src.lineText(l);
    if (BLANK.test(lt) || (l > next && DETAILS_OPEN.test(lt))) return;
    if (/^[ \t]*<\/det[a-z]*[ \t]*[>\]]?[ \t]*$/i.test(lt)) {
      const premature = block.closeSpan!;
      block.anomalies = block.anomalies.filter((a) => a.kind !== 'p-missing' && a.kind !== 'close-tag');
      block.anomalies.push({ kind: 'premature-close', span: premature });
      const closeStart = src.lineStarts[l] + lt.search(/</);
      block.closeSpan = [closeStart, src.lineEnd(l)];
      block.span = [block.span[0], block.closeSpan[1]];
      block.endLine = l;
      readParagraphsAfter(src, block, premature[1], closeStart);
      return;
    }
  }
}

function readParagraphsAfter(src: SourceText, block: EnglishBlock, from: number, to: number): void {
  const tmp: EnglishBlock = { ...block, paragraphs: [], contentSpans: [], anomalies: [], summary: undefined, openSpan: null };
  readInside(src, tmp, from, to);
  block.paragraphs.push(...tmp.paragraphs);
  block.contentSpans.push(...tmp.contentSpans);
  block.anomalies.push(...tmp.anomalies.filter((a) => a.kind !== 'summary-missing'));
}

function trim(text: string, start: number, end: number): Span {
  while (start < end && /\s/.test(text[start])) start++;
  while (end > start && /\s/.test(text[end - 1])) end--;
  return [start, end];
}

function languageOfSpans(text: string, spans: Span[]): Language {
  if (spans.length === 0) return 'none';
  if (spans.length === 1) return languageOf(text, spans[0][0], spans[0][1]);
  return languageOf(spans.map((s) => text.slice(s[0], s[1])).join(' '));
}
