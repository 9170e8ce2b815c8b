/**
 * Running the real CLI (`node bin/bilint.js`) as a child process on a copy
 * of a fixture tree, so paths in the output are stable and fixes never touch
 * the repository.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { builtinRules } from '../../server/src/bilint';

export const REPO = path.resolve(__dirname, '..', '..', '..');
export const BIN = path.join(REPO, 'bin', 'bilint.js');
export const FIXTURES = path.join(REPO, 'test', 'cli', 'fixtures');

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Environment variables that change the output: cleared unless a test sets them. */
const NOISY = [
  'CI',
  'NO_COLOR',
  'FORCE_COLOR',
  'GITHUB_WORKSPACE',
  'GITHUB_ACTIONS',
  'GITHUB_BASE_REF',
  'CI_MERGE_REQUEST_TARGET_BRANCH_NAME',
  'TERM',
];

export function bilint(args: string[], opts: { cwd: string; input?: string | Buffer; env?: Record<string, string> }): CliRun {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const k of NOISY) delete env[k];
  Object.assign(env, opts.env);
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd: opts.cwd, input: opts.input ?? '', env, encoding: 'utf8', timeout: 60_000 });
  if (r.error) throw r.error;
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** A fresh copy of `fixtures/<name>` in a temp folder (`gitignore.txt` becomes `.gitignore`). */
export function fixtureCopy(name: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `bilint-cli-${name}-`));
  fs.cpSync(path.join(FIXTURES, name), dir, { recursive: true });
  for (const f of walk(dir)) {
    if (path.basename(f) === 'gitignore.txt') fs.renameSync(f, path.join(path.dirname(f), '.gitignore'));
  }
  return dir;
}

/**
 * Writes a bilint.config.json that turns every rule off but `on`, so the
 * expected output does not move when other rules are added.
 */
export function onlyRules(dir: string, on: Record<string, string>, extra: object = {}): void {
  const rules: Record<string, string> = {};
  for (const r of builtinRules) rules[r.meta.id] = on[r.meta.id] ?? 'off';
  fs.writeFileSync(path.join(dir, 'bilint.config.json'), JSON.stringify({ rules, ...extra }, null, 2));
}

export function walk(dir: string): string[] {
  const out: string[] = [];
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...walk(p));
    else out.push(p);
  }
  return out;
}

export function read(dir: string, rel: string): string {
  return fs.readFileSync(path.join(dir, rel), 'utf8');
}

/** Runs git in `dir` as a test user; returns what it prints. */
export function git(dir: string, ...args: string[]): string {
  return execFileSync('git', args, {
    cwd: dir,
    encoding: 'utf8',
    env: { ...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@e', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@e' },
  });
}
