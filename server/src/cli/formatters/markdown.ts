/**
 * A Markdown report for people: a heading with the counts, then one table
 * row per finding. For a pull request comment, or a GitHub Actions job
 * summary (`>> "$GITHUB_STEP_SUMMARY"`), where annotations stop at ten of a
 * kind per step. Rule ids link to their pages when those are on the web.
 */
import { escapeMarkdown } from '../../engine/text';
import { oneLine, place, plural, totals, type Formatter } from './shared';

/** Rows that would take the report past this many characters are counted, not shown: a GitHub comment holds 65,536. */
export const MAX_CHARS = 60_000;

export const markdown: Formatter = (posts) => {
  const t = totals(posts);
  const problems = t.errors + t.warnings + t.infos;
  const withFindings = posts.filter((p) => p.diagnostics.length || p.readError).length;
  if (problems === 0) return `### Bilint: no problems in ${plural(posts.length, 'post')}\n`;
  const counts = `${plural(t.errors, 'error')}, ${plural(t.warnings, 'warning')}, ${plural(t.infos, 'info')}`;
  const out = [
    `### Bilint: ${plural(problems, 'problem')} (${counts}) in ${withFindings} of ${plural(posts.length, 'post')}`,
    '',
    '| Post | Line | Severity | Rule | Message |',
    '| --- | --- | --- | --- | --- |',
  ];
  let size = out.reduce((n, l) => n + l.length + 1, 0);
  let cut = 0;
  for (const p of posts) {
    const post = code(p.key);
    const lines: string[] = [];
    if (p.readError) lines.push(`| ${post} | | error | | ${cell(p.readError)} |`);
    for (const d of p.diagnostics) {
      const rule = /^https?:\/\//.test(d.docsUrl) ? `[${code(d.ruleId)}](${d.docsUrl})` : code(d.ruleId);
      lines.push(`| ${post} | ${place(d).line} | ${d.severity} | ${rule} | ${cell(oneLine(d.message))} |`);
    }
    for (const line of lines) {
      if (cut === 0 && size + line.length + 1 <= MAX_CHARS) {
        out.push(line);
        size += line.length + 1;
      } else cut++;
    }
  }
  if (cut > 0) out.push('', `…and ${plural(cut, 'more finding')}: run Bilint locally to see them all.`);
  return out.join('\n') + '\n';
};

/** Inline code that survives a table cell: a pipe is escaped even inside code (GFM splits cells first). */
function code(s: string): string {
  const ticks = /`/.test(s) ? '`` ' : '`';
  return `${ticks}${s.replace(/\|/g, '\\|')}${ticks.split('').reverse().join('')}`;
}

/**
 * A message as a table cell: its `code` spans kept, everything else with Markdown's punctuation escaped,
 * so a post's own markup (`**`, `<p>`) shows as written instead of being rendered.
 */
export function cell(message: string): string {
  return message
    .split(/(`[^`]*`)/)
    .map((part, i) => (i % 2 ? part.replace(/\|/g, '\\|') : escapeMarkdown(part)))
    .join('');
}
