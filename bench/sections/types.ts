/** What every bench section receives and returns. */
import type { CorpusPost } from '../corpus';
import type { LintFn } from '../peers';
import type { SectionResult } from '../harness';

export interface BenchContext {
  /** `--quick`: fewer iterations and smaller sets, for a fast look. */
  quick: boolean;
  /** `--full`: also the slow comparisons (markdownlint-cli2 on 1,000 posts). */
  full: boolean;
  root: string;
  corpusDir: string;
  /** The real posts, read at start (empty when the corpus is not beside the repo). */
  corpus: CorpusPost[];
  bilint: LintFn;
  /** undefined when the library could not be loaded. */
  markdownlint?: LintFn;
  /** Progress line on stderr, so stdout holds only the report. */
  progress(message: string): void;
}

export interface Section {
  /** Short id: the key in the JSON output and the name for `--only`. */
  id: string;
  title: string;
  run(ctx: BenchContext): Promise<SectionResult> | SectionResult;
}
