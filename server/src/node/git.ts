/** The posts a branch changed, through git: what `--changed [REF]` lints. */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

export class GitError extends Error {}

function git(cwd: string, args: string[]): string {
  try {
    return execFileSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 64 * 1024 * 1024 });
  } catch (err) {
    const e = err as { stderr?: string; message: string; code?: string };
    if (e.code === 'ENOENT') throw new GitError('`--changed` needs git, which is not on the PATH.');
    throw new GitError((e.stderr || e.message).trim());
  }
}

function refExists(cwd: string, ref: string): boolean {
  try {
    git(cwd, ['rev-parse', '--verify', '--quiet', `${ref}^{commit}`]);
    return true;
  } catch {
    return false;
  }
}

/**
 * The base `--changed` compares with when no REF is given, and how it was found: the branch a CI run's pull
 * or merge request targets (GitHub Actions' GITHUB_BASE_REF, GitLab's CI_MERGE_REQUEST_TARGET_BRANCH_NAME),
 * else the remote's default branch (origin/HEAD, set by `git clone`), else the first of origin/main, main,
 * origin/master and master that exists.
 */
export function defaultBase(cwd: string): { ref: string; from: string } | undefined {
  for (const name of ['GITHUB_BASE_REF', 'CI_MERGE_REQUEST_TARGET_BRANCH_NAME']) {
    const branch = process.env[name]?.trim();
    // Named by the CI, so used even when missing here: the error then says to fetch it.
    if (branch) return { ref: `origin/${branch}`, from: name };
  }
  try {
    const head = git(cwd, ['symbolic-ref', '--quiet', '--short', 'refs/remotes/origin/HEAD']).trim();
    if (head && refExists(cwd, head)) return { ref: head, from: 'origin/HEAD' };
  } catch {
    // no remote named origin, or it has no HEAD (a repository that was not cloned)
  }
  const ref = ['origin/main', 'main', 'origin/master', 'master'].find((r) => refExists(cwd, r));
  return ref ? { ref, from: 'default' } : undefined;
}

/**
 * Files (absolute paths that exist, with one of `extensions`) that differ
 * between the merge base of `ref` and HEAD and the working tree, plus new
 * untracked files. Without `ref`: defaultBase.
 */
export function changedFiles(
  cwd: string,
  ref: string | undefined,
  extensions: readonly string[],
): { files: string[]; base: string; ref: string } {
  let root: string;
  try {
    root = git(cwd, ['rev-parse', '--show-toplevel']).trim();
  } catch (err) {
    throw new GitError(`\`--changed\` works inside a git repository; ${cwd} is not in one (${(err as Error).message}).`);
  }
  const found = ref === undefined ? defaultBase(cwd) : { ref, from: 'argument' };
  if (!found)
    throw new GitError(
      '`--changed` found no base branch: origin has no default branch here, and none of origin/main, main, origin/master, master exists. Name the base, e.g. `--changed origin/develop`.',
    );
  const chosen = found.ref;
  if (!refExists(cwd, chosen)) {
    const by = found.from === 'argument' ? '' : ` (the base named by ${found.from})`;
    throw new GitError(
      `\`--changed ${chosen}\`${by}: git knows no such branch or commit. Fetch it first (in CI: \`git fetch origin ${chosen.replace(/^origin\//, '')}\`).`,
    );
  }
  let base: string;
  try {
    base = git(cwd, ['merge-base', chosen, 'HEAD']).trim();
  } catch {
    throw new GitError(
      `\`--changed ${chosen}\`: HEAD and ${chosen} share no history here. In a shallow clone, fetch more (actions/checkout with \`fetch-depth: 0\`).`,
    );
  }
  const names = new Set<string>();
  for (const n of git(root, ['diff', '--name-only', '-z', '--no-renames', '--diff-filter=d', base]).split('\0')) if (n) names.add(n);
  for (const n of git(root, ['ls-files', '-z', '--others', '--exclude-standard']).split('\0')) if (n) names.add(n);
  const files: string[] = [];
  for (const n of names) {
    const abs = path.join(root, n);
    if (!extensions.some((e) => n.toLowerCase().endsWith(e))) continue;
    try {
      if (fs.statSync(abs).isFile()) files.push(abs);
    } catch {
      // deleted in the working tree
    }
  }
  return { files: files.sort(), base, ref: chosen };
}
