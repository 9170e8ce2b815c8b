/**
 * One declaration shape for every rule: metadata (from which the config
 * schema, the docs links and the README table come) and a check function.
 */
import type { PostDocument } from './model/document';
import type { ResolvedConfig } from './config';
import type { SeveritySetting, Suggestion, TextEdit } from './types';
import type { Span } from './text';
import type { WorkspaceKnowledge } from './workspace';

export interface RuleMeta<O> {
  /** Public id, `family/name`: users write it in configs and disable comments. */
  id: string;
  /** One sentence: what the rule checks. */
  description: string;
  defaultSeverity: SeveritySetting;
  /** JSON Schema `properties` of the options object, each with a description. */
  optionsSchema?: Record<string, object>;
  defaultOptions: O;
  /** Whether some findings carry a safe fix. */
  fixable: boolean;
  /** Whether some findings carry suggestions. */
  hasSuggestions?: boolean;
  /** Reads other posts through the workspace knowledge. */
  crossPost?: boolean;
}

export interface Report {
  span: Span;
  message: string;
  fix?: TextEdit;
  suggestions?: Suggestion[];
}

export interface RuleContext<O> {
  doc: PostDocument;
  options: O;
  config: ResolvedConfig;
  workspace?: WorkspaceKnowledge;
  /** The path of the post, when the adapter knows it (used by cross-post rules). */
  filePath?: string;
  report(report: Report): void;
}

export interface Rule<O = unknown> {
  meta: RuleMeta<O>;
  check(ctx: RuleContext<O>): void;
}

export function defineRule<O>(rule: Rule<O>): Rule<O> {
  return rule;
}
