/**
 * The work done for one post, the same in a worker thread and in the main
 * thread. Pass 1 (`checkPost`) reads the post, applies fixes when asked,
 * lints it with every rule but the cross-post ones and summarizes it. Pass 2
 * (`crossCheckPost`) runs the cross-post rules once the summaries of all
 * posts are known.
 */
import * as fs from 'node:fs';
import { createHash } from 'node:crypto';
import { createTwoFilesPatch } from 'diff';
import { builtinRules } from '../bilint';
import { PostDocument } from '../engine/model/document';
import { fixText, lintDocument } from '../engine/linter';
import { summarizePost } from '../engine/summary';
import type { ResolvedConfig } from '../engine/config';
import type { LintDiagnostic } from '../engine/types';
import type { PostSummary, WorkspaceKnowledge } from '../engine/workspace';
import { writeFileAtomic } from '../node/atomicWrite';
import { decodePost } from '../node/encoding';

export const CROSS_POST_RULES: ReadonlySet<string> = new Set(builtinRules.filter((r) => r.meta.crossPost).map((r) => r.meta.id));
export const LOCAL_RULES: ReadonlySet<string> = new Set(builtinRules.filter((r) => !r.meta.crossPost).map((r) => r.meta.id));

export interface PostStats {
  chineseParagraphs: number;
  pairedChinese: number;
  pairs: number;
  glossedTerms: number;
  entities: number;
}

export interface FixRequest {
  /** Write the fixed text back (`--fix`); otherwise return a diff (`--fix-dry-run`). */
  write: boolean;
  /** Rule ids whose fixes apply; null for all. */
  rules: string[] | null;
}

export interface CheckTask {
  file: string;
  /** How the post is named in output and in the workspace knowledge. */
  key: string;
  /** The text, when it does not come from the file (`--stdin`). */
  text?: string;
  fix?: FixRequest;
  /** Which of the configs the main thread shared applies (worker threads only). */
  configIndex?: number;
}

/** The resolved config for a task: the main thread asks its loader, a worker looks it up. */
export type ConfigSource = (task: CheckTask) => ResolvedConfig;

export interface CheckResult {
  /** Findings of every rule but the cross-post ones, for the text as it is now. */
  diagnostics: LintDiagnostic[];
  summary: PostSummary;
  stats: PostStats;
  bom: boolean;
  /** Hash of the bytes the findings describe (what is on disk after `--fix`). */
  hash: string;
  /** Fixes applied (or, for a dry run, that would be). */
  applied: number;
  /** The unified diff of a dry run. */
  diff?: string;
  /** The fixed text of a dry run, for the cross-post pass. */
  fixedText?: string;
  /** Why fixes were not applied to this post. */
  fixSkipped?: string;
  /** The post could not be read. */
  readError?: string;
}

export function hashBytes(bytes: Uint8Array | string): string {
  return createHash('sha1').update(bytes).digest('hex');
}

export function checkPost(task: CheckTask, configOf: ConfigSource): CheckResult {
  const config = configOf(task);
  let bytes: Buffer;
  try {
    bytes = task.text !== undefined ? Buffer.from(task.text, 'utf8') : fs.readFileSync(task.file);
  } catch (err) {
    return { ...emptyResult(), readError: `Cannot read this file: ${(err as Error).message}` };
  }
  const decoded = task.text === undefined ? decodePost(bytes) : { text: task.text, lossy: false };
  if (decoded.problem !== undefined) return { ...emptyResult(), readError: decoded.problem };
  let text = decoded.text;
  let hash = hashBytes(bytes);
  let doc = new PostDocument(text);
  let diagnostics = lintDocument(doc, { rules: builtinRules, config, only: LOCAL_RULES });
  const result: Omit<CheckResult, 'diagnostics' | 'summary' | 'stats' | 'bom' | 'hash'> = { applied: 0 };

  const onlyRules = task.fix?.rules ? new Set(task.fix.rules) : undefined;
  if (task.fix && diagnostics.some((d) => d.fix && (!onlyRules || onlyRules.has(d.ruleId)))) {
    if (task.fix.write && decoded.lossy) {
      result.fixSkipped = 'not fixed: the file is not valid UTF-8, and rewriting it would lose the bytes that are not';
    } else {
      const fixed = fixText(text, { rules: builtinRules, config, only: LOCAL_RULES }, onlyRules);
      if (fixed.applied > 0 && fixed.text !== text) {
        result.applied = fixed.applied;
        if (task.fix.write) {
          writeFileAtomic(task.file, fixed.text);
          hash = hashBytes(fixed.text);
        } else {
          result.diff = unifiedDiff(task.key, text, fixed.text);
          result.fixedText = fixed.text;
        }
        text = fixed.text;
        doc = new PostDocument(text);
        diagnostics = fixed.diagnostics;
      }
    }
  }
  const summary = summarizePost(doc, config);
  return { ...result, diagnostics, summary, stats: statsOf(doc, summary), bom: doc.src.bomLength > 0, hash };
}

/** Findings of the cross-post rules for one post. */
export function crossCheckPost(task: CheckTask, configOf: ConfigSource, workspace: WorkspaceKnowledge): LintDiagnostic[] {
  const config = configOf(task);
  const text = task.text ?? fs.readFileSync(task.file, 'utf8');
  return lintDocument(new PostDocument(text), { rules: builtinRules, config, workspace, filePath: task.key, only: CROSS_POST_RULES });
}

/** A diff `git apply` and `patch -p1` read: a/ and b/ prefixes, no separator line. */
export function unifiedDiff(name: string, before: string, after: string): string {
  return createTwoFilesPatch(`a/${name}`, `b/${name}`, before, after, undefined, undefined, { context: 3 }).replace(/^=+\r?\n/, '');
}

export function statsOf(doc: PostDocument, summary: PostSummary): PostStats {
  const { paired, total } = doc.coverage();
  return {
    chineseParagraphs: total,
    pairedChinese: paired,
    pairs: doc.pairs.length,
    glossedTerms: new Set(summary.glosses.map((g) => g.term)).size,
    entities: new Set(summary.entities.map((e) => e.name)).size,
  };
}

function emptyResult(): Omit<CheckResult, 'readError'> {
  return {
    diagnostics: [],
    summary: { glosses: [], entities: [], tags: [] },
    stats: { chineseParagraphs: 0, pairedChinese: 0, pairs: 0, glossedTerms: 0, entities: 0 },
    bom: false,
    hash: '',
    applied: 0,
  };
}
