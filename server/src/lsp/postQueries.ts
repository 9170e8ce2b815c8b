/** Finding things in a post by offset (the block under it is PostDocument.blockAt): the bold term under it, a term's gloss. */
import type { PostDocument } from '../engine/model/document';
import type { ParagraphBlock } from '../engine/model/blocks';
import type { Bold } from '../engine/model/inline';

export interface Term {
  bold: Bold;
  term: string;
  /** The gloss written with this occurrence, if any. */
  gloss?: string;
}

/** The bold term at `offset` (not a speaker label, not a name bolded inside a gloss). */
export function termAt(doc: PostDocument, p: ParagraphBlock, offset: number): Term | undefined {
  const bold = doc.inline(p).bolds.find((b) => offset >= b.span[0] && offset <= b.span[1]);
  if (!bold || bold.label || bold.insideParen) return undefined;
  return termOf(doc, bold);
}

export function termOf(doc: PostDocument, bold: Bold): Term | undefined {
  const inner = bold.innerGloss;
  const term = doc.text.slice(bold.innerSpan[0], inner ? inner.span[0] : bold.innerSpan[1]).trim();
  if (!term) return undefined;
  const g = inner?.close ? inner : bold.gloss?.close ? bold.gloss : undefined;
  const gloss = g ? doc.text.slice(g.innerSpan[0], g.innerSpan[1]).trim() : undefined;
  return { bold, term, gloss: gloss || undefined };
}

/** The first gloss this post gives `term`, wherever it is (one pass over its occurrences). */
export function glossInPost(doc: PostDocument, term: string): { gloss: string; line: number } | undefined {
  const text = doc.text;
  let at = text.indexOf(term, doc.bodyStart);
  while (at >= 0) {
    const b = doc.blockAt(at);
    if (b?.kind !== 'paragraph') {
      at = text.indexOf(term, at + term.length);
      continue;
    }
    for (const bold of doc.inline(b).bolds) {
      if (bold.label || bold.insideParen) continue;
      const t = termOf(doc, bold);
      if (t && t.term === term && t.gloss) return { gloss: t.gloss, line: doc.src.lineOf(bold.span[0]) };
    }
    at = text.indexOf(term, b.span[1]);
  }
  return undefined;
}

/** The text a reader sees in an English block, tags and entities removed. */
export function englishText(doc: PostDocument, spans: readonly (readonly [number, number])[]): string {
  return spans
    .map((s) => doc.text.slice(s[0], s[1]))
    .join(' ')
    .replace(/<[^>\n]{0,200}>/g, ' ')
    .replace(/&nbsp;/g, ' ')
    .replace(/&gt;/g, '>')
    .replace(/&lt;/g, '<')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim();
}
