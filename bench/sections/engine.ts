/**
 * The engine in one process: latency on the largest real posts, throughput
 * over the replicated corpus, time per character as posts grow, and where the
 * time goes rule by rule. markdownlint runs on the same texts alongside.
 */
import { lint, builtinRules } from '../../server/src/bilint';
import { chars, replicate, syntheticPost } from '../corpus';
import { emptyResult, measureOnce, ms, num, ratio, sample, settle, summarize, timeOnce, type SectionResult } from '../harness';
import type { BenchContext, Section } from './types';

const MIB = 1e6;

function noCorpus(): SectionResult {
  return { ...emptyResult(), skipped: 'the real corpus (../shared/corpus/real) was not found; set BILINT_CORPUS' };
}

/**
 * A post and a copy with one character typed into its last Chinese sentence.
 * The editor lints a post again after every keystroke, never the same text
 * twice, so runs alternate between the two: nothing keyed by the whole text
 * carries over from one run to the next, while the front matter (unchanged
 * by typing in the body) may.
 */
function typing(text: string): () => string {
  const stop = text.lastIndexOf('。');
  const at = stop > 0 ? stop : text.length >> 1;
  const texts = [text, text.slice(0, at) + '的' + text.slice(at)];
  let n = 0;
  return () => texts[n++ & 1];
}

export const largestPost: Section = {
  id: 'largest-post',
  title: 'Whole lint of the largest real posts (warm, as the author types)',
  run(ctx: BenchContext) {
    if (ctx.corpus.length === 0) return noCorpus();
    const r = emptyResult();
    const biggest = [...ctx.corpus].sort((a, b) => b.text.length - a.text.length).slice(0, 3);
    const runs = ctx.quick ? 20 : 60;
    const mdRuns = ctx.quick ? 3 : 10;
    r.tables.push({
      head: ['post', 'chars', 'findings', 'bilint median ms', 'p95 ms', 'CPU ms', 'runs', 'markdownlint median ms', 'ratio'],
      rows: [],
    });
    // All bilint runs first, then markdownlint, so neither pays for the other's garbage.
    const ours = biggest.map((p) => {
      ctx.progress(`largest-post: bilint on ${short(p.file)}`);
      settle();
      const next = typing(p.text);
      // Warm means what a few seconds of typing leave: the optimizing compiler done with the hot code
      // (a fresh process lints post 161 in ~14 ms during its first second, 8-9 ms from the second on).
      return sample(() => ctx.bilint(next()), {
        warmup: 10,
        warmupMs: ctx.quick ? 1000 : 2000,
        minRuns: runs,
        maxRuns: runs * 4,
        minMs: ctx.quick ? 500 : 2000,
      });
    });
    const theirs = biggest.map((p) => {
      if (!ctx.markdownlint) return undefined;
      ctx.progress(`largest-post: markdownlint on ${short(p.file)}`);
      settle();
      return sample(() => ctx.markdownlint!(p.text), { warmup: 1, minRuns: mdRuns });
    });
    biggest.forEach((p, i) => {
      const s = ours[i];
      const md = theirs[i];
      r.tables[0].rows.push([
        short(p.file),
        String(p.text.length),
        String(lint(p.text).diagnostics.length),
        ms(s.median),
        ms(s.p95),
        ms(s.cpuMedian),
        String(s.times.length),
        md ? ms(md.median) : 'n/a',
        md ? ratio(md.median, s.median) : 'n/a',
      ]);
      if (i === 0) {
        r.metrics.push({
          id: 'largest.median',
          label: `largest post (${p.text.length} chars) median`,
          value: s.median,
          unit: 'ms',
          target: { op: '<=', value: 10 },
        });
        r.metrics.push({ id: 'largest.p95', label: `largest post p95`, value: s.p95, unit: 'ms' });
        r.metrics.push({ id: 'largest.cpu', label: `largest post median CPU time`, value: s.cpuMedian, unit: 'ms' });
        if (md)
          r.metrics.push({
            id: 'largest.markdownlint.median',
            label: 'markdownlint on the same post, median',
            value: md.median,
            unit: 'ms',
          });
      }
    });
    r.notes.push(`ratio = markdownlint time / bilint time. markdownlint: ${mdRuns} runs per post.`);
    r.notes.push('bilint runs alternate between the post and a copy with one character typed into it, as in the editor.');
    return r;
  },
};

export const throughput: Section = {
  id: 'throughput',
  title: 'Engine throughput over the replicated real corpus (one core)',
  run(ctx: BenchContext) {
    if (ctx.corpus.length === 0) return noCorpus();
    const r = emptyResult();
    const posts = replicate(ctx.corpus, Math.max(500, ctx.corpus.length));
    const total = chars(posts);
    ctx.progress(`throughput: bilint over ${posts.length} posts`);
    settle();
    for (const p of ctx.corpus) ctx.bilint(p.text); // warm-up pass
    const passes = Array.from({ length: ctx.quick ? 1 : 3 }, () =>
      measureOnce(() => {
        for (const p of posts) ctx.bilint(p.text);
      }),
    );
    const rounds = summarize(
      passes.map((m) => m.wall),
      passes.map((m) => m.cpu),
    );
    const rate = total / MIB / (rounds.median / 1000);
    const cpuRate = total / MIB / (rounds.cpuMedian / 1000);
    // The post model alone (line scanner, front matter, pairs; no rules): what
    // the choice of parser buys, before any rule runs.
    const none = new Set<string>();
    const modelPass = measureOnce(() => {
      for (const p of posts) lint(p.text, { only: none });
    });
    // markdownlint runs at a fraction of a M chars/s: one pass over the original
    // posts (the same texts the replicas cycle through) keeps the bench in minutes.
    const mdPosts = ctx.corpus;
    let mdRate = NaN;
    let md = { wall: NaN, cpu: NaN };
    if (ctx.markdownlint) {
      ctx.progress(`throughput: markdownlint over ${mdPosts.length} posts (slow)`);
      settle();
      md = measureOnce(() => {
        for (const p of mdPosts) ctx.markdownlint!(p.text);
      });
      mdRate = chars(mdPosts) / MIB / (md.wall / 1000);
    }
    const mdCpuRate = chars(mdPosts) / MIB / (md.cpu / 1000);
    r.tables.push({
      head: ['linter', 'posts', 'M chars', 'wall ms', 'M chars/s (wall)', 'CPU ms', 'M chars/s (CPU)'],
      rows: [
        ['bilint', String(posts.length), num(total / MIB, 2), ms(rounds.median), num(rate, 1), ms(rounds.cpuMedian), num(cpuRate, 1)],
        [
          'bilint model only (no rules)',
          String(posts.length),
          num(total / MIB, 2),
          ms(modelPass.wall),
          num(total / MIB / (modelPass.wall / 1000), 1),
          ms(modelPass.cpu),
          num(total / MIB / (modelPass.cpu / 1000), 1),
        ],
        ['markdownlint', String(mdPosts.length), num(chars(mdPosts) / MIB, 2), ms(md.wall), num(mdRate, 2), ms(md.cpu), num(mdCpuRate, 2)],
      ],
    });
    r.metrics.push({
      id: 'throughput.bilint',
      label: 'bilint throughput',
      value: rate,
      unit: 'M chars/s',
      target: { op: '>=', value: 10 },
    });
    r.metrics.push({ id: 'throughput.bilint.cpu', label: 'bilint throughput by CPU time', value: cpuRate, unit: 'M chars/s' });
    r.metrics.push({ id: 'throughput.markdownlint', label: 'markdownlint throughput', value: mdRate, unit: 'M chars/s' });
    r.notes.push(
      `bilint is ${ratio(rate, mdRate)} faster than markdownlint per character (bilint: median of ${rounds.times.length} pass(es)).`,
    );
    return r;
  },
};

export const linearity: Section = {
  id: 'linearity',
  title: 'Time per character as one post grows (synthetic posts)',
  run(ctx: BenchContext) {
    const r = emptyResult();
    const sizes = [10_000, 100_000, 1_000_000, 5_000_000];
    r.tables.push({
      head: ['size (chars)', 'UTF-8 bytes', 'bilint ms', 'bilint ns/char', 'CPU ns/char', 'markdownlint ms', 'markdownlint ns/char'],
      rows: [],
    });
    const perChar: number[] = [];
    const cpuPerChar: number[] = [];
    const mdPerChar: number[] = [];
    for (const size of sizes) {
      const text = syntheticPost(size);
      ctx.progress(`linearity: ${size} chars`);
      settle();
      const s = sample(() => ctx.bilint(text), { warmup: 2, minRuns: 3, maxRuns: ctx.quick ? 20 : 200, minMs: ctx.quick ? 200 : 1000 });
      const nsPerChar = (s.median * 1e6) / text.length;
      perChar.push(nsPerChar);
      cpuPerChar.push((s.cpuMedian * 1e6) / text.length);
      let md = NaN;
      // markdownlint is superlinear here (minutes on 5 M chars): the largest size only with --full.
      if (ctx.markdownlint && (size <= 1_000_000 || ctx.full) && !(ctx.quick && size > 100_000)) {
        settle();
        md = sample(() => ctx.markdownlint!(text), { warmup: size > 1_000_000 ? 0 : 1, minRuns: size >= 1_000_000 ? 1 : 3 }).median;
        mdPerChar.push((md * 1e6) / text.length);
      }
      r.tables[0].rows.push([
        String(text.length),
        String(Buffer.byteLength(text)),
        ms(s.median),
        num(nsPerChar, 1),
        num(cpuPerChar[cpuPerChar.length - 1], 1),
        ms(md),
        num((md * 1e6) / text.length, 0),
      ]);
    }
    // The fixed per-post cost (front matter parsing and schema checks) is what
    // raises ns/char on small posts: measure it on the front matter alone.
    const fmOnly = syntheticPost(0);
    settle();
    const fixed = sample(() => ctx.bilint(fmOnly), { warmup: 20, minRuns: 50, maxRuns: 2000, minMs: 200 }).median;
    r.tables[0].rows.push([`${fmOnly.length} (front matter only)`, String(Buffer.byteLength(fmOnly)), ms(fixed), '-', '-', '-', '-']);
    r.metrics.push({ id: 'linearity.fixed', label: 'fixed cost per post (lint of the front matter alone)', value: fixed, unit: 'ms' });
    const spread = Math.max(...perChar) / Math.min(...perChar);
    r.metrics.push({
      id: 'linearity.spread',
      label: 'bilint ns/char, largest / smallest across sizes',
      value: spread,
      unit: '×',
      target: { op: '<=', value: 2 },
    });
    r.metrics.push({
      id: 'linearity.cpu.spread',
      label: 'bilint CPU ns/char, largest / smallest',
      value: Math.max(...cpuPerChar) / Math.min(...cpuPerChar),
      unit: '×',
    });
    if (mdPerChar.length > 1) {
      r.metrics.push({
        id: 'linearity.markdownlint.spread',
        label: 'markdownlint ns/char, largest / smallest',
        value: Math.max(...mdPerChar) / Math.min(...mdPerChar),
        unit: '×',
      });
    }
    r.notes.push('Flat ns/char means linear time; the spread target (≤ 2×) allows for fixed per-call costs and GC noise.');
    if (!ctx.full) r.notes.push('markdownlint on 5 M chars runs only with --full (it takes minutes).');
    return r;
  },
};

/** Not a target: shows which rule to look at when the totals move. */
export const ruleBreakdown: Section = {
  id: 'rules',
  title: 'Where the time goes on the largest real post (model, then each rule alone)',
  run(ctx: BenchContext) {
    if (ctx.corpus.length === 0) return noCorpus();
    const r = emptyResult();
    const text = [...ctx.corpus].sort((a, b) => b.text.length - a.text.length)[0].text;
    const runs = ctx.quick ? 15 : 40;
    // Round-robin (model alone, then each rule alone, repeated), so GC pauses
    // and clock drift spread evenly instead of landing on one row.
    const variants: { name: string; only: Set<string> }[] = [
      { name: 'model (parse + directives, no rules)', only: new Set() },
      ...builtinRules.map((rule) => ({ name: rule.meta.id, only: new Set([rule.meta.id]) })),
    ];
    const times: number[][] = variants.map(() => []);
    settle();
    for (let i = 0; i < runs + 3; i++) {
      variants.forEach((v, k) => {
        const dt = timeOnce(() => lint(text, { only: v.only }));
        if (i >= 3) times[k].push(dt); // the first rounds warm up
      });
    }
    const model = summarize(times[0]).median;
    r.tables.push({ head: ['part', 'median ms', 'findings'], rows: [[variants[0].name, ms(model), '-']] });
    variants.slice(1).forEach((v, k) => {
      const t = summarize(times[k + 1]).median;
      r.tables[0].rows.push([v.name, ms(Math.max(0, t - model)), String(lint(text, { only: v.only }).diagnostics.length)]);
    });
    r.notes.push(
      "A rule's time is its lint-alone median minus the model time, so it includes the inline detail it asks for (shared in a full lint).",
    );
    return r;
  },
};

function short(file: string): string {
  return file.slice(file.lastIndexOf('/') + 1);
}
