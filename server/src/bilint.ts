/** The engine with the built-in rules: what adapters and tests call. */
import { builtinRules } from './rules';
import { defaultConfig, resolveConfig, type BilintConfig, type ResolvedConfig } from './engine/config';
import { fixText, lintText, type FixResult, type LintResult } from './engine/linter';
import type { WorkspaceKnowledge } from './engine/workspace';

export { builtinRules };

export interface LintRequest {
  config?: ResolvedConfig;
  workspace?: WorkspaceKnowledge;
  filePath?: string;
  only?: ReadonlySet<string>;
}

export function lint(text: string, request: LintRequest = {}): LintResult {
  return lintText(text, { rules: builtinRules, config: request.config ?? defaultConfig(builtinRules), ...withoutConfig(request) });
}

export function fix(text: string, request: LintRequest = {}, onlyRules?: ReadonlySet<string>): FixResult {
  return fixText(
    text,
    { rules: builtinRules, config: request.config ?? defaultConfig(builtinRules), ...withoutConfig(request) },
    onlyRules,
  );
}

export function configFrom(layers: BilintConfig[], extras: Parameters<typeof resolveConfig>[2] = {}) {
  return resolveConfig(builtinRules, layers, extras);
}

function withoutConfig(r: LintRequest) {
  return { workspace: r.workspace, filePath: r.filePath, only: r.only };
}
