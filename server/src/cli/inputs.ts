/**
 * Which posts a run lints: standard input, a list of paths, the posts git
 * says changed, or paths and globs from the command line; minus the posts
 * the configs' `ignores` exclude.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import picomatch from 'picomatch';
import { discover, toPosix } from '../node/files';
import { decodePost } from '../node/encoding';
import { changedFiles, GitError } from '../node/git';
import type { ConfigLoader } from '../node/configLoader';
import { UsageError, type CliOptions } from './args';
import type { PostInput } from './run';

export const EXTENSIONS = ['.md'];

export interface Inputs {
  posts: PostInput[];
  /** Said on stderr: posts skipped, why nothing was linted. */
  notes: string[];
}

export function keyOf(cwd: string, file: string): string {
  return toPosix(path.relative(cwd, file)) || path.basename(file);
}

export async function gatherInputs(o: CliOptions, loader: ConfigLoader, cwd: string): Promise<Inputs> {
  const notes: string[] = [];
  if (o.stdin) {
    const text = await readStdin();
    const file = path.resolve(cwd, o.stdinFilename ?? 'stdin.md');
    if (o.ignore && loader.forFile(file).isIgnored(file)) {
      notes.push(`${keyOf(cwd, file)} is ignored by the config's "ignores": not linted (--no-ignore lints it).`);
      return { posts: [], notes };
    }
    return { posts: [{ file, key: o.stdinFilename ? keyOf(cwd, file) : '<stdin>', text }], notes };
  }

  let files: string[];
  let explicit = new Set<string>();
  if (o.filesFrom !== undefined) {
    const list = o.filesFrom === '-' ? await readStdin() : readList(path.resolve(cwd, o.filesFrom));
    const entries = list
      .split(/\r?\n/)
      .map((l) => l.trim())
      .filter((l) => l && !l.startsWith('#'));
    // Deleted posts show up in `git diff --name-only`: what no longer exists is skipped.
    files = discover(entries, { cwd, gitignore: o.ignore, extensions: EXTENSIONS }).files.filter((f) =>
      EXTENSIONS.some((e) => f.endsWith(e)),
    );
    if (!files.length) notes.push('No posts in the list given to --files-from.');
  } else if (o.changed !== undefined) {
    try {
      const changed = changedFiles(cwd, o.changed === true ? undefined : o.changed, EXTENSIONS);
      files = changed.files.filter(underAny(o.paths, cwd));
      if (!files.length) notes.push(`No posts changed since ${changed.ref}${o.paths.length ? ' under the paths given' : ''}.`);
    } catch (err) {
      if (err instanceof GitError) throw new UsageError(err.message);
      throw err;
    }
  } else {
    const found = discover(o.paths.length ? o.paths : ['.'], { cwd, gitignore: o.ignore, extensions: EXTENSIONS });
    if (found.unmatched.length) {
      const what = found.unmatched.map((u) => `"${u}"`).join(', ');
      throw new UsageError(`No posts found for ${what}: check the path, or quote a glob ("posts/**/*.md") so Bilint expands it.`);
    }
    files = found.files;
    explicit = found.explicit;
  }

  const posts: PostInput[] = [];
  for (const file of files) {
    if (o.ignore && loader.forFile(file).isIgnored(file)) {
      if (explicit.has(file)) notes.push(`${keyOf(cwd, file)} is ignored by the config's "ignores": not linted (--no-ignore lints it).`);
      continue;
    }
    posts.push({ file, key: keyOf(cwd, file) });
  }
  return { posts, notes };
}

/** With --changed, paths and globs on the command line narrow the changed posts down. */
function underAny(filters: readonly string[], cwd: string): (file: string) => boolean {
  if (!filters.length) return () => true;
  const tests = filters.map((f) => {
    if (picomatch.scan(f).isGlob) {
      const m = picomatch(toPosix(f).replace(/^\.\//, ''));
      return (file: string) => m(toPosix(path.relative(cwd, file)));
    }
    const abs = path.resolve(cwd, f);
    return (file: string) => file === abs || file.startsWith(abs + path.sep);
  });
  return (file) => tests.some((t) => t(file));
}

function readList(file: string): string {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch (err) {
    throw new UsageError(`--files-from: cannot read ${file} (${(err as NodeJS.ErrnoException).code ?? (err as Error).message}).`);
  }
}

export function readStdin(): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    process.stdin.on('data', (c: Buffer) => chunks.push(c));
    process.stdin.on('end', () => {
      const decoded = decodePost(Buffer.concat(chunks), 'The text on standard input');
      if (decoded.problem !== undefined) reject(new UsageError(`--stdin: ${decoded.problem}`));
      else resolve(decoded.text);
    });
    process.stdin.on('error', reject);
  });
}
