/**
 * Emphasis as a CommonMark 0.31.2 renderer decides it (§6.2): delimiter runs,
 * left- and right-flanking, can-open / can-close for `*` and `_`, and the
 * process-emphasis algorithm with its openers stack, openers_bottom and the
 * rule of 3. Around it, only what changes which `*` are delimiters: backslash
 * escapes, code spans, raw HTML and autolinks (opaque), and inline links (their
 * text is a scope of its own, their destination is skipped). Linear time.
 */
import type { Span } from '../../engine/text';
import { scanCodeSpans } from '../../engine/model/inline';

/**
 * `commonmark` classifies the characters around a run by code point, as the
 * spec says (and cmark, and markdown-it since 14.2, do); `markdown-it-14.1`
 * by UTF-16 code unit, as markdown-it up to 14.1 did, so an astral symbol such
 * as an emoji next to `**` counts as a letter there (and U+000B as a space).
 */
export type Flavor = 'commonmark' | 'markdown-it-14.1';

export type CharClass = 'space' | 'punct' | 'other';

export interface DelimiterRun {
  start: number;
  end: number;
  char: '*' | '_';
  before: CharClass;
  after: CharClass;
  leftFlanking: boolean;
  rightFlanking: boolean;
  canOpen: boolean;
  canClose: boolean;
  /** What is left as literal text once matching is done: [litStart, litEnd). */
  litStart: number;
  litEnd: number;
}

export interface EmphasisMatch {
  /** Indexes into `runs`. */
  opener: number;
  closer: number;
  openSpan: Span;
  closeSpan: Span;
  strong: boolean;
}

export interface EmphasisResult {
  runs: DelimiterRun[];
  matches: EmphasisMatch[];
}

/** Runs the emphasis algorithm over one inline unit (a paragraph's text, a heading's text). */
export function parseEmphasis(text: string, start: number, end: number, flavor: Flavor = 'commonmark'): EmphasisResult {
  const runs: DelimiterRun[] = [];
  const matches: EmphasisMatch[] = [];
  // The delimiter stack: a linked list over run indexes (indexes grow along it).
  const prev: number[] = [];
  const next: number[] = [];
  let top = -1;
  const brackets: { bottom: number; active: boolean; image: boolean }[] = [];
  const codeSpans = scanCodeSpans(text, start, end);
  let code = 0;

  const processEmphasis = (bottom: number) => {
    const openersBottom = new Array<number>(12).fill(bottom - 1);
    let cur = bottom < runs.length ? bottom : -1;
    while (cur >= 0) {
      const closer = runs[cur];
      if (!closer.canClose) {
        cur = next[cur];
        continue;
      }
      const closerLen = closer.end - closer.start;
      const key = (closer.char === '*' ? 6 : 0) + (closer.canOpen ? 3 : 0) + (closerLen % 3);
      let o = prev[cur];
      let found = false;
      while (o >= bottom && o > openersBottom[key]) {
        const opener = runs[o];
        if (opener.char === closer.char && opener.canOpen) {
          const openerLen = opener.end - opener.start;
          const oddMatch =
            (opener.canClose || closer.canOpen) && (openerLen + closerLen) % 3 === 0 && !(openerLen % 3 === 0 && closerLen % 3 === 0);
          if (!oddMatch) {
            found = true;
            break;
          }
        }
        o = prev[o];
      }
      if (found) {
        const opener = runs[o];
        const use = opener.litEnd - opener.litStart >= 2 && closer.litEnd - closer.litStart >= 2 ? 2 : 1;
        opener.litEnd -= use;
        closer.litStart += use;
        matches.push({
          opener: o,
          closer: cur,
          openSpan: [opener.litEnd, opener.litEnd + use],
          closeSpan: [closer.litStart - use, closer.litStart],
          strong: use === 2,
        });
        // Everything between the two leaves the stack.
        next[o] = cur;
        prev[cur] = o;
        if (opener.litEnd === opener.litStart) unlink(o);
        if (closer.litEnd === closer.litStart) {
          const after = next[cur];
          unlink(cur);
          cur = after;
        }
      } else {
        openersBottom[key] = prev[cur];
        const after = next[cur];
        if (!closer.canOpen) unlink(cur);
        cur = after;
      }
    }
    // Nothing above the bottom can match any more. The run at `bottom` still
    // points at the last one below it: nothing below changed since it was pushed.
    if (bottom < runs.length) {
      top = prev[bottom];
      if (top >= 0) next[top] = -1;
    }
  };
  const unlink = (k: number) => {
    const p = prev[k];
    const n = next[k];
    if (p >= 0) next[p] = n;
    if (n >= 0) prev[n] = p;
    else top = p;
  };

  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === 92 /* \ */) {
      if (i + 1 < end && isAsciiPunct(text.charCodeAt(i + 1))) i++;
    } else if (c === 96 /* ` */) {
      while (code < codeSpans.length && codeSpans[code][0] < i) code++;
      if (code < codeSpans.length && codeSpans[code][0] === i) i = codeSpans[code++][1] - 1;
      else while (i + 1 < end && text.charCodeAt(i + 1) === 96) i++;
    } else if (c === 60 /* < */) {
      const e = htmlEnd(text, i, end);
      if (e > 0) i = e - 1;
    } else if (c === 91 /* [ */) {
      brackets.push({ bottom: runs.length, active: true, image: i > start && text.charCodeAt(i - 1) === 33 });
    } else if (c === 93 /* ] */) {
      const b = brackets.pop();
      if (!b || !b.active) continue;
      const e = inlineLinkEnd(text, i + 1, end);
      if (e < 0) continue;
      processEmphasis(b.bottom);
      if (!b.image) for (const other of brackets) other.active = false;
      i = e - 1;
    } else if (c === 42 /* * */ || c === 95 /* _ */) {
      let j = i;
      while (j < end && text.charCodeAt(j) === c) j++;
      const before = i > start ? classBefore(text, i, start, flavor) : 'space';
      const after = j < end ? classAt(text, j, flavor) : 'space';
      const { left, right } = flanking(text, i, j, start, end, flavor);
      const star = c === 42;
      const k = runs.length;
      runs.push({
        start: i,
        end: j,
        char: star ? '*' : '_',
        before,
        after,
        leftFlanking: left,
        rightFlanking: right,
        canOpen: star ? left : left && (!right || before === 'punct'),
        canClose: star ? right : right && (!left || after === 'punct'),
        litStart: i,
        litEnd: j,
      });
      prev[k] = top;
      next[k] = -1;
      if (top >= 0) next[top] = k;
      top = k;
      i = j - 1;
    }
  }
  processEmphasis(0);
  return { runs, matches };
}

/** Left- and right-flanking of the run [i, j) inside the unit [start, end). */
export function flanking(
  text: string,
  i: number,
  j: number,
  start: number,
  end: number,
  flavor: Flavor,
): { left: boolean; right: boolean } {
  const before = i > start ? classBefore(text, i, start, flavor) : 'space';
  const after = j < end ? classAt(text, j, flavor) : 'space';
  return {
    left: after !== 'space' && (after !== 'punct' || before !== 'other'),
    right: before !== 'space' && (before !== 'punct' || after !== 'other'),
  };
}

function isAsciiPunct(c: number): boolean {
  return (c >= 33 && c <= 47) || (c >= 58 && c <= 64) || (c >= 91 && c <= 96) || (c >= 123 && c <= 126);
}

const PUNCT = /[\p{P}\p{S}]/u;
const punctCache = new Map<number, boolean>();

function classify(cp: number, flavor: Flavor): CharClass {
  if (cp < 128) {
    if (cp === 32 || cp === 9 || cp === 10 || cp === 12 || cp === 13 || (cp === 11 && flavor === 'markdown-it-14.1')) return 'space';
    return isAsciiPunct(cp) ? 'punct' : 'other';
  }
  // Unicode Zs, as listed in Unicode 15.
  if (cp === 0xa0 || cp === 0x1680 || (cp >= 0x2000 && cp <= 0x200a) || cp === 0x202f || cp === 0x205f || cp === 0x3000) return 'space';
  if (flavor === 'markdown-it-14.1' && cp >= 0xd800 && cp <= 0xdfff) return 'other';
  let p = punctCache.get(cp);
  if (p === undefined) {
    p = PUNCT.test(String.fromCodePoint(cp));
    punctCache.set(cp, p);
  }
  return p ? 'punct' : 'other';
}

function classBefore(text: string, i: number, start: number, flavor: Flavor): CharClass {
  let cp = text.charCodeAt(i - 1);
  if (flavor === 'commonmark' && cp >= 0xdc00 && cp <= 0xdfff && i - 2 >= start) {
    const hi = text.charCodeAt(i - 2);
    if (hi >= 0xd800 && hi <= 0xdbff) cp = (hi - 0xd800) * 0x400 + (cp - 0xdc00) + 0x10000;
  }
  return classify(cp, flavor);
}

function classAt(text: string, j: number, flavor: Flavor): CharClass {
  return classify(flavor === 'commonmark' ? text.codePointAt(j)! : text.charCodeAt(j), flavor);
}

const MAX_SCAN = 2000;
const OPEN_TAG =
  /<[A-Za-z][A-Za-z0-9-]*(?:[ \t\r\n\f]+[A-Za-z_:][A-Za-z0-9_.:-]*(?:[ \t\r\n\f]*=[ \t\r\n\f]*(?:[^ \t\r\n\f"'=<>`]+|'[^']*'|"[^"]*"))?)*[ \t\r\n\f]*\/?>/y;
const CLOSE_TAG = /<\/[A-Za-z][A-Za-z0-9-]*[ \t\r\n\f]*>/y;
// eslint-disable-next-line no-control-regex -- the spec excludes ASCII controls and space from an autolink
const AUTOLINK = /<[A-Za-z][A-Za-z0-9+.-]{1,31}:[^<>\x00-\x20]*>/y;
const EMAIL =
  /<[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*>/y;

/** The end of the raw HTML or autolink starting at `i`, or -1. */
function htmlEnd(text: string, i: number, end: number): number {
  const c = text.charCodeAt(i + 1);
  if (c === 33 /* ! */ || c === 63 /* ? */) return specialHtmlEnd(text, i, end);
  for (const re of [OPEN_TAG, CLOSE_TAG, AUTOLINK, EMAIL]) {
    re.lastIndex = i;
    if (re.test(text) && re.lastIndex <= end) return re.lastIndex;
  }
  return -1;
}

/** Comments, processing instructions, declarations and CDATA, within a bounded distance. */
function specialHtmlEnd(text: string, i: number, end: number): number {
  const limit = Math.min(end, i + MAX_SCAN);
  const find = (s: string, from: number) => {
    const k = text.indexOf(s, from);
    return k >= 0 && k + s.length <= limit ? k + s.length : -1;
  };
  if (text.startsWith('<!--', i)) {
    if (text.startsWith('<!-->', i)) return i + 5;
    if (text.startsWith('<!--->', i)) return i + 6;
    return find('-->', i + 4);
  }
  if (text.startsWith('<![CDATA[', i)) return find(']]>', i + 9);
  if (text.charCodeAt(i + 1) === 63) return find('?>', i + 2);
  if (/[A-Za-z]/.test(text[i + 2] ?? '')) return find('>', i + 2);
  return -1;
}

/** After `]`: the end of an inline link's `(destination "title")`, or -1. */
function inlineLinkEnd(text: string, at: number, end: number): number {
  if (text.charCodeAt(at) !== 40) return -1;
  const limit = Math.min(end, at + MAX_SCAN);
  let i = skipSpace(text, at + 1, limit);
  if (text.charCodeAt(i) === 41) return i + 1;
  if (text.charCodeAt(i) === 60 /* < */) {
    i++;
    while (i < limit && text[i] !== '>' && text[i] !== '\n' && text[i] !== '<') i += text[i] === '\\' ? 2 : 1;
    if (text[i] !== '>') return -1;
    i++;
  } else {
    let depth = 0;
    const s = i;
    for (; i < limit; i++) {
      const c = text.charCodeAt(i);
      if (c === 92 && i + 1 < limit && isAsciiPunct(text.charCodeAt(i + 1))) i++;
      else if (c === 40) depth++;
      else if (c === 41) {
        if (depth === 0) break;
        depth--;
      } else if (c <= 32 || c === 127) break;
    }
    if (i === s || depth !== 0) return -1;
  }
  const afterDest = i;
  i = skipSpace(text, i, limit);
  const q = text[i];
  if (i > afterDest && (q === '"' || q === "'" || q === '(')) {
    const close = q === '(' ? ')' : q;
    i++;
    while (i < limit && text[i] !== close) i += text[i] === '\\' ? 2 : 1;
    if (i >= limit) return -1;
    i = skipSpace(text, i + 1, limit);
  }
  return text.charCodeAt(i) === 41 && i < limit ? i + 1 : -1;
}

function skipSpace(text: string, i: number, limit: number): number {
  while (i < limit && (text[i] === ' ' || text[i] === '\t' || text[i] === '\n' || text[i] === '\r')) i++;
  return i;
}

const LIST_ITEM = /^[ \t]*(?:>[ \t]?)*[ \t]{0,3}(?:[-+*]|(\d{1,9})[.)])(?:[ \t]+|$)/;
const QUOTE_PREFIX = /^[ \t]*(?:>[ \t]?)+/;

/**
 * The inline units of a paragraph block: emphasis never crosses a list item, so
 * each item (a line opening with a list marker) is a unit of its own, without
 * its marker; a quote's first `>` is left out too.
 */
export function paragraphUnits(
  text: string,
  lineStarts: readonly number[],
  lineEnd: (line: number) => number,
  p: { span: Span; startLine: number; endLine: number },
): Span[] {
  const units: Span[] = [];
  let unitStart = p.span[0];
  let prevEnd = p.span[0];
  for (let l = p.startLine; l <= p.endLine; l++) {
    const ls = Math.max(lineStarts[l], p.span[0]);
    const le = Math.min(lineEnd(l), p.span[1]);
    const head = text.slice(ls, Math.min(le, ls + 40));
    const item = LIST_ITEM.exec(head);
    // Only `1.` may interrupt a paragraph as an ordered list.
    const m = item && (l === p.startLine || !item[1] || item[1] === '1') ? item : l === p.startLine ? QUOTE_PREFIX.exec(head) : null;
    if (m) {
      if (l > p.startLine) units.push([unitStart, prevEnd]);
      unitStart = ls + m[0].length;
    }
    prevEnd = le;
  }
  units.push([unitStart, p.span[1]]);
  return units.filter((u) => u[1] > u[0]);
}
