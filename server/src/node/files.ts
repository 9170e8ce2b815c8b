/**
 * Finding posts on disk: files, folders (recursing into `*.md`) and globs,
 * with `.gitignore` files respected the way git reads them (each file's
 * patterns relative to its folder, deeper files overriding shallower ones).
 * Used by the CLI; nothing here knows about rules.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import ignore, { type Ignore } from 'ignore';
import picomatch from 'picomatch';

export interface DiscoverOptions {
  cwd: string;
  /** Read `.gitignore` files (on by default; `--no-ignore` turns it off). */
  gitignore: boolean;
  /** Extensions collected from folders and globs. */
  extensions: readonly string[];
}

export interface Discovery {
  /** Absolute paths, sorted, without duplicates. */
  files: string[];
  /** Inputs that named nothing: a path that does not exist, a glob that matched no post. */
  unmatched: string[];
  /** Files named explicitly (not found by a walk or a glob). */
  explicit: Set<string>;
}

/** Folders never entered: tools' and VCS state, never posts. */
const SKIPPED_DIRS = new Set(['node_modules', '.git', '.hg', '.svn']);

export function discover(inputs: readonly string[], options: DiscoverOptions): Discovery {
  const ignores = new GitignoreTree(options.gitignore ? gitRoot(options.cwd) : null);
  const found = new Set<string>();
  const explicit = new Set<string>();
  const unmatched: string[] = [];
  const wanted = (name: string) => options.extensions.some((e) => name.toLowerCase().endsWith(e));

  for (const input of inputs) {
    let hits = 0;
    const add = (file: string) => {
      found.add(file);
      hits++;
    };
    const abs = path.resolve(options.cwd, input);
    const stat = statOf(abs);
    if (stat?.isFile()) {
      add(abs);
      explicit.add(abs);
    } else if (stat?.isDirectory()) {
      walk(abs, ignores, (file) => {
        if (wanted(file)) add(file);
      });
    } else if (picomatch.scan(input).isGlob) {
      // The glob part is matched against paths relative to the fixed part (`../posts/`, `/abs/posts/`).
      const scan = picomatch.scan(toPosix(input));
      const base = path.resolve(options.cwd, scan.base || '.');
      const isMatch = picomatch(scan.glob, { dot: false });
      if (statOf(base)?.isDirectory()) {
        walk(base, ignores, (file) => {
          if (wanted(file) && isMatch(toPosix(path.relative(base, file)))) add(file);
        });
      }
    }
    if (hits === 0) unmatched.push(input);
  }
  return { files: [...found].sort(), unmatched, explicit };
}

function walk(dir: string, ignores: GitignoreTree, onFile: (file: string) => void): void {
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch {
    return;
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    if (entry.name.startsWith('.')) continue; // hidden files and folders, as most tools do
    const full = path.join(dir, entry.name);
    let isDir = entry.isDirectory();
    let isFile = entry.isFile();
    if (entry.isSymbolicLink()) {
      // Linked files are read; linked folders are not entered (no cycles).
      isFile = statOf(full)?.isFile() ?? false;
      isDir = false;
    }
    if (isDir) {
      if (SKIPPED_DIRS.has(entry.name) || ignores.ignored(full, true)) continue;
      walk(full, ignores, onFile);
    } else if (isFile && !ignores.ignored(full, false)) {
      onFile(full);
    }
  }
}

/** The `.gitignore` files from the repository root down to each folder, read once. */
export class GitignoreTree {
  private readonly perDir = new Map<string, Ignore | null>();

  /** `root`: the top of the repository (or null: no ignore files are read). */
  constructor(private readonly root: string | null) {}

  ignored(file: string, isDir: boolean): boolean {
    if (!this.root) return false;
    const rel = path.relative(this.root, file);
    if (!rel || rel.startsWith('..') || path.isAbsolute(rel)) return false;
    let state = false;
    // Each folder's file speaks about paths relative to that folder; deeper files win.
    let dir = this.root;
    const parts = rel.split(path.sep);
    for (let i = 0; i < parts.length; i++) {
      const ig = this.load(dir);
      if (ig) {
        const sub = parts.slice(i).join('/') + (isDir ? '/' : '');
        const r = ig.test(sub);
        if (r.ignored) state = true;
        else if (r.unignored) state = false;
      }
      dir = path.join(dir, parts[i]);
    }
    return state;
  }

  private load(dir: string): Ignore | null {
    let ig = this.perDir.get(dir);
    if (ig !== undefined) return ig;
    ig = null;
    try {
      const text = fs.readFileSync(path.join(dir, '.gitignore'), 'utf8');
      ig = ignore().add(text);
    } catch {
      // no .gitignore here
    }
    this.perDir.set(dir, ig);
    return ig;
  }
}

/** The folder holding `.git` above `cwd`, or `cwd` itself when there is none. */
export function gitRoot(cwd: string): string {
  let dir = path.resolve(cwd);
  for (;;) {
    if (fs.existsSync(path.join(dir, '.git'))) return dir;
    const parent = path.dirname(dir);
    if (parent === dir) return path.resolve(cwd);
    dir = parent;
  }
}

export function toPosix(p: string): string {
  return p.split(path.sep).join('/');
}

function statOf(p: string): fs.Stats | undefined {
  try {
    return fs.statSync(p);
  } catch {
    return undefined;
  }
}
