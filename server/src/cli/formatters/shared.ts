/** What every output format needs: the posts' outcomes, counted and placed. */
import * as path from 'node:path';
import type { LintDiagnostic, Severity } from '../../engine/types';
import type { Rule } from '../../engine/rule';
import type { PostOutcome } from '../run';

export interface FormatContext {
  cwd: string;
  color: boolean;
  version: string;
  rules: readonly Rule<unknown>[];
  /** Base of the rule docs for rules no finding carries a link for. */
  docsBaseUrl: string;
  /** Where GitHub expects paths to be relative to (GITHUB_WORKSPACE), when known. */
  githubWorkspace?: string;
  /** Where GitLab expects paths to be relative to (CI_PROJECT_DIR), when known. */
  gitlabProjectDir?: string;
}

export type Formatter = (posts: readonly PostOutcome[], ctx: FormatContext) => string;

export interface Totals {
  errors: number;
  warnings: number;
  infos: number;
  fixableErrors: number;
  fixableWarnings: number;
  fixableInfos: number;
}

export function totals(posts: readonly PostOutcome[]): Totals {
  const t: Totals = { errors: 0, warnings: 0, infos: 0, fixableErrors: 0, fixableWarnings: 0, fixableInfos: 0 };
  for (const p of posts) {
    if (p.readError) t.errors++;
    for (const d of p.diagnostics) {
      const fixable = d.fix ? 1 : 0;
      if (d.severity === 'error') {
        t.errors++;
        t.fixableErrors += fixable;
      } else if (d.severity === 'warning') {
        t.warnings++;
        t.fixableWarnings += fixable;
      } else {
        t.infos++;
        t.fixableInfos += fixable;
      }
    }
  }
  return t;
}

/** 1-based line and column of a finding's start and end (columns in UTF-16 code units, as the engine counts). */
export function place(d: LintDiagnostic): { line: number; column: number; endLine: number; endColumn: number } {
  return {
    line: d.range.start.line + 1,
    column: d.range.start.character + 1,
    endLine: d.range.end.line + 1,
    endColumn: d.range.end.character + 1,
  };
}

export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** Messages stay on one line in line-oriented formats. */
export function oneLine(s: string): string {
  return s.replace(/\s*[\r\n]+\s*/g, ' ');
}

export const SEVERITY_ORDER: Record<Severity, number> = { error: 2, warning: 1, info: 0 };

/** A post's path relative to `base`, with `/` between folders on every system (as CI services show paths). */
export function relativePath(base: string, file: string): string {
  return path.relative(base, file).split(path.sep).join('/');
}
