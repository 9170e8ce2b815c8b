/**
 * The bench's small toolkit: timing loops, statistics, tables. Sections use
 * these so every table and every target line reads the same way.
 */
import { performance } from 'node:perf_hooks';

export interface Target {
  op: '<=' | '>=';
  value: number;
}

/** One number a section measured, with the goal the issues set for it (if any). */
export interface Metric {
  id: string;
  label: string;
  value: number;
  unit: string;
  target?: Target;
}

export interface Table {
  head: string[];
  rows: string[][];
}

export interface SectionResult {
  tables: Table[];
  metrics: Metric[];
  notes: string[];
  /** Set when the section could not run (a missing tool): the reason, printed instead of failing. */
  skipped?: string;
}

export function emptyResult(): SectionResult {
  return { tables: [], metrics: [], notes: [] };
}

export function met(m: Metric): boolean | undefined {
  if (!m.target || !Number.isFinite(m.value)) return undefined;
  return m.target.op === '<=' ? m.value <= m.target.value : m.value >= m.target.value;
}

export interface Samples {
  /** Wall milliseconds per run, in the order measured. */
  times: number[];
  median: number;
  p95: number;
  min: number;
  /**
   * Median CPU milliseconds of this process per run (all its threads, GC
   * included). Close to the wall time on an idle machine; on a busy one it
   * shows the work itself, without the waiting for a core.
   */
  cpuMedian: number;
}

export function quantile(sorted: number[], q: number): number {
  if (sorted.length === 0) return NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[i];
}

export function summarize(times: number[], cpu: number[] = []): Samples {
  const sorted = [...times].sort((a, b) => a - b);
  const cpuSorted = [...cpu].sort((a, b) => a - b);
  return { times, median: quantile(sorted, 0.5), p95: quantile(sorted, 0.95), min: sorted[0] ?? NaN, cpuMedian: quantile(cpuSorted, 0.5) };
}

/**
 * Runs `fn` `warmup` times unmeasured (and on until `warmupMs` have passed),
 * collects the warm-up's garbage, then runs it at least `minRuns` times and
 * until `minMs` of measured time has passed (capped at `maxRuns`).
 */
export function sample(
  fn: () => unknown,
  opts: { warmup: number; warmupMs?: number; minRuns: number; maxRuns?: number; minMs?: number },
): Samples {
  const warmStart = performance.now();
  for (let i = 0; i < opts.warmup || performance.now() - warmStart < (opts.warmupMs ?? 0); i++) sink(fn());
  settle();
  const times: number[] = [];
  const cpu: number[] = [];
  const maxRuns = opts.maxRuns ?? opts.minRuns;
  let spent = 0;
  while (times.length < opts.minRuns || (spent < (opts.minMs ?? 0) && times.length < maxRuns)) {
    const m = measureOnce(fn);
    times.push(m.wall);
    cpu.push(m.cpu);
    spent += m.wall;
  }
  return summarize(times, cpu);
}

/** Wall and CPU milliseconds of one call. */
export function measureOnce(fn: () => unknown): { wall: number; cpu: number } {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  sink(fn());
  const wall = performance.now() - t0;
  const c = process.cpuUsage(c0);
  return { wall, cpu: (c.user + c.system) / 1000 };
}

/**
 * Collects garbage left by the previous measurement (markdownlint leaves a
 * lot), when node runs with --expose-gc, so one linter's garbage is not
 * billed to the other.
 */
export function settle(): void {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (gc) gc();
}

/** Wall time of one call, in milliseconds. */
export function timeOnce(fn: () => unknown): number {
  const t0 = performance.now();
  sink(fn());
  return performance.now() - t0;
}

// Keeps results reachable so the optimizer cannot drop the work.
let sinkCount = 0;
function sink(v: unknown): void {
  if (v !== undefined && v !== null) sinkCount++;
}
export function sinkValue(): number {
  return sinkCount;
}

export function ms(v: number): string {
  if (!Number.isFinite(v)) return 'n/a';
  return v >= 100 ? v.toFixed(0) : v >= 10 ? v.toFixed(1) : v.toFixed(2);
}

export function num(v: number, digits = 1): string {
  return Number.isFinite(v) ? v.toFixed(digits) : 'n/a';
}

export function ratio(a: number, b: number): string {
  if (!Number.isFinite(a) || !Number.isFinite(b) || b === 0) return 'n/a';
  const r = a / b;
  return (r >= 10 ? r.toFixed(0) : r.toFixed(1)) + '×';
}

export function formatTable(t: Table): string {
  const widths = t.head.map((h, i) => Math.max(h.length, ...t.rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  return [line(t.head), widths.map((w) => '-'.repeat(w)).join('  '), ...t.rows.map(line)].join('\n');
}

export function formatTarget(m: Metric): string {
  if (!m.target) return '';
  const ok = met(m);
  return `target ${m.target.op} ${m.target.value} ${m.unit}: ${ok === undefined ? 'n/a' : ok ? 'MET' : 'MISSED'}`;
}
