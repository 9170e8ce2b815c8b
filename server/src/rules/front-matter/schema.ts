/**
 * front-matter/schema: the front matter's data checked with ajv against the
 * configured post schema (`config.postSchema`, the built-in
 * schemas/post.schema.json unless a team points at its own). ajv says what
 * is wrong; this rule says where (the key, the value, the list item) and,
 * for the mistakes that have one certain repair, carries the fix.
 */
import { defineRule, type Report } from '../../engine/rule';
import type { FrontMatter, FrontMatterEntry } from '../../engine/model/frontMatter';
import { builtInPostSchema } from '../../engine/config';
import { detailedValidatorFor, type DetailedSchemaProblem } from '../../engine/validation';
import type { SourceText, Span } from '../../engine/text';
import type { Suggestion, TextEdit } from '../../engine/types';
import {
  entriesNamed,
  entryLines,
  lastEntry,
  lineStartOf,
  nextLineStart,
  pointerParts,
  requote,
  spanForPointer,
  subschemaAt,
  yamlScalar,
} from './shared';
import { closestName, kebabCase, normalizeDate, retiredTargets } from './values';

interface Ctx {
  src: SourceText;
  fm: FrontMatter;
  schema: Record<string, unknown>;
}

export default defineRule({
  meta: {
    id: 'front-matter/schema',
    description: 'The front matter follows the post schema: required fields, value types, allowed values and forms.',
    defaultSeverity: 'error',
    defaultOptions: {},
    fixable: true,
    hasSuggestions: true,
  },
  check({ doc, config, report }) {
    const fm = doc.frontMatter;
    // Unreadable YAML gives partial data: front-matter/yaml speaks first.
    if (!fm || !fm.closed || !fm.isMapping || fm.errors.some((e) => e.code !== 'DUPLICATE_KEY')) return;
    const builtIn = builtInPostSchema(config.postSchema);
    const schema = (builtIn ?? config.postSchema) as Record<string, unknown>;
    const ctx: Ctx = { src: doc.src, fm, schema };
    // A team's own schema is checked against the meta-schema first, so its mistakes are reported.
    for (const p of detailedValidatorFor(schema, { trusted: builtIn !== undefined })(fm.data)) {
      if (p.keyword === 'required') report(missingField(ctx, p));
      else if (p.keyword === 'additionalProperties') unknownField(ctx, p).forEach(report);
      else if (p.keyword === 'uniqueItems') duplicateItems(ctx, p).forEach(report);
      else report(valueProblem(ctx, p));
    }
  },
});

function missingField({ src, fm, schema }: Ctx, p: DetailedSchemaProblem): Report {
  const key = p.missing ?? '';
  const sub = subschemaAt(schema, '/' + escapePointer(key));
  const about = typeof sub?.description === 'string' ? sub.description.trim() : '';
  const message = `The required field \`${key}\` is missing.${about ? ` It holds ${lowerFirst(about)}` : ''}`;
  // Fields are kept in alphabetical order: insert before the first one that sorts after.
  const after = fm.entries.find((e) => e.key > key);
  const at = after ? after.keySpan[0] : fm.contentSpan[1];
  if (after && lineStartOf(src, at) !== at) return { span: fm.openSpan, message };
  const edit: TextEdit = { range: [at, at], text: `${key}: ${emptyValue(sub)}${src.eol}` };
  return { span: fm.openSpan, message, suggestions: [{ title: `Add the field \`${key}\``, edit }] };
}

/** A placeholder of the right type; the only allowed value when there is just one. */
function emptyValue(sub: Record<string, unknown> | undefined): string {
  if (!sub) return "''";
  if ('const' in sub) return yamlScalar(sub.const);
  if (Array.isArray(sub.enum) && sub.enum.length === 1) return yamlScalar(sub.enum[0]);
  const type = Array.isArray(sub.type) ? sub.type[0] : sub.type;
  if (type === 'array') return '[]';
  if (type === 'object') return '{}';
  if (type === 'boolean') return 'false';
  if (type === 'number' || type === 'integer') return '0';
  return "''";
}

function unknownField({ src, fm, schema }: Ctx, p: DetailedSchemaProblem): Report[] {
  const key = p.unknown ?? '';
  if (p.pointer !== '/' + escapePointer(key)) return [{ span: spanForPointer(fm, p.pointer), message: p.message }];
  const known = Object.keys((schema.properties as object | undefined) ?? {});
  const guess = closestName(key, known);
  const reports: Report[] = [];
  for (const entry of entriesNamed(fm, key)) {
    let message = `\`${key}\` is not a field of a post.`;
    if (guess) message += ` Did you mean \`${guess}\`?`;
    const slugs = tagLike(entry.value);
    if (slugs)
      message += ` Its ${slugs.length > 1 ? 'items look like tags' : 'item looks like a tag'} (${slugs.map((s) => `\`${s}\``).join(', ')}): if so, move ${slugs.length > 1 ? 'them' : 'it'} to \`tags\`.`;
    else if (isEmpty(entry.value)) message += ' It is empty, so removing it loses nothing.';
    const suggestions: Suggestion[] = [];
    // Renaming tag-like items into a field of names would only move the mistake.
    if (guess && !slugs && entriesNamed(fm, guess).length === 0) {
      suggestions.push({ title: `Rename to \`${guess}\``, edit: { range: entry.keySpan, text: guess } });
    }
    const lines = entryLines(src, fm, entry);
    if (lines) suggestions.push({ title: `Remove the field \`${key}\``, edit: { range: lines, text: '' } });
    reports.push({ span: entry.keySpan, message, suggestions });
  }
  return reports;
}

/** The items, when the value is a list of hyphenated lowercase slugs (a tag list in the wrong field). */
function tagLike(value: unknown): string[] | undefined {
  if (!Array.isArray(value) || value.length === 0) return undefined;
  return value.every((v) => typeof v === 'string' && /^[a-z0-9]+(-[a-z0-9]+)+$/.test(v)) ? (value as string[]) : undefined;
}

function isEmpty(value: unknown): boolean {
  return value === null || value === '' || (Array.isArray(value) && value.length === 0);
}

/** Every repeat of an earlier item, each with a fix that removes it. */
function duplicateItems({ src, fm }: Ctx, p: DetailedSchemaProblem): Report[] {
  const [key, ...rest] = pointerParts(p.pointer.replace(/\/\d+$/, ''));
  const entry = key !== undefined && rest.length === 0 ? lastEntry(fm, key) : undefined;
  const values = entry?.value;
  if (!entry || !Array.isArray(values) || !entry.items || entry.items.length !== values.length) {
    return [{ span: spanForPointer(fm, p.pointer), message: p.message }];
  }
  const firstSeen = new Map<string, number>();
  const reports: Report[] = [];
  values.forEach((v, i) => {
    const id = typeof v === 'string' ? 's' + v : 'j' + JSON.stringify(v);
    const first = firstSeen.get(id);
    if (first === undefined) {
      firstSeen.set(id, i);
      return;
    }
    const line = src.lineOf(entry.items![first].span[0]) + 1;
    const shown = typeof v === 'string' ? v : JSON.stringify(v);
    const range = itemRemoval(src, entry, i);
    reports.push({
      span: entry.items![i].span,
      message: `\`${shown}\` is already listed in \`${key}\` (line ${line}): remove this repeat.`,
      fix: range && { range, text: '' },
    });
  });
  return reports;
}

/** The text to delete to drop list item `i`: its `- ` line, or `, item` in an inline list. */
function itemRemoval(src: SourceText, entry: FrontMatterEntry, i: number): Span | undefined {
  const t = src.text;
  const [s, e] = entry.items![i].span;
  const start = lineStartOf(src, s);
  const lineEnd = src.lineEnd(src.lineOf(e));
  if (/^[ \t]*-[ \t]+$/.test(t.slice(start, s)) && /^[ \t]*$/.test(t.slice(e, lineEnd))) return [start, nextLineStart(src, e)];
  const prev = i > 0 ? entry.items![i - 1].span[1] : -1;
  if (prev >= 0 && /^\s*,\s*$/.test(t.slice(prev, s))) return [prev, e];
  return undefined;
}

function valueProblem({ src, fm, schema }: Ctx, p: DetailedSchemaProblem): Report {
  const span = spanForPointer(fm, p.pointer);
  const parts = pointerParts(p.pointer);
  if (parts.length === 0) return { span, message: p.message };
  const name = parts.length === 1 ? `\`${parts[0]}\`` : `Item ${Number(parts[parts.length - 1]) + 1} of \`${parts[parts.length - 2]}\``;
  const value = valueAt(fm.data, parts);
  const original = src.text.slice(span[0], span[1]);
  const sub = subschemaAt(schema, p.pointer);
  const types = String(p.params.type ?? '').split(',');

  if (p.keyword === 'type' && value === null) return { span, message: `${name} has no value. ${p.message}` };
  if (p.keyword === 'type' && types.includes('array') && typeof value === 'string' && /^\s*\[\s*\]\s*$/.test(value)) {
    return {
      span,
      message: `${name} is the text '[]' in quotes, not an empty list: remove the quotes so it reads \`${parts[parts.length - 1]}: []\`.`,
      fix: /^['"]/.test(original) ? { range: span, text: '[]' } : undefined,
    };
  }
  if (p.keyword === 'type' && types.includes('boolean') && (value === 'true' || value === 'false') && /^['"]/.test(original)) {
    return { span, message: p.message, fix: { range: span, text: value } };
  }
  if (typeof value === 'string') {
    const targets = p.keyword === 'enum' ? retiredTargets(sub, value) : undefined;
    if (targets) {
      const field = parts[parts.length - 1];
      const edits = targets.map((target) => ({ range: span, text: requote(original, target) }));
      if (targets.length === 1) {
        return { span, message: `\`${value}\` is a retired \`${field}\` value; its replacement is \`${targets[0]}\`.`, fix: edits[0] };
      }
      const named = targets.map((x) => `\`${x}\``);
      return {
        span,
        message: `\`${value}\` is a retired \`${field}\` value, split into ${named.slice(0, -1).join(', ')} and ${named[named.length - 1]}: pick the one that fits this post.`,
        suggestions: edits.map((edit, k) => ({ title: `Change to \`${targets[k]}\``, edit })),
      };
    }
    if (p.keyword === 'format' || p.keyword === 'pattern') {
      const date = normalizeDate(value);
      if (date && date !== value && (sub?.format === 'date' || matches(sub?.pattern, date))) {
        return {
          span,
          message: `${p.message} Found \`${value}\`, which means ${date}.`,
          fix: { range: span, text: requote(original, date) },
        };
      }
      const slug = p.keyword === 'pattern' ? kebabCase(value) : undefined;
      if (slug && slug !== value && matches(p.params.pattern, slug)) {
        return {
          span,
          message: p.message,
          suggestions: [{ title: `Change to \`${slug}\``, edit: { range: span, text: requote(original, slug) } }],
        };
      }
    }
  }
  return { span, message: p.message };
}

function valueAt(data: unknown, parts: string[]): unknown {
  let v = data;
  for (const part of parts) v = v && typeof v === 'object' ? (v as Record<string, unknown>)[part] : undefined;
  return v;
}

function matches(pattern: unknown, value: string): boolean {
  if (typeof pattern !== 'string') return false;
  try {
    return new RegExp(pattern, 'u').test(value);
  } catch {
    return false;
  }
}

function escapePointer(key: string): string {
  return key.replace(/~/g, '~0').replace(/\//g, '~1');
}

function lowerFirst(s: string): string {
  return /^[A-Z](?:[a-z]|\s)/.test(s) ? s.charAt(0).toLowerCase() + s.slice(1) : s;
}
