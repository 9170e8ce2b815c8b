/**
 * What the gloss and entity rules read inside a Chinese paragraph: code spans
 * (never linted), bold spans as the author paired them, their glosses, name
 * glosses such as `沙尔贝克（Schaerbeek）`, and a speaker label opening the
 * paragraph. One linear pass; every scan ahead is bounded.
 */
import type { Span } from '../text';

export interface Gloss {
  /** From the opening to the closing parenthesis (or to where the scan gave up). */
  span: Span;
  innerSpan: Span;
  open: string;
  close: string | null;
}

export interface Bold {
  span: Span;
  innerSpan: Span;
  /** The gloss right after the closing `**` (spaces allowed between). */
  gloss?: Gloss;
  /** A gloss written inside the bold: `**旨在帮助（Aim to Assist）**`. */
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
  speaker?: { span: Span; name: string };
}

const MAX_GLOSS = 1000;
const HAN = /[\u3400-\u9fff\uf900-\ufaff]/;
const LATIN_START = /^[ \t]*\**[A-Za-z]/;

export function parseInline(text: string, span: Span): Inline {
  const [start, end] = span;
  const codeSpans: Span[] = [];
  const stars: { at: number; parenDepth: number }[] = [];
  const parenOpens: number[] = [];
  let depth = 0;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === 96 /* ` */) {
      const runEnd = runOf(text, i, end, 96);
      const closeAt = findBacktickClose(text, runEnd, end, runEnd - i);
      if (closeAt >= 0) {
        codeSpans.push([i, closeAt + (runEnd - i)]);
        i = closeAt + (runEnd - i) - 1;
        continue;
      }
      i = runEnd - 1;
    } else if (c === 42 /* * */) {
      const runEnd = runOf(text, i, end, 42);
      if (runEnd - i >= 2 && runEnd - i <= 3) stars.push({ at: runEnd - i === 3 ? i + 1 : i, parenDepth: depth });
      i = runEnd - 1;
    } else if (c === 0xff08 /* （ */) {
      depth++;
      parenOpens.push(i);
    } else if (c === 0xff09 /* ） */ && depth > 0) {
      depth--;
    }
  }

  const bolds: Bold[] = [];
  for (let k = 0; k + 1 < stars.length; k += 2) {
    const open = stars[k].at;
    const close = stars[k + 1].at;
    const bold: Bold = {
      span: [open, close + 2],
      innerSpan: [open + 2, close],
      insideParen: stars[k].parenDepth > 0,
      label: false,
    };
    bold.gloss = glossAt(text, close + 2, end);
    const innerParen = text.indexOf('（', open + 2);
    if (innerParen >= 0 && innerParen < close) bold.innerGloss = glossAt(text, innerParen, close);
    const after = text.charCodeAt(close + 2);
    const lastInner = text.charCodeAt(close - 1);
    bold.label = after === 0xff1a || after === 58 || lastInner === 0xff1a || lastInner === 58;
    bolds.push(bold);
  }

  const inline: Inline = { codeSpans, bolds, nameGlosses: nameGlosses(text, parenOpens, bolds, end) };
  const speaker = speakerAt(text, start, end, bolds[0]);
  if (speaker) inline.speaker = speaker;
  return inline;
}

function runOf(text: string, i: number, end: number, code: number): number {
  let j = i;
  while (j < end && text.charCodeAt(j) === code) j++;
  return j;
}

function findBacktickClose(text: string, from: number, end: number, len: number): number {
  let i = text.indexOf('`', from);
  while (i >= 0 && i < end) {
    const runEnd = runOf(text, i, end, 96);
    if (runEnd - i === len) return i;
    i = text.indexOf('`', runEnd);
  }
  return -1;
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

function nameGlosses(text: string, opens: number[], bolds: Bold[], end: number): NameGloss[] {
  const out: NameGloss[] = [];
  for (const at of opens) {
    if (!HAN.test(text[at - 1] ?? '')) continue;
    const gloss = glossAt(text, at, end);
    if (!gloss || !gloss.close) continue;
    if (!LATIN_START.test(text.slice(gloss.innerSpan[0], gloss.innerSpan[0] + 4))) continue;
    if (bolds.some((b) => b.gloss && b.gloss.span[0] === at)) continue;
    let s = gloss.innerSpan[0];
    while (text[s] === ' ' || text[s] === '*') s++;
    let e = s;
    while (e < gloss.innerSpan[1] && !/[:：,，;；（(]/.test(text[e])) e++;
    while (e > s && (text[e - 1] === ' ' || text[e - 1] === '*')) e--;
    let zs = at;
    while (zs > 0 && at - zs < 12 && HAN.test(text[zs - 1])) zs--;
    out.push({ zhSpan: [zs, at], enSpan: [s, e], gloss });
  }
  return out;
}

const PLAIN_LABEL = /^(?:>>\s*)?([A-Z][A-Za-z.'-]*(?: [A-Z][A-Za-z.'-]*){0,3})[:：]/;

function speakerAt(text: string, start: number, end: number, first: Bold | undefined): Inline['speaker'] {
  let s = start;
  if (text.startsWith('>>', s)) s += 2;
  while (text[s] === ' ') s++;
  if (first && first.span[0] === s && first.label && first.span[1] - s < 60) {
    const name = text.slice(first.innerSpan[0], first.innerSpan[1]).replace(/[:：]\s*$/, '').trim();
    let e = first.span[1];
    if (text[e] === ':' || text[e] === '：') e++;
    return { span: [s, e], name };
  }
  const m = PLAIN_LABEL.exec(text.slice(start, Math.min(end, start + 60)));
  if (m) return { span: [start, start + m[0].length], name: m[1] };
  return undefined;
}
