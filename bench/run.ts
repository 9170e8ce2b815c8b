/**
 * `npm run bench`: measures Bilint against the targets of the issues, with
 * markdownlint on the same texts in the same process so ratios come from one
 * run. A benchmark, not a test: it reports, it never fails on a missed target.
 *
 *   node out/bench/run.js [--quick] [--full] [--json FILE] [--only id,id]
 */
import fs from 'node:fs';
import os from 'node:os';
import { chars, corpusDir, loadCorpus, REPO_ROOT } from './corpus';
import { formatTable, formatTarget, met, sinkValue, type Metric, type SectionResult } from './harness';
import { bilint, loadMarkdownlint } from './peers';
import { sections } from './sections';
import type { BenchContext } from './sections/types';

interface Args {
  quick: boolean;
  full: boolean;
  json?: string;
  only?: string[];
}

function parseArgs(argv: string[]): Args {
  const args: Args = { quick: false, full: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--quick') args.quick = true;
    else if (a === '--full') args.full = true;
    else if (a === '--json') args.json = argv[++i];
    else if (a.startsWith('--json=')) args.json = a.slice(7);
    else if (a === '--only') args.only = (argv[++i] ?? '').split(',');
    else if (a === '--help' || a === '-h') {
      console.log('usage: node out/bench/run.js [--quick] [--full] [--json FILE] [--only ' + sections.map((s) => s.id).join(',') + ']');
      process.exit(0);
    } else {
      console.error(`unknown option: ${a}`);
      process.exit(2);
    }
  }
  if (args.json === undefined && argv.includes('--json')) {
    console.error('--json needs a file name');
    process.exit(2);
  }
  return args;
}

function machine() {
  const cpus = os.cpus();
  return {
    node: process.version,
    platform: `${os.platform()} ${os.release()} ${os.arch()}`,
    cpus: cpus.length,
    cpuModel: cpus[0]?.model ?? 'unknown',
    memoryGb: Math.round(os.totalmem() / 1e9),
    /** 1-minute load average at start: above the core count, expect noisy numbers. */
    loadAverage: Number(os.loadavg()[0].toFixed(2)),
    date: new Date().toISOString(),
  };
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const info = machine();
  const dir = corpusDir();
  const corpus = loadCorpus(dir);
  const ctx: BenchContext = {
    quick: args.quick,
    full: args.full,
    root: REPO_ROOT,
    corpusDir: dir,
    corpus,
    bilint,
    markdownlint: await loadMarkdownlint(),
    progress: (m) => process.stderr.isTTY && process.stderr.write(`\r\x1b[K… ${m}`),
  };
  console.log(`Bilint bench${args.quick ? ' (--quick)' : ''}${args.full ? ' (--full)' : ''}`);
  console.log(
    `machine: ${info.cpus} × ${info.cpuModel}, ${info.memoryGb} GB, ${info.platform}, node ${info.node}, load ${info.loadAverage}`,
  );
  if (info.loadAverage > info.cpus) {
    console.log(
      `WARNING: load average ${info.loadAverage} on ${info.cpus} cpus: other work competes for the cores, times will be inflated and noisy.`,
    );
  }
  console.log(`corpus: ${corpus.length} posts, ${chars(corpus)} chars from ${dir}`);
  console.log(`markdownlint: ${ctx.markdownlint ? 'loaded (library, default rules)' : 'NOT loaded'}`);

  const results: Record<string, SectionResult & { title: string; seconds: number }> = {};
  const chosen = sections.filter((s) => !args.only || args.only.includes(s.id));
  for (const section of chosen) {
    const t0 = Date.now();
    let res: SectionResult;
    try {
      res = await section.run(ctx);
    } catch (e) {
      res = { tables: [], metrics: [], notes: [], skipped: `failed: ${(e as Error).stack ?? e}` };
    }
    if (process.stderr.isTTY) process.stderr.write('\r\x1b[K');
    const seconds = (Date.now() - t0) / 1000;
    results[section.id] = { title: section.title, seconds, ...res };
    printSection(section.title, seconds, res);
  }

  const all: Metric[] = Object.values(results).flatMap((r) => r.metrics);
  console.log('\n## Targets');
  for (const m of all.filter((x) => x.target)) console.log(`${met(m) ? 'MET   ' : 'MISSED'}  ${m.label}: ${fmt(m)}  (${formatTarget(m)})`);
  if (args.json) {
    fs.writeFileSync(
      args.json,
      JSON.stringify({ machine: info, quick: args.quick, full: args.full, sections: results, sink: sinkValue() }, null, 2) + '\n',
    );
    console.log(`\nresults written to ${args.json}`);
  }
}

function fmt(m: Metric): string {
  const v = Math.abs(m.value) >= 100 ? m.value.toFixed(0) : m.value.toFixed(2);
  return `${v} ${m.unit}`;
}

function printSection(title: string, seconds: number, res: SectionResult): void {
  console.log(`\n## ${title}  [${seconds.toFixed(1)} s]`);
  if (res.skipped) {
    console.log(`skipped: ${res.skipped}`);
    return;
  }
  for (const t of res.tables) console.log(formatTable(t));
  for (const m of res.metrics) console.log(`- ${m.label}: ${fmt(m)}${m.target ? `  (${formatTarget(m)})` : ''}`);
  for (const n of res.notes) console.log(`  ${n}`);
}

main().catch((e) => {
  console.error(e);
  process.exit(2);
});
