/**
 * `--cache`: what pass 1 found for each post, keyed by the post's content
 * hash, its resolved config's hash and Bilint's version, plus the cross-post
 * findings keyed by a hash of the whole workspace's summaries. A re-run over
 * unchanged posts reads, hashes and prints; nothing is linted.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { LintDiagnostic } from '../engine/types';
import { createHash } from 'node:crypto';
import { writeFileAtomic } from '../node/atomicWrite';
import type { CheckResult } from './job';

export type StoredCheck = Pick<CheckResult, 'diagnostics' | 'summary' | 'stats' | 'bom'>;

export interface CacheEntry {
  hash: string;
  configHash: string;
  check: StoredCheck;
  cross?: { workspaceHash: string; diagnostics: LintDiagnostic[] };
}

interface CacheFile {
  version: string;
  entries: Record<string, CacheEntry>;
}

export const DEFAULT_CACHE_NAME = '.bilintcache';

export class LintCache {
  private dirty = false;

  private constructor(
    readonly file: string,
    private readonly data: CacheFile,
  ) {}

  /**
   * Reads the cache at `location` (relative to `cwd`): a file, or a folder to hold `.bilintcache`, which a
   * trailing slash marks when it does not exist yet. A missing, unreadable or older cache starts empty (it
   * is only ever a shortcut).
   */
  static open(cwd: string, location: string, version: string): LintCache {
    const resolved = path.resolve(cwd, location);
    let file = resolved;
    try {
      if (fs.statSync(resolved).isDirectory()) file = path.join(resolved, DEFAULT_CACHE_NAME);
    } catch {
      if (/[\\/]$/.test(location)) file = path.join(resolved, DEFAULT_CACHE_NAME);
    }
    let data: CacheFile = { version, entries: {} };
    try {
      const parsed = JSON.parse(fs.readFileSync(file, 'utf8')) as CacheFile;
      if (parsed && parsed.version === version && parsed.entries && typeof parsed.entries === 'object') data = parsed;
    } catch {
      // no usable cache yet
    }
    return new LintCache(file, data);
  }

  /** Posts this run asked about; the others are dropped on save when their file is gone. */
  private readonly seen = new Set<string>();

  get(post: string, hash: string, configHash: string): CacheEntry | undefined {
    this.seen.add(post);
    const e = this.data.entries[post];
    return e && e.hash === hash && e.configHash === configHash ? e : undefined;
  }

  set(post: string, entry: CacheEntry): void {
    this.seen.add(post);
    this.data.entries[post] = entry;
    this.dirty = true;
  }

  delete(post: string): void {
    if (post in this.data.entries) {
      delete this.data.entries[post];
      this.dirty = true;
    }
  }

  save(): void {
    for (const post of Object.keys(this.data.entries)) {
      if (!this.seen.has(post) && !fs.existsSync(post)) this.delete(post);
    }
    if (!this.dirty) return;
    fs.mkdirSync(path.dirname(this.file), { recursive: true });
    if (!fs.existsSync(this.file)) fs.writeFileSync(this.file, '');
    writeFileAtomic(this.file, JSON.stringify(this.data));
    this.dirty = false;
  }
}

/**
 * A hash of the engine's and the rules' compiled code (and the shipped
 * schemas): a development build changes them without changing the version
 * number, and a cache written by other code must not be trusted. Content,
 * not modification times: a rebuild rewrites every file, changed or not.
 */
export function engineFingerprint(): string {
  const hash = createHash('sha1');
  const walk = (dir: string) => {
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries.sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name.endsWith('.js') || e.name.endsWith('.json')) hash.update(e.name).update(fs.readFileSync(p));
    }
  };
  // The bundle holds the engine, the rules and the schemas: its own text is the code that runs.
  if (typeof BILINT_BUNDLED !== 'undefined') hash.update(fs.readFileSync(__filename));
  else {
    for (const part of ['engine', 'rules']) walk(path.join(__dirname, '..', part));
    walk(path.join(__dirname, '..', '..', '..', 'schemas'));
  }
  return hash.digest('hex').slice(0, 16);
}

/** Defined (true) by scripts/bundle.js in dist/cli/bilint.js. */
declare const BILINT_BUNDLED: boolean | undefined;
