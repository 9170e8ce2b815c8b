/**
 * front-matter/yaml: the front matter must be readable YAML, closed by a
 * `---` line, a mapping of fields, each field once. The yaml package finds
 * the errors; this rule words them for writers and points at the culprit
 * (the stray `: `, the opening quote never closed), not where the parser
 * happened to give up.
 */
import { defineRule, type Report } from '../../engine/rule';
import type { FrontMatter, FrontMatterEntry, FrontMatterError } from '../../engine/model/frontMatter';
import type { SourceText, Span } from '../../engine/text';
import type { Suggestion } from '../../engine/types';
import { entryLines, lineStartOf, nextLineStart, trimmedLine } from './shared';

/** How far to look for the culprit of an error (a wrapped summary is a few hundred characters). */
const LOOK_AHEAD = 4000;

/** At most this many YAML errors are reported per post. */
const MAX_ERRORS = 20;

const NOT_A_FIELD =
  'This line is neither a `key: value` field nor part of the value above it: add the missing `:` after the field name, or indent it by two spaces to continue the value above.';

export default defineRule({
  meta: {
    id: 'front-matter/yaml',
    description: 'The front matter is valid YAML: closed by a `---` line, a mapping of `key: value` fields, each field once.',
    defaultSeverity: 'error',
    defaultOptions: {},
    fixable: true,
    hasSuggestions: true,
  },
  check({ doc, report }) {
    const fm = doc.frontMatter;
    if (!fm) return;
    const src = doc.src;
    if (!fm.closed) {
      report(unclosed(src, fm));
      return;
    }
    const reported = new Set<number>();
    const body = fm.errors.length ? bodyInside(src, fm) : -1;
    if (body >= 0) report(runsIntoBody(src, fm, body));
    let left = 0;
    for (const error of fm.errors) {
      if (body >= 0 && error.span[0] >= src.lineStarts[body]) continue;
      // Later errors are mostly echoes of the first ones; bounding them also bounds the work.
      if (reported.size >= MAX_ERRORS) {
        left++;
        continue;
      }
      const r = error.code === 'DUPLICATE_KEY' ? duplicateKey(src, fm, error) : syntaxError(src, fm, error);
      // One mistake often trips two errors at one place (a `: ` in a value): say it once.
      if (reported.has(r.span[0])) continue;
      reported.add(r.span[0]);
      report(r);
    }
    if (left > 0)
      report({ span: fm.openSpan, message: `This front matter has ${left} more YAML errors than shown; fix the ones reported first.` });
    if (!fm.isMapping && fm.errors.length === 0) report(notMapping(src, fm));
  },
});

function unclosed(src: SourceText, fm: FrontMatter): Report {
  const message = 'This front matter is never closed: add a `---` line after its last field, so the post body is not read as YAML.';
  // Suggest the closing line after the run of lines that look like YAML fields.
  let line = 1;
  while (line < src.lineCount && line < 200 && /^(?:[\w-]+:(?:\s|$)|-(?:\s|$)|[ \t]+\S)/.test(src.lineText(line))) line++;
  if (line === 1) return { span: fm.openSpan, message };
  const eol = src.eol;
  const edit =
    line < src.lineCount
      ? { range: [src.lineStarts[line], src.lineStarts[line]] as Span, text: `---${eol}` }
      : { range: [src.text.length, src.text.length] as Span, text: `${eol}---` };
  return { span: fm.openSpan, message, suggestions: [{ title: `Close the front matter before line ${line + 1}`, edit }] };
}

/**
 * The first line between the delimiters that is plainly post body (a
 * heading, the English block's tags, a Chinese sentence): a front matter
 * left open is closed by the first `---` rule of the body instead.
 */
function bodyInside(src: SourceText, fm: FrontMatter): number {
  const first = src.lineOf(fm.contentSpan[0]);
  for (let line = first; line < src.lineCount && src.lineStarts[line] < fm.contentSpan[1]; line++) {
    const text = src.lineText(line);
    if (/^(?:#{2,6}\s|<\/?(?:details|summary|p)\b)/.test(text)) return line;
    if (/^[\u3400-\u9fff\uff00-\uffef]/.test(text) && !/[:：]/.test(text)) return line;
  }
  return -1;
}

function runsIntoBody(src: SourceText, fm: FrontMatter, body: number): Report {
  const closer = src.lineOf(fm.contentSpan[1]) + 1;
  let last = body;
  while (last - 1 > src.lineOf(fm.contentSpan[0]) && src.lineText(last - 1).trim() === '') last--;
  const at = src.lineStarts[last];
  return {
    span: fm.openSpan,
    message: `This front matter is not closed before the post body: YAML reads the body up to the \`---\` on line ${closer} as fields. Add a \`---\` line after the last field.`,
    suggestions: [{ title: `Close the front matter before line ${last + 1}`, edit: { range: [at, at], text: `---${src.eol}` } }],
  };
}

function duplicateKey(src: SourceText, fm: FrontMatter, error: FrontMatterError): Report {
  const entry = fm.entries.find((e) => e.keySpan[0] <= error.span[0] && error.span[0] < Math.max(e.keySpan[1], e.keySpan[0] + 1));
  const first = entry && fm.entries.find((e) => e.key === entry.key);
  if (!entry || !first || first === entry) {
    return { span: visible(src, fm, error.span), message: 'This key appears twice in the same mapping; YAML keeps only the last one.' };
  }
  const firstLine = src.lineOf(first.keySpan[0]) + 1;
  const message = `The field \`${entry.key}\` appears twice (first on line ${firstLine}); YAML keeps only this later value and silently drops the first. Keep one of them.`;
  const here = entryLines(src, fm, entry);
  const there = entryLines(src, fm, first);
  const suggestions: Suggestion[] = [];
  if (here) suggestions.push({ title: `Remove this \`${entry.key}\` field`, edit: { range: here, text: '' } });
  if (there) suggestions.push({ title: `Remove the \`${entry.key}\` field on line ${firstLine}`, edit: { range: there, text: '' } });
  const same = src.text.slice(entry.valueSpan[0], entry.valueSpan[1]) === src.text.slice(first.valueSpan[0], first.valueSpan[1]);
  // An exact repeat loses nothing when removed.
  return { span: entry.keySpan, message, fix: same && here ? { range: here, text: '' } : undefined, suggestions };
}

function syntaxError(src: SourceText, fm: FrontMatter, error: FrontMatterError): Report {
  const t = src.text;
  const at = error.span[0];
  switch (error.code) {
    case 'BLOCK_AS_IMPLICIT_KEY':
    case 'MULTILINE_IMPLICIT_KEY': {
      const colon = colonInValue(src, fm, at);
      if (colon >= 0) {
        const entry = entryAt(fm, at);
        const quote = entry && quoteSuggestion(src, fm, entry);
        const continued = src.lineOf(colon) > src.lineOf(at);
        return {
          span: [colon, colon + 1],
          message:
            "YAML reads the text after this colon and space as a nested field. If the colon belongs to the value, put the whole value in single quotes (doubling any `'` inside) or use the full-width colon `：`" +
            (continued ? '; if this line starts a new field, remove the spaces before it.' : '.'),
          suggestions: quote ? [quote] : undefined,
        };
      }
      const line = src.lineText(src.lineOf(at));
      if (!/:(\s|$)/.test(line)) return { span: visible(src, fm, error.span), message: NOT_A_FIELD };
      return {
        span: visible(src, fm, error.span),
        message: 'YAML cannot read this line as a field: check its indentation and that each field is `key: value` on a line of its own.',
      };
    }
    case 'MISSING_CHAR': {
      const quote = /closing (["'])/.exec(error.message)?.[1];
      if (quote) {
        const open = openingQuote(src, fm, at, quote);
        const span: Span = open >= 0 ? [open, trimmedLine(src, src.lineOf(open))[1]] : visible(src, fm, error.span);
        return {
          span,
          message: `This value opens a quote (${quote}) that is never closed, so YAML reads the following lines as part of it. Add the closing ${quote} at the end of the value.`,
        };
      }
      if (/followed by map values/.test(error.message)) {
        return { span: visible(src, fm, error.span), message: NOT_A_FIELD };
      }
      break;
    }
    case 'BAD_INDENT': {
      const flow = /Flow (sequence|map)/.exec(error.message);
      if (flow) {
        const open = flow[1] === 'map' ? '{' : '[';
        const close = flow[1] === 'map' ? '}' : ']';
        const start = openingQuote(src, fm, at, open);
        const span: Span = start >= 0 ? [start, trimmedLine(src, src.lineOf(start))[1]] : visible(src, fm, error.span);
        return {
          span,
          message: `This inline ${flow[1] === 'map' ? 'mapping' : 'list'} opens with \`${open}\` but is not closed with \`${close}\` on its line.`,
        };
      }
      return {
        span: visible(src, fm, error.span),
        message:
          'This line is indented differently from the fields around it: top-level fields start at the beginning of the line, and wrapped text is indented by two spaces.',
      };
    }
    case 'TAB_AS_INDENT':
      return {
        span: visible(src, fm, error.span, true),
        message: 'This line is indented with a tab; YAML only accepts spaces for indentation.',
      };
    case 'BAD_SCALAR_START': {
      const ch = t.charAt(at);
      const span: Span = [at, Math.max(at + 1, trimmedLine(src, src.lineOf(at))[1])];
      const entry = entryAt(fm, at);
      const quote = entry && quoteSuggestion(src, fm, entry);
      return {
        span,
        message: `A value cannot start with \`${ch}\` unless it is in quotes: put the value in single quotes.`,
        suggestions: quote ? [quote] : undefined,
      };
    }
    case 'BAD_DQ_ESCAPE':
      return {
        span: [at, Math.min(at + 2, src.lineEnd(src.lineOf(at)))],
        message: `\`${t.slice(at, at + 2)}\` is not a valid escape inside double quotes: write \`\\\\\` for a backslash, or use single quotes, which take backslashes as they are.`,
      };
    case 'MULTIPLE_DOCS':
      return {
        span: visible(src, fm, error.span),
        message: 'The front matter holds a second YAML document here; only one block of fields is allowed between the `---` lines.',
      };
  }
  return { span: visible(src, fm, error.span), message: `The YAML here is not valid: ${sentence(error.message)}` };
}

function notMapping(src: SourceText, fm: FrontMatter): Report {
  const first = firstVisibleLine(src, fm.contentSpan);
  const list = src.text.charAt(first[0]) === '-';
  return {
    span: first,
    message: `The front matter should be a set of \`key: value\` fields, but YAML reads it as ${list ? 'a list' : 'a single value'}.`,
  };
}

/** The top-level entry whose lines hold `offset`. */
function entryAt(fm: FrontMatter, offset: number): FrontMatterEntry | undefined {
  let found: FrontMatterEntry | undefined;
  for (const e of fm.entries) if (e.keySpan[0] <= offset) found = e;
  return found;
}

/** The first `: ` (or line-final `:`) at or after `from`, within the value's lines; -1 if none. */
function colonInValue(src: SourceText, fm: FrontMatter, from: number): number {
  const t = src.text;
  const end = Math.min(fm.contentSpan[1], from + LOOK_AHEAD);
  for (let i = from; i < end; i++) {
    const c = t.charCodeAt(i);
    if (c === 58 /* : */) {
      const n = i + 1 < t.length ? t.charCodeAt(i + 1) : 10;
      if (n === 32 || n === 9 || n === 10 || n === 13) return i;
    } else if (c === 10 || (c === 13 && t.charCodeAt(i + 1) !== 10)) {
      // A line that starts in column 1 is the next field: the value ended.
      const n = t.charCodeAt(i + 1);
      if (i + 1 < end && n !== 32 && n !== 9 && n !== 10 && n !== 13) return -1;
    }
  }
  return -1;
}

/** The nearest `ch` before `at` that opens a value (right after `key: ` or `- `); -1 if none. */
function openingQuote(src: SourceText, fm: FrontMatter, at: number, ch: string): number {
  const t = src.text;
  const stop = Math.max(fm.contentSpan[0], at - LOOK_AHEAD);
  for (let i = Math.min(at, fm.contentSpan[1]) - 1; i >= stop; i--) {
    if (t[i] !== ch) continue;
    const before = t.slice(lineStartOf(src, i), i);
    if (/^(?:[^:#]+:|\s*-)\s+$/.test(before) || /^\s*-\s+$/.test(before)) return i;
  }
  return -1;
}

/**
 * Wrapping a plain value in single quotes keeps its text (YAML folds the
 * lines of both styles the same way) and makes `: ` and leading symbols safe.
 */
function quoteSuggestion(src: SourceText, fm: FrontMatter, entry: FrontMatterEntry): Suggestion | undefined {
  const t = src.text;
  const start = entry.keySpan[1] + (t.slice(entry.keySpan[1]).match(/^:[ \t]+/)?.[0].length ?? 0);
  if (start === entry.keySpan[1] || /['"[{|>]/.test(t.charAt(start))) return undefined;
  // The value runs over its own line and the indented lines after it.
  let end = src.lineEnd(src.lineOf(start));
  while (end < fm.contentSpan[1]) {
    const next = nextLineStart(src, end);
    if (next >= fm.contentSpan[1] || !/^[ \t]+\S/.test(src.lineText(src.lineOf(next)))) break;
    end = src.lineEnd(src.lineOf(next));
  }
  const value = t.slice(start, end).replace(/[ \t]+$/, '');
  if (/\s#/.test(value) || end - start > LOOK_AHEAD) return undefined;
  return {
    title: `Put the value of \`${entry.key}\` in single quotes`,
    edit: { range: [start, start + value.length], text: `'${value.replace(/'/g, "''")}'` },
  };
}

/**
 * Turns a parser position into something visible: the text the error covers
 * on its first line, else the nearest non-blank line at or before it.
 */
function visible(src: SourceText, fm: FrontMatter, span: Span, keepBlanks = false): Span {
  const t = src.text;
  const [s0, e0] = [Math.min(span[0], fm.contentSpan[1]), Math.min(span[1], fm.contentSpan[1])];
  let s = s0;
  if (!keepBlanks) while (s < e0 && /\s/.test(t[s])) s++;
  if (s < e0) {
    let e = Math.min(e0, src.lineEnd(src.lineOf(s)));
    if (!keepBlanks) while (e > s && /\s/.test(t[e - 1])) e--;
    if (e > s) return [s, e];
  }
  for (let line = src.lineOf(Math.max(fm.contentSpan[0], s0 === fm.contentSpan[1] ? s0 - 1 : s0)); line >= 1; line--) {
    const trimmed = trimmedLine(src, line);
    if (trimmed[1] > trimmed[0] && trimmed[0] >= fm.contentSpan[0]) return trimmed;
    if (src.lineStarts[line] <= fm.contentSpan[0]) break;
  }
  return fm.openSpan;
}

function firstVisibleLine(src: SourceText, content: Span): Span {
  for (let line = src.lineOf(content[0]); line < src.lineCount && src.lineStarts[line] < content[1]; line++) {
    const trimmed = trimmedLine(src, line);
    if (trimmed[1] > trimmed[0]) return trimmed;
  }
  return [content[0], content[0]];
}

function sentence(message: string): string {
  const m = message.trim();
  return /[.!?]$/.test(m) ? m : m + '.';
}
