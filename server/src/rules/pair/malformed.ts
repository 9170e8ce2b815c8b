import { defineRule, type Report } from '../../engine/rule';
import type { PostDocument } from '../../engine/model/document';
import type { Anomaly, AnomalyKind, EnglishBlock } from '../../engine/model/englishBlock';
import type { Block } from '../../engine/model/blocks';
import type { Span } from '../../engine/text';
import { deletionRange, isClassVariant, isLabelVariant, lineNo, postFacts, quote, skeleton, type PostFacts } from './shared';

interface BlockContext {
  doc: PostDocument;
  text: string;
  b: EnglishBlock;
  /** The block after this one. */
  next: Block | undefined;
  facts: PostFacts;
  has(kind: AnomalyKind): boolean;
}

type Handler = (c: BlockContext, a: Anomaly) => Report | undefined;

const CANONICAL_CLOSE = '</details>';

export default defineRule({
  meta: {
    id: 'pair/malformed',
    description: 'English blocks have the canonical shape: `<details>`, the summary label, `<p class="english-text">…</p>`, `</details>`.',
    defaultSeverity: 'error',
    defaultOptions: {},
    fixable: true,
    hasSuggestions: true,
  },
  check({ doc, config, report }) {
    const facts = postFacts(doc, config);
    const text = doc.text;
    doc.blocks.forEach((b, index) => {
      if (b.kind === 'html' && b.strayClose) {
        report({
          span: b.span,
          message: `A stray \`${text.slice(b.span[0], b.span[1])}\` with no open \`<details>\` block: remove it, or check whether the block above was closed too early.`,
          suggestions: [{ title: 'Remove the stray closing tag', edit: { range: deletionRange(doc, b.span), text: '' } }],
        });
        return;
      }
      if (b.kind !== 'english') return;
      // The common case, canonical: nothing to look at.
      if (
        b.anomalies.length === 0 &&
        (!b.summary || facts.acceptedLabels.has(b.summary.text)) &&
        b.paragraphs.every((p) => facts.acceptedTags.has(p.openTag))
      )
        return;
      const c: BlockContext = { doc, text, b, next: doc.blocks[index + 1], facts, has: (k) => b.anomalies.some((a) => a.kind === k) };
      if (unfinished(b)) {
        report(reportUnfinished(c));
        return;
      }
      for (const a of b.anomalies) {
        const r = HANDLERS[a.kind]?.(c, a);
        if (r) report(r);
      }
      checkLabel(c, report);
      checkClasses(c, report);
    });
  },
});

/** `<details` and nothing else: started, never written. */
function unfinished(b: EnglishBlock): boolean {
  return !!b.openSpan && !b.summary && b.paragraphs.length === 0 && b.contentSpans.length === 0 && !b.closeSpan;
}

function reportUnfinished({ b, facts }: BlockContext): Report {
  return {
    span: b.openSpan!,
    message: 'This English block was started but never written: no summary, no English paragraph, no `</details>`.',
    suggestions: [{ title: 'Complete it as an empty English block', edit: { range: [b.span[0], b.span[1]], text: skeleton(facts) } }],
  };
}

const slice = (c: BlockContext, s: Span) => c.text.slice(s[0], s[1]);

const HANDLERS: Partial<Record<AnomalyKind, Handler>> = {
  'open-tag': (c, a) => {
    const tag = slice(c, a.span);
    if (!/^<+details\s*>?$/i.test(tag)) {
      return { span: a.span, message: `The block opens with \`${quote(tag)}\`; expected a plain \`<details>\`.` };
    }
    const what = tag.startsWith('<<') ? `has an extra \`<\`` : !tag.endsWith('>') ? 'is missing its `>`' : 'is not written `<details>`';
    return { span: a.span, message: `\`${tag.trim()}\` ${what}; expected \`<details>\`.`, fix: { range: a.span, text: '<details>' } };
  },
  'no-details': (c, a) => {
    const startsWithSummary = /^<summary/i.test(slice(c, a.span));
    const { eol, label } = c.facts;
    const head = startsWithSummary ? `<details>${eol}` : `<details>${eol}<summary>${label}</summary>${eol}`;
    return {
      span: a.span,
      message: startsWithSummary
        ? 'This `<summary>` has no `<details>` before it; expected the block to open with `<details>`.'
        : 'This English paragraph is not inside a `<details>` block, so the site shows it as plain text.',
      suggestions: [{ title: 'Open a `<details>` block here', edit: { range: [a.span[0], a.span[0]], text: head } }],
    };
  },
  'summary-missing': (c, a) => {
    const { label, eol } = c.facts;
    const sameLine = c.b.paragraphs.length > 0 && c.doc.src.lineOf(c.b.paragraphs[0].span[0]) === c.b.startLine;
    return {
      span: a.span,
      message: `This block has no \`<summary>\`; expected \`<summary>${label}</summary>\` right after \`<details>\`.`,
      fix: { range: [a.span[1], a.span[1]], text: (sameLine ? ' ' : eol) + `<summary>${label}</summary>` },
    };
  },
  'summary-close': (c, a) => {
    const s = c.b.summary!;
    if (c.has('summary-content')) return undefined;
    if (!s.closeSpan) {
      const known = c.facts.acceptedLabels.has(s.text) || isLabelVariant(s.text);
      const edit = { range: [s.textSpan[1], s.textSpan[1]] as Span, text: '</summary>' };
      return {
        span: a.span,
        message: 'This `<summary>` is never closed; expected `</summary>` after the label.',
        ...(known ? { fix: edit } : { suggestions: [{ title: 'Close the summary after its text', edit }] }),
      };
    }
    const tag = slice(c, s.closeSpan);
    if (/^<\/(?:p|su[a-z]*)\s*>$/i.test(tag)) {
      return {
        span: a.span,
        message: `The summary is closed with \`${tag}\`; expected \`</summary>\`.`,
        fix: { range: a.span, text: '</summary>' },
      };
    }
    return {
      span: a.span,
      message: `The summary's closing tag is damaged by pasted text (\`${quote(tag)}\`); expected \`</summary>\`.`,
      suggestions: [{ title: 'Replace it with `</summary>` (drops the pasted text)', edit: { range: a.span, text: '</summary>' } }],
    };
  },
  'summary-multiline': (c, a) => {
    const s = c.b.summary!;
    if (/[\r\n]/.test(s.text) || !s.closeSpan || slice(c, s.closeSpan) !== '</summary>')
      return { span: a.span, message: 'The summary is split over several lines; expected it on one line.' };
    return {
      span: a.span,
      message: `The summary is split over several lines; expected \`<summary>${s.text}</summary>\` on one line.`,
      fix: { range: a.span, text: `<summary>${s.text}</summary>` },
    };
  },
  'summary-content': (c, a) => {
    const s = c.b.summary!;
    const { label, className, eol } = c.facts;
    return {
      span: a.span,
      message: `The English text was put inside \`<summary>\`; expected the label \`${label}\` there and the text in \`<p class="${className}">…</p>\`.`,
      suggestions: [
        {
          title: 'Move the text into an English paragraph and restore the label',
          edit: { range: s.span, text: `<summary>${label}</summary>${eol}<p class="${className}">${slice(c, s.textSpan)}</p>` },
        },
      ],
    };
  },
  'p-missing': (c) => {
    const loose = c.b.contentSpans;
    if (loose.length === 0) return undefined; // an empty block: `pair/empty-english`
    const cls = c.facts.className;
    const message = `The English text is not wrapped in \`<p class="${cls}">…</p>\`.`;
    if (loose.length !== 1 || c.has('stray-tag')) return { span: loose[0], message };
    return { span: loose[0], message, fix: { range: loose[0], text: `<p class="${cls}">${slice(c, loose[0])}</p>` } };
  },
  'p-unclosed': (c, a) => {
    if (c.has('unclosed')) return undefined; // explained with the block
    const p = c.b.paragraphs.find((x) => x.openTagSpan[0] === a.span[0])!;
    return {
      span: a.span,
      message: 'This paragraph is never closed; expected `</p>` at the end of the English text.',
      fix: { range: [p.textSpan[1], p.textSpan[1]], text: '</p>' },
    };
  },
  'close-tag': (c, a) => {
    const tag = slice(c, a.span);
    const what =
      tag === '</' ? 'is a `</details>` damaged by pasted text' : /^<\/details\s*$/i.test(tag) ? 'is missing its `>`' : 'is misspelled';
    return { span: a.span, message: `\`${tag}\` ${what}; expected \`${CANONICAL_CLOSE}\`.`, fix: { range: a.span, text: CANONICAL_CLOSE } };
  },
  unclosed: (c, a) => {
    const { b, next, facts } = c;
    const why = !next
      ? 'the post ends first'
      : next.kind === 'english'
        ? `a new \`<details>\` opens on line ${next.startLine + 1}`
        : `a ${next.kind === 'paragraph' ? 'paragraph' : next.kind} starts on line ${next.startLine + 1}`;
    const lastP = b.paragraphs[b.paragraphs.length - 1];
    const closeP = lastP && !lastP.closed ? '</p>' : '';
    return {
      span: a.span,
      message: `This \`<details>\` block is never closed (${why}); expected \`${CANONICAL_CLOSE}\` after its English text.`,
      suggestions: [
        { title: 'Close the block after its text', edit: { range: [b.span[1], b.span[1]], text: closeP + facts.eol + CANONICAL_CLOSE } },
      ],
    };
  },
  'blank-line': (c, a) => {
    const range: Span = [a.span[0], lineStartAfter(c.doc, a.span[0])];
    return {
      span: range,
      message: 'A blank line inside the `<details>` block ends it for Markdown, and the rest is shown as raw text; remove the blank line.',
      fix: { range, text: '' },
    };
  },
  'stray-tag': (c, a) => {
    const tag = slice(c, a.span);
    if (!/^<\/?[a-z][a-z0-9-]*\s*>$/i.test(tag)) {
      return {
        span: a.span,
        message: `A tag damaged by pasted text (\`${quote(tag)}\`) inside the English block; restore the tag and move the text where it belongs.`,
      };
    }
    return {
      span: a.span,
      message: `A stray \`${tag}\` inside the English block: it matches nothing; remove it.`,
      fix: { range: deletionRange(c.doc, a.span), text: '' },
    };
  },
  'premature-close': (c, a) => ({
    span: a.span,
    message: `\`${slice(c, a.span)}\` closes the block before its English paragraph; the block really ends on line ${lineNo(c.doc, c.b.closeSpan![0])}. Remove this one.`,
    fix: { range: deletionRange(c.doc, a.span), text: '' },
  }),
  'glued-text': (c, a) => {
    const { eol } = c.facts;
    const closeEnd = c.b.closeSpan![1];
    return {
      span: a.span,
      message:
        'Text right after `</details>` on the same line: it is swallowed by the HTML block; start it on its own line after a blank line.',
      fix: { range: [closeEnd, a.span[0]], text: eol + eol },
    };
  },
};

/** The summary label: one of the accepted labels, or a recognizable variant of one (fixed to the post's usual label). */
function checkLabel(c: BlockContext, report: (r: Report) => void): void {
  const s = c.b.summary;
  if (!s || c.has('summary-content') || c.facts.acceptedLabels.has(s.text)) return;
  const target = c.facts.label;
  if (s.text === '') {
    report({ span: s.span, message: `The summary is empty; expected \`${target}\`.`, fix: { range: s.textSpan, text: target } });
    return;
  }
  const message = `The summary reads \`${quote(s.text, 60)}\`; expected \`${target}\`.`;
  if (isLabelVariant(s.text)) report({ span: s.textSpan, message, fix: { range: s.textSpan, text: target } });
  else
    report({
      span: s.textSpan,
      message,
      suggestions: [{ title: `Replace it with \`${target}\``, edit: { range: s.textSpan, text: target } }],
    });
}

/** Each paragraph's opening tag: an accepted class, or a recognizable variant (fixed to the post's usual class). */
function checkClasses(c: BlockContext, report: (r: Report) => void): void {
  const target = `<p class="${c.facts.className}">`;
  for (const p of c.b.paragraphs) {
    if (p.className !== null && c.facts.acceptedClasses.has(p.className) && p.openTag === `<p class="${p.className}">`) continue;
    const what = !p.openTag.startsWith('<')
      ? 'has lost its `<`'
      : p.className === null
        ? 'has no class'
        : `has the class \`${quote(p.className)}\``;
    const message = `The English paragraph's tag ${what}; expected \`${target}\`.`;
    // Only a variant of the class fixes write: `chinese-text` in an English post may be a Chinese original.
    const fixable = isClassVariant(p.openTag) && (!/-text/i.test(p.openTag) || p.openTag.toLowerCase().includes(c.facts.className));
    if (fixable) report({ span: p.openTagSpan, message, fix: { range: p.openTagSpan, text: target } });
    else
      report({
        span: p.openTagSpan,
        message,
        suggestions: [{ title: `Replace it with \`${target}\``, edit: { range: p.openTagSpan, text: target } }],
      });
  }
}

function lineStartAfter(doc: PostDocument, offset: number): number {
  const line = doc.src.lineOf(offset);
  return line + 1 < doc.src.lineCount ? doc.src.lineStarts[line + 1] : doc.src.lineEnd(line);
}
