/**
 * Whole-process wall time of the command line on real posts, beside
 * markdownlint-cli2 on the same files. Posts are copied into a temporary
 * folder so cache files never land in the shared corpus.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { replicate, type CorpusPost } from '../corpus';
import { emptyResult, ms, num, ratio, settle, timeOnce, type SectionResult } from '../harness';
import type { BenchContext, Section } from './types';

interface Run {
  ms: number;
  status: number | null;
  /** Peak resident memory in MB, when /usr/bin/time is there to tell. */
  peakMb: number;
  /** User + system CPU time in ms, all threads (from /usr/bin/time; NaN without it). */
  cpuMs: number;
  stderr: string;
}

const TIME = '/usr/bin/time';

function run(cmd: string, args: string[], cwd: string): Run {
  const memFile = path.join(cwd, '.peak-kb');
  const useTime = fs.existsSync(TIME);
  const [c, a] = useTime ? [TIME, ['-f', '%U %S %M', '-o', memFile, cmd, ...args]] : [cmd, args];
  const t0 = performance.now();
  const r = spawnSync(c, a, { cwd, stdio: ['ignore', 'ignore', 'pipe'], maxBuffer: 64 * 1024 * 1024, encoding: 'utf8' });
  const elapsed = performance.now() - t0;
  let peakMb = NaN;
  let cpuMs = NaN;
  if (useTime && fs.existsSync(memFile)) {
    // The last line: /usr/bin/time writes "Command exited with non-zero status N" above it on exit 1.
    const [user, sys, kb] = fs.readFileSync(memFile, 'utf8').trim().split('\n').pop()!.split(' ').map(Number);
    peakMb = kb / 1024;
    cpuMs = (user + sys) * 1000;
    fs.rmSync(memFile);
  }
  return { ms: elapsed, status: r.status, peakMb, cpuMs, stderr: (r.stderr ?? '').slice(-2000) };
}

/**
 * The run with the median wall time of `n` (the machine is noisy: one run can be 10% off), with the highest
 * peak memory seen; a run that failed outright (exit other than 0 or 1) is returned instead, to be reported.
 */
function medianRun(n: number, once: () => Run): Run {
  const runs = Array.from({ length: n }, once);
  const failed = runs.find((x) => x.status !== 0 && x.status !== 1);
  if (failed) return failed;
  const mid = [...runs].sort((a, b) => a.ms - b.ms)[(n - 1) >> 1];
  return { ...mid, peakMb: Math.max(...runs.map((x) => x.peakMb)) };
}

/**
 * The least wall time any run of this engine could take on `posts`: a bare Node start, plus one pass of the
 * whole lint once V8 has fully optimized it (the fastest of several passes after warm-up, in this process).
 * A real run also pays for loading its code and for V8's optimizing while it runs, so it cannot beat this.
 * It shows whether a speed target is within the engine's reach on this machine at all.
 */
function floorMs(ctx: BenchContext, posts: readonly CorpusPost[], cwd: string): { start: number; pass: number } {
  const start = medianRun(5, () => run(process.execPath, ['-e', '0'], cwd)).ms;
  settle();
  const passes = ctx.quick ? 3 : 12;
  const times: number[] = [];
  for (let i = 0; i < passes; i++) times.push(timeOnce(() => posts.reduce((n, p) => n + ctx.bilint(p.text), 0)));
  return { start, pass: Math.min(...times.slice(Math.floor(passes / 3))) };
}

function writePosts(dir: string, posts: readonly CorpusPost[]): void {
  fs.mkdirSync(dir, { recursive: true });
  posts.forEach((p, i) => fs.writeFileSync(path.join(dir, `${String(i).padStart(4, '0')}-${path.basename(p.file)}`), p.text));
}

/** bilint exits 0 or 1 on a normal run (1: lint errors found); anything else is a failure. */
function cliFailed(r: Run): boolean {
  return r.status !== 0 && r.status !== 1;
}

export const cli: Section = {
  id: 'cli',
  title: 'Command line: whole-process wall time (bilint vs markdownlint-cli2)',
  run(ctx: BenchContext): SectionResult {
    const r = emptyResult();
    const bin = path.join(ctx.root, 'bin', 'bilint.js');
    const cli2 = path.join(ctx.root, 'node_modules', '.bin', 'markdownlint-cli2');
    if (!fs.existsSync(bin)) return { ...r, skipped: 'CLI not built yet (bin/bilint.js is missing)' };
    if (ctx.corpus.length === 0) return { ...r, skipped: 'the real corpus was not found' };
    const help = spawnSync(process.execPath, [bin, '--help'], { encoding: 'utf8' });
    const hasCache = /--cache\b/.test(`${help.stdout}${help.stderr}`);

    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'bilint-bench-'));
    try {
      // Quick mode: a slice of the corpus, since markdownlint-cli2 needs several seconds for all of it (5-6 s here today).
      const base = ctx.quick ? ctx.corpus.slice(0, 30) : ctx.corpus;
      writePosts(path.join(tmp, 'real'), base);
      const bigCount = ctx.quick ? 300 : 1000;
      writePosts(path.join(tmp, 'big'), replicate(ctx.corpus, bigCount));
      const table = { head: ['command', 'posts', 'wall ms', 'cpu ms', 'ms/post', 'peak MB', 'exit'], rows: [] as string[][] };
      r.tables.push(table);
      const row = (name: string, posts: number, x: Run) =>
        table.rows.push([name, String(posts), ms(x.ms), ms(x.cpuMs), num(x.ms / posts, 2), num(x.peakMb, 0), String(x.status)]);

      // Each command runs `repeat` times; the tables show the median.
      const repeat = ctx.quick ? 1 : 3;
      ctx.progress(`cli: bilint on ${base.length} posts (${repeat}×)`);
      const small = medianRun(repeat, () => run(process.execPath, [bin, 'real'], tmp));
      row('bilint real/', base.length, small);
      if (cliFailed(small)) {
        r.notes.push(`bilint failed (exit ${small.status}): ${small.stderr.trim().split('\n').slice(-3).join(' | ')}`);
        return r;
      }
      ctx.progress(`cli: markdownlint-cli2 on ${base.length} posts (slow)`);
      const mdSmall = fs.existsSync(cli2) ? medianRun(repeat, () => run(cli2, ['real/*.md'], tmp)) : undefined;
      if (mdSmall) row('markdownlint-cli2 "real/*.md"', base.length, mdSmall);

      ctx.progress(`cli: bilint on ${bigCount} posts`);
      const big = medianRun(repeat, () => run(process.execPath, [bin, 'big'], tmp));
      row('bilint big/', bigCount, big);
      if (ctx.full && fs.existsSync(cli2)) {
        ctx.progress(`cli: markdownlint-cli2 on ${bigCount} posts (about 40 s)`);
        const mdBig = run(cli2, ['big/*.md'], tmp);
        row('markdownlint-cli2 "big/*.md"', bigCount, mdBig);
        r.metrics.push({
          id: 'cli.speedup.big',
          label: `markdownlint-cli2 / bilint wall time (${bigCount} posts)`,
          value: mdBig.ms / big.ms,
          unit: '×',
          target: { op: '>=', value: 20 },
        });
      }

      if (hasCache) {
        ctx.progress('cli: --cache, cold then warm');
        row('bilint --cache real/ (cold)', base.length, run(process.execPath, [bin, '--cache', 'real'], tmp));
        const warm = run(process.execPath, [bin, '--cache', 'real'], tmp);
        row('bilint --cache real/ (unchanged re-run)', base.length, warm);
        r.metrics.push({
          id: 'cli.cache.rerun',
          label: 'bilint --cache re-run, nothing changed',
          value: warm.ms,
          unit: 'ms',
          target: { op: '<=', value: 1000 },
        });
      } else {
        r.notes.push('bilint --help does not list --cache yet: cache re-run not measured.');
      }

      if (mdSmall) {
        ctx.progress('cli: floor (bare Node start + one fully optimized pass)');
        const floor = floorMs(ctx, base, tmp);
        const best = floor.start + floor.pass;
        table.rows.push([
          `floor: node -e 0 (${ms(floor.start)}) + warm pass (${ms(floor.pass)})`,
          String(base.length),
          ms(best),
          '',
          num(best / base.length, 2),
          '',
          '',
        ]);
        r.metrics.push({
          id: 'cli.speedup.ceiling',
          label: `markdownlint-cli2 / floor (${base.length} posts): the most any run could reach`,
          value: mdSmall.ms / best,
          unit: '×',
        });
        r.metrics.push({
          id: 'cli.speedup',
          label: `markdownlint-cli2 / bilint wall time (${base.length} posts)`,
          value: mdSmall.ms / small.ms,
          unit: '×',
          target: { op: '>=', value: 20 },
        });
        r.notes.push(`bilint is ${ratio(mdSmall.ms, small.ms)} faster than markdownlint-cli2 on the same ${base.length} posts.`);
      }
      r.metrics.push({ id: 'cli.wall', label: `bilint wall time (${base.length} posts)`, value: small.ms, unit: 'ms' });
      r.metrics.push({
        id: 'cli.perpost.growth',
        label: `bilint ms/post, ${bigCount} posts / ${base.length} posts`,
        value: big.ms / bigCount / (small.ms / base.length),
        unit: '×',
      });
      const peak = Math.max(small.peakMb, big.peakMb);
      if (Number.isFinite(peak))
        r.metrics.push({ id: 'cli.peak', label: 'bilint peak memory', value: peak, unit: 'MB', target: { op: '<=', value: 500 } });
      if (!ctx.full) r.notes.push(`markdownlint-cli2 on ${bigCount} posts runs only with --full (about 40 s here).`);
      r.notes.push(
        `Wall time includes Node start-up; stdout goes to /dev/null. Medians of ${repeat} run(s) each (markdownlint-cli2 on 1,000 posts: one).`,
      );
      if (mdSmall)
        r.notes.push(
          'The floor row is a bare Node start plus the fastest in-process pass of the whole lint after warm-up (no code loading, no JIT warm-up): no run of this engine on one core can beat it.',
          'cpu ms is all threads: above wall ms, the second core was busy too (for bilint, mostly V8 compiling the lint while it runs).',
        );
      return r;
    } finally {
      fs.rmSync(tmp, { recursive: true, force: true });
    }
  },
};
