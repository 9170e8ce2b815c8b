/**
 * `**…**` that a CommonMark renderer leaves as text: the flanking rules fail
 * next to CJK text when the bold starts or ends with punctuation
 * (`的**“术语”**是`, commonmark-spec issue 650), a space sits inside the
 * markers, or a `**` has no partner. Decided by running the spec's algorithm
 * (./emphasis.ts) over the paragraph, not by pattern.
 */
import { defineRule } from '../../engine/rule';
import type { Span } from '../../engine/text';
import type { PostDocument } from '../../engine/model/document';
import { parseInline, type Bold, type Inline } from '../../engine/model/inline';
import type { Suggestion, TextEdit } from '../../engine/types';
import { flanking, paragraphUnits, parseEmphasis, type DelimiterRun, type EmphasisResult, type Flavor } from './emphasis';

interface Options {
  flavor: Flavor;
}

/** Above this many broken pairs in one paragraph, no rewrite is checked (keeps the rule linear). */
const MAX_REWRITES = 20;

export default defineRule<Options>({
  meta: {
    id: 'markdown/unrendered-bold',
    description: 'A `**…**` that CommonMark does not turn into bold (the site shows the asterisks).',
    defaultSeverity: 'error',
    optionsSchema: {
      flavor: {
        enum: ['commonmark', 'markdown-it-14.1'],
        description:
          'The renderer the site uses. `commonmark`: the spec (cmark, markdown-it 14.2 and later); `markdown-it-14.1`: markdown-it up to 14.1, which reads the characters next to `**` as UTF-16 units, so an emoji there counts as a letter.',
      },
    },
    defaultOptions: { flavor: 'commonmark' },
    fixable: true,
    hasSuggestions: true,
  },
  check({ doc, options, report }) {
    const flavor: Flavor = options.flavor === 'markdown-it-14.1' ? 'markdown-it-14.1' : 'commonmark';
    const text = doc.text;
    for (const block of doc.blocks) {
      let inline: Inline;
      let units: Span[];
      if (block.kind === 'paragraph') {
        inline = doc.inline(block);
        if (inline.bolds.length === 0 && inline.strayStars.length === 0) continue;
        units = paragraphUnits(text, doc.src.lineStarts, (l) => doc.src.lineEnd(l), block);
      } else if (block.kind === 'heading') {
        if (!text.slice(block.textSpan[0], block.textSpan[1]).includes('**')) continue;
        inline = parseInline(text, block.textSpan);
        units = [block.textSpan];
      } else continue;
      let b = 0;
      let s = 0;
      for (const unit of units) {
        const bolds: Bold[] = [];
        const strays: Span[] = [];
        while (b < inline.bolds.length && inline.bolds[b].openRun[0] < unit[1]) {
          if (inline.bolds[b].openRun[0] >= unit[0]) bolds.push(inline.bolds[b]);
          b++;
        }
        while (s < inline.strayStars.length && inline.strayStars[s][0] < unit[1]) {
          if (inline.strayStars[s][0] >= unit[0]) strays.push(inline.strayStars[s]);
          s++;
        }
        if (strays.length === 0 && (bolds.length === 0 || plainlyRenders(text, unit, bolds, flavor))) continue;
        checkUnit(doc, unit, bolds, strays, inline, flavor, report);
      }
    }
  },
});

/**
 * The common case, decided without the full algorithm: the unit's only stars
 * are the author's pairs, nothing else can interfere (no `_`, code, escape,
 * link or HTML), each opener can open, each closer can close, and the two runs
 * of a pair are equally long. Then the process-emphasis algorithm matches each
 * closer with the opener just before it.
 */
function plainlyRenders(text: string, unit: Span, bolds: Bold[], flavor: Flavor): boolean {
  let stars = 0;
  for (let i = unit[0]; i < unit[1]; i++) {
    const c = text.charCodeAt(i);
    if (c === 42) stars++;
    else if (c === 95 || c === 96 || c === 92 || c === 91 || c === 60) return false; // _ ` \ [ <
  }
  for (const b of bolds) {
    const len = b.openRun[1] - b.openRun[0];
    if (b.closeRun[1] - b.closeRun[0] !== len) return false;
    stars -= 2 * len;
    if (!flanking(text, b.openRun[0], b.openRun[1], unit[0], unit[1], flavor).left) return false;
    if (!flanking(text, b.closeRun[0], b.closeRun[1], unit[0], unit[1], flavor).right) return false;
  }
  return stars === 0;
}

type Reporter = (r: { span: Span; message: string; fix?: TextEdit; suggestions?: Suggestion[] }) => void;

interface Rewrite {
  edit: TextEdit;
  /** Where the markers stand once moved. */
  newOpen: number;
  newClose: number;
}

interface Broken {
  bold: Bold;
  opener: DelimiterRun;
  closer: DelimiterRun;
  rewrite?: Rewrite;
}

function checkUnit(doc: PostDocument, unit: Span, bolds: Bold[], strays: Span[], inline: Inline, flavor: Flavor, report: Reporter): void {
  const text = doc.text;
  const result = parseEmphasis(text, unit[0], unit[1], flavor);
  const runAt = new Map<number, number>();
  result.runs.forEach((r, k) => runAt.set(r.start, k));
  const strong = new Set<string>();
  for (const m of result.matches) if (m.strong) strong.add(`${m.opener}:${m.closer}`);
  const broken: Broken[] = [];
  for (const bold of bolds) {
    const a = runAt.get(bold.openRun[0]);
    const c = runAt.get(bold.closeRun[0]);
    if (a === undefined || c === undefined) continue; // inside code, HTML or a link destination
    const opener = result.runs[a];
    const closer = result.runs[c];
    if (strong.has(`${a}:${c}`) && !visible(opener) && !visible(closer)) continue;
    broken.push({ bold, opener, closer, rewrite: rewriteOf(text, opener, closer) });
  }
  const fixes = certainRewrites(text, unit, result, broken, flavor);
  for (const br of broken) {
    const span: Span = [br.opener.start, br.closer.end];
    const shown = text.slice(span[0], span[1]);
    const suggestions: Suggestion[] = [];
    if (br.rewrite && !fixes) suggestions.push({ title: `Rewrite as ${clip(br.rewrite.edit.text)}`, edit: br.rewrite.edit });
    suggestions.push({ title: 'Remove the bold markers', edit: { range: span, text: text.slice(br.opener.end, br.closer.start) } });
    report({
      span,
      message: `\`${clip(shown)}\` will not render as bold: ${reasonOf(text, br.opener, br.closer)}, so the site ${
        visible(br.opener) || visible(br.closer) ? 'shows the asterisks' : 'sets other text in bold'
      }.`,
      fix: fixes && br.rewrite ? br.rewrite.edit : undefined,
      suggestions,
    });
  }
  for (const stray of strays) {
    const k = runAt.get(stray[0]);
    if (k === undefined || !visible(result.runs[k])) continue;
    const suggestions: Suggestion[] = [];
    const sp = inline.speaker;
    if (sp?.unclosed && sp.span[0] === stray[0]) {
      suggestions.push({
        title: `Close the speaker label: ${text.slice(stray[0], sp.span[1])}**`,
        edit: { range: [sp.span[1], sp.span[1]], text: '**' },
      });
    }
    suggestions.push({ title: 'Remove this `**`', edit: { range: stray, text: '' } });
    report({ span: stray, message: 'This `**` has no partner on its line, so the site shows it as two asterisks.', suggestions });
  }
}

function visible(r: DelimiterRun): boolean {
  return r.litEnd > r.litStart;
}

const CLOSER_OF: Record<string, string> = {
  '“': '”',
  '‘': '’',
  '《': '》',
  '「': '」',
  '『': '』',
  '（': '）',
  '(': ')',
  '【': '】',
  '〈': '〉',
  '"': '"',
  "'": "'",
};
const CLOSERS = new Set(Object.values(CLOSER_OF));
/** Punctuation that may end a bold's text and reads the same outside it. */
const TRAILING = new Set([...'。，、！？：；….,!?:;']);

/**
 * Moves what stands between the markers and the words outside them: spaces,
 * trailing sentence punctuation, and quotes or brackets that open at the start
 * and close at the end: `的**“术语”**是` → `的“**术语**”是`. A bracket whose
 * partner is not at the other edge stays inside.
 */
function rewriteOf(text: string, opener: DelimiterRun, closer: DelimiterRun): Rewrite | undefined {
  let lead = opener.end;
  const opens: { at: number; close: string }[] = [];
  for (; lead < closer.start; lead++) {
    const ch = text[lead];
    if (CLOSER_OF[ch]) opens.push({ at: lead, close: CLOSER_OF[ch] });
    else if (!isBlank(ch)) break;
  }
  let trail = closer.start;
  const closes: { at: number; ch: string }[] = [];
  for (; trail > lead; trail--) {
    const ch = text[trail - 1];
    if (CLOSERS.has(ch)) closes.push({ at: trail - 1, ch });
    else if (!isBlank(ch) && !TRAILING.has(ch)) break;
  }
  let k = 0;
  while (k < opens.length && k < closes.length && closes[k].ch === opens[k].close) k++;
  if (k < opens.length) lead = opens[k].at;
  if (k < closes.length) trail = closes[k].at + 1;
  if (lead >= trail || (lead === opener.end && trail === closer.start)) return undefined;
  const open = text.slice(opener.start, opener.end);
  const close = text.slice(closer.start, closer.end);
  const newOpen = opener.start + (lead - opener.end);
  const newClose = newOpen + open.length + (trail - lead);
  const newText = text.slice(opener.end, lead) + open + text.slice(lead, trail) + close + text.slice(trail, closer.start);
  return { edit: { range: [opener.start, closer.end], text: newText }, newOpen, newClose };
}

function isBlank(ch: string): boolean {
  return ch === ' ' || ch === '\t' || ch === '\u3000' || ch === '\u00a0';
}

/**
 * Rewrites become fixes only when the spec's algorithm, run again over the
 * paragraph with all of them applied, renders each rewritten bold (and, if it
 * can, every broken one) and shows no asterisk that was not shown before.
 */
function certainRewrites(text: string, unit: Span, before: EmphasisResult, broken: Broken[], flavor: Flavor): boolean {
  const rewritten = broken.filter((b) => b.rewrite);
  if (rewritten.length === 0 || rewritten.length > MAX_REWRITES) return false;
  let out = '';
  let cursor = unit[0];
  for (const br of rewritten) {
    out += text.slice(cursor, br.rewrite!.edit.range[0]) + br.rewrite!.edit.text;
    cursor = br.rewrite!.edit.range[1];
  }
  out += text.slice(cursor, unit[1]);
  const after = parseEmphasis(out, 0, out.length, flavor);
  const runAt = new Map<number, number>();
  after.runs.forEach((r, k) => runAt.set(r.start + unit[0], k));
  const strong = new Set<string>();
  for (const m of after.matches) if (m.strong) strong.add(`${m.opener}:${m.closer}`);
  const renders = (br: Broken) => {
    const a = runAt.get(br.rewrite ? br.rewrite.newOpen : br.opener.start);
    const z = runAt.get(br.rewrite ? br.rewrite.newClose : br.closer.start);
    return a !== undefined && z !== undefined && strong.has(`${a}:${z}`) && !visible(after.runs[a]) && !visible(after.runs[z]);
  };
  if (!rewritten.every(renders)) return false;
  const shown = (r: EmphasisResult) => r.runs.reduce((n, run) => n + (run.char === '*' ? run.litEnd - run.litStart : 0), 0);
  const starsOf = (list: Broken[]) =>
    list.reduce((n, br) => n + (br.opener.litEnd - br.opener.litStart) + (br.closer.litEnd - br.closer.litStart), 0);
  if (broken.every(renders)) return shown(after) === shown(before) - starsOf(broken);
  return shown(after) <= shown(before) - starsOf(rewritten);
}

function reasonOf(text: string, opener: DelimiterRun, closer: DelimiterRun): string {
  if (!opener.canOpen) {
    if (opener.after === 'space') return 'the opening `**` is followed by a space';
    return `the opening \`**\` comes after ${describe(text, opener.start, -1)} and before the punctuation ${describe(text, opener.end, 1)}, where CommonMark cannot open bold`;
  }
  if (!closer.canClose) {
    if (closer.before === 'space') return 'the closing `**` follows a space';
    return `the closing \`**\` comes after the punctuation ${describe(text, closer.start, -1)} and before ${describe(text, closer.end, 1)}, where CommonMark cannot close bold`;
  }
  return 'its markers pair with other `*` on the line instead (often a broken bold just before it)';
}

function describe(text: string, at: number, dir: 1 | -1): string {
  const cp = dir === 1 ? text.codePointAt(at) : text.codePointAt(at - (isLowSurrogate(text.charCodeAt(at - 1)) ? 2 : 1));
  if (cp === undefined) return 'the line end';
  const ch = String.fromCodePoint(cp);
  return `“${ch}”`;
}

function isLowSurrogate(c: number): boolean {
  return c >= 0xdc00 && c <= 0xdfff;
}

function clip(s: string): string {
  return s.length > 40 ? s.slice(0, 37) + '…' : s;
}
