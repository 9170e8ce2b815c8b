import { defineRule } from '../../engine/rule';
import type { PostDocument } from '../../engine/model/document';
import type { Block, EnglishBlock, HeadingBlock, ParagraphBlock } from '../../engine/model/blocks';
import type { Span } from '../../engine/text';
import { postFacts, skeleton, type PostFacts } from './shared';

interface Options {
  /** Accept consecutive Chinese paragraphs that share the English block after the last of them. */
  allowSplit: boolean;
  /** Also require an English block after headings. */
  includeHeadings: boolean;
  /** Skip a Chinese-only section after a `---` rule that no English block follows (an appended note). */
  ignoreAppendix: boolean;
}

/**
 * A split is not believable when the English is far shorter than the Chinese
 * run (a Chinese character per English letter is already a long translation;
 * real pairs stay under 1.0 in 95% of cases).
 */
const MAX_SPLIT_RATIO = 3;

export default defineRule<Options>({
  meta: {
    id: 'pair/missing-english',
    description: 'Every Chinese paragraph is followed by its English `<details>` block.',
    defaultSeverity: 'warning',
    optionsSchema: {
      allowSplit: {
        type: 'boolean',
        description:
          'Accept a source paragraph the translator split into several Chinese paragraphs, with one English block after the last: same speaker throughout, and the English long enough for all of them.',
      },
      includeHeadings: { type: 'boolean', description: 'Also require an English block after every heading.' },
      ignoreAppendix: {
        type: 'boolean',
        description: 'Do not check a Chinese-only section after a `---` rule when no English block follows it (an appended note or essay).',
      },
    },
    defaultOptions: { allowSplit: true, includeHeadings: false, ignoreAppendix: true },
    fixable: false,
    hasSuggestions: true,
  },
  check({ doc, options, config, report }) {
    const blocks = doc.blocks.filter((b) => !(b.kind === 'html' && b.comment));
    const appendixAt = options.ignoreAppendix ? appendixStart(blocks) : blocks.length;
    let facts: PostFacts | undefined;
    const flag = (b: ParagraphBlock | HeadingBlock, why: string) => {
      facts ??= postFacts(doc, config);
      const what = b.kind === 'heading' ? 'This heading' : 'This Chinese paragraph';
      report({
        span: b.span,
        message: `${what} has no English block after it (${why}): add its original in a \`<details>\` block right after it.`,
        suggestions: [{ title: 'Insert an empty English block after it', edit: insertAfter(doc, b.span, facts) }],
      });
    };

    for (let i = 0; i < appendixAt; i++) {
      const b = blocks[i];
      if (b.kind === 'heading') {
        if (options.includeHeadings && blocks[i + 1]?.kind !== 'english') flag(b, whatFollows(blocks[i + 1]));
        continue;
      }
      if (!isChinese(b) || b.english) continue;
      // A run of unpaired Chinese paragraphs, and the paragraph whose English may cover them all.
      let j = i;
      while (j + 1 < blocks.length && isChinese(blocks[j + 1]) && !(blocks[j + 1] as ParagraphBlock).english) j++;
      const last = blocks[j + 1];
      const covering = isChinese(last) && last.english ? last : undefined;
      const run = blocks.slice(i, j + 1) as ParagraphBlock[];
      const why = covering ? splitProblem(doc, run, covering, options.allowSplit) : whatFollows(last);
      if (why) for (const p of run) flag(p, why);
      i = j;
    }
  },
});

function isChinese(b: Block | undefined): b is ParagraphBlock {
  return b?.kind === 'paragraph' && b.lang === 'zh';
}

function whatFollows(next: Block | undefined): string {
  if (!next) return 'it ends the post';
  switch (next.kind) {
    case 'heading':
      return 'a heading follows';
    case 'paragraph':
      return 'another paragraph follows';
    case 'hr':
      return 'a `---` rule follows';
    case 'html':
      return next.strayClose ? 'a stray `</details>` follows' : 'HTML follows';
    default:
      return `a ${next.kind} block follows`;
  }
}

/**
 * Why the English after `covering` cannot stand for the whole run, or
 * undefined when the run is an accepted split.
 */
function splitProblem(doc: PostDocument, run: ParagraphBlock[], covering: ParagraphBlock, allowSplit: boolean): string | undefined {
  const english = covering.english as EnglishBlock;
  const all = [...run, covering];
  // One `<p>` per paragraph (one per speaker): every paragraph has its English.
  if (english.paragraphs.length >= all.length) return undefined;
  if (!allowSplit) return 'another paragraph follows';
  let speaker = speakerOf(doc, all[0]);
  for (const p of all.slice(1)) {
    const s = speakerOf(doc, p);
    if (s !== undefined && s !== speaker) return `the next paragraph is a new speaker, ${s}, whose English follows it`;
    speaker = s ?? speaker;
  }
  const englishLength = english.contentSpans.reduce((n, s) => n + visibleLength(doc.text, s), 0);
  const chineseLength = all.reduce((n, p) => n + visibleLength(doc.text, p.span), 0);
  if (englishLength > 0 && chineseLength > englishLength * MAX_SPLIT_RATIO) {
    return `the English block after line ${covering.startLine + 1} is too short to translate ${all.length} paragraphs`;
  }
  return undefined;
}

function speakerOf(doc: PostDocument, p: ParagraphBlock): string | undefined {
  const s = doc.inline(p).speaker;
  return s ? s.name.trim().toLowerCase() : undefined;
}

function visibleLength(text: string, span: Span): number {
  let n = 0;
  for (let i = span[0]; i < span[1]; i++) if (text.charCodeAt(i) > 32) n++;
  return n;
}

/**
 * Index of the first block of a trailing section that follows a `---` rule
 * and holds no English block, when the post has English blocks before it.
 */
function appendixStart(blocks: Block[]): number {
  let lastEnglish = -1;
  for (let i = blocks.length - 1; i >= 0; i--) {
    if (blocks[i].kind === 'english') {
      lastEnglish = i;
      break;
    }
  }
  if (lastEnglish < 0) return blocks.length;
  for (let i = lastEnglish + 1; i < blocks.length; i++) if (blocks[i].kind === 'hr') return i;
  return blocks.length;
}

/** Inserts a block skeleton after `span`, with the post's line breaks and blank lines. */
function insertAfter(doc: PostDocument, span: Span, facts: PostFacts): { range: Span; text: string } {
  const { eol } = facts;
  const rest = doc.text.slice(span[1], span[1] + 200);
  const before = eol + (facts.blankBefore ? eol : '');
  // An HTML block runs until a blank line: keep one before whatever follows.
  const after = rest.trim() === '' || /^[ \t]*(?:\r\n|\n|\r)[ \t]*(?:\r\n|\n|\r)/.test(rest) ? '' : eol;
  return { range: [span[1], span[1]], text: before + skeleton(facts) + after };
}
