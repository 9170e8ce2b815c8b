/**
 * Markdown emphasis inside the English `<p>`: the block is raw HTML, so the
 * site prints the asterisks. `**x**` pairs are taken as the writer paired them
 * on the line; single `*x*` and `__x__` only where CommonMark would see
 * emphasis (so `5 * 3`, a footnote `word*` or `__init__` stay quiet).
 */
import { defineRule, type Report } from '../../engine/rule';
import type { Span } from '../../engine/text';
import { parseInline, type Bold, type Gloss } from '../../engine/model/inline';
import { parseEmphasis } from '../markdown/emphasis';
import { glossForm } from './shared';

const HAN = /[\u3400-\u9fff\uf900-\ufaff]/;

export default defineRule<Record<string, never>>({
  meta: {
    id: 'gloss/markdown-in-english',
    description: 'Markdown emphasis (`**…**`, `*…*`, `__…__`) inside the English `<p>`, where the site prints it as asterisks.',
    defaultSeverity: 'warning',
    defaultOptions: {},
    fixable: true,
    hasSuggestions: true,
  },
  check({ doc, report }) {
    const text = doc.text;
    for (const block of doc.englishBlocks()) {
      for (const span of block.contentSpans) {
        if (!hasMarker(text, span)) continue;
        const inline = parseInline(text, span);
        const taken = new Set<number>();
        for (const bold of inline.bolds) {
          if (!markerLike(text, bold.openRun, bold.closeRun, span)) continue;
          taken.add(bold.openRun[0]).add(bold.closeRun[0]);
          reportBold(text, bold, report);
        }
        reportSingles(text, span, taken, report);
      }
    }
  },
});

/** A cheap test before any parsing: most English blocks have neither `*` nor `__`. */
function hasMarker(text: string, span: Span): boolean {
  const s = text.slice(span[0], span[1]); // a V8 slice of a long string is a view, not a copy
  return s.includes('*') || s.includes('__');
}

const WORD = /[A-Za-z0-9\u00c0-\u024f]/;

/**
 * Markers around words, not inside one: `f**k`, `F***` and `s*t` are censored
 * words, which the writer means to print.
 */
function markerLike(text: string, open: Span, close: Span, within: Span): boolean {
  if (/\s/.test(text[open[1]] ?? ' ') || /\s/.test(text[close[0] - 1] ?? ' ')) return false;
  const before = open[0] > within[0] ? text[open[0] - 1] : ' ';
  const after = close[1] < within[1] ? text[close[1]] : ' ';
  return !WORD.test(before) && !WORD.test(after);
}

function reportBold(text: string, bold: Bold, report: (r: Report) => void): void {
  const span: Span = [bold.openRun[0], bold.closeRun[1]];
  const inner = text.slice(bold.openRun[1], bold.closeRun[0]);
  const pasted = pastedGloss(text, bold);
  if (pasted) {
    const [glossSpan, replacement] = pasted;
    report({
      span: [span[0], glossSpan[1]],
      message: 'A Chinese-style bold term and gloss were pasted into the English text; the English reads the plain term.',
      suggestions: [{ title: `Replace with “${replacement}”`, edit: { range: [span[0], glossSpan[1]], text: replacement } }],
    });
    return;
  }
  report({
    span,
    message: 'Markdown bold inside the English block: the block is HTML, so the site prints the asterisks.',
    fix: inner.trim() ? { range: span, text: inner } : undefined,
  });
}

/**
 * `**Brookings**（布鲁金斯学会: …）` or `**耶鲁预算实验室**（Yale Budget Lab: …）`:
 * the gloss span and the plain English term that should stand instead.
 */
function pastedGloss(text: string, bold: Bold): [Span, string] | undefined {
  const g: Gloss | undefined = bold.gloss;
  if (!g || !g.close || g.open !== '（') return undefined;
  const term = text.slice(bold.innerSpan[0], bold.innerSpan[1]).trim();
  const content = text.slice(g.innerSpan[0], g.innerSpan[1]);
  if (!HAN.test(term)) return HAN.test(content) ? [g.span, term] : undefined;
  const form = glossForm(text, g.innerSpan);
  if (form.kind !== 'english') return undefined;
  const english = text.slice(g.innerSpan[0], form.colon ?? g.innerSpan[1]).trim();
  return english ? [g.span, english] : undefined;
}

/** Single `*x*` (and `__x__`) that CommonMark would take as emphasis, outside the bold pairs already reported. */
function reportSingles(text: string, span: Span, taken: Set<number>, report: (r: Report) => void): void {
  const result = parseEmphasis(text, span[0], span[1]);
  for (const m of result.matches) {
    const opener = result.runs[m.opener];
    const closer = result.runs[m.closer];
    if (taken.has(opener.start) || taken.has(closer.start)) continue;
    if (!markerLike(text, m.openSpan, m.closeSpan, span)) continue;
    const inner = text.slice(m.openSpan[1], m.closeSpan[0]);
    if (opener.char === '_' && /^\w+$/.test(inner)) continue; // `__init__`, `snake_case_name`
    const found: Span = [m.openSpan[0], m.closeSpan[1]];
    const marker = text.slice(m.openSpan[0], m.openSpan[1]);
    report({
      span: found,
      message: `Markdown emphasis \`${marker}…${marker}\` inside the English block: the block is HTML, so the site prints the ${marker[0] === '*' ? 'asterisks' : 'underscores'}.`,
      suggestions: [{ title: 'Remove the emphasis markers', edit: { range: found, text: inner } }],
    });
  }
}
