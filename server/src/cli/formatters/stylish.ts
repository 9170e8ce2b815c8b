/**
 * The default output: findings grouped by post, aligned, with a summary line.
 * Colored on a terminal; plain when piped, with NO_COLOR, or into a file.
 */
import type { Severity } from '../../engine/types';
import { oneLine, place, plural, totals, type Formatter } from './shared';

const STYLE = {
  reset: '\x1b[0m',
  bold: '\x1b[1m',
  dim: '\x1b[2m',
  underline: '\x1b[4m',
  red: '\x1b[31m',
  yellow: '\x1b[33m',
  blue: '\x1b[34m',
};
const SEVERITY_COLOR: Record<Severity, string> = { error: STYLE.red, warning: STYLE.yellow, info: STYLE.blue };

export const stylish: Formatter = (posts, ctx) => {
  const paint = (style: string, s: string) => (ctx.color ? style + s + STYLE.reset : s);
  const out: string[] = [];
  for (const p of posts) {
    if (!p.diagnostics.length && !p.readError) continue;
    const rows: [string, Severity, string, string][] = [];
    if (p.readError) rows.push(['0:0', 'error', p.readError, '']);
    for (const d of p.diagnostics) {
      const at = place(d);
      rows.push([`${at.line}:${at.column}`, d.severity, oneLine(d.message), d.ruleId]);
    }
    const w0 = Math.max(...rows.map((r) => r[0].length));
    const w1 = Math.max(...rows.map((r) => r[1].length));
    const w2 = Math.max(...rows.map((r) => displayWidth(r[2])));
    out.push(paint(STYLE.underline, p.key));
    for (const [at, severity, message, rule] of rows) {
      const cells = [
        '  ' + paint(STYLE.dim, at.padEnd(w0)),
        paint(SEVERITY_COLOR[severity], severity.padEnd(w1)),
        rule ? message + ' '.repeat(w2 - displayWidth(message)) : message,
      ];
      if (rule) cells.push(paint(STYLE.dim, rule));
      out.push(cells.join('  '));
    }
    out.push('');
  }
  const t = totals(posts);
  const problems = t.errors + t.warnings + t.infos;
  if (problems > 0) {
    const summary = `✖ ${plural(problems, 'problem')} (${plural(t.errors, 'error')}, ${plural(t.warnings, 'warning')}, ${plural(t.infos, 'info')})`;
    out.push(paint(STYLE.bold + (t.errors ? STYLE.red : t.warnings ? STYLE.yellow : STYLE.blue), summary));
    const fixable = t.fixableErrors + t.fixableWarnings + t.fixableInfos;
    if (fixable > 0) {
      out.push(
        paint(
          STYLE.bold,
          `  ${plural(t.fixableErrors, 'error')}, ${plural(t.fixableWarnings, 'warning')} and ${plural(t.fixableInfos, 'info')} potentially fixable with the \`--fix\` option.`,
        ),
      );
    }
    out.push('');
  }
  return out.join('\n');
};

/** Terminal columns: East Asian wide and full-width characters take two. */
export function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if (c < 0x300) w++;
    else if ((c >= 0x300 && c <= 0x36f) || c === 0x200b || c === 0x200d || (c >= 0xfe00 && c <= 0xfe0f)) continue;
    else if (
      (c >= 0x1100 && c <= 0x115f) ||
      (c >= 0x2e80 && c <= 0xa4cf) ||
      (c >= 0xac00 && c <= 0xd7a3) ||
      (c >= 0xf900 && c <= 0xfaff) ||
      (c >= 0xfe30 && c <= 0xfe4f) ||
      (c >= 0xff00 && c <= 0xff60) ||
      (c >= 0xffe0 && c <= 0xffe6) ||
      (c >= 0x1f300 && c <= 0x1faff) ||
      (c >= 0x20000 && c <= 0x3fffd)
    )
      w += 2;
    else w++;
  }
  return w;
}
