/**
 * Inline comments that turn rules off and on:
 * `<!-- bilint-disable id… -->`, `<!-- bilint-enable id… -->` and
 * `<!-- bilint-disable-next-line id… -->`; with no ids they apply to all rules.
 */
import type { SourceText } from './text';

interface Directive {
  kind: 'disable' | 'enable' | 'disable-next-line';
  line: number;
  rules: string[] | null;
}

const DIRECTIVE = /<!--\s*bilint-(disable-next-line|disable|enable)\b([^>]*?)-->/g;

export class Directives {
  private readonly list: Directive[] = [];

  constructor(src: SourceText) {
    const text = src.text;
    if (text.indexOf('bilint-') < 0) return;
    DIRECTIVE.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = DIRECTIVE.exec(text))) {
      const ids = m[2].split(/[\s,]+/).filter(Boolean);
      this.list.push({ kind: m[1] as Directive['kind'], line: src.lineOf(m.index), rules: ids.length ? ids : null });
    }
  }

  get empty(): boolean {
    return this.list.length === 0;
  }

  /** Whether a finding of `ruleId` starting on `line` is silenced. */
  silenced(ruleId: string, line: number): boolean {
    let off = false;
    for (const d of this.list) {
      const applies = d.rules === null || d.rules.includes(ruleId);
      if (!applies) continue;
      if (d.kind === 'disable-next-line') {
        if (d.line + 1 === line) return true;
      } else if (d.line <= line) off = d.kind === 'disable';
    }
    return off;
  }
}
