/**
 * Helpers the front matter rules share: where an entry's lines are, how to
 * point at a value named by a JSON pointer, and how to rewrite a scalar
 * without changing its quoting style.
 */
import type { FrontMatter, FrontMatterEntry } from '../../engine/model/frontMatter';
import type { SourceText, Span } from '../../engine/text';

/** Offset of the start of the line holding `offset`. */
export function lineStartOf(src: SourceText, offset: number): number {
  return src.lineStarts[src.lineOf(offset)];
}

/** Offset of the start of the line after the one holding `offset` (or the text's end). */
export function nextLineStart(src: SourceText, offset: number): number {
  const line = src.lineOf(offset);
  return line + 1 < src.lineCount ? src.lineStarts[line + 1] : src.text.length;
}

/** The line's text without its leading and trailing blanks, as a span. */
export function trimmedLine(src: SourceText, line: number): Span {
  let s = src.lineStarts[line];
  let e = src.lineEnd(line);
  const t = src.text;
  while (s < e && (t[s] === ' ' || t[s] === '\t')) s++;
  while (e > s && (t[e - 1] === ' ' || t[e - 1] === '\t')) e--;
  return [s, e];
}

/** True when the entry is a block-style top-level field whose key opens its line. */
function keyOpensLine(src: SourceText, entry: FrontMatterEntry): boolean {
  return lineStartOf(src, entry.keySpan[0]) === entry.keySpan[0];
}

/**
 * The whole lines of a top-level field (its key line, continuation lines and
 * list items), ready to be deleted; `undefined` when the field does not sit
 * on lines of its own (a flow mapping).
 */
export function entryLines(src: SourceText, fm: FrontMatter, entry: FrontMatterEntry): Span | undefined {
  if (!keyOpensLine(src, entry)) return undefined;
  const index = indexOf(fm).position.get(entry) ?? -1;
  if (index < 0) return undefined;
  const next = fm.entries[index + 1];
  let end = fm.contentSpan[1];
  if (next) {
    if (!keyOpensLine(src, next)) return undefined;
    end = next.keySpan[0];
  }
  return [entry.keySpan[0], end];
}

interface EntryIndex {
  byKey: Map<string, FrontMatterEntry[]>;
  position: Map<FrontMatterEntry, number>;
}

const indexes = new WeakMap<FrontMatter, EntryIndex>();

/** Entries by key and by position, built once per parse so lookups stay constant-time. */
function indexOf(fm: FrontMatter): EntryIndex {
  let index = indexes.get(fm);
  if (!index) {
    index = { byKey: new Map(), position: new Map() };
    fm.entries.forEach((e, i) => {
      const list = index!.byKey.get(e.key);
      if (list) list.push(e);
      else index!.byKey.set(e.key, [e]);
      index!.position.set(e, i);
    });
    indexes.set(fm, index);
  }
  return index;
}

/** Every top-level entry named `key`, in source order. */
export function entriesNamed(fm: FrontMatter, key: string): readonly FrontMatterEntry[] {
  return indexOf(fm).byKey.get(key) ?? [];
}

/** The last top-level entry named `key` (the one YAML keeps). */
export function lastEntry(fm: FrontMatter, key: string): FrontMatterEntry | undefined {
  const list = entriesNamed(fm, key);
  return list[list.length - 1];
}

/** The span of the value, or of the key when the value is empty (nothing to point at). */
export function valueOrKey(entry: FrontMatterEntry): Span {
  return entry.valueSpan[1] > entry.valueSpan[0] ? entry.valueSpan : entry.keySpan;
}

/** Splits a JSON pointer into its unescaped parts. */
export function pointerParts(pointer: string): string[] {
  if (!pointer) return [];
  return pointer
    .split('/')
    .slice(1)
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

/**
 * Where a JSON pointer into the front matter data sits in the source: a list
 * item, a field's value, or (for the root) the opening `---` line.
 */
export function spanForPointer(fm: FrontMatter, pointer: string): Span {
  const [key, index] = pointerParts(pointer);
  if (key === undefined) return fm.openSpan;
  const entry = lastEntry(fm, key);
  if (!entry) return fm.openSpan;
  if (index !== undefined && /^\d+$/.test(index) && entry.items && Array.isArray(entry.value)) {
    // Items without a node are skipped by the model, so only trust aligned lists.
    const item = entry.items.length === entry.value.length ? entry.items[Number(index)] : undefined;
    if (item) return item.span[1] > item.span[0] ? item.span : lineOfEmptyItem(entry, item.span);
  }
  return valueOrKey(entry);
}

/** An empty list item (`-` alone) has an empty span: point at its dash instead. */
function lineOfEmptyItem(entry: FrontMatterEntry, span: Span): Span {
  return span[0] > entry.valueSpan[0] ? [span[0] - 1, span[0]] : span;
}

/**
 * Writes `value` the way `original` was written: in the same quotes, or
 * bare when the original was bare and the value needs no quotes.
 */
export function requote(original: string, value: string): string {
  const q = original.charAt(0);
  if (q === "'") return `'${value.replace(/'/g, "''")}'`;
  if (q === '"') return JSON.stringify(value);
  return plainSafe(value) ? value : `'${value.replace(/'/g, "''")}'`;
}

/** Whether a string can be written as a YAML plain scalar and read back as the same string. */
export function plainSafe(value: string): boolean {
  if (value === '' || value.trim() !== value) return false;
  if (/^[-?:,[\]{}#&*!|>'"%@`]/.test(value) || /: |:$| #|[\r\n\t]/.test(value)) return false;
  // Words YAML would read as another type.
  return !/^(?:true|false|null|~|yes|no|on|off|[-+]?(?:\d[\d_]*(?:\.\d*)?|\.\d+)(?:e[-+]?\d+)?|0x[\da-f]+|0o[0-7]+|\.inf|\.nan)$/i.test(
    value,
  );
}

/** `value` as a YAML scalar for a new field: bare when safe, else single-quoted. */
export function yamlScalar(value: unknown): string {
  if (typeof value === 'string') return plainSafe(value) ? value : `'${value.replace(/'/g, "''")}'`;
  return JSON.stringify(value) ?? "''";
}

/**
 * A sub-schema by JSON pointer into the data (following `properties`,
 * `items`, `prefixItems` and local `$ref`s), for the annotations a rule
 * reads (`x-retired`, `format`). Best effort: `undefined` when unsure.
 */
export function subschemaAt(schema: unknown, pointer: string): Record<string, unknown> | undefined {
  let node = deref(schema, schema);
  for (const part of pointerParts(pointer)) {
    if (!node) return undefined;
    if (/^\d+$/.test(part) && (node.items || node.prefixItems)) {
      const prefix = node.prefixItems as unknown[] | undefined;
      node = deref(schema, prefix && Number(part) < prefix.length ? prefix[Number(part)] : node.items);
    } else {
      node = deref(schema, (node.properties as Record<string, unknown> | undefined)?.[part]);
    }
  }
  return node;
}

/** Follows local `$ref`s; keywords beside a `$ref` win over the target's (2020-12 allows both). */
function deref(root: unknown, node: unknown): Record<string, unknown> | undefined {
  let merged: Record<string, unknown> = {};
  for (let hops = 0; hops < 8; hops++) {
    if (!node || typeof node !== 'object' || Array.isArray(node)) return undefined;
    const { $ref: ref, ...rest } = node as Record<string, unknown>;
    merged = { ...rest, ...merged };
    if (typeof ref !== 'string' || !ref.startsWith('#')) return merged;
    let target: unknown = root;
    for (const part of pointerParts(ref.slice(1))) target = (target as Record<string, unknown> | undefined)?.[part];
    node = target;
  }
  return undefined;
}
