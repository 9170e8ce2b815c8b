/**
 * Offsets and positions. Every range in the engine is a pair of UTF-16
 * offsets into the original text (JavaScript strings are UTF-16, so an
 * offset is already what LSP counts). Lines end at \r\n, \n or \r, as LSP
 * says; a leading BOM is not part of the first line's columns.
 */

export interface Position {
  /** 0-based line. */
  line: number;
  /** 0-based UTF-16 column. */
  character: number;
}

export interface Range {
  start: Position;
  end: Position;
}

/** [start, end) offsets into the original text. */
export type Span = readonly [number, number];

export class SourceText {
  readonly text: string;
  /** Offset where each line starts (line 0 starts after a BOM). */
  readonly lineStarts: number[];
  /** 1 when the text starts with a BOM. */
  readonly bomLength: number;

  constructor(text: string) {
    this.text = text;
    this.bomLength = text.charCodeAt(0) === 0xfeff ? 1 : 0;
    const starts = [this.bomLength];
    if (text.indexOf('\r') < 0) {
      // Without a CR every line ends at \n, found by the engine's native search.
      for (let i = text.indexOf('\n', this.bomLength); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
    } else {
      const n = text.length;
      for (let i = this.bomLength; i < n; i++) {
        const c = text.charCodeAt(i);
        if (c === 10) starts.push(i + 1);
        else if (c === 13) {
          if (text.charCodeAt(i + 1) === 10) i++;
          starts.push(i + 1);
        }
      }
    }
    this.lineStarts = starts;
  }

  get lineCount(): number {
    return this.lineStarts.length;
  }

  /** Offset just past the line's content, before its line break. */
  lineEnd(line: number): number {
    const next = line + 1 < this.lineStarts.length ? this.lineStarts[line + 1] : this.text.length;
    let end = next;
    if (end > this.lineStarts[line] && this.text.charCodeAt(end - 1) === 10) end--;
    if (end > this.lineStarts[line] && this.text.charCodeAt(end - 1) === 13) end--;
    return end;
  }

  lineText(line: number): string {
    return this.text.slice(this.lineStarts[line], this.lineEnd(line));
  }

  lineOf(offset: number): number {
    const starts = this.lineStarts;
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  positionAt(offset: number): Position {
    const clamped = Math.max(this.bomLength, Math.min(offset, this.text.length));
    const line = this.lineOf(clamped);
    return { line, character: clamped - this.lineStarts[line] };
  }

  offsetAt(pos: Position): number {
    if (pos.line < 0) return this.bomLength;
    if (pos.line >= this.lineStarts.length) return this.text.length;
    return Math.min(this.lineStarts[pos.line] + Math.max(0, pos.character), this.lineEnd(pos.line));
  }

  rangeOf(span: Span): Range {
    return { start: this.positionAt(span[0]), end: this.positionAt(span[1]) };
  }

  /** The line-break sequence the text mostly uses, for inserted lines. */
  get eol(): string {
    const i = this.text.indexOf('\n');
    if (i > 0 && this.text.charCodeAt(i - 1) === 13) return '\r\n';
    if (i < 0 && this.text.indexOf('\r') >= 0) return '\r';
    return '\n';
  }
}

const CJK = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u3000-\u303f\uff00-\uffef]/;

/** What a text is written in, counted in one pass. */
export interface ScriptCounts {
  /** Han characters. */
  han: number;
  /** Latin letters. */
  latin: number;
  /** Latin words (runs of letters). */
  words: number;
  /** CJK and full-width punctuation (。，！？：、《》…), a sign of Chinese even without Han. */
  cjkPunct: number;
  /** Han characters and Latin words inside closed full-width parentheses （…）: glosses carry the other language. */
  glossHan: number;
  glossWords: number;
}

function isHan(c: number): boolean {
  return (c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf) || (c >= 0xf900 && c <= 0xfaff);
}

function isCjkPunct(c: number): boolean {
  if (c >= 0x3000 && c <= 0x303f) return true;
  if (c < 0xff01 || c > 0xff65) return false;
  // Full-width digits and letters are not punctuation.
  return !((c >= 0xff10 && c <= 0xff19) || (c >= 0xff21 && c <= 0xff3a) || (c >= 0xff41 && c <= 0xff5a));
}

/** Counts the signals of a text's language: Han characters, Latin letters and words, CJK punctuation, glosses. */
export function scriptCounts(text: string, start = 0, end = text.length): ScriptCounts {
  let han = 0;
  let latin = 0;
  let words = 0;
  let cjkPunct = 0;
  let glossHan = 0;
  let glossWords = 0;
  // Counts inside the open full-width parenthesis; they become gloss counts when it closes.
  let depth = 0;
  let pendingHan = 0;
  let pendingWords = 0;
  let inWord = false;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c < 128) {
      if ((c >= 97 && c <= 122) || (c >= 65 && c <= 90)) {
        latin++;
        if (!inWord) {
          words++;
          if (depth > 0) pendingWords++;
          inWord = true;
        }
      } else inWord = false;
      continue;
    }
    inWord = false;
    if (isHan(c)) {
      han++;
      if (depth > 0) pendingHan++;
    } else if (isCjkPunct(c)) {
      cjkPunct++;
      if (c === 0xff08) depth++;
      else if (c === 0xff09 && depth > 0 && --depth === 0) {
        glossHan += pendingHan;
        glossWords += pendingWords;
        pendingHan = pendingWords = 0;
      }
    }
  }
  return { han, latin, words, cjkPunct, glossHan, glossWords };
}

export function isCjkChar(ch: string): boolean {
  return CJK.test(ch);
}

export type Language = 'zh' | 'en' | 'none';

/**
 * The language a reader sees. Glosses （…） are left out when there is text
 * outside them: an English sentence with a pasted Chinese gloss is English, a
 * Chinese sentence glossing an English term is Chinese. One Han character
 * weighs two Latin words: Chinese is dense, and translations keep names in
 * Latin letters (`这是Allen Pan。` is Chinese).
 */
export function languageOf(text: string, start = 0, end = text.length): Language {
  return languageOfCounts(scriptCounts(text, start, end));
}

export function languageOfCounts(c: ScriptCounts): Language {
  let han = c.han - c.glossHan;
  let words = c.words - c.glossWords;
  if (han + words === 0) {
    han = c.han;
    words = c.words;
  }
  if (han + words === 0) return c.cjkPunct > 0 ? 'zh' : 'none';
  return han * 2 >= words ? 'zh' : 'en';
}

/** Markdown-escapes text so its own markup (`**`, `<p>`, a pipe) shows as written. */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]<>#|~]/g, '\\$&');
}
