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
    const n = text.length;
    for (let i = this.bomLength; i < n; i++) {
      const c = text.charCodeAt(i);
      if (c === 10) starts.push(i + 1);
      else if (c === 13) {
        if (text.charCodeAt(i + 1) === 10) i++;
        starts.push(i + 1);
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

/** Counts Han characters and Latin letters, the two signals of a paragraph's language. */
export function scriptCounts(text: string, start = 0, end = text.length): { han: number; latin: number } {
  let han = 0;
  let latin = 0;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if ((c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf) || (c >= 0xf900 && c <= 0xfaff)) han++;
    else if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122)) latin++;
  }
  return { han, latin };
}

export function isCjkChar(ch: string): boolean {
  return CJK.test(ch);
}

export type Language = 'zh' | 'en' | 'none';

/**
 * The language a reader sees: Chinese as soon as Han characters make up a
 * fair share (one Han character carries about as much as a short English word).
 */
export function languageOf(text: string, start = 0, end = text.length): Language {
  const { han, latin } = scriptCounts(text, start, end);
  if (han === 0 && latin === 0) return 'none';
  return han * 3 >= latin ? 'zh' : 'en';
}
