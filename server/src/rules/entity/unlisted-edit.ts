/**
 * The edit that adds a name to a front matter list, as `entity/unlisted`
 * suggests it: a `- Name` line after the list's last item (in the list's
 * own indentation), an item in a flow list, or, when the key is missing, a
 * new key placed where alphabetical key order puts it.
 */
import type { PostDocument } from '../../engine/model/document';
import type { TextEdit } from '../../engine/types';
import { yamlScalar } from './shared';

export function addToListEdit(doc: PostDocument, field: string, name: string): TextEdit | undefined {
  const fm = doc.frontMatter;
  if (!fm || !fm.closed || !fm.isMapping) return undefined;
  const src = doc.src;
  const text = doc.text;
  const eol = src.lineCount > 1 ? eolOf(text, src.lineEnd(0)) : '\n';
  const scalar = yamlScalar(name, '');
  const entry = fm.entries.find((e) => e.key === field);
  if (entry) {
    const items = entry.items ?? [];
    const raw = text.slice(entry.valueSpan[0], entry.valueSpan[1]);
    if (raw.startsWith('[')) {
      // A flow list: `[]` or `[a, b]`.
      const close = entry.valueSpan[1] - 1;
      if (text[close] !== ']') return undefined;
      return { range: [close, close], text: items.length ? `, ${scalar}` : scalar };
    }
    const last = items[items.length - 1];
    if (!last) {
      // `people:` with nothing after it: the item goes on the next line.
      if (raw.trim() !== '') return undefined;
      const line = src.lineOf(entry.keySpan[0]);
      const end = src.lineEnd(line);
      return { range: [end, end], text: `${eol}- ${scalar}` };
    }
    const lastLine = src.lineOf(last.span[1]);
    const itemLine = src.lineOf(last.span[0]);
    const indent = /^[ \t]*-[ \t]*/.exec(src.lineText(itemLine))?.[0] ?? '- ';
    const end = src.lineEnd(lastLine);
    return { range: [end, end], text: `${eol}${indent}${scalar}` };
  }
  // A new key, before the first key that sorts after it.
  const after = fm.entries.find((e) => e.key > field && src.lineOf(e.keySpan[0]) > 0);
  const at = after ? src.lineStarts[src.lineOf(after.keySpan[0])] : fm.contentSpan[1];
  if (at < fm.contentSpan[0] || at > fm.contentSpan[1]) return undefined;
  return { range: [at, at], text: `${field}:${eol}- ${scalar}${eol}` };
}

function eolOf(text: string, lineEnd: number): string {
  return text.startsWith('\r\n', lineEnd) ? '\r\n' : text[lineEnd] === '\r' ? '\r' : '\n';
}
