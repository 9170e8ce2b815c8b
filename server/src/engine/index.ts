/** The engine's public API, for the CLI, the language server and tests. */
export { SourceText, type Position, type Range, type Span } from './text';
export { PostDocument, type Pair } from './model/document';
export type { Block, ParagraphBlock, HeadingBlock, EnglishBlock } from './model/blocks';
export { defineRule, type Rule, type RuleContext, type RuleMeta } from './rule';
export type { LintDiagnostic, Severity, SeveritySetting, Suggestion, TextEdit } from './types';
export { lintText, lintDocument, fixText, type LintOptions, type LintResult } from './linter';
export { applyEdits } from './fixes';
export { resolveConfig, defaultConfig, configSchema, type BilintConfig, type ResolvedConfig, type ConfigProblem } from './config';
export type { WorkspaceKnowledge, PostSummary } from './workspace';
