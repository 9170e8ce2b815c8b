/**
 * What the engine may know about the other posts of a workspace: a small
 * summary per post, built by `summarizePost`, kept by the adapters.
 */
import type { Span } from './text';

export interface GlossFact {
  /** The bold Chinese (or English) term. */
  term: string;
  /** The English part of its gloss (before a colon), if any. */
  english: string;
  /** The whole gloss text. */
  gloss: string;
  span: Span;
}

export interface EntityFact {
  name: string;
  field: string;
  span: Span;
}

export interface PostSummary {
  glosses: GlossFact[];
  entities: EntityFact[];
  tags: string[];
}

export interface WorkspaceKnowledge {
  /**
   * Summaries of the workspace's posts, by path. It may hold the post being
   * linted too (the CLI passes every post of the run, keyed as it passes
   * `filePath`; the language server every indexed post, open ones as
   * edited): the cross-post rules leave out the entries under `filePath`.
   */
  posts(): Iterable<[string, PostSummary]>;
}
