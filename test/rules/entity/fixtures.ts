/** Fixture posts for the entity rules: front matter with entity lists, bodies of Chinese/English pairs. */
import { DEFAULT_FM, en, post } from '../../helpers';

export interface Lists {
  people?: string[];
  companies_orgs?: string[];
  products_models?: string[];
  media_books?: string[];
  [field: string]: string[] | undefined;
}

/** The default front matter plus entity lists (block lists, items at column 0, as the real posts write them). */
export function frontMatter(lists: Lists): string {
  let fm = DEFAULT_FM;
  for (const [field, items] of Object.entries(lists)) {
    if (!items) continue;
    fm += `${field}:\n` + items.map((i) => `- ${i}\n`).join('');
  }
  return fm;
}

/** A post of Chinese/English pairs: each element is [chinese, english]. */
export function pairs(lists: Lists, ...body: [string, string][]): string {
  return post(body.map(([zh, english]) => `${zh}\n\n${en(english)}\n`).join('\n'), frontMatter(lists));
}

/** 1-based line of the first line containing `needle`. */
export function lineWith(text: string, needle: string, from = 0): number {
  const at = text.indexOf(needle, from);
  if (at < 0) throw new Error(`fixture has no ${needle}`);
  return text.slice(0, at).split(/\r\n|\r|\n/).length;
}

/** 1-based UTF-16 column of `needle` on its line. */
export function columnOf(text: string, needle: string, from = 0): number {
  const at = text.indexOf(needle, from);
  if (at < 0) throw new Error(`fixture has no ${needle}`);
  const lineStart = Math.max(text.lastIndexOf('\n', at - 1), text.lastIndexOf('\r', at - 1)) + 1;
  return at - lineStart + 1 - (lineStart === 0 && text.charCodeAt(0) === 0xfeff ? 1 : 0);
}

/** Where `needle` is, as an expected finding covering it. */
export function at(text: string, needle: string, message?: string | RegExp, from = 0) {
  return { line: lineWith(text, needle, from), column: columnOf(text, needle, from), text: needle, message };
}
