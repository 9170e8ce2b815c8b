/** The report formats, by `--format` name. */
import { github } from './formatters/github';
import { gitlab } from './formatters/gitlab';
import { json } from './formatters/json';
import { junit } from './formatters/junit';
import { markdown } from './formatters/markdown';
import { sarif } from './formatters/sarif';
import type { FormatContext, Formatter } from './formatters/shared';
import { stylish } from './formatters/stylish';
import type { PostOutcome } from './run';

export const FORMATTERS: Record<string, Formatter> = { stylish, json, sarif, github, gitlab, junit, markdown };

export function formatReport(name: string, posts: readonly PostOutcome[], ctx: FormatContext): string {
  return FORMATTERS[name](posts, ctx);
}
