/**
 * The emphasis algorithm and markdown/unrendered-bold agree with a real
 * CommonMark renderer (markdown-it 14.3, html on, as a site would run it) on
 * many generated cases: which characters become `<strong>`/`<em>` markers,
 * and which bold pairs the rule reports.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseEmphasis, type Flavor } from '../../../server/src/rules/markdown/emphasis';
import { lintRule, post } from '../../helpers';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const MarkdownIt = require('markdown-it') as new (options: object) => { parseInline(src: string, env: object): { children: Token[] }[] };
interface Token {
  type: string;
  content: string;
  markup: string;
}
const md = new MarkdownIt({ html: true });

/** A small deterministic generator, so a failure reproduces. */
function rng(seed: number): (n: number) => number {
  let s = seed;
  return (n) => {
    s = (s * 1103515245 + 12345) & 0x7fffffff;
    return s % n;
  };
}

function generate(pieces: string[], count: number, maxLen: number, seed: number): string[] {
  const r = rng(seed);
  const out: string[] = [];
  for (let k = 0; k < count; k++) {
    let s = '';
    const len = 1 + r(maxLen);
    for (let i = 0; i < len; i++) s += pieces[r(pieces.length)];
    out.push(s);
  }
  return out;
}

/**
 * markdown-it's emphasis markers with their source offsets, for texts made of
 * plain characters (so every text token is its source). Null when that does not hold.
 */
function renderedMarkers(src: string): { kind: string; at: number }[] | null {
  const out: { kind: string; at: number }[] = [];
  let pos = 0;
  for (const t of md.parseInline(src, {})[0].children) {
    if (t.type === 'text') pos += t.content.length;
    else if (/^(strong|em)_(open|close)$/.test(t.type)) {
      out.push({ kind: t.type, at: pos });
      pos += t.markup.length;
    } else return null;
  }
  return pos === src.length ? out : null;
}

function ours(src: string, flavor: Flavor): { kind: string; at: number }[] {
  const out: { kind: string; at: number }[] = [];
  for (const m of parseEmphasis(src, 0, src.length, flavor).matches) {
    const kind = m.strong ? 'strong' : 'em';
    out.push({ kind: kind + '_open', at: m.openSpan[0] }, { kind: kind + '_close', at: m.closeSpan[0] });
  }
  return out;
}

const key = (list: { kind: string; at: number }[]) =>
  list
    .map((m) => `${m.kind}@${m.at}`)
    .sort()
    .join(' ');

const PLAIN = ['*', '*', '**', '_', '__', 'a', 'b', ' ', '的', '是', '“', '”', '《', '》', '。', '，', '（', '）', '!', '.', '-'];

test('the same emphasis markers as markdown-it on 20,000 generated texts, emoji included', () => {
  let compared = 0;
  for (const src of generate([...PLAIN, '😀', '€', '\u3000'], 20000, 12, 1)) {
    const want = renderedMarkers(src);
    if (!want) continue;
    compared++;
    assert.equal(key(ours(src, 'commonmark')), key(want), JSON.stringify(src));
  }
  assert.ok(compared > 19000);
});

test('flavor markdown-it-14.1 differs only where an astral character touches a run', () => {
  for (const src of generate(PLAIN, 10000, 12, 2)) {
    const want = renderedMarkers(src);
    if (want) assert.equal(key(ours(src, 'markdown-it-14.1')), key(want), JSON.stringify(src));
  }
  assert.notEqual(key(ours('的**😀术语**', 'markdown-it-14.1')), key(ours('的**😀术语**', 'commonmark')));
});

test('code spans, raw HTML, autolinks, escapes and links: the same order of markers as markdown-it', () => {
  const pieces = [
    '**',
    '*',
    '_',
    'a',
    ' ',
    '的',
    '“',
    '[a](b)',
    '[',
    '](x)',
    ']',
    '<b>',
    '</b>',
    '<x y="*">',
    '`x`',
    '`',
    '\\*',
    '<http://a.b/*>',
    '(',
    ')',
    '![i](u)',
    '&amp;',
    '[t](u "t*")',
  ];
  for (const src of generate(pieces, 10000, 10, 3)) {
    const theirs = md
      .parseInline(src, {})[0]
      .children.filter((t) => /^(strong|em)_(open|close)$/.test(t.type))
      .map((t) => t.type);
    const mine = ours(src, 'commonmark')
      .sort((a, b) => a.at - b.at || (a.kind.endsWith('close') ? -1 : 1))
      .map((m) => m.kind);
    assert.deepEqual(mine, theirs, JSON.stringify(src));
  }
});

test('markdown/unrendered-bold reports exactly the bold pairs markdown-it does not render', () => {
  const pieces = ['**', '**', '**', '的', '是', '术语', '“', '”', '《', '》', '，', '。', ' ', 'a', '（', '）', '***', '😀'];
  // Paragraphs only: no list item (`* a`), no thematic break (`***`).
  const sources = generate(pieces, 12000, 9, 4).filter(
    (s) => s.trim() === s && s.includes('**') && !/^\*+ /.test(s) && !/^[\s*]*$/.test(s),
  );
  const body = sources.join('\n\n') + '\n';
  const text = post(body);
  const start = text.length - body.length;
  const findings = new Set(lintRule('markdown/unrendered-bold', text).map((d) => d.span[0]));
  let offset = start;
  let checked = 0;
  for (const src of sources) {
    const markers = renderedMarkers(src);
    // Reported iff some run of two or more stars is not fully consumed by a strong marker pair.
    const expectBroken = markers ? brokenRuns(src, markers) : null;
    if (expectBroken) {
      checked++;
      for (const at of expectBroken)
        assert.ok(findings.has(offset + at), `${JSON.stringify(src)}: the run at ${at} does not render, no finding`);
      for (const f of findings) {
        if (f >= offset && f < offset + src.length)
          assert.ok(expectBroken.includes(f - offset), `${JSON.stringify(src)}: finding at ${f - offset}, yet it renders`);
      }
    }
    offset += src.length + 2;
  }
  assert.ok(checked > 1000, `only ${checked} cases compared`);
});

/**
 * Where the author's pairs (in order, on the line) start, for each pair that
 * markdown-it does not render as one `<strong>` from its opener to its closer,
 * plus each unpaired run left as text. Null for texts with stars the rule does
 * not pair (runs of one or of four and more).
 */
function brokenRuns(src: string, markers: { kind: string; at: number }[]): number[] | null {
  const runs: [number, number][] = [];
  for (const m of src.matchAll(/\*+/g)) {
    if (m[0].length === 1) continue;
    if (m[0].length > 3) return null;
    runs.push([m.index!, m.index! + m[0].length]);
  }
  const consumed = new Set<number>();
  const stack: { kind: string; at: number }[] = [];
  const strongPairs: [number, number][] = [];
  for (const m of markers) {
    const len = m.kind.startsWith('strong') ? 2 : 1;
    for (let k = 0; k < len; k++) consumed.add(m.at + k);
    if (m.kind.endsWith('open')) stack.push(m);
    else {
      const o = stack.pop()!;
      if (m.kind.startsWith('strong')) strongPairs.push([o.at, m.at]);
    }
  }
  const within = (at: number, run: [number, number]) => at >= run[0] && at < run[1];
  const shown = (run: [number, number]) =>
    src
      .slice(run[0], run[1])
      .split('')
      .some((_, k) => !consumed.has(run[0] + k));
  if (runs.length % 2 === 1) return null; // the stray choice is the model's heuristic, tested elsewhere
  const out: number[] = [];
  for (let k = 0; k + 1 < runs.length; k += 2) {
    const [a, c] = [runs[k], runs[k + 1]];
    const paired = strongPairs.some(([o, z]) => within(o, a) && within(z, c));
    if (!paired || shown(a) || shown(c)) out.push(a[0]);
  }
  return out;
}
