/**
 * One declaration shape for every rule: metadata (from which the config
 * schema, the docs links and the README table come) and a check function.
 */
import type { PostDocument } from './model/document';
import type { ResolvedConfig } from './config';
import type { SeveritySetting, Suggestion, TextEdit } from './types';
import type { Span } from './text';
import type { WorkspaceKnowledge } from './workspace';
import type { Directive } from './directives';

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
  /** Reads which disable comments silenced findings: runs after every other rule (`RuleContext.directives`). */
  afterOthers?: boolean;
}

export interface Report {
  span: Span;
  message: string;
  fix?: TextEdit;
  suggestions?: Suggestion[];
  /** The text reported does nothing: editors show it faded (LSP's Unnecessary tag). */
  unnecessary?: boolean;
}

export interface RuleContext<O> {
  doc: PostDocument;
  options: O;
  config: ResolvedConfig;
  workspace?: WorkspaceKnowledge;
  /** The path of the post, when the adapter knows it (used by cross-post rules). */
  filePath?: string;
  /** For rules declared `afterOthers`: what the disable comments did in this lint. */
  directives?: DirectiveReport;
  report(report: Report): void;
}

/** What the disable comments did in one lint, once every other rule has run. */
export interface DirectiveReport {
  /** Whether name `index` of `d` (0 for a comment that names no rule) silenced a finding. */
  used(d: Directive, index: number): boolean;
  /**
   * What became of a rule in this lint: `ran`, so its findings met the comments; `off` in the config;
   * `left-out` by the caller (`only`); or `cross-post`, whose findings hang on the other posts as well.
   */
  status(ruleId: string): 'ran' | 'off' | 'left-out' | 'cross-post';
  /** Every rule the linter knows, on or off. */
  ruleIds: readonly string[];
}

export interface Rule<O = unknown> {
  meta: RuleMeta<O>;
  check(ctx: RuleContext<O>): void;
}

export function defineRule<O>(rule: Rule<O>): Rule<O> {
  return rule;
}
