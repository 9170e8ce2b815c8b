/** Document symbols (the post's sections, from its headings) and folding ranges (every English block, the front matter). */
import { FoldingRangeKind, SymbolKind, type DocumentSymbol, type FoldingRange } from 'vscode-languageserver';
import type { PostDocument } from '../engine/model/document';
import type { HeadingBlock } from '../engine/model/blocks';

export function documentSymbols(doc: PostDocument): DocumentSymbol[] {
  const headings = doc.blocks.filter((b): b is HeadingBlock => b.kind === 'heading');
  const roots: DocumentSymbol[] = [];
  const stack: { level: number; symbol: DocumentSymbol }[] = [];
  const src = doc.src;
  headings.forEach((h, i) => {
    // A section runs to the next heading of the same or a higher level.
    let end = src.text.length;
    for (let j = i + 1; j < headings.length; j++) {
      if (headings[j].level <= h.level) {
        end = lastContentBefore(doc, headings[j].span[0]);
        break;
      }
    }
    const name =
      doc
        .slice(h.textSpan)
        .replace(/\s+#+\s*$/, '')
        .trim() || '(empty heading)';
    const symbol: DocumentSymbol = {
      name,
      detail: '#'.repeat(h.level),
      kind: SymbolKind.String,
      range: src.rangeOf([h.span[0], Math.max(end, h.span[1])]),
      selectionRange: src.rangeOf(h.span),
      children: [],
    };
    while (stack.length && stack[stack.length - 1].level >= h.level) stack.pop();
    if (stack.length) stack[stack.length - 1].symbol.children!.push(symbol);
    else roots.push(symbol);
    stack.push({ level: h.level, symbol });
  });
  return roots;
}

/** The end of the last non-blank text before `offset`, so a section's range ends at its own text. */
function lastContentBefore(doc: PostDocument, offset: number): number {
  let i = offset;
  const t = doc.text;
  while (i > 0 && /\s/.test(t[i - 1])) i--;
  return i;
}

export function foldingRanges(doc: PostDocument): FoldingRange[] {
  const out: FoldingRange[] = [];
  const fm = doc.frontMatter;
  if (fm && fm.closed) {
    const end = doc.src.lineOf(fm.span[1]);
    if (end > 0) out.push({ startLine: 0, endLine: end });
  }
  // Region kind: "Fold All Regions" then folds every English block at once.
  for (const b of doc.englishBlocks()) {
    if (b.endLine > b.startLine) out.push({ startLine: b.startLine, endLine: b.endLine, kind: FoldingRangeKind.Region });
  }
  return out;
}
