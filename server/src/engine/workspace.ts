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
  /** Summaries of the other posts, by path. */
  posts(): Iterable<[string, PostSummary]>;
}
