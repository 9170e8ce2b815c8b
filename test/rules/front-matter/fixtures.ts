/**
 * Front matter fixtures: the default test front matter with fields
 * replaced, removed or added (in alphabetical order, as posts keep them).
 */
import { DEFAULT_FM, post, en } from '../../helpers';

/** `changes` maps a field to its raw YAML lines (without trailing newline), or `null` to drop it. */
export function fmWith(changes: Record<string, string | null>): string {
  const fields = new Map<string, string>();
  let current = '';
  for (const line of DEFAULT_FM.split('\n')) {
    if (line === '') continue;
    const key = /^([\w-]+):/.exec(line)?.[1];
    if (key) {
      current = key;
      fields.set(key, line);
    } else fields.set(current, fields.get(current) + '\n' + line);
  }
  for (const [key, raw] of Object.entries(changes)) {
    if (raw === null) fields.delete(key);
    else fields.set(key, raw);
  }
  return [...fields.keys()]
    .sort()
    .map((k) => fields.get(k) + '\n')
    .join('');
}

/** A small valid post whose front matter has `changes`. */
export function postWith(changes: Record<string, string | null>): string {
  return post('正文。\n\n' + en('Body.'), fmWith(changes));
}

/** The text after applying one edit. */
export function applyEdit(text: string, edit: { range: readonly [number, number]; text: string }): string {
  return text.slice(0, edit.range[0]) + edit.text + text.slice(edit.range[1]);
}

/** The 1-based line on which `needle` first occurs. */
export function lineOf(text: string, needle: string): number {
  const i = text.indexOf(needle);
  if (i < 0) throw new Error(`fixture lacks ${needle}`);
  return text.slice(0, i).split(/\r\n|\r|\n/).length;
}
