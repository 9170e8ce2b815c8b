/**
 * The two linters the bench compares, as plain `text -> count` functions:
 * Bilint's whole lint, and markdownlint (the library, default rules) loaded
 * with a dynamic import because it is ESM-only.
 */
import { lint } from '../server/src/bilint';

export type LintFn = (text: string) => number;

export const bilint: LintFn = (text) => lint(text).diagnostics.length;

export async function loadMarkdownlint(): Promise<LintFn | undefined> {
  try {
    const mod = await import('markdownlint/sync');
    return (text) => {
      const results = mod.lint({ strings: { post: text } });
      return results.post?.length ?? 0;
    };
  } catch (e) {
    console.error(`markdownlint could not be loaded: ${(e as Error).message}`);
    return undefined;
  }
}
