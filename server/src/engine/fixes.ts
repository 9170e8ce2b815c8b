/** Applying fixes: non-overlapping edits, in order; the rest wait for the next pass. */
import type { LintDiagnostic, TextEdit } from './types';

export interface FixOutcome {
  text: string;
  applied: number;
}

export function applyEdits(text: string, edits: readonly TextEdit[]): FixOutcome {
  const sorted = [...edits].sort((a, b) => a.range[0] - b.range[0] || a.range[1] - b.range[1]);
  let out = '';
  let cursor = 0;
  let applied = 0;
  for (const e of sorted) {
    if (e.range[0] < cursor || e.range[1] < e.range[0] || e.range[1] > text.length) continue;
    if (text.slice(e.range[0], e.range[1]) === e.text) continue;
    out += text.slice(cursor, e.range[0]) + e.text;
    cursor = e.range[1];
    applied++;
  }
  return { text: out + text.slice(cursor), applied };
}

export function fixesOf(diagnostics: readonly LintDiagnostic[], onlyRules?: ReadonlySet<string>): TextEdit[] {
  const edits: TextEdit[] = [];
  for (const d of diagnostics) if (d.fix && (!onlyRules || onlyRules.has(d.ruleId))) edits.push(d.fix);
  return edits;
}
