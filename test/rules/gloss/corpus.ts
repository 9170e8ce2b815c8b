/** Lints the real posts (read at run time, never copied into the project) with some rules, once per process. */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CORPUS } from '../../helpers';
import { lint, configFrom } from '../../../server/src/bilint';
import type { LintDiagnostic } from '../../../server/src/engine/types';
import type { PostDocument } from '../../../server/src/engine/model/document';

export const corpusSkip = existsSync(CORPUS) ? false : `the corpus is not at ${CORPUS}`;

export interface CorpusPost {
  file: string;
  text: string;
  doc: PostDocument;
  diagnostics: LintDiagnostic[];
}

const cache = new Map<string, CorpusPost[]>();

export function lintCorpus(ids: string[]): CorpusPost[] {
  const key = ids.join(',');
  let posts = cache.get(key);
  if (posts) return posts;
  const { config } = configFrom([{}]);
  posts = readdirSync(CORPUS)
    .filter((f) => f.endsWith('.md'))
    .sort()
    .map((file) => {
      const text = readFileSync(join(CORPUS, file), 'utf8');
      const { doc, diagnostics } = lint(text, { config, only: new Set(ids) });
      return { file, text, doc, diagnostics };
    });
  cache.set(key, posts);
  return posts;
}

/** `file:line:column ruleId [covered text]`, for readable assertions. */
export function where(p: CorpusPost, d: LintDiagnostic): string {
  return `${p.file}:${d.range.start.line + 1}:${d.range.start.character + 1} ${d.ruleId} [${p.text.slice(d.span[0], d.span[1])}]`;
}

export function countByRule(posts: CorpusPost[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const p of posts) for (const d of p.diagnostics) out[d.ruleId] = (out[d.ruleId] ?? 0) + 1;
  return out;
}
