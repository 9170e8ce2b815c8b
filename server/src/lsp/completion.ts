/**
 * Completion inside the front matter: the schema's keys not yet present,
 * a key's allowed values, and for list fields the tags and entity names
 * other posts of the workspace already use (most used first). Anywhere in
 * the post, inside a disable comment: the rule ids (./directiveCompletion).
 */
import { CompletionItemKind, InsertTextFormat, type CompletionItem, type Range } from 'vscode-languageserver';
import type { QueryContext } from './hover';
import { schemaProperties, schemaProperty, type PropertyInfo } from './schema';
import { directiveCompletion } from './directiveCompletion';

const KEY_LINE = /^([A-Za-z_][\w-]*)?$/;
const VALUE_LINE = /^([A-Za-z_][\w-]*)[ \t]*:[ \t]*(.*)$/;
const ITEM_LINE = /^[ \t]*-[ \t]*(.*)$/;

export function completionAt(ctx: QueryContext, offset: number, today = new Date()): CompletionItem[] {
  const { doc } = ctx;
  const directive = directiveCompletion(doc, offset);
  if (directive) return directive;
  const fm = doc.frontMatter;
  if (!fm || !fm.closed || offset < fm.contentSpan[0] || offset > fm.contentSpan[1]) return [];
  const src = doc.src;
  const line = src.lineOf(offset);
  const lineStart = src.lineStarts[line];
  const before = doc.text.slice(lineStart, offset);
  const rangeFrom = (start: number): Range => src.rangeOf([start, offset]);

  const item = ITEM_LINE.exec(before);
  if (item) {
    const key = parentKey(ctx, line);
    if (!key) return [];
    const typed = offset - item[1].length;
    const present = new Set((fm.entries.find((e) => e.key === key)?.items ?? []).map((i) => String(i.value)));
    return listValues(ctx, key)
      .filter(([v]) => !present.has(v))
      .map(([value, detail], i) => valueItem(value, yamlScalar(value), detail, rangeFrom(typed), i));
  }
  const value = VALUE_LINE.exec(before);
  if (value) {
    const prop = schemaProperty(ctx.config.postSchema, value[1]);
    const typed = offset - value[2].length;
    const out: [string, string][] = (prop?.types.includes('array') ? [] : (prop?.values ?? [])).map((v) => [
      yamlScalar(v),
      'allowed value',
    ]);
    if (value[1] === 'date') out.unshift([`'${isoDate(today)}'`, 'today']);
    if (prop?.types.includes('boolean') && !prop.values.length) out.push(['true', 'boolean'], ['false', 'boolean']);
    return out.map(([v, detail], i) => valueItem(v, v, detail, rangeFrom(typed), i));
  }
  if (KEY_LINE.test(before)) {
    const present = new Set(fm.entries.map((e) => e.key));
    return schemaProperties(ctx.config.postSchema)
      .filter((p) => !present.has(p.key) && !p.deprecated)
      .sort((a, b) => Number(b.required) - Number(a.required) || (a.key < b.key ? -1 : 1))
      .map((p, i) => keyItem(p, rangeFrom(lineStart), i));
  }
  return [];
}

/** The key a `- item` line belongs to: the nearest unindented `key:` above it. */
function parentKey(ctx: QueryContext, line: number): string | undefined {
  const src = ctx.doc.src;
  for (let l = line - 1; l > 0; l--) {
    const t = src.lineText(l);
    const m = /^([A-Za-z_][\w-]*)[ \t]*:/.exec(t);
    if (m) return m[1];
    if (t.trim() && !/^[ \t]*-/.test(t) && !/^[ \t]/.test(t)) return undefined;
  }
  return undefined;
}

/** Values for a list field: the schema's, then what the workspace uses, by how many posts use it. */
function listValues(ctx: QueryContext, key: string): [string, string][] {
  const out = new Map<string, string>();
  for (const v of schemaProperty(ctx.config.postSchema, key)?.values ?? []) out.set(String(v), 'allowed value');
  const counts = key === 'tags' ? ctx.index?.tags() : ctx.config.entityFields.includes(key) ? ctx.index?.entities(key) : undefined;
  if (counts) {
    for (const [v, n] of [...counts.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))) {
      if (!out.has(v)) out.set(v, `used in ${n} post${n === 1 ? '' : 's'}`);
    }
  }
  return [...out.entries()];
}

function valueItem(value: string, text: string, detail: string, range: Range, i: number): CompletionItem {
  return {
    label: value,
    kind: CompletionItemKind.Value,
    detail,
    sortText: String(i).padStart(6, '0'),
    filterText: value,
    textEdit: { range, newText: text },
  };
}

function keyItem(p: PropertyInfo, range: Range, i: number): CompletionItem {
  const isList = p.types.includes('array');
  return {
    label: p.key,
    kind: CompletionItemKind.Property,
    detail: `${p.required ? 'required' : 'optional'}${p.types.length ? ` · ${p.types.join(' | ')}` : ''}`,
    documentation: p.description ? { kind: 'markdown', value: p.description } : undefined,
    sortText: String(i).padStart(6, '0'),
    insertTextFormat: InsertTextFormat.Snippet,
    textEdit: { range, newText: isList ? `${p.key}:\n- $0` : `${p.key}: $0` },
  };
}

/** A value written so YAML reads it back as the same string (quoted when it would not). */
export function yamlScalar(v: unknown): string {
  const s = String(v);
  if (typeof v !== 'string') return s;
  const plain = /^[^\s'"#&*!|>%@`{}[\],?:-][^#]*$/.test(s) && !/:\s|\s$|^(true|false|null|yes|no|~|[-+]?\d[\d._:-]*)$/i.test(s);
  return plain ? s : `'${s.replace(/'/g, "''")}'`;
}

function isoDate(d: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}
