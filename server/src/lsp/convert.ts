/** Engine shapes to LSP shapes: diagnostics, spans, edits. */
import { DiagnosticSeverity, DiagnosticTag, type Diagnostic, type Range, type TextEdit } from 'vscode-languageserver';
import type { SourceText, Span } from '../engine/text';
import type { LintDiagnostic, Severity } from '../engine/types';

export const SOURCE = 'bilint';

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
};

/** What a code action needs to find the engine's finding behind an LSP diagnostic. */
export interface DiagnosticData {
  /** Index into the lint result the diagnostic came from. */
  index: number;
  version: number;
}

export function toLspDiagnostic(d: LintDiagnostic, index: number, version: number): Diagnostic {
  const out: Diagnostic = {
    range: d.range,
    severity: SEVERITY[d.severity] ?? DiagnosticSeverity.Warning,
    code: d.ruleId,
    source: SOURCE,
    message: d.message,
    data: { index, version } satisfies DiagnosticData,
  };
  // LSP wants an absolute URI here; a relative docsBaseUrl from a config stays out.
  if (/^[a-z][a-z0-9+.-]*:/i.test(d.docsUrl)) out.codeDescription = { href: d.docsUrl };
  if (d.unnecessary) out.tags = [DiagnosticTag.Unnecessary];
  return out;
}

export function spanToRange(src: SourceText, span: Span): Range {
  return src.rangeOf(span);
}

export function toTextEdit(src: SourceText, edit: { range: Span; text: string }): TextEdit {
  return { range: src.rangeOf(edit.range), newText: edit.text };
}

export function sameRange(a: Range, b: Range): boolean {
  return (
    a.start.line === b.start.line &&
    a.start.character === b.start.character &&
    a.end.line === b.end.line &&
    a.end.character === b.end.character
  );
}
