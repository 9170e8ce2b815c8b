/** The workspace knowledge the CLI hands the engine: the summaries of the posts given, by key. */
import type { PostSummary, WorkspaceKnowledge } from '../engine/workspace';

export class SummaryKnowledge implements WorkspaceKnowledge {
  private readonly entries: [string, PostSummary][];

  constructor(entries: Iterable<[string, PostSummary]>) {
    this.entries = [...entries];
  }

  posts(): Iterable<[string, PostSummary]> {
    return this.entries;
  }

  /** What the workers receive (summaries are plain data). */
  toJSON(): [string, PostSummary][] {
    return this.entries;
  }
}
