/**
 * The front matter: where it is, what it says, and where each key and value
 * sits in the source. We use the `yaml` package here rather than gray-matter
 * and js-yaml because it keeps a source range on every node, which exact
 * diagnostics need; gray-matter and js-yaml serve the preview and config.
 */
import { parseDocument, isMap, isSeq, isScalar, type Node as YamlNode, type Pair } from 'yaml';
import type { SourceText, Span } from '../text';

export interface FrontMatterEntry {
  key: string;
  keySpan: Span;
  /** The value's span; for an empty value, an empty span after the colon. */
  valueSpan: Span;
  value: unknown;
  /** List items with their spans, when the value is a sequence. */
  items?: { value: unknown; span: Span }[];
}

export interface FrontMatterError {
  message: string;
  span: Span;
  /** The yaml package's error code (e.g. `DUPLICATE_KEY`), so rules can word each kind. */
  code?: string;
}

export interface FrontMatter {
  /** The whole block from the opening `---` through the closing line. */
  span: Span;
  /** Span of the opening `---` line. */
  openSpan: Span;
  /** The YAML text between the delimiters. */
  contentSpan: Span;
  /** False when no closing delimiter was found. */
  closed: boolean;
  data: Record<string, unknown>;
  /** Keys in source order. */
  entries: FrontMatterEntry[];
  errors: FrontMatterError[];
  /** True when the YAML is a mapping (or empty). */
  isMapping: boolean;
}

const DELIMITER = /^---[ \t]*$/;
const CLOSER = /^(---|\.\.\.)[ \t]*$/;

/** Finds and parses the front matter; `undefined` when the text has none. */
export function parseFrontMatter(src: SourceText): FrontMatter | undefined {
  if (src.lineCount === 0 || !DELIMITER.test(src.lineText(0))) return undefined;
  const openSpan: Span = [src.lineStarts[0], src.lineEnd(0)];
  const contentStart = src.lineCount > 1 ? src.lineStarts[1] : src.text.length;
  let closeLine = -1;
  for (let line = 1; line < src.lineCount; line++) {
    if (CLOSER.test(src.lineText(line))) {
      closeLine = line;
      break;
    }
  }
  if (closeLine < 0) {
    return {
      span: [openSpan[0], openSpan[1]],
      openSpan,
      contentSpan: [contentStart, contentStart],
      closed: false,
      data: {},
      entries: [],
      errors: [],
      isMapping: false,
    };
  }
  const contentEnd = src.lineStarts[closeLine];
  const span: Span = [openSpan[0], src.lineEnd(closeLine)];
  // While the author types in the body, the front matter stays the same: the last one parsed is reused.
  const head = src.text.slice(0, span[1]);
  if (last?.head === head) return last.fm;
  const yamlText = src.text.slice(contentStart, contentEnd);
  const fm: FrontMatter = {
    span,
    openSpan,
    contentSpan: [contentStart, contentEnd],
    closed: true,
    data: {},
    entries: [],
    errors: [],
    isMapping: true,
  };
  readYaml(yamlText, contentStart, fm);
  // Shared by every document with the same head, so nothing may change it.
  deepFreeze(fm);
  last = { head, fm };
  return fm;
}

/** The text up to the end of the last closed front matter parsed, and what it parsed to. */
let last: { head: string; fm: FrontMatter } | undefined;

function deepFreeze(value: unknown): void {
  if (value === null || typeof value !== 'object' || Object.isFrozen(value)) return;
  Object.freeze(value);
  for (const v of Object.values(value)) deepFreeze(v);
}

function readYaml(yamlText: string, base: number, fm: FrontMatter): void {
  // yaml's own uniqueKeys check compares every key with every other (quadratic):
  // repeated top-level keys are found below with a set instead.
  const doc = parseDocument(yamlText, { prettyErrors: false, uniqueKeys: false, strict: false });
  for (const e of doc.errors) {
    const [s, end] = e.pos;
    fm.errors.push({ message: e.message.split('\n')[0], span: [base + s, base + Math.max(end, s)], code: e.code });
  }
  const root = doc.contents;
  if (root === null || root === undefined) return;
  if (!isMap(root)) {
    fm.isMapping = false;
    return;
  }
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: 100 });
  } catch (err) {
    fm.errors.push({ message: String((err as Error).message), span: [base, base] });
    data = {};
  }
  fm.data = data && typeof data === 'object' ? (data as Record<string, unknown>) : {};
  const seen = new Set<string>();
  for (const pair of root.items as Pair<YamlNode, YamlNode | null>[]) {
    const keyNode = pair.key;
    if (!isScalar(keyNode) || !keyNode.range) continue;
    const key = String(keyNode.value);
    const keySpan: Span = [base + keyNode.range[0], base + keyNode.range[1]];
    if (seen.has(key)) fm.errors.push({ message: 'Map keys must be unique', span: keySpan, code: 'DUPLICATE_KEY' });
    seen.add(key);
    const valueNode = pair.value;
    let valueSpan: Span = [keySpan[1] + 1, keySpan[1] + 1];
    if (valueNode && valueNode.range) valueSpan = [base + valueNode.range[0], base + valueNode.range[1]];
    const entry: FrontMatterEntry = { key, keySpan, valueSpan, value: fm.data[key] };
    if (valueNode && isSeq(valueNode)) {
      entry.items = [];
      for (const item of valueNode.items as (YamlNode | null)[]) {
        if (!item || !item.range) continue;
        entry.items.push({
          value: isScalar(item) ? item.value : (item as { toJSON(): unknown }).toJSON(),
          span: [base + item.range[0], base + item.range[1]],
        });
      }
    }
    fm.entries.push(entry);
  }
}

export function entryFor(fm: FrontMatter | undefined, key: string): FrontMatterEntry | undefined {
  return fm?.entries.find((e) => e.key === key);
}
