/** Small helpers the entity rules share: quoting, YAML edits of list items. */
import type { PostDocument } from '../../engine/model/document';
import type { Span } from '../../engine/text';
import type { Suggestion } from '../../engine/types';

export function code(s: string): string {
  return '`' + s.replace(/`/g, "'") + '`';
}

export function lineOf(doc: PostDocument, offset: number): number {
  return doc.src.positionAt(offset).line + 1;
}

/** A YAML scalar for `value`, keeping the quoting style of `original` where it can. */
export function yamlScalar(value: string, original: string): string {
  if (original.startsWith("'")) return `'${value.replace(/'/g, "''")}'`;
  if (original.startsWith('"')) return JSON.stringify(value);
  const plainSafe = /^[^\s\-?:,[\]{}#&*!|>'"%@`]/.test(value) && !/: | #|:$|\s$/.test(value);
  return plainSafe ? value : `'${value.replace(/'/g, "''")}'`;
}

/** Replaces a front matter list item with another spelling. */
export function replaceItemSuggestion(doc: PostDocument, itemSpan: Span, field: string, value: string): Suggestion {
  return {
    title: `Change the ${field} entry to ${code(value)}`,
    edit: { range: itemSpan, text: yamlScalar(value, doc.slice(itemSpan)) },
  };
}

/** Removes the `- item` line of a block list; undefined for flow lists (`[a, b]`). */
export function removeItemSuggestion(doc: PostDocument, itemSpan: Span, field: string, name: string): Suggestion | undefined {
  const src = doc.src;
  const line = src.lineOf(itemSpan[0]);
  const lineStart = src.lineStarts[line];
  const before = doc.text.slice(lineStart, itemSpan[0]);
  if (!/^[ \t]*-[ \t]+$/.test(before)) return undefined;
  const lastLine = src.lineOf(itemSpan[1]);
  const rest = doc.text.slice(itemSpan[1], src.lineEnd(lastLine));
  if (rest.trim() !== '' && !rest.trim().startsWith('#')) return undefined;
  const end = lastLine + 1 < src.lineCount ? src.lineStarts[lastLine + 1] : src.lineEnd(lastLine);
  return { title: `Remove ${code(name)} from ${field}`, edit: { range: [lineStart, end], text: '' } };
}
