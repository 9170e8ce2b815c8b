/**
 * Inline comments that turn rules off and on:
 * `<!-- bilint-disable id… -->`, `<!-- bilint-enable id… -->`,
 * `<!-- bilint-disable-line id… -->` and `<!-- bilint-disable-next-line id… -->`.
 * An id may be a rule (`gloss/missing`) or a family (`gloss`); with no ids a
 * comment applies to every rule. Text after ` -- ` is a reason, for readers.
 * A comment shown as code (in a fenced block or a code span) is not one.
 */
import type { PostDocument } from './model/document';
import type { Span } from './text';

export type DirectiveKind = 'disable' | 'enable' | 'disable-line' | 'disable-next-line';

export interface DirectiveName {
  /** A rule id or a family, as written. */
  name: string;
  span: Span;
}

export interface Directive {
  kind: DirectiveKind;
  /** The whole comment, `<!--` to `-->`. */
  span: Span;
  /**
   * The line it acts on (`disable-line`, `disable-next-line`) or from (`disable`, `enable`). For
   * `disable-next-line`: the first line after its end that is not itself made of comments, so comments
   * stacked over one line all act on it. For a `disable` in the front matter: 0.
   */
  line: number;
  /** The rules named, in order; `null` when none is named (every rule). */
  names: DirectiveName[] | null;
}

const DIRECTIVE = /<!--\s*bilint-(disable-next-line|disable-line|disable|enable)\b([^>]*?)-->/g;
const NAME = /[^\s,]+/g;

/** The post's directives, in order (kept with the document). */
export function directivesOf(doc: PostDocument): readonly Directive[] {
  return doc.memo('directives', () => readDirectives(doc));
}

function readDirectives(doc: PostDocument): Directive[] {
  const text = doc.text;
  const out: Directive[] = [];
  if (text.indexOf('bilint-') < 0) return out;
  DIRECTIVE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = DIRECTIVE.exec(text))) {
    if (shownAsCode(doc, m.index)) continue;
    const bodyStart = m.index + m[0].length - 3 - m[2].length;
    // Ids end where a reason starts: `-- ` after a space, or `--` closing the body.
    const reason = /(?:^|\s)--(?:\s|$)/.exec(m[2]);
    const ids = reason ? m[2].slice(0, reason.index) : m[2];
    const names: DirectiveName[] = [];
    NAME.lastIndex = 0;
    let n: RegExpExecArray | null;
    while ((n = NAME.exec(ids))) names.push({ name: n[0], span: [bodyStart + n.index, bodyStart + n.index + n[0].length] });
    const kind = m[1] as DirectiveKind;
    // Findings about the front matter as a whole sit on its opening `---`, above any line a comment
    // can stand on: a disable comment in the front matter acts from the top of the post.
    const inHead = kind === 'disable' && doc.frontMatter !== undefined && m.index < doc.frontMatter.span[1];
    // A comment written over several lines: the "next line" is the one after its end.
    const at = kind === 'disable-next-line' ? m.index + m[0].length - 1 : m.index;
    out.push({
      kind,
      span: [m.index, m.index + m[0].length],
      line: inHead ? 0 : doc.src.lineOf(at) + (kind === 'disable-next-line' ? 1 : 0),
      names: names.length ? names : null,
    });
  }
  const onlyComments = commentLines(doc, out);
  for (const d of out) if (d.kind === 'disable-next-line') while (onlyComments.has(d.line)) d.line++;
  return out;
}

/** Lines that hold nothing but directive comments (and, in the front matter, the `#` before them). */
function commentLines(doc: PostDocument, list: readonly Directive[]): Set<number> {
  const rest = new Map<number, string>();
  for (const d of list) {
    const first = doc.src.lineOf(d.span[0]);
    if (first !== doc.src.lineOf(d.span[1] - 1)) continue; // a comment over several lines: its lines hold only it
    const before = rest.get(first) ?? doc.src.lineText(first);
    const start = d.span[0] - doc.src.lineStarts[first];
    rest.set(first, before.slice(0, start) + ' '.repeat(d.span[1] - d.span[0]) + before.slice(start + d.span[1] - d.span[0]));
  }
  const out = new Set<number>();
  for (const [line, text] of rest) if (/^\s*#?\s*$/.test(text)) out.add(line);
  return out;
}

/** Inside a fenced code block or an inline code span, where a reader sees the comment as text. */
function shownAsCode(doc: PostDocument, offset: number): boolean {
  const b = doc.blockAt(offset);
  if (b?.kind === 'code') return true;
  return b?.kind === 'paragraph' && doc.inline(b).codeSpans.some((s) => offset >= s[0] && offset < s[1]);
}

/** Whether `name` (a rule id or a family) covers `ruleId`. */
export function namesRule(name: string, ruleId: string): boolean {
  return name === ruleId || (ruleId.startsWith(name) && ruleId.charCodeAt(name.length) === 47); /* / */
}

/**
 * Decides which findings the directives silence, during one lint, and
 * remembers which directive (and which of its names) silenced something.
 * Indexed so that a post with thousands of comments stays linear.
 */
export class DirectiveUse {
  /** Per directive, per name (index 0 when it names none): whether it silenced a finding. */
  private readonly hits: boolean[][];
  private readonly position = new Map<Directive, number>();
  /** Line -> the `disable-line` and `disable-next-line` directives acting on it. */
  private readonly onLine = new Map<number, number[]>();
  /** Rule id -> the `disable` and `enable` directives covering it, in order (their lines never decrease). */
  private readonly ranges = new Map<string, number[]>();

  constructor(readonly list: readonly Directive[]) {
    this.hits = list.map((d) => new Array<boolean>(d.names ? d.names.length : 1).fill(false));
    list.forEach((d, i) => {
      this.position.set(d, i);
      if (d.kind !== 'disable-line' && d.kind !== 'disable-next-line') return;
      const at = this.onLine.get(d.line);
      if (at) at.push(i);
      else this.onLine.set(d.line, [i]);
    });
  }

  get empty(): boolean {
    return this.list.length === 0;
  }

  /** Whether a finding of `ruleId` starting on `line` is silenced; every directive that silences it is marked used. */
  silence(ruleId: string, line: number): boolean {
    let silenced = false;
    for (const i of this.onLine.get(line) ?? []) {
      const which = nameFor(this.list[i], ruleId);
      if (which < 0) continue;
      this.hits[i][which] = true;
      silenced = true;
    }
    // The last range directive at or above `line` decides: a disable is in force until an enable.
    const ranges = this.rangesFor(ruleId);
    let lo = 0;
    let hi = ranges.length - 1;
    let last = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (this.list[ranges[mid]].line <= line) [last, lo] = [mid, mid + 1];
      else hi = mid - 1;
    }
    if (last >= 0 && this.list[ranges[last]].kind === 'disable') {
      const i = ranges[last];
      this.hits[i][nameFor(this.list[i], ruleId)] = true;
      silenced = true;
    }
    return silenced;
  }

  /** Whether name `index` of directive `d` (0 for a directive that names none) silenced a finding. */
  used(d: Directive, index: number): boolean {
    const i = this.position.get(d);
    return i !== undefined && this.hits[i][index] === true;
  }

  private rangesFor(ruleId: string): number[] {
    let out = this.ranges.get(ruleId);
    if (!out) {
      out = [];
      this.list.forEach((d, i) => {
        if ((d.kind === 'disable' || d.kind === 'enable') && nameFor(d, ruleId) >= 0) out!.push(i);
      });
      this.ranges.set(ruleId, out);
    }
    return out;
  }
}

/** Index of the name of `d` that covers `ruleId`: 0 when `d` names none, -1 when it does not cover it. */
function nameFor(d: Directive, ruleId: string): number {
  if (!d.names) return 0;
  return d.names.findIndex((n) => namesRule(n.name, ruleId));
}
