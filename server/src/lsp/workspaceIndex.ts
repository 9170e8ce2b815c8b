/**
 * What the server knows about every post of the workspace: a small summary
 * per post (glosses, entities, tags), read from disk in the background and
 * replaced by the editor's text while a post is open. It feeds completion,
 * hover and the cross-post rules. Only summaries are kept, never texts, so
 * memory grows with what the posts say, not with their size.
 */
import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import type { GlossFact, PostSummary, WorkspaceKnowledge } from '../engine/workspace';
import { isPostPath } from './paths';

/** Summarizes one post's text; undefined when the post is ignored or not a post. */
export type Summarizer = (text: string, filePath: string) => PostSummary | undefined;

const SKIP_DIRS = new Set(['node_modules', 'out', 'dist', 'test-artifacts']);
/** Bounds that keep a mistaken workspace (a home folder) from eating the machine. */
const MAX_FILES = 20_000;
const MAX_FILE_BYTES = 8 * 1024 * 1024;

export class WorkspaceIndex {
  private readonly disk = new Map<string, PostSummary>();
  private readonly open = new Map<string, PostSummary>();
  private readonly signatures = new Map<string, string>();
  private shared: { generation: number; value: WorkspaceKnowledge } | undefined;
  private glossIndex: { generation: number; byTerm: Map<string, { path: string; fact: GlossFact }[]> } | undefined;
  private scanId = 0;
  /** Bumped when what another post contributes (terms, glosses, entities, tags) changes. */
  generation = 0;

  constructor(private readonly summarize: Summarizer) {}

  get size(): number {
    let n = this.disk.size;
    for (const p of this.open.keys()) if (!this.disk.has(p)) n++;
    return n;
  }

  /** The Markdown files under the roots, skipping dependency, build and hidden folders. */
  async listPosts(roots: readonly string[]): Promise<string[]> {
    const out: string[] = [];
    const walk = async (dir: string): Promise<void> => {
      let entries: import('node:fs').Dirent[];
      try {
        entries = await fs.readdir(dir, { withFileTypes: true });
      } catch {
        return; // unreadable folders are skipped, not fatal
      }
      for (const e of entries) {
        if (out.length >= MAX_FILES) return;
        const p = path.join(dir, e.name);
        if (e.isDirectory()) {
          if (!e.name.startsWith('.') && !SKIP_DIRS.has(e.name)) await walk(p);
        } else if (e.isFile() && isPostPath(e.name)) out.push(p);
      }
    };
    for (const r of roots) await walk(r);
    return out;
  }

  /**
   * Reads every post under the roots. A newer scan cancels an older one.
   * Returns the number of posts read, or -1 when cancelled.
   */
  async scan(roots: readonly string[], onProgress?: (done: number, total: number) => void): Promise<number> {
    const id = ++this.scanId;
    const files = await this.listPosts(roots);
    const found = new Set(files);
    for (const p of [...this.disk.keys()]) if (!found.has(p)) this.drop(p);
    let done = 0;
    let next = 0;
    // A few reads in flight overlap disk waits with summarizing.
    const worker = async () => {
      while (next < files.length && id === this.scanId) {
        const p = files[next++];
        await this.readFromDisk(p, false);
        done++;
        if (onProgress && (done % 50 === 0 || done === files.length)) onProgress(done, files.length);
      }
    };
    await Promise.all([worker(), worker(), worker()]);
    if (id !== this.scanId) return -1;
    this.generation++;
    return done;
  }

  /** A post changed on disk (or was created). Open posts keep their editor summary. */
  async refreshFromDisk(filePath: string): Promise<void> {
    await this.readFromDisk(filePath, true);
  }

  remove(filePath: string): void {
    this.drop(filePath);
  }

  /**
   * The summary of the editor's text of an open post. While what it says is
   * unchanged (only offsets moved) the stored object is kept, so caches keyed
   * on summary identity (the cross-post rules') stay valid while typing.
   */
  setOpen(filePath: string, summary: PostSummary): void {
    if (this.open.has(filePath) && this.signatures.get(filePath) === signature(summary)) return;
    this.open.set(filePath, fresh(summary));
    this.touched(filePath, true);
  }

  /** A post was closed: the disk version counts again (the caller re-reads it). */
  closeOpen(filePath: string): void {
    if (this.open.delete(filePath)) this.touched(filePath, true);
  }

  summaryOf(filePath: string): PostSummary | undefined {
    return this.open.get(filePath) ?? this.disk.get(filePath);
  }

  /**
   * What the cross-post rules read: every post, open ones as the editor has
   * them (a rule leaves out the post it checks by its path). One object per
   * generation, so the rules' caches keyed on it last while nothing changes.
   */
  knowledge(): WorkspaceKnowledge {
    if (this.shared && this.shared.generation === this.generation) return this.shared.value;
    const value: WorkspaceKnowledge = { posts: () => this.others(undefined) };
    this.shared = { generation: this.generation, value };
    return value;
  }

  hasOpen(filePath: string): boolean {
    return this.open.has(filePath);
  }

  /** Every tag used in the workspace, with how many posts use it. */
  tags(): Map<string, number> {
    const counts = new Map<string, number>();
    for (const [, s] of this.others(undefined)) for (const t of new Set(s.tags)) counts.set(t, (counts.get(t) ?? 0) + 1);
    return counts;
  }

  /** Entity names (of one front matter field, or all), with how many posts list them. */
  entities(field?: string): Map<string, number> {
    const counts = new Map<string, number>();
    for (const [, s] of this.others(undefined)) {
      const names = new Set(s.entities.filter((e) => !field || e.field === field).map((e) => e.name));
      for (const n of names) counts.set(n, (counts.get(n) ?? 0) + 1);
    }
    return counts;
  }

  /** The glosses other posts give a term. */
  glossesOf(term: string, except?: string): { path: string; fact: GlossFact }[] {
    if (!this.glossIndex || this.glossIndex.generation !== this.generation) {
      const byTerm = new Map<string, { path: string; fact: GlossFact }[]>();
      for (const [p, s] of this.others(undefined)) {
        for (const fact of s.glosses) {
          let list = byTerm.get(fact.term);
          if (!list) byTerm.set(fact.term, (list = []));
          list.push({ path: p, fact });
        }
      }
      this.glossIndex = { generation: this.generation, byTerm };
    }
    return (this.glossIndex.byTerm.get(term) ?? []).filter((g) => g.path !== except);
  }

  private *others(self: string | undefined): Iterable<[string, PostSummary]> {
    for (const [p, s] of this.disk) if (p !== self && !this.open.has(p)) yield [p, s];
    for (const [p, s] of this.open) if (p !== self) yield [p, s];
  }

  private async readFromDisk(filePath: string, notify: boolean): Promise<void> {
    let text: string;
    try {
      const stat = await fs.stat(filePath);
      if (!stat.isFile() || stat.size > MAX_FILE_BYTES) return this.drop(filePath);
      text = await fs.readFile(filePath, 'utf8');
    } catch {
      return this.drop(filePath);
    }
    let summary: PostSummary | undefined;
    try {
      summary = this.summarize(text, filePath);
    } catch {
      summary = undefined; // one bad post must not stop the index
    }
    if (summary && (summary.glosses.length || summary.entities.length || summary.tags.length)) this.disk.set(filePath, fresh(summary));
    else this.disk.delete(filePath);
    this.touched(filePath, notify);
  }

  private drop(filePath: string): void {
    if (this.disk.delete(filePath)) this.touched(filePath, true);
  }

  /** Bumps the generation when what the post contributes really changed (not just its offsets). */
  private touched(filePath: string, bump: boolean): void {
    const s = this.summaryOf(filePath);
    const sig = s ? signature(s) : '';
    if ((this.signatures.get(filePath) ?? '') === sig) return;
    if (sig) this.signatures.set(filePath, sig);
    else this.signatures.delete(filePath);
    if (bump) this.generation++;
  }
}

function signature(s: PostSummary): string {
  const parts: string[] = [];
  for (const g of s.glosses) parts.push('g', g.term, g.gloss);
  for (const e of s.entities) parts.push('e', e.field, e.name);
  for (const t of s.tags) parts.push('t', t);
  return parts.join('\u0000');
}

/**
 * A deep copy with fresh strings: V8 keeps a whole post's text alive behind
 * any substring taken from it, and the index must not hold the texts.
 */
function fresh(s: PostSummary): PostSummary {
  return JSON.parse(JSON.stringify(s)) as PostSummary;
}
