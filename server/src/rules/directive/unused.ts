/**
 * Disable comments outlive what they were for: the paragraph is rewritten,
 * the finding goes, the comment stays and would hide the next real finding
 * there. Reported once every other rule has run, from what the comments
 * actually silenced in this lint.
 */
import { defineRule } from '../../engine/rule';
import { directivesOf, namesRule, type Directive } from '../../engine/directives';
import type { PostDocument } from '../../engine/model/document';
import type { Span } from '../../engine/text';
import type { TextEdit } from '../../engine/types';

export default defineRule({
  meta: {
    id: 'directive/unused',
    description: 'Every rule a `bilint-disable` comment names silences a finding there (comments that name no rule are not judged).',
    defaultSeverity: 'warning',
    defaultOptions: {},
    fixable: false,
    hasSuggestions: true,
    afterOthers: true,
  },
  check({ doc, directives: use, report }) {
    if (!use) return;
    for (const d of directivesOf(doc)) {
      if (d.kind === 'enable' || !d.names) continue;
      const unused: { index: number; off: string[] }[] = [];
      d.names.forEach((n, index) => {
        const covered = use.ruleIds.filter((id) => namesRule(n.name, id));
        // Unknown names are directive/unknown-rule's; a rule that did not meet the comment cannot be judged.
        if (covered.length === 0 || use.used(d, index)) return;
        const status = covered.map((id) => use.status(id));
        if (status.some((s) => s === 'left-out' || s === 'cross-post')) return;
        unused.push({ index, off: covered.filter((_, i) => status[i] === 'off') });
      });
      if (unused.length === 0) continue;
      if (unused.length === d.names.length) {
        const off = unused.flatMap((u) => u.off);
        report({
          span: d.span,
          message: `This comment silences nothing: ${why(
            d,
            d.names.map((n) => n.name),
            off,
          )}. Remove it, so it cannot hide a later finding.`,
          suggestions: [{ title: 'Remove the comment', edit: removal(doc, d.span) }],
          unnecessary: true,
        });
        continue;
      }
      for (const u of unused) {
        const n = d.names[u.index];
        report({
          span: n.span,
          message: `“${n.name}” silences nothing in this comment: ${why(d, [n.name], u.off)}.`,
          suggestions: [{ title: `Remove ${n.name} from the comment`, edit: nameRemoval(d, u.index) }],
          unnecessary: true,
        });
      }
    }
  },
});

function why(d: Directive, names: string[], off: string[]): string {
  if (off.length) return `${list(off)} ${off.length > 1 ? 'are' : 'is'} off in this post’s config`;
  const where = d.kind === 'disable-line' ? 'on its line' : d.kind === 'disable-next-line' ? 'on the next line' : 'after it';
  return `no finding of ${list(names.map((n) => (n.includes('/') ? n : `the ${n} rules`)))} is ${where}`;
}

function list(names: string[]): string {
  return names.length === 1 ? names[0] : `${names.slice(0, -1).join(', ')} or ${names[names.length - 1]}`;
}

/**
 * Removes the comment. A line that holds nothing else (but a YAML `#`) goes too, unless text stands on
 * both sides of it: there the comment separated two blocks, and an empty line keeps them apart.
 */
function removal(doc: PostDocument, span: Span): TextEdit {
  const { src } = doc;
  const line = src.lineOf(span[0]);
  const start = src.lineStarts[line];
  const end = src.lineEnd(line);
  const rest = doc.text.slice(start, span[0]) + doc.text.slice(span[1], end);
  if (!/^\s*#?\s*$/.test(rest)) return { range: span, text: '' };
  // The front matter's closing line and the end of the post bound blocks as a blank line does.
  const first = src.lineOf(doc.bodyStart);
  const blank = (l: number) => l < first || l >= src.lineCount || src.lineText(l).trim() === '';
  const inHead = doc.frontMatter !== undefined && span[0] < doc.frontMatter.span[1];
  if (!inHead && !blank(line - 1) && !blank(line + 1)) return { range: [start, end], text: '' };
  const next = line + 1 < src.lineCount ? src.lineStarts[line + 1] : end;
  return { range: [start, next], text: '' };
}

/** Removes one name of several, with the separator before it (after it, for the first). */
function nameRemoval(d: Directive, index: number): TextEdit {
  const names = d.names!;
  const [from, to] = names[index].span;
  return { range: index > 0 ? [names[index - 1].span[1], to] : [from, names[1].span[0]], text: '' };
}
