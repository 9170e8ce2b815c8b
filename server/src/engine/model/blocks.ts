/**
 * The body as a flat list of blocks with exact spans. A purpose-built line
 * scanner, not a CommonMark parser: it knows this format's shapes (and the
 * defects real posts have) and runs in linear time on every keystroke.
 */
import { languageOf, type Language, type SourceText, type Span } from '../text';
import { parseEnglishBlock, type EnglishBlock } from './englishBlock';

export type { EnglishBlock } from './englishBlock';

interface BlockBase {
  span: Span;
  startLine: number;
  endLine: number;
}

export interface HeadingBlock extends BlockBase {
  kind: 'heading';
  level: number;
  textSpan: Span;
  /** `###Title`: no space after the hashes. */
  missingSpace: boolean;
}

export interface ParagraphBlock extends BlockBase {
  kind: 'paragraph';
  /** A list item or block quote still reads as a paragraph of the post. */
  container: 'none' | 'list' | 'quote';
  lang: Language;
  /** The English block that follows it, once pairs are linked. */
  english?: EnglishBlock;
}

export interface HtmlBlock extends BlockBase {
  kind: 'html';
  /** `</details>` with no open block. */
  strayClose: boolean;
  comment: boolean;
}

export interface OtherBlock extends BlockBase {
  kind: 'code' | 'hr' | 'table';
}

export type Block = HeadingBlock | ParagraphBlock | EnglishBlock | HtmlBlock | OtherBlock;

const BLANK = /^[ \t]*$/;
const ATX = /^ {0,3}(#{1,6})([ \t]+|$)/;
const ATX_NO_SPACE = /^ {0,3}(#{2,6})(?=[^#\s])/;
const FENCE = /^ {0,3}(`{3,}|~{3,})/;
const HR = /^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$/;
const DETAILS_OPEN = /^[ \t]*<+details\b/i;
/** An English paragraph or a summary with no `<details>` before it still starts an English block. */
const HEADLESS_OPEN = /^[ \t]*<(?:p\b[^<>\n]*text|summary\b)/i;
const STRAY_CLOSE = /^[ \t]*<\/det[a-z]*\s*[>\]]?[ \t]*$/i;
const CLOSE_AT_START = /^[ \t]*<\/det[a-z]*(?:[ \t]*[>\]])?/i;
const HTML_START = /^ {0,3}<(?:\/?[a-zA-Z]|!--)/;
const LIST = /^ {0,3}(?:[-+*]|\d{1,9}[.)])(?:[ \t]|$)/;
const QUOTE = /^ {0,3}>/;
const TABLE = /^ {0,3}\|/;
/** `**Name:**`, `Name：`, `- [Name]` … opening a paragraph: left out when judging its language. */
const SPEAKER = /(?:[-*+>][ \t]*)*(?:\[[^\]\n]{1,40}\]|(?:\*\*)?[A-Za-z][\w .'\u2019&-]{0,40}?(?:\*\*)?[ \t]*[:\uff1a](?:\*\*)?)[ \t]*/y;

export interface ScanResult {
  blocks: Block[];
}

/** Scans the body, from `start` (after the front matter) to the end of the text. */
export function scanBlocks(src: SourceText, start: number): Block[] {
  const blocks: Block[] = [];
  const text = src.text;
  let line = start >= text.length ? src.lineCount : src.lineOf(start);
  // A block may begin mid-line (text glued after `</details>`).
  let lineOffset = start;
  const lineTextFrom = (l: number, from: number) => text.slice(from, src.lineEnd(l));

  while (line < src.lineCount) {
    const from = Math.max(lineOffset, src.lineStarts[line]);
    const t = lineTextFrom(line, from);
    lineOffset = 0;
    if (BLANK.test(t)) {
      line++;
      continue;
    }
    if (DETAILS_OPEN.test(t) || HEADLESS_OPEN.test(t)) {
      const open = from + t.search(/</);
      const block = parseEnglishBlock(src, open, line);
      blocks.push(block);
      if (block.gluedAfter) {
        line = block.endLine;
        lineOffset = block.gluedAfter[0];
      } else line = block.endLine + 1;
      continue;
    }
    const close = CLOSE_AT_START.exec(t);
    if (close) {
      // `</details>` with no block open; text after it on the line is read on.
      const tagStart = from + t.search(/</);
      const tagEnd = from + close[0].length;
      blocks.push({ kind: 'html', span: [tagStart, tagEnd], startLine: line, endLine: line, strayClose: true, comment: false });
      const rest = text.slice(tagEnd, src.lineEnd(line)).search(/\S/);
      if (rest >= 0) lineOffset = tagEnd + rest;
      else line++;
      continue;
    }
    const heading = ATX.exec(t) ?? ATX_NO_SPACE.exec(t);
    if (heading) {
      const end = src.lineEnd(line);
      const textStart = from + heading[0].length;
      blocks.push({
        kind: 'heading',
        span: [from + t.indexOf('#'), end],
        startLine: line,
        endLine: line,
        level: heading[1].length,
        textSpan: trimSpan(text, textStart, end),
        missingSpace: heading[2] === undefined,
      });
      line++;
      continue;
    }
    const fence = FENCE.exec(t);
    if (fence) {
      const marker = fence[1];
      let end = line + 1;
      while (end < src.lineCount && !src.lineText(end).trimStart().startsWith(marker)) end++;
      const last = Math.min(end, src.lineCount - 1);
      blocks.push({ kind: 'code', span: [from, src.lineEnd(last)], startLine: line, endLine: last });
      line = last + 1;
      continue;
    }
    if (HR.test(t)) {
      blocks.push({ kind: 'hr', span: [from, src.lineEnd(line)], startLine: line, endLine: line });
      line++;
      continue;
    }
    if (t.trimStart().startsWith('<!--')) {
      let end = line;
      while (end < src.lineCount - 1 && !src.lineText(end).includes('-->')) end++;
      blocks.push({ kind: 'html', span: [from, src.lineEnd(end)], startLine: line, endLine: end, strayClose: false, comment: true });
      line = end + 1;
      continue;
    }
    if (HTML_START.test(t) || TABLE.test(t)) {
      const kind = TABLE.test(t) ? 'table' : 'html';
      let end = line;
      while (end + 1 < src.lineCount && !BLANK.test(src.lineText(end + 1)) && !DETAILS_OPEN.test(src.lineText(end + 1))) end++;
      const span: Span = [from, src.lineEnd(end)];
      if (kind === 'table') blocks.push({ kind, span, startLine: line, endLine: end });
      else blocks.push({ kind, span, startLine: line, endLine: end, strayClose: false, comment: false });
      line = end + 1;
      continue;
    }
    // A paragraph: runs until a blank line or a line that starts another block.
    let end = line;
    while (end + 1 < src.lineCount) {
      const next = src.lineText(end + 1);
      if (BLANK.test(next) || DETAILS_OPEN.test(next) || HEADLESS_OPEN.test(next) || STRAY_CLOSE.test(next)) break;
      if (ATX.test(next) || FENCE.test(next) || next.trimStart().startsWith('<!--')) break;
      end++;
    }
    const span = trimSpan(text, from, src.lineEnd(end));
    blocks.push({
      kind: 'paragraph',
      span,
      startLine: line,
      endLine: end,
      container: LIST.test(t) ? 'list' : QUOTE.test(t) ? 'quote' : 'none',
      lang: paragraphLanguage(text, span),
    });
    line = end + 1;
  }
  return blocks;
}

/** Where a paragraph's text starts after a speaker label (`**Name:**`, `Name：`, `[Name]`), or its start. */
export function afterSpeakerLabel(text: string, span: Span): number {
  // Sticky: a match starts at span[0]; `test` makes no match object (this runs for every paragraph, several times).
  SPEAKER.lastIndex = span[0];
  return SPEAKER.test(text) && SPEAKER.lastIndex < span[1] ? SPEAKER.lastIndex : span[0];
}

/** A paragraph's language, not counting a speaker label that opens it. */
export function paragraphLanguage(text: string, span: Span): Language {
  const start = afterSpeakerLabel(text, span);
  if (start > span[0]) {
    const lang = languageOf(text, start, span[1]);
    if (lang !== 'none') return lang;
  }
  return languageOf(text, span[0], span[1]);
}

export function trimSpan(text: string, start: number, end: number): Span {
  while (start < end && isSpace(text.charCodeAt(start))) start++;
  while (end > start && isSpace(text.charCodeAt(end - 1))) end--;
  return [start, end];
}

function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13;
}

export { BLANK, DETAILS_OPEN, STRAY_CLOSE, ATX };
