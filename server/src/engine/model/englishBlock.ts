/**
 * One `<details>` English block, read tolerantly: real posts misspell its
 * tags, leave it open, split it with blank lines or put it on one line. The
 * reader records what it found and every deviation from the canonical form
 * (as `anomalies`), so rules can explain them and fixes can target them.
 * Every regular expression here runs over the block's own text, never past
 * it, so reading all blocks stays linear in the post's length.
 */
import { languageOf, type Language, type SourceText, type Span } from '../text';
import { LABEL_WORD, countWords, languageOfSpans, trim } from './blockText';
import { readCanonical } from './canonicalBlock';

export type AnomalyKind =
  | 'open-tag' // `<details` without `>`, `<<details>`, attributes
  | 'no-details' // a `<p class="…-text">` or `<summary>` with no `<details>` before it
  | 'summary-missing'
  | 'summary-close' // closed by `</p>` or a corrupted tag, or not closed
  | 'summary-multiline'
  | 'summary-content' // English text put inside `<summary>`
  | 'p-missing'
  | 'p-open-tag' // a class other than `english-text`/`chinese-text`, a bare or broken tag
  | 'p-unclosed'
  | 'close-tag' // `</detais>`, `</details` …
  | 'unclosed' // never closed before the next block or the end
  | 'blank-line' // a blank line inside the block splits it for Markdown
  | 'stray-tag' // `</text>`, an extra `</p>`, a tag corrupted by pasted text …
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

const OPEN_TAG = /<+details\b[^<>\n]*>?/iy;
const START_TAG = /<[a-z]+\b[^<>\n]*>?/iy;
const TAG_TOKENS = /<\/det[a-z]*(?:[ \t]*[>\]])?|<\/?p\b[^<>\n]*>?/gi;
const BLANK = /^[ \t]*$/;
const DETAILS_OPEN = /^[ \t]*<+details\b/i;
const HEADING = /^ {0,3}#{1,6}([ \t]|$)/;
const CONTINUES_BLOCK = /^[ \t]*<\/?(p|summary|det)/i;
const DAMAGED_CLOSE = /^[ \t]*<\/(?=[^\s<>a-z])/i;
/** A line that starts with a tag, or with something tag-like closed by `>` (`</粘贴>`). */
const TAG_LINE = /^[ \t]*<\/?(?:[a-z]|[^\s<>][^<>\n]*>)/i;
/** How far a blank-line look-ahead may go: a run of blank lines longer than this ends the block. */
const MAX_BLANK_RUN = 200;

/** Lets tests compare the fast path for canonical blocks with the general reader. */
export const englishBlockReader = { fastPath: true };

/** Reads the block that opens at `open` (on `line`): at `<details`, or at a `<p …>`/`<summary>` without one. */
export function parseEnglishBlock(src: SourceText, open: number, line: number): EnglishBlock {
  if (englishBlockReader.fastPath) {
    const canonical = readCanonical(src, open, line);
    if (canonical) return canonical;
  }
  const text = src.text;
  const anomalies: Anomaly[] = [];
  let openSpan: Span | null = null;
  OPEN_TAG.lastIndex = open;
  const m = OPEN_TAG.exec(text);
  if (m) {
    openSpan = [open, open + m[0].length];
    if (m[0] !== '<details>') anomalies.push({ kind: 'open-tag', span: openSpan });
  } else {
    START_TAG.lastIndex = open;
    const start = START_TAG.exec(text);
    anomalies.push({ kind: 'no-details', span: [open, start ? open + start[0].length : src.lineEnd(line)] });
  }

  // 1. The block's extent.
  let inP = false;
  let pTextStart = -1;
  let seenPClose = false;
  let closeSpan: Span | null = null;
  let gluedAfter: Span | undefined;
  let lastLine = line;
  let end = src.lineEnd(line);
  const blanks: Span[] = [];
  let nextNonBlankLine = -1;
  scan: for (let l = line; l < src.lineCount; l++) {
    const lineStart = l === line ? (openSpan ? openSpan[1] : open) : src.lineStarts[l];
    const lineEnd = src.lineEnd(l);
    const lt = text.slice(lineStart, lineEnd);
    if (l > line) {
      if (BLANK.test(lt)) {
        if (nextNonBlankLine <= l) nextNonBlankLine = nextNonBlank(src, l + 1);
        if (nextNonBlankLine < 0) break;
        const next = src.lineText(nextNonBlankLine);
        if (HEADING.test(next) || DETAILS_OPEN.test(next)) break;
        if (!CONTINUES_BLOCK.test(next)) {
          if (!inP) break;
          // An unclosed English `<p>` does not run on into the next Chinese paragraph.
          // Both judged on a bounded sample, so long runs of blank lines stay linear.
          const nextStart = src.lineStarts[nextNonBlankLine];
          const pLang = languageOf(text, pTextStart, Math.min(src.lineEnd(src.lineOf(pTextStart)), pTextStart + 400));
          if (pLang === 'en' && languageOf(text, nextStart, Math.min(src.lineEnd(nextNonBlankLine), nextStart + 400)) === 'zh') break;
        }
        blanks.push([src.lineStarts[l], lineEnd]);
        continue;
      }
      if (DETAILS_OPEN.test(lt) || HEADING.test(lt)) break;
      // Outside `<p>`, a line of text ends the block once its paragraph closed (or when it never had `<details>`).
      if (!inP && !TAG_LINE.test(lt) && (!openSpan || seenPClose)) {
        // `</` then text, after the paragraph closed: a `</details>` damaged by pasted text.
        const damaged = openSpan && seenPClose ? DAMAGED_CLOSE.exec(lt) : null;
        if (damaged) {
          const at = src.lineStarts[l] + damaged[0].length - 2;
          closeSpan = [at, at + 2];
          gluedAfter = [at + 2, lineEnd];
          lastLine = l;
          end = at + 2;
        }
        break;
      }
    }
    lastLine = l;
    end = lineEnd;
    TAG_TOKENS.lastIndex = 0;
    let tok: RegExpExecArray | null;
    while ((tok = TAG_TOKENS.exec(lt))) {
      const t = tok[0].toLowerCase();
      if (t.startsWith('</det')) {
        closeSpan = [lineStart + tok.index, lineStart + tok.index + tok[0].length];
        end = closeSpan[1];
        const rest = lt.slice(tok.index + tok[0].length);
        const restStart = rest.search(/\S/);
        if (restStart >= 0) gluedAfter = [closeSpan[1] + restStart, lineEnd];
        break scan;
      }
      if (t.startsWith('</')) {
        inP = false;
        seenPClose = true;
      } else {
        inP = true;
        pTextStart = lineStart + tok.index + tok[0].length;
      }
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
  if (openSpan && !closeSpan) anomalies.push({ kind: 'unclosed', span: openSpan });
  if (closeSpan && text.slice(closeSpan[0], closeSpan[1]) !== '</details>') anomalies.push({ kind: 'close-tag', span: closeSpan });
  for (const b of blanks) if (b[0] < end) anomalies.push({ kind: 'blank-line', span: b });
  if (gluedAfter) anomalies.push({ kind: 'glued-text', span: gluedAfter });

  // 2. Its inside.
  readInside(src, block, openSpan ? openSpan[1] : open, closeSpan ? closeSpan[0] : end);
  if (openSpan && closeSpan && !gluedAfter && block.contentSpans.length === 0) absorbPrematureClose(src, block);
  block.contentLang = languageOfSpans(text, block.contentSpans);
  return block;
}

function nextNonBlank(src: SourceText, from: number): number {
  const last = Math.min(src.lineCount, from + MAX_BLANK_RUN);
  for (let l = from; l < last; l++) if (!BLANK.test(src.lineText(l))) return l;
  return -1;
}

const SUMMARY_OPEN = /<summary\b[^<>\n]*>?/i;
// A `<p …>` tag, or one that lost its `<` at the start of a line (`p class="english-text">`).
const P_OPEN = /<p\b[^<>\n]*>?|\np[ \t]+class[^<>\n]*>/gi;
const P_END = /<\/p\s*>|<p\b/gi;
const CLASS_ATTR = /class\s*=\s*"([^"]*)"?/i;
const ACCEPTED_P = /^<p class="(?:english|chinese)-text">$/;

/** Reads what lies between `from` and `to` (offsets into the text): summary, paragraphs, loose text. */
function readInside(src: SourceText, block: EnglishBlock, from: number, to: number): void {
  const text = src.text;
  const s = text.slice(from, to);
  const covered: Span[] = [];
  let pos = 0;
  P_OPEN.lastIndex = 0;
  const firstP = P_OPEN.exec(s);
  const firstPAt = firstP ? firstP.index : s.length;

  const sm = SUMMARY_OPEN.exec(s);
  if (sm && sm.index < firstPAt) {
    const textStart = sm.index + sm[0].length;
    let lt = s.indexOf('<', textStart);
    if (lt < 0) lt = s.length;
    let closeSpan: Span | null = null;
    let elementEnd = lt;
    if (lt < s.length && s.charCodeAt(lt + 1) === 47 /* / */) {
      let gt = lt;
      while (gt < s.length && s.charCodeAt(gt) !== 62 && s.charCodeAt(gt) !== 10) gt++;
      elementEnd = gt < s.length && s.charCodeAt(gt) === 62 ? gt + 1 : gt;
      closeSpan = [from + lt, from + elementEnd];
      if (s.slice(lt, elementEnd) !== '</summary>') block.anomalies.push({ kind: 'summary-close', span: closeSpan });
    } else {
      block.anomalies.push({ kind: 'summary-close', span: [from + sm.index, from + textStart] });
    }
    const [ts, te] = trim(text, from + textStart, from + lt);
    const summaryText = text.slice(ts, te);
    block.summary = { span: [from + sm.index, from + elementEnd], textSpan: [ts, te], text: summaryText, closeSpan };
    if (closeSpan && /[\r\n]/.test(s.slice(sm.index, lt))) block.anomalies.push({ kind: 'summary-multiline', span: block.summary.span });
    if (summaryText.length > 60 || countWords(summaryText) > 6 || (summaryText.length > 0 && !LABEL_WORD.test(summaryText))) {
      block.anomalies.push({ kind: 'summary-content', span: [ts, te] });
      block.contentSpans.push([ts, te]);
    }
    covered.push([from + sm.index, from + elementEnd]);
    pos = elementEnd;
  } else if (block.openSpan) {
    block.anomalies.push({ kind: 'summary-missing', span: block.openSpan });
  }

  P_OPEN.lastIndex = pos;
  let p: RegExpExecArray | null;
  while ((p = P_OPEN.exec(s))) {
    let at = p.index;
    let tag = p[0];
    if (tag.charCodeAt(0) === 10) {
      at++;
      tag = tag.slice(1);
    }
    const openTagSpan: Span = [from + at, from + at + tag.length];
    P_END.lastIndex = at + tag.length;
    const e = P_END.exec(s);
    const closed = !!e && e[0].startsWith('</');
    const textEnd = e ? e.index : s.length;
    const elementEnd = closed && e ? e.index + e[0].length : textEnd;
    const cls = CLASS_ATTR.exec(tag);
    const para: EnglishParagraph = {
      span: [from + at, from + elementEnd],
      openTag: tag,
      openTagSpan,
      className: cls ? cls[1] : null,
      textSpan: trim(text, openTagSpan[1], from + textEnd),
      closed,
    };
    block.paragraphs.push(para);
    if (!closed) block.anomalies.push({ kind: 'p-unclosed', span: openTagSpan });
    if (!ACCEPTED_P.test(tag)) block.anomalies.push({ kind: 'p-open-tag', span: openTagSpan });
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
  const s = text.slice(from, to);
  TAG.lastIndex = 0;
  let last = 0;
  let t: RegExpExecArray | null;
  while ((t = TAG.exec(s))) {
    addLoose(text, from + last, from + t.index, block);
    block.anomalies.push({ kind: 'stray-tag', span: [from + t.index, from + t.index + t[0].length] });
    last = t.index + t[0].length;
    if (t[0].length === 0) TAG.lastIndex++;
  }
  addLoose(text, from + last, to, block);
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
      if (src.text.slice(block.closeSpan[0], block.closeSpan[1]) !== '</details>')
        block.anomalies.push({ kind: 'close-tag', span: block.closeSpan });
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
  block.anomalies.push(...tmp.anomalies);
}
