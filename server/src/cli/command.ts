/**
 * What `bilint` does once its options are parsed: init, print-config, or
 * lint (and stats) the posts chosen, report, and say how it went in the
 * exit code. Loaded only then, so --help, --version and usage errors answer
 * without loading the engine.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { builtinRules } from '../bilint';
import type { BilintConfig } from '../engine/config';
import { nearestRuleName } from '../engine/ruleNames';
import { ConfigLoader, docsBaseUrl, type ConfigFileProblem, type ConfigLoaderOptions, type LoadedConfig } from '../node/configLoader';
import { UsageError, type CliOptions } from './args';
import { LintCache, DEFAULT_CACHE_NAME, engineFingerprint } from './cache';
import { formatReport } from './output';
import { init } from './init';
import { print, usage } from './io';
import { gatherInputs } from './inputs';
import { bilintVersion } from './pkg';
import { Progress } from './progress';
import { runPosts, type PostOutcome } from './run';
import { formatStats } from './stats';

const SEVERITIES = new Set(['error', 'warning', 'info', 'off']);

export async function runCommand(o: CliOptions, cwd: string): Promise<number> {
  if (o.command === 'init') {
    const r = init(cwd);
    return print(r.code ? process.stderr : process.stdout, (r.code ? 'bilint: ' : '') + r.message + '\n', r.code);
  }

  let loaderOptions: ConfigLoaderOptions;
  let fixRules: string[] | null;
  try {
    loaderOptions = { explicitFile: configFile(o, cwd), overrides: ruleOverrides(o.rules) };
    fixRules = expandFixTypes(o.fixType);
  } catch (err) {
    return usage(err);
  }
  const loader = new ConfigLoader(loaderOptions);

  if (o.printConfig !== undefined) {
    const file = path.resolve(cwd, o.printConfig);
    const loaded = loader.forFile(file);
    if (loaded.problems.length) return configProblems(loaded.problems);
    return print(
      process.stdout,
      JSON.stringify({ configFiles: loaded.files, ignored: loaded.isIgnored(file), ...loaded.config }, null, 2) + '\n',
      0,
    );
  }

  let posts;
  try {
    const inputs = await gatherInputs(o, loader, cwd);
    for (const note of inputs.notes) process.stderr.write(`bilint: ${note}\n`);
    posts = inputs.posts;
  } catch (err) {
    return usage(err);
  }

  const seen = new Set<LoadedConfig>();
  const problems: ConfigFileProblem[] = [];
  for (const p of posts) {
    const loaded = loader.forFile(p.file);
    if (seen.has(loaded)) continue;
    seen.add(loaded);
    problems.push(...loaded.problems);
  }
  if (problems.length) return configProblems(problems);

  const cache = o.cache ? LintCache.open(cwd, o.cacheLocation ?? DEFAULT_CACHE_NAME, cacheVersion()) : undefined;
  const outcomes = await runPosts(posts, {
    loader,
    concurrency: o.concurrency ?? 'auto',
    fix: o.fix || o.fixDryRun ? { write: o.fix, rules: fixRules } : undefined,
    cache,
    progress: Progress.wanted(process.stderr, process.env, o.progress) ? new Progress(process.stderr) : undefined,
  });
  const reported = o.quiet ? outcomes.map((p) => ({ ...p, diagnostics: p.diagnostics.filter((d) => d.severity === 'error') })) : outcomes;

  if (o.command === 'stats') {
    const text = formatStats(reported, o.format === 'json' ? 'json' : 'table');
    writeReport(o, cwd, text);
    return outcomes.some((p) => p.readError) ? 2 : 0;
  }

  reportFixes(o, outcomes);
  const toStdout = !o.outputFile && !o.fixDryRun;
  const color = toStdout && useColor(o);
  const report = formatReport(o.format ?? 'stylish', reported, {
    cwd,
    color,
    version: bilintVersion(),
    rules: builtinRules,
    docsBaseUrl: docsBaseUrl(),
    githubWorkspace: process.env.GITHUB_WORKSPACE,
    gitlabProjectDir: process.env.CI_PROJECT_DIR,
  });
  if (o.outputFile || !o.fixDryRun) writeReport(o, cwd, report);
  return exitCode(o, outcomes);
}

function exitCode(o: CliOptions, outcomes: PostOutcome[]): number {
  if (outcomes.some((p) => p.readError)) return 2;
  let errors = 0;
  let warnings = 0;
  for (const p of outcomes) {
    for (const d of p.diagnostics) {
      if (d.severity === 'error') errors++;
      else if (d.severity === 'warning') warnings++;
    }
  }
  if (errors > 0) return 1;
  if (o.maxWarnings !== undefined && !o.quiet && warnings > o.maxWarnings) {
    process.stderr.write(`bilint: ${warnings} warnings, more than --max-warnings ${o.maxWarnings} allows.\n`);
    return 1;
  }
  return 0;
}

function reportFixes(o: CliOptions, outcomes: PostOutcome[]): void {
  if (!o.fix && !o.fixDryRun) return;
  for (const p of outcomes) if (p.fixSkipped) process.stderr.write(`bilint: ${p.key}: ${p.fixSkipped}.\n`);
  const changed = outcomes.filter((p) => p.applied > 0);
  const fixes = changed.reduce((n, p) => n + p.applied, 0);
  if (o.fixDryRun) {
    for (const p of changed) process.stdout.write(p.diff ?? '');
    const left = outcomes.reduce((n, p) => n + p.diagnostics.length, 0);
    process.stderr.write(
      `bilint: --fix would apply ${fixes} fix${fixes === 1 ? '' : 'es'} in ${changed.length} post${changed.length === 1 ? '' : 's'}; ${left} finding${left === 1 ? '' : 's'} would remain${o.outputFile ? ` (reported in ${o.outputFile})` : ''}.\n`,
    );
  } else if (fixes > 0) {
    process.stderr.write(
      `bilint: applied ${fixes} fix${fixes === 1 ? '' : 'es'} in ${changed.length} post${changed.length === 1 ? '' : 's'}.\n`,
    );
  }
}

function writeReport(o: CliOptions, cwd: string, text: string): void {
  if (!o.outputFile) {
    process.stdout.write(text);
    return;
  }
  const file = path.resolve(cwd, o.outputFile);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text);
}

function configFile(o: CliOptions, cwd: string): string | undefined {
  if (o.config === undefined) return undefined;
  const file = path.resolve(cwd, o.config);
  if (!fs.existsSync(file)) throw new UsageError(`--config ${o.config}: no such file (looked for ${file}).`);
  return file;
}

/** `--rule id:severity`, checked against the built-in rules. */
function ruleOverrides(specs: string[]): BilintConfig | undefined {
  if (!specs.length) return undefined;
  const known = new Set(builtinRules.map((r) => r.meta.id));
  const rules: NonNullable<BilintConfig['rules']> = {};
  for (const spec of specs) {
    const colon = spec.lastIndexOf(':');
    const id = colon >= 0 ? spec.slice(0, colon) : spec;
    const severity = colon >= 0 ? spec.slice(colon + 1) : '';
    if (!SEVERITIES.has(severity))
      throw new UsageError(`--rule ${spec}: write it as rule-id:severity, the severity one of error, warning, info, off.`);
    if (!known.has(id)) throw new UsageError(`--rule ${spec}: there is no rule "${id}".${suggestRule(id, false)}`);
    rules[id] = severity as 'error';
  }
  return { rules };
}

/** `--fix-type`: rule ids or families (`gloss` = every gloss/* rule). */
function expandFixTypes(types: string[]): string[] | null {
  if (!types.length) return null;
  const out = new Set<string>();
  for (const t of types) {
    const matches = builtinRules.filter((r) => r.meta.id === t || r.meta.id.startsWith(t.replace(/\/$/, '') + '/'));
    if (!matches.length) throw new UsageError(`--fix-type ${t}: no rule or rule family has that name.${suggestRule(t, true)}`);
    for (const r of matches) out.add(r.meta.id);
  }
  return [...out];
}

function suggestRule(id: string, families: boolean): string {
  const meant = nearestRuleName(
    id,
    builtinRules.map((r) => r.meta.id),
    families,
  );
  if (meant) return ` Did you mean "${meant}"?`;
  const family = id.split('/')[0];
  const same = builtinRules.filter((r) => r.meta.id.startsWith(family + '/')).map((r) => r.meta.id);
  return same.length
    ? ` Rules of ${family}: ${same.join(', ')}.`
    : ` Families: ${[...new Set(builtinRules.map((r) => r.meta.id.split('/')[0]))].join(', ')}.`;
}

/** What the cache's findings depend on besides posts and configs: Bilint's version, its rules and their code. */
function cacheVersion(): string {
  return `${bilintVersion()} ${builtinRules.map((r) => r.meta.id).join(',')} ${engineFingerprint()}`;
}

function useColor(o: CliOptions): boolean {
  if (o.color !== undefined) return o.color;
  const env = process.env;
  if ('NO_COLOR' in env && env.NO_COLOR !== '') return false;
  if (env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '0') return true;
  return !!process.stdout.isTTY && env.TERM !== 'dumb';
}

function configProblems(problems: ConfigFileProblem[]): number {
  for (const p of problems) {
    const at = p.line !== undefined ? `:${p.line}:${p.column ?? 1}` : '';
    const file = p.file.startsWith('<') ? p.file : path.relative(process.cwd(), p.file) || p.file;
    process.stderr.write(`${file}${at}: ${p.message}\n`);
  }
  process.stderr.write(
    'bilint: the config above has problems; fix them (the schema is schemas/bilint.config.schema.json) and run again.\n',
  );
  return 2;
}
