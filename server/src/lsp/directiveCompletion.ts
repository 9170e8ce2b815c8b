/**
 * Completion inside a disable comment: after `<!-- bilint-disable… `, the
 * rule ids and families not named yet, each with what it checks, so an
 * author never has to look an id up (and never mistypes one). After
 * `<!-- bilint-`, the four kinds of comment.
 */
import { CompletionItemKind, type CompletionItem, type Range } from 'vscode-languageserver';
import { builtinRules } from '../rules';
import type { PostDocument } from '../engine/model/document';

/** The comment up to the cursor: its kind, then the names typed so far, the last one maybe unfinished. */
const NAMES = /<!--\s*bilint-(?:disable-next-line|disable-line|disable|enable)\s+((?:[^\s,>]+[\s,]+)*)([^\s,>]*)$/;
const KIND = /<!--\s*bilint-([a-z-]*)$/;
const KINDS: [string, string][] = [
  ['disable-next-line', 'Silence the named rules (or all) on the next line'],
  ['disable-line', 'Silence the named rules (or all) on this line'],
  ['disable', 'Silence the named rules (or all) until a matching bilint-enable'],
  ['enable', 'End a bilint-disable of the named rules (or all)'],
];

/** Items when the cursor is in a disable comment's names (or kind), else `undefined`. */
export function directiveCompletion(doc: PostDocument, offset: number): CompletionItem[] | undefined {
  const src = doc.src;
  const before = doc.text.slice(src.lineStarts[src.lineOf(offset)], offset);
  const range = (typed: string): Range => src.rangeOf([offset - typed.length, offset]);
  const names = NAMES.exec(before);
  if (names) {
    if (/(^|\s)--(\s|$)/.test(names[1])) return []; // in the reason, not the names
    const taken = new Set(names[1].split(/[\s,]+/).filter(Boolean));
    return nameItems(taken, range(names[2]));
  }
  const kind = KIND.exec(before);
  if (kind) {
    return KINDS.map(([k, what], i) => ({
      label: `bilint-${k}`,
      kind: CompletionItemKind.Keyword,
      detail: what,
      sortText: String(i),
      textEdit: { range: range(`bilint-${kind[1]}`), newText: `bilint-${k} ` },
    }));
  }
  return undefined;
}

function nameItems(taken: ReadonlySet<string>, range: Range): CompletionItem[] {
  const out: CompletionItem[] = [];
  const families = new Map<string, number>();
  for (const { meta } of builtinRules) {
    const family = meta.id.split('/')[0];
    families.set(family, (families.get(family) ?? 0) + 1);
    if (taken.has(meta.id) || taken.has(family)) continue;
    out.push({
      label: meta.id,
      kind: CompletionItemKind.EnumMember,
      detail: `default: ${meta.defaultSeverity}`,
      documentation: { kind: 'markdown', value: meta.description },
      sortText: `1${meta.id}`,
      textEdit: { range, newText: meta.id },
    });
  }
  for (const [family, n] of families) {
    if (taken.has(family)) continue;
    out.push({
      label: family,
      kind: CompletionItemKind.Module,
      detail: `every ${family}/… rule (${n})`,
      sortText: `2${family}`,
      textEdit: { range, newText: family },
    });
  }
  return out;
}
