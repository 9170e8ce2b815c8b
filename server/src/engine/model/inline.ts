/**
 * What the gloss and entity rules read inside a Chinese paragraph: code spans
 * (never linted), bold spans as the author paired them, their glosses, name
 * glosses such as `沙尔贝克（Schaerbeek）`, and a speaker label opening the
 * paragraph. One linear pass over the paragraph; every scan ahead is bounded.
 */
import type { Span } from '../text';

export interface Gloss {
  /** From the opening to the closing parenthesis (or just the opening one, when it is never closed). */
  span: Span;
  innerSpan: Span;
  open: string;
  close: string | null;
}

export interface Bold {
  /** `**…**` (for a `***…***` run, the two stars nearest the text). */
  span: Span;
  innerSpan: Span;
  /** The whole star runs as written, `***` included. */
  openRun: Span;
  closeRun: Span;
  /**
   * The gloss right after the closing `**` (spaces allowed between), or after a
   * closing quote that matches one before the bold: `“**术语**”（Term: …）`.
   */
  gloss?: Gloss;
  /** A gloss written inside the bold: `**旨在帮助（Aim to Assist）**`, `**绑定 (Bindings)**`. */
  innerGloss?: Gloss;
  /** Inside a parenthesis: `基金（**Norges Bank**: …）` is a glossed name, not a term. */
  insideParen: boolean;
  /** A speaker label or a lead-in ending in a colon: not a term. */
  label: boolean;
}

export interface NameGloss {
  /** The Chinese run before the parenthesis (a best guess at the name's extent). */
  zhSpan: Span;
  /** The English name inside, up to a colon or comma. */
  enSpan: Span;
  gloss: Gloss;
}

export interface Inline {
  codeSpans: Span[];
  bolds: Bold[];
  nameGlosses: NameGloss[];
  /** `**Name:**`, `**Name**：` or `Name: ` opening the paragraph. */
  speaker?: {
    span: Span;
    name: string;
    /** `**Name: text` whose bold was never closed. */
    unclosed?: boolean;
  };
  /** `**` runs left without a partner on their line (an odd count): the site prints them. */
  strayStars: Span[];
}

/** A gloss longer than this is taken as never closed (bounds every scan). */
const MAX_GLOSS = 1000;
function isHan(c: number): boolean {
  return (c >= 0x3400 && c <= 0x9fff) || (c >= 0xf900 && c <= 0xfaff);
}
const LATIN_START = /^[ \t]*\**[A-Za-z]/;
const CLOSING_MARK: Record<string, string> = { '”': '“', '’': '‘', '」': '「', '』': '『', '》': '《', '〉': '〈', '"': '"', "'": "'" };

interface StarRun {
  start: number;
  end: number;
  line: number;
  parenDepth: number;
}

export function parseInline(text: string, span: Span): Inline {
  const [start, end] = span;
  const codeSpans = scanCodeSpans(text, start, end);
  const runs: StarRun[] = [];
  /** Every opening parenthesis, in order, and its closing one (-1: not closed on its line). */
  const opens: number[] = [];
  const closes: number[] = [];
  const parenOpens: number[] = [];
  const stack: number[] = [];
  let line = 0;
  let code = 0;
  for (let i = start; i < end; i++) {
    while (code < codeSpans.length && codeSpans[code][0] < i) code++;
    if (code < codeSpans.length && i === codeSpans[code][0]) {
      i = codeSpans[code++][1] - 1;
      continue;
    }
    const c = text.charCodeAt(i);
    if (c === 92 /* \ */) {
      i++; // an escaped character is plain text
    } else if (c === 42 /* * */) {
      let j = i;
      while (j < end && text.charCodeAt(j) === 42) j++;
      if (j - i >= 2 && j - i <= 3) runs.push({ start: i, end: j, line, parenDepth: stack.length });
      i = j - 1;
    } else if (c === 0xff08 /* （ */ || c === 40 /* ( */) {
      stack.push(opens.length);
      opens.push(i);
      closes.push(-1);
      if (c === 0xff08) parenOpens.push(i);
    } else if (c === 0xff09 /* ） */ || c === 41 /* ) */) {
      const k = stack.pop();
      if (k !== undefined && i - opens[k] <= MAX_GLOSS) closes[k] = i;
    } else if (c === 10 || c === 13) {
      // A gloss never spans lines; nor does a bold as authors write them.
      stack.length = 0;
      if (!(c === 13 && text.charCodeAt(i + 1) === 10)) line++;
    }
  }

  const glossFrom = (at: number, limit: number): Gloss | undefined => glossWithMap(text, at, limit, opens, closes);
  const bolds: Bold[] = [];
  const strayStars: Span[] = [];
  for (const [o, c] of pairRuns(text, runs, start, end, strayStars)) {
    const open = o.end - o.start === 3 ? o.start + 1 : o.start;
    const close = c.start;
    const bold: Bold = {
      span: [open, close + 2],
      innerSpan: [open + 2, close],
      openRun: [o.start, o.end],
      closeRun: [c.start, c.end],
      insideParen: o.parenDepth > 0,
      label: false,
    };
    const gloss = glossFrom(c.end, end) ?? glossAfterQuote(text, o.start, c.end, end, glossFrom);
    if (gloss) bold.gloss = gloss;
    // With a gloss after it, a parenthesis inside is part of the term: `**强化学习（RL）**（…）`.
    const innerGloss = gloss ? undefined : innerGlossOf(text, open + 2, close, glossFrom);
    if (innerGloss) bold.innerGloss = innerGloss;
    const after = text.charCodeAt(c.end);
    const lastInner = text.charCodeAt(close - 1);
    bold.label = after === 0xff1a || after === 58 || lastInner === 0xff1a || lastInner === 58;
    bolds.push(bold);
  }

  const inline: Inline = { codeSpans, bolds, nameGlosses: nameGlosses(text, parenOpens, bolds, glossFrom, end), strayStars };
  const speaker = speakerAt(text, start, end, bolds[0], strayStars[0]);
  if (speaker) inline.speaker = speaker;
  return inline;
}

/**
 * Pairs `**` runs the way the author meant them: in order, on their line. On a
 * line with an odd count, the stray run is the first one whose removal leaves
 * only plausible pairs (an opener before text, a closer after text); linear.
 */
function pairRuns(text: string, runs: StarRun[], start: number, end: number, strays: Span[]): [StarRun, StarRun][] {
  const pairs: [StarRun, StarRun][] = [];
  let from = 0;
  while (from < runs.length) {
    let to = from;
    while (to < runs.length && runs[to].line === runs[from].line) to++;
    const line = runs.slice(from, to);
    let stray = -1;
    if (line.length % 2 === 1) stray = strayIndex(text, line, start, end);
    const kept = stray < 0 ? line : line.filter((_, k) => k !== stray);
    if (stray >= 0) strays.push([line[stray].start, line[stray].end]);
    for (let k = 0; k + 1 < kept.length; k += 2) pairs.push([kept[k], kept[k + 1]]);
    from = to;
  }
  return pairs;
}

function strayIndex(text: string, line: StarRun[], start: number, end: number): number {
  const m = line.length;
  const opens = (r: StarRun) => r.end < end && !isSpaceOrBreak(text.charCodeAt(r.end));
  const closes = (r: StarRun) => r.start > start && !isSpaceOrBreak(text.charCodeAt(r.start - 1));
  const ok = (a: StarRun, b: StarRun) => opens(a) && closes(b);
  // prefixOk[k]: runs 0..k-1 pair up plausibly (k even); suffixOk[k]: runs k..m-1 do.
  const prefixOk: boolean[] = [true];
  for (let k = 2; k <= m; k += 2) prefixOk[k] = prefixOk[k - 2] && ok(line[k - 2], line[k - 1]);
  const suffixOk: boolean[] = [];
  suffixOk[m] = true;
  for (let k = m - 2; k >= 0; k -= 2) suffixOk[k] = suffixOk[k + 2] && ok(line[k], line[k + 1]);
  for (let k = 0; k < m; k += 2) if (prefixOk[k] && suffixOk[k + 1]) return k;
  return m - 1;
}

function isSpaceOrBreak(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13 || c === 0x3000;
}

/** Code spans: a run of n backticks up to the next run of exactly n (linear: one pointer per length). */
export function scanCodeSpans(text: string, start: number, end: number): Span[] {
  const runs: { at: number; len: number }[] = [];
  for (let i = start; i < end; i++) {
    if (text.charCodeAt(i) !== 96) continue;
    let j = i;
    while (j < end && text.charCodeAt(j) === 96) j++;
    runs.push({ at: i, len: j - i });
    i = j;
  }
  if (runs.length < 2) return [];
  const byLength = new Map<number, number[]>();
  runs.forEach((r, k) => {
    const list = byLength.get(r.len);
    if (list) list.push(k);
    else byLength.set(r.len, [k]);
  });
  const cursor = new Map<number, number>();
  const spans: Span[] = [];
  for (let k = 0; k < runs.length; k++) {
    const r = runs[k];
    if (r.at > start && text.charCodeAt(r.at - 1) === 92 && !escapedBackslash(text, r.at - 1, start)) continue;
    const list = byLength.get(r.len)!;
    let p = cursor.get(r.len) ?? 0;
    while (p < list.length && list[p] <= k) p++;
    cursor.set(r.len, p);
    if (p >= list.length) continue;
    const closer = runs[list[p]];
    spans.push([r.at, closer.at + closer.len]);
    while (k + 1 < runs.length && runs[k + 1].at < closer.at + closer.len) k++;
  }
  return spans;
}

/** Whether the backslash at `at` is itself escaped (an odd run of backslashes before it). */
function escapedBackslash(text: string, at: number, start: number): boolean {
  let n = 0;
  for (let i = at - 1; i >= start && text.charCodeAt(i) === 92; i--) n++;
  return n % 2 === 1;
}

/** A gloss starting at `at` (after optional spaces), with nested parentheses. */
export function glossAt(text: string, at: number, end: number): Gloss | undefined {
  let i = at;
  while (i < end && (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 9)) i++;
  const c = text[i];
  if (c !== '（' && c !== '(') return undefined;
  const limit = Math.min(end, i + MAX_GLOSS);
  let depth = 0;
  for (let j = i; j < limit; j++) {
    const d = text[j];
    if (d === '（' || d === '(') depth++;
    else if (d === '）' || d === ')') {
      depth--;
      if (depth === 0) return { span: [i, j + 1], innerSpan: [i + 1, j], open: c, close: d };
    } else if (d === '\n' || d === '\r') break;
  }
  return { span: [i, i + 1], innerSpan: [i + 1, i + 1], open: c, close: null };
}

/** `glossAt` with the parentheses already matched by the paragraph pass. */
function glossWithMap(text: string, at: number, end: number, opens: number[], closes: number[]): Gloss | undefined {
  let i = at;
  while (i < end && (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 9)) i++;
  const c = text[i];
  if (i >= end || (c !== '（' && c !== '(')) return undefined;
  // Binary search: the parenthesis at `i` among the paragraph's opening ones.
  let lo = 0;
  let hi = opens.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (opens[mid] < i) lo = mid + 1;
    else hi = mid;
  }
  const j = opens[lo] === i ? closes[lo] : -1;
  if (j < 0 || j >= end) return { span: [i, i + 1], innerSpan: [i + 1, i + 1], open: c, close: null };
  return { span: [i, j + 1], innerSpan: [i + 1, j], open: c, close: text[j] };
}

/**
 * Where a gloss for this bold belongs: right after its closing `**`, or after
 * the closing quote when a quote wraps the bold (`“**术语**”（…）`).
 */
export function glossSlot(text: string, bold: Bold): number {
  const end = bold.closeRun[1];
  const opener = CLOSING_MARK[text[end]];
  return opener && text[bold.openRun[0] - 1] === opener ? end + 1 : end;
}

/** `“**术语**”（…）`: the gloss follows the quote that wraps the bold. */
function glossAfterQuote(
  text: string,
  runStart: number,
  runEnd: number,
  end: number,
  glossFrom: (at: number, limit: number) => Gloss | undefined,
): Gloss | undefined {
  const mark = text[runEnd];
  const opener = CLOSING_MARK[mark];
  if (!opener || text[runStart - 1] !== opener) return undefined;
  return glossFrom(runEnd + 1, end);
}

/** The gloss at the end of a bold's text: `**旨在帮助（Aim to Assist）**`. */
function innerGlossOf(
  text: string,
  from: number,
  to: number,
  glossFrom: (at: number, limit: number) => Gloss | undefined,
): Gloss | undefined {
  for (let i = from + 1; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c !== 0xff08 && c !== 40) continue;
    const g = glossFrom(i, to);
    if (g && (!g.close || g.span[1] === to || text.slice(g.span[1], to).trim() === '')) return g;
    return undefined;
  }
  return undefined;
}

function nameGlosses(
  text: string,
  opens: number[],
  bolds: Bold[],
  glossFrom: (at: number, limit: number) => Gloss | undefined,
  end: number,
): NameGloss[] {
  const out: NameGloss[] = [];
  if (opens.length === 0) return out;
  const boldGlossAt = new Set<number>();
  for (const b of bolds) if (b.gloss) boldGlossAt.add(b.gloss.span[0]);
  for (const at of opens) {
    if (!isHan(text.charCodeAt(at - 1)) || boldGlossAt.has(at)) continue;
    const gloss = glossFrom(at, end);
    if (!gloss || !gloss.close) continue;
    if (!LATIN_START.test(text.slice(gloss.innerSpan[0], gloss.innerSpan[0] + 4))) continue;
    let s = gloss.innerSpan[0];
    while (text[s] === ' ' || text[s] === '*') s++;
    let e = s;
    while (e < gloss.innerSpan[1] && !/[:：,，;；（(]/.test(text[e])) e++;
    while (e > s && (text[e - 1] === ' ' || text[e - 1] === '*')) e--;
    let zs = at;
    while (zs > 0 && at - zs < 12 && isHan(text.charCodeAt(zs - 1))) zs--;
    out.push({ zhSpan: [zs, at], enSpan: [s, e], gloss });
  }
  return out;
}

const PLAIN_LABEL = /^(?:>>\s*)?([A-Z][A-Za-z.'-]*(?: [A-Z][A-Za-z.'-]*){0,3})[:：]/;

function speakerAt(text: string, start: number, end: number, first: Bold | undefined, stray: Span | undefined): Inline['speaker'] {
  let s = start;
  if (text.startsWith('>>', s)) s += 2;
  while (text[s] === ' ') s++;
  if (first && first.openRun[0] === s && first.label && first.span[1] - s < 60) {
    const name = text
      .slice(first.innerSpan[0], first.innerSpan[1])
      .replace(/[:：]\s*$/, '')
      .trim();
    let e = first.closeRun[1];
    if (text[e] === ':' || text[e] === '：') e++;
    return { span: [s, e], name };
  }
  if (stray && stray[0] === s) {
    // `**NAME: text` with the closing `**` forgotten.
    const m = PLAIN_LABEL.exec(text.slice(stray[1], Math.min(end, stray[1] + 60)));
    if (m) return { span: [s, stray[1] + m[0].length], name: m[1], unclosed: true };
  }
  const c = text.charCodeAt(s);
  if (!(c >= 65 && c <= 90)) return undefined; // a label starts with a capital
  const m = PLAIN_LABEL.exec(text.slice(start, Math.min(end, start + 60)));
  if (m) return { span: [start, start + m[0].length], name: m[1] };
  return undefined;
}
