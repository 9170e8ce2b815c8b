/**
 * ESLint's JSON shape, so tools that read ESLint results read Bilint's.
 * Lines and columns are 1-based, columns in UTF-16 code units. ESLint knows
 * only warnings (1) and errors (2): an info finding is written as severity 1
 * and counted in `warningCount`. `fix.range` is in UTF-16 offsets into the
 * text without a leading BOM, as ESLint counts.
 */
import type { Formatter } from './shared';
import { place } from './shared';

export const json: Formatter = (posts) => {
  const out = posts.map((p) => {
    const bom = p.bom ? 1 : 0;
    const messages: object[] = [];
    if (p.readError) messages.push({ ruleId: null, severity: 2, message: p.readError, line: 0, column: 0 });
    let errorCount = p.readError ? 1 : 0;
    let warningCount = 0;
    let fixableErrorCount = 0;
    let fixableWarningCount = 0;
    for (const d of p.diagnostics) {
      const severity = d.severity === 'error' ? 2 : 1;
      const m: Record<string, unknown> = { ruleId: d.ruleId, severity, message: d.message, ...place(d) };
      if (d.fix) m.fix = { range: [Math.max(0, d.fix.range[0] - bom), Math.max(0, d.fix.range[1] - bom)], text: d.fix.text };
      messages.push(m);
      if (severity === 2) {
        errorCount++;
        if (d.fix) fixableErrorCount++;
      } else {
        warningCount++;
        if (d.fix) fixableWarningCount++;
      }
    }
    // Standard input has no path: ESLint's tools know it by a placeholder.
    return {
      filePath: p.key === '<stdin>' ? '<stdin>' : p.file,
      messages,
      errorCount,
      warningCount,
      fixableErrorCount,
      fixableWarningCount,
    };
  });
  return JSON.stringify(out) + '\n';
};
