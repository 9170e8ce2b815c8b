/**
 * The engine's entry point: text and config in, diagnostics and fixes out.
 * No file system, no editor: adapters bring the text, the config and the
 * workspace knowledge.
 */
import { PostDocument } from './model/document';
import type { ResolvedConfig } from './config';
import { DirectiveUse, directivesOf } from './directives';
import { applyEdits, fixesOf } from './fixes';
import type { DirectiveReport, Report, Rule } from './rule';
import type { LintDiagnostic, Severity } from './types';
import type { WorkspaceKnowledge } from './workspace';
import type { Span } from './text';

export interface LintOptions {
  config: ResolvedConfig;
  rules: readonly Rule<unknown>[];
  workspace?: WorkspaceKnowledge;
  filePath?: string;
  /** Run only these rules (fix passes limited by `--fix-type`, tests of one rule). */
  only?: ReadonlySet<string>;
}

export interface LintResult {
  doc: PostDocument;
  diagnostics: LintDiagnostic[];
}

export function lintText(text: string, options: LintOptions): LintResult {
  const doc = new PostDocument(text);
  return { doc, diagnostics: lintDocument(doc, options) };
}

export function lintDocument(doc: PostDocument, options: LintOptions): LintDiagnostic[] {
  const { config, rules } = options;
  const directives = new DirectiveUse(directivesOf(doc));
  const out: LintDiagnostic[] = [];
  const ran = new Set<string>();
  const severityOf = (rule: Rule<unknown>) => config.rules[rule.meta.id]?.severity ?? rule.meta.defaultSeverity;
  const runs = (rule: Rule<unknown>) => severityOf(rule) !== 'off' && (!options.only || options.only.has(rule.meta.id));
  const directiveReport: DirectiveReport = {
    used: (d, index) => directives.used(d, index),
    status: (id) => {
      const rule = rules.find((r) => r.meta.id === id);
      if (rule?.meta.crossPost) return 'cross-post';
      if (ran.has(id)) return 'ran';
      return rule && severityOf(rule) === 'off' ? 'off' : 'left-out';
    },
    ruleIds: rules.map((r) => r.meta.id),
  };
  // Rules that judge the disable comments go last, when the others' findings have met them.
  const ordered = [...rules.filter((r) => !r.meta.afterOthers), ...rules.filter((r) => r.meta.afterOthers)];
  for (const rule of ordered) {
    if (!runs(rule)) continue;
    // A rule that threw did not report its findings: comments naming it cannot be judged.
    if (runRule(rule, severityOf(rule) as Severity, doc, options, directives, rule.meta.afterOthers ? directiveReport : undefined, out))
      ran.add(rule.meta.id);
  }
  out.sort((a, b) => a.span[0] - b.span[0] || a.span[1] - b.span[1] || (a.ruleId < b.ruleId ? -1 : 1));
  return out;
}

/** Runs one rule; an exception becomes one finding, and the other rules still run. False when it threw. */
function runRule(
  rule: Rule<unknown>,
  severity: Severity,
  doc: PostDocument,
  options: LintOptions,
  directives: DirectiveUse,
  directiveReport: DirectiveReport | undefined,
  out: LintDiagnostic[],
): boolean {
  const { config } = options;
  const id = rule.meta.id;
  const setting = config.rules[id];
  const docsUrl = config.docsBaseUrl + id + '.md';
  const report = (r: Report) => {
    const span = clampSpan(r.span, doc.text.length);
    if (!directives.empty && directives.silence(id, doc.src.positionAt(span[0]).line)) return;
    const d: LintDiagnostic = { ruleId: id, severity, message: r.message, span, range: doc.src.rangeOf(span), docsUrl };
    if (r.fix) d.fix = r.fix;
    if (r.suggestions?.length) d.suggestions = r.suggestions;
    if (r.unnecessary) d.unnecessary = true;
    out.push(d);
  };
  try {
    rule.check({
      doc,
      options: setting?.options ?? (rule.meta.defaultOptions as Record<string, unknown>),
      config,
      workspace: options.workspace,
      filePath: options.filePath,
      directives: directiveReport,
      report,
    });
    return true;
  } catch (err) {
    const e = err as Error;
    out.push({
      ruleId: id,
      severity: 'error',
      message: `Rule ${id} failed on this post and was skipped (${e?.message ?? String(err)}). Please report this with the post attached.`,
      span: [doc.src.bomLength, doc.src.bomLength],
      range: doc.src.rangeOf([doc.src.bomLength, doc.src.bomLength]),
      docsUrl,
    });
    return false;
  }
}

function clampSpan(span: Span, length: number): Span {
  const s = Math.max(0, Math.min(span[0], length));
  return [s, Math.max(s, Math.min(span[1], length))];
}

export interface FixResult {
  text: string;
  /** Fixes applied over all passes. */
  applied: number;
  /** What is left after the last pass. */
  diagnostics: LintDiagnostic[];
}

/** Applies safe fixes until none is left (at most 10 passes, as ESLint does). */
export function fixText(text: string, options: LintOptions, onlyRules?: ReadonlySet<string>): FixResult {
  let current = text;
  let applied = 0;
  let result = lintText(current, options);
  for (let pass = 0; pass < 10; pass++) {
    const edits = fixesOf(result.diagnostics, onlyRules);
    if (edits.length === 0) break;
    const outcome = applyEdits(current, edits);
    if (outcome.applied === 0) break;
    applied += outcome.applied;
    current = outcome.text;
    result = lintText(current, options);
  }
  return { text: current, applied, diagnostics: result.diagnostics };
}
