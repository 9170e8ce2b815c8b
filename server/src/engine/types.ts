/** The engine's public shapes: what rules report and what adapters receive. */
import type { Range, Span } from './text';

export type Severity = 'error' | 'warning' | 'info';
export type SeveritySetting = Severity | 'off';

/** One replacement in the text: offsets into the original text. */
export interface TextEdit {
  range: Span;
  text: string;
}

/** A change a person should look at before accepting it. */
export interface Suggestion {
  title: string;
  edit: TextEdit;
}

export interface LintDiagnostic {
  ruleId: string;
  severity: Severity;
  message: string;
  /** Offsets into the text, for fixes and adapters that work in offsets. */
  span: Span;
  /** 0-based line and UTF-16 column, as LSP counts them. */
  range: Range;
  /** Safe to apply unattended. */
  fix?: TextEdit;
  suggestions?: Suggestion[];
  docsUrl: string;
  /** The text it points at does nothing (a comment that silences nothing): editors fade it. */
  unnecessary?: boolean;
}
