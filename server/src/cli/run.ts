/**
 * Linting a set of posts: pass 1 (lint and summarize each post, in worker
 * threads when there is enough work to pay for them), then pass 2 (the
 * cross-post rules, over the summaries of all posts, only for the posts that
 * can have such a finding). The cache short-cuts both passes.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import { performance } from 'node:perf_hooks';
import type { ResolvedConfig } from '../engine/config';
import type { LintDiagnostic } from '../engine/types';
import type { ConfigLoader } from '../node/configLoader';
import { mayConflict } from '../rules/cross-post/shared';
import type { LintCache } from './cache';
import {
  CROSS_POST_RULES,
  checkPost,
  crossCheckPost,
  hashBytes,
  type CheckResult,
  type CheckTask,
  type FixRequest,
  type PostStats,
} from './job';
import { SummaryKnowledge } from './knowledge';
import { PER_WORKER, WorkerPool } from './pool';
import type { Progress } from './progress';

export interface PostInput {
  file: string;
  key: string;
  text?: string;
}

export interface PostOutcome {
  file: string;
  key: string;
  diagnostics: LintDiagnostic[];
  stats: PostStats;
  bom: boolean;
  applied: number;
  diff?: string;
  fixSkipped?: string;
  readError?: string;
}

export interface RunSettings {
  loader: ConfigLoader;
  /** Lint threads, this one included: a number, or 'auto' (one per two cores, when it pays). 1: no workers. */
  concurrency: number | 'auto';
  fix?: FixRequest;
  cache?: LintCache;
  progress?: Progress;
}

/** How long 'auto' lints in the main thread before judging the pace. */
const PROBE_MS = 200;
/**
 * A worker takes ~0.3 s of CPU to start (loading the engine, compiling the
 * post schema) on a core this thread is not using; it pays when at least
 * this much work is left to share.
 */
const WORKER_PAYOFF_MS = 600;

export async function runPosts(inputs: readonly PostInput[], s: RunSettings): Promise<PostOutcome[]> {
  // Workers get the resolved configs as data, and each task the index of its own.
  const configs: ResolvedConfig[] = [];
  const configIndex = new Map<ResolvedConfig, number>();
  const indexOfConfig = (file: string) => {
    const config = s.loader.forFile(file).config;
    let i = configIndex.get(config);
    if (i === undefined) configIndex.set(config, (i = configs.push(config) - 1));
    return i;
  };
  const configOf = (task: CheckTask) => s.loader.forFile(task.file).config;
  const configHashes = new Map<ResolvedConfig, string>();
  const configHash = (file: string) => {
    const config = s.loader.forFile(file).config;
    let h = configHashes.get(config);
    if (!h) configHashes.set(config, (h = hashBytes(JSON.stringify(config))));
    return h;
  };

  // Pass 1, from the cache where it can.
  const checks = new Map<PostInput, CheckResult>();
  const misses: { input: PostInput; size: number }[] = [];
  for (const input of inputs) {
    if (s.cache && input.text === undefined) {
      let bytes: Buffer | undefined;
      try {
        bytes = fs.readFileSync(input.file);
      } catch {
        // the job reports it
      }
      if (bytes) {
        const hash = hashBytes(bytes);
        const hit = s.cache.get(input.file, hash, configHash(input.file));
        if (hit && !(s.fix && hasFixes(hit.check.diagnostics, s.fix.rules))) {
          checks.set(input, { ...hit.check, hash, applied: 0 });
          continue;
        }
        misses.push({ input, size: bytes.length });
        continue;
      }
    }
    misses.push({ input, size: input.text?.length ?? sizeOf(input.file) });
  }

  for (const input of inputs) indexOfConfig(input.file);
  // Lint threads: the main thread is one of them; the others are workers.
  const threads = s.concurrency === 'auto' ? autoThreads() : s.concurrency;
  const canPool = threads > 1 && misses.length >= 2;
  let pool: WorkerPool | undefined;

  try {
    s.progress?.start(misses.length);
    // With workers, the biggest posts first, so no thread is left with a long one at the end. In one
    // thread, the smallest first: V8 optimizes the hot functions while the posts are short, and the long
    // ones then run optimized (118 real posts: 1.03 -> 0.97 s; 1,000: 4.31 -> 3.87 s, medians here).
    misses.sort(canPool ? (a, b) => b.size - a.size : (a, b) => a.size - b.size);
    const task = (input: PostInput): CheckTask => ({
      file: input.file,
      key: input.key,
      text: input.text,
      fix: s.fix,
      configIndex: indexOfConfig(input.file),
    });
    const record = (input: PostInput, r: CheckResult) => {
      checks.set(input, r);
      s.progress?.tick();
      if (s.cache && !r.readError && r.diff === undefined && input.text === undefined) {
        s.cache.set(input.file, { hash: r.hash, configHash: configHash(input.file), check: stored(r) });
      }
    };
    // Copied as a worker's reply would be: the strings in a result are often slices of the post's text,
    // and a slice keeps the whole text alive; a copy keeps only what it says (memory stays flat).
    const here = (input: PostInput) => structuredClone(checkPost(task(input), configOf));
    await share(
      misses,
      (m) => m.size,
      (m) => record(m.input, here(m.input)),
      async (p, m) => record(m.input, await inWorker(p.run<CheckResult>('check', task(m.input)), () => here(m.input))),
      {
        // An explicit thread count is obeyed; 'auto' starts workers once the pace says they pay.
        start: canPool ? () => (pool = new WorkerPool(Math.min(threads - 1, misses.length - 1), configs)) : undefined,
        probe: s.concurrency === 'auto',
      },
    );

    // Pass 2: the cross-post rules, given the summaries of all posts.
    const cross = new Map<PostInput, LintDiagnostic[]>();
    const enabled = (file: string) => {
      const rules = s.loader.forFile(file).config.rules;
      return [...CROSS_POST_RULES].some((id) => rules[id] && rules[id].severity !== 'off');
    };
    const readable = inputs.filter((i) => !checks.get(i)!.readError);
    if (readable.length >= 2 && readable.some((i) => enabled(i.file))) {
      const knowledge = new SummaryKnowledge(readable.map((i) => [i.key, checks.get(i)!.summary]));
      const workspaceHash = hashBytes(
        JSON.stringify(
          readable.map((i) => [
            i.key,
            checks.get(i)!.summary.glosses.map((g) => [g.term, g.english]),
            checks.get(i)!.summary.entities.map((e) => e.name),
          ]),
        ),
      );
      const todo: PostInput[] = [];
      for (const input of readable) {
        const r = checks.get(input)!;
        const entry =
          s.cache && input.text === undefined && r.diff === undefined ? s.cache.get(input.file, r.hash, configHash(input.file)) : undefined;
        if (!enabled(input.file)) continue;
        if (entry?.cross?.workspaceHash === workspaceHash) cross.set(input, entry.cross.diagnostics);
        else if (mayConflict(input.key, r.summary, knowledge)) todo.push(input);
        else if (entry) s.cache!.set(input.file, { ...entry, cross: { workspaceHash, diagnostics: [] } });
      }
      s.progress?.add(todo.length);
      // Workers already running share the work; pass 2 alone (a few posts) never starts them.
      const running = pool as WorkerPool | undefined;
      running?.shareKnowledge(knowledge.toJSON());
      const task2 = (input: PostInput): CheckTask => {
        const r = checks.get(input)!;
        return { file: input.file, key: input.key, text: r.fixedText ?? input.text, configIndex: indexOfConfig(input.file) };
      };
      const record2 = (input: PostInput, found: LintDiagnostic[]) => {
        cross.set(input, found);
        s.progress?.tick();
        const r = checks.get(input)!;
        const entry =
          s.cache && input.text === undefined && r.diff === undefined ? s.cache.get(input.file, r.hash, configHash(input.file)) : undefined;
        if (entry) s.cache!.set(input.file, { ...entry, cross: { workspaceHash, diagnostics: found } });
      };
      const here2 = (input: PostInput) => structuredClone(crossCheckPost(task2(input), configOf, knowledge));
      await share(
        todo,
        (i) => sizeOf(i.file),
        (i) => record2(i, here2(i)),
        async (p, i) => record2(i, await inWorker(p.run<LintDiagnostic[]>('cross', task2(i)), () => here2(i))),
        { pool: running },
      );
    }

    return inputs
      .map((input) => {
        const r = checks.get(input)!;
        const extra = cross.get(input) ?? [];
        const diagnostics = extra.length ? [...r.diagnostics, ...extra].sort(byPosition) : r.diagnostics;
        const out: PostOutcome = { file: input.file, key: input.key, diagnostics, stats: r.stats, bom: r.bom, applied: r.applied };
        if (r.diff !== undefined) out.diff = r.diff;
        if (r.fixSkipped) out.fixSkipped = r.fixSkipped;
        if (r.readError) out.readError = r.readError;
        return out;
      })
      .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  } finally {
    s.progress?.done();
    await pool?.close();
    s.cache?.save();
  }
}

/**
 * Works through `items` in this thread, sharing them with worker threads:
 * those of `opts.pool`, or of a pool `opts.start` creates (at once, or with
 * `opts.probe` only when the pace measured here says the rest would take
 * long enough to pay for starting workers). This thread keeps linting while
 * the workers start and run, yielding between items so their replies are
 * taken in and they never wait for work.
 */
async function share<T>(
  items: readonly T[],
  sizeOfItem: (item: T) => number,
  here: (item: T) => void,
  there: (pool: WorkerPool, item: T) => Promise<void>,
  opts: { pool?: WorkerPool; start?: () => WorkerPool; probe?: boolean },
): Promise<void> {
  let next = 0;
  const feeders: Promise<void>[] = [];
  const feed = async (pool: WorkerPool) => {
    while (next < items.length) await there(pool, items[next++]);
  };
  let pool = opts.pool;
  const launch = (p: WorkerPool) => {
    pool = p;
    for (let i = 0; i < p.size * PER_WORKER; i++) feeders.push(feed(p));
  };
  if (pool) launch(pool);
  else if (opts.start && !opts.probe) launch(opts.start());
  const total = opts.start && opts.probe ? items.reduce((n, item) => n + sizeOfItem(item), 0) : 0;
  const started = performance.now();
  let done = 0;
  while (next < items.length) {
    const item = items[next++];
    here(item);
    done += sizeOfItem(item);
    if (!pool && opts.start && opts.probe && items.length - next >= 2) {
      const elapsed = performance.now() - started;
      if (elapsed >= PROBE_MS && ((total - done) * elapsed) / Math.max(1, done) >= WORKER_PAYOFF_MS) launch(opts.start());
    }
    if (pool) await new Promise<void>((resolve) => setImmediate(resolve));
  }
  await Promise.all(feeders);
}

/** A task a worker could not finish (it ran out of memory on a huge post, it crashed) is redone here. */
async function inWorker<T>(work: Promise<T>, here: () => T): Promise<T> {
  try {
    return await work;
  } catch {
    return here();
  }
}

function stored(r: CheckResult) {
  return { diagnostics: r.diagnostics, summary: r.summary, stats: r.stats, bom: r.bom };
}

function hasFixes(diagnostics: readonly LintDiagnostic[], rules: string[] | null): boolean {
  return diagnostics.some((d) => d.fix && (!rules || rules.includes(d.ruleId)));
}

function byPosition(a: LintDiagnostic, b: LintDiagnostic): number {
  return a.span[0] - b.span[0] || a.span[1] - b.span[1] || (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0);
}

/**
 * A lint thread per two cores: each thread's V8 compiles the engine's hot
 * functions again on background threads, about as much CPU as the lint itself
 * (bin/bilint.js gives V8 the other half of the cores for that). On 2 cores
 * one thread is faster than two, for 118 posts (1.05 s vs 1.1 s) and 1,000
 * (5.2 s vs 6.6 s). One thread too when the machine is already busy (load
 * average at or above the core count, as `make -l` judges).
 */
function autoThreads(): number {
  const cores = os.availableParallelism();
  return os.loadavg()[0] >= cores ? 1 : Math.max(1, Math.floor(cores / 2));
}

function sizeOf(file: string): number {
  try {
    return fs.statSync(file).size;
  } catch {
    return 0;
  }
}
