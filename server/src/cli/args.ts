/**
 * The command line, parsed into one plain object. Hand-written rather than
 * `util.parseArgs` because `--changed [REF]` takes an optional value and
 * usage errors must say what to do.
 */
import * as fs from 'node:fs';

export class UsageError extends Error {}

export type Command = 'lint' | 'stats' | 'init';

export interface CliOptions {
  command: Command;
  paths: string[];
  format?: string;
  outputFile?: string;
  config?: string;
  rules: string[];
  printConfig?: string;
  stdin: boolean;
  stdinFilename?: string;
  filesFrom?: string;
  /** `true`: compare with the default branch; a string: that ref. */
  changed?: string | true;
  fix: boolean;
  fixDryRun: boolean;
  fixType: string[];
  maxWarnings?: number;
  quiet: boolean;
  concurrency?: number | 'auto';
  cache: boolean;
  cacheLocation?: string;
  ignore: boolean;
  color?: boolean;
  progress?: boolean;
  help: boolean;
  version: boolean;
}

type Kind = 'flag' | 'value' | 'list';
interface Spec {
  key: keyof CliOptions;
  kind: Kind;
  /** `--no-<name>` sets the flag to false. */
  negatable?: boolean;
}

const SPECS: Record<string, Spec> = {
  format: { key: 'format', kind: 'value' },
  'output-file': { key: 'outputFile', kind: 'value' },
  config: { key: 'config', kind: 'value' },
  rule: { key: 'rules', kind: 'list' },
  'print-config': { key: 'printConfig', kind: 'value' },
  stdin: { key: 'stdin', kind: 'flag' },
  'stdin-filename': { key: 'stdinFilename', kind: 'value' },
  'files-from': { key: 'filesFrom', kind: 'value' },
  fix: { key: 'fix', kind: 'flag' },
  'fix-dry-run': { key: 'fixDryRun', kind: 'flag' },
  'fix-type': { key: 'fixType', kind: 'list' },
  'max-warnings': { key: 'maxWarnings', kind: 'value' },
  quiet: { key: 'quiet', kind: 'flag' },
  concurrency: { key: 'concurrency', kind: 'value' },
  cache: { key: 'cache', kind: 'flag' },
  'cache-location': { key: 'cacheLocation', kind: 'value' },
  ignore: { key: 'ignore', kind: 'flag', negatable: true },
  color: { key: 'color', kind: 'flag', negatable: true },
  progress: { key: 'progress', kind: 'flag', negatable: true },
  help: { key: 'help', kind: 'flag' },
  version: { key: 'version', kind: 'flag' },
};

const SHORT: Record<string, string> = { f: 'format', o: 'output-file', c: 'config', h: 'help', v: 'version' };

export function parseArgs(argv: readonly string[], cwd = process.cwd()): CliOptions {
  const o: CliOptions = {
    command: 'lint',
    paths: [],
    rules: [],
    stdin: false,
    fix: false,
    fixDryRun: false,
    fixType: [],
    quiet: false,
    cache: false,
    ignore: true,
    help: false,
    version: false,
  };
  const args = [...argv];
  if (args[0] === 'stats' || args[0] === 'init') o.command = args.shift() as Command;
  const raw: Record<string, string | undefined> = {};
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === '--') {
      o.paths.push(...args.slice(i + 1));
      break;
    }
    if (!arg.startsWith('-') || arg === '-') {
      o.paths.push(arg);
      continue;
    }
    let name: string;
    let inline: string | undefined;
    if (arg.startsWith('--')) {
      const eq = arg.indexOf('=');
      name = eq >= 0 ? arg.slice(2, eq) : arg.slice(2);
      inline = eq >= 0 ? arg.slice(eq + 1) : undefined;
    } else {
      const long = SHORT[arg.slice(1, 2)];
      if (!long) throw new UsageError(`Unknown option ${arg}.`);
      name = long;
      inline = arg.length > 2 ? arg.slice(2).replace(/^=/, '') : undefined;
    }
    if (name === 'changed') {
      // The ref is optional: take the next word when it is not an option or a path on disk.
      const next = args[i + 1];
      if (inline !== undefined) o.changed = inline || true;
      else if (next !== undefined && !next.startsWith('-') && !fs.existsSync(`${cwd}/${next}`)) o.changed = args[++i];
      else o.changed = true;
      continue;
    }
    let spec = SPECS[name];
    let value: boolean | string = true;
    if (!spec && name.startsWith('no-') && SPECS[name.slice(3)]?.negatable) {
      spec = SPECS[name.slice(3)];
      value = false;
      if (inline !== undefined) throw new UsageError(`--${name} takes no value.`);
    }
    if (!spec) throw new UsageError(`Unknown option --${name}.${closest(name)}`);
    if (spec.kind === 'flag') {
      if (inline !== undefined) throw new UsageError(`--${name} takes no value.`);
      (o as unknown as Record<string, unknown>)[spec.key] = value;
      continue;
    }
    let v = inline;
    if (v === undefined) {
      v = args[++i];
      if (v === undefined || (v.startsWith('-') && v !== '-')) throw new UsageError(`--${name} needs a value.`);
    }
    if (spec.kind === 'list')
      (o[spec.key] as string[]).push(
        ...v
          .split(',')
          .map((s) => s.trim())
          .filter(Boolean),
      );
    else raw[name] = v;
  }
  o.format = raw.format;
  o.outputFile = raw['output-file'];
  o.config = raw.config;
  o.printConfig = raw['print-config'];
  o.stdinFilename = raw['stdin-filename'];
  o.filesFrom = raw['files-from'];
  o.cacheLocation = raw['cache-location'];
  if (raw['max-warnings'] !== undefined) o.maxWarnings = nonNegativeInt('--max-warnings', raw['max-warnings']);
  if (raw.concurrency !== undefined)
    o.concurrency = raw.concurrency === 'auto' ? 'auto' : nonNegativeInt('--concurrency', raw.concurrency, 1);
  check(o);
  return o;
}

function nonNegativeInt(flag: string, v: string, min = 0): number {
  if (!/^\d+$/.test(v) || Number(v) < min)
    throw new UsageError(`${flag} needs a whole number${min ? ` of at least ${min}` : ''}, not "${v}".`);
  return Number(v);
}

function check(o: CliOptions): void {
  if (o.help || o.version) return;
  const sources = [o.stdin && '--stdin', o.filesFrom !== undefined && '--files-from', o.changed !== undefined && '--changed'].filter(
    Boolean,
  );
  if (sources.length > 1) throw new UsageError(`${sources.join(' and ')} cannot be combined: choose one source of posts.`);
  if (o.stdin && o.paths.length)
    throw new UsageError('--stdin reads one post from standard input: give no paths (name it with --stdin-filename).');
  if (o.stdinFilename !== undefined && !o.stdin) throw new UsageError('--stdin-filename only goes with --stdin.');
  if (o.fix && o.fixDryRun) throw new UsageError('--fix and --fix-dry-run cannot be combined: --fix-dry-run shows what --fix would write.');
  if (o.stdin && o.fix)
    throw new UsageError('--fix writes files, and standard input is not one: use --fix-dry-run to see the changes as a diff.');
  if (o.fixType.length && !o.fix && !o.fixDryRun)
    throw new UsageError('--fix-type chooses which fixes --fix or --fix-dry-run apply: add one of them.');
  if (o.command === 'init' && (o.paths.length || o.stdin))
    throw new UsageError('`bilint init` takes no paths: it writes bilint.config.json in the current folder.');
  if (o.command === 'stats' && (o.fix || o.fixDryRun)) throw new UsageError('`bilint stats` only counts; run `bilint --fix` to fix.');
}

function closest(name: string): string {
  let best = '';
  let bestD = 3;
  for (const candidate of [...Object.keys(SPECS), 'changed']) {
    const d = distance(name, candidate);
    if (d < bestD) {
      bestD = d;
      best = candidate;
    }
  }
  return best ? ` Did you mean --${best}?` : '';
}

function distance(a: string, b: string): number {
  const prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0];
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = prev[j];
      prev[j] = Math.min(prev[j] + 1, prev[j - 1] + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = tmp;
    }
  }
  return prev[b.length];
}
