/** `bilint stats`: per post, how much is translated and glossed, and how many findings; a total row. */
import type { PostOutcome } from './run';
import { displayWidth } from './formatters/stylish';

interface Row {
  post: string;
  chineseParagraphs: number;
  pairedChinese: number;
  /** Paired Chinese paragraphs / all Chinese paragraphs; null when there are none. */
  coverage: number | null;
  pairs: number;
  glossedTerms: number;
  entities: number;
  findings: number;
  errors: number;
  warnings: number;
  infos: number;
}

function rowOf(p: PostOutcome): Row {
  const count = (s: string) => p.diagnostics.filter((d) => d.severity === s).length;
  const s = p.stats;
  return {
    post: p.key,
    chineseParagraphs: s.chineseParagraphs,
    pairedChinese: s.pairedChinese,
    coverage: s.chineseParagraphs ? s.pairedChinese / s.chineseParagraphs : null,
    pairs: s.pairs,
    glossedTerms: s.glossedTerms,
    entities: s.entities,
    findings: p.diagnostics.length,
    errors: count('error'),
    warnings: count('warning'),
    infos: count('info'),
  };
}

function totalOf(rows: Row[]): Row {
  const sum = (k: keyof Row) => rows.reduce((n, r) => n + (r[k] as number), 0);
  const zh = sum('chineseParagraphs');
  return {
    post: `Total (${rows.length} post${rows.length === 1 ? '' : 's'})`,
    chineseParagraphs: zh,
    pairedChinese: sum('pairedChinese'),
    coverage: zh ? sum('pairedChinese') / zh : null,
    pairs: sum('pairs'),
    glossedTerms: sum('glossedTerms'),
    entities: sum('entities'),
    findings: sum('findings'),
    errors: sum('errors'),
    warnings: sum('warnings'),
    infos: sum('infos'),
  };
}

export function formatStats(posts: readonly PostOutcome[], format: 'table' | 'json'): string {
  const rows = posts.filter((p) => !p.readError).map(rowOf);
  const total = totalOf(rows);
  if (format === 'json') return JSON.stringify({ posts: rows, total }, null, 2) + '\n';
  const head = ['Post', 'Coverage', 'Pairs', 'Glossed terms', 'Entities', 'Findings'];
  const cells = (r: Row) => [
    r.post,
    r.coverage === null ? '-' : (r.coverage * 100).toFixed(1) + '%',
    String(r.pairs),
    String(r.glossedTerms),
    String(r.entities),
    String(r.findings),
  ];
  const table = [head, ...rows.map(cells), cells(total)];
  const widths = head.map((_, i) => Math.max(...table.map((r) => displayWidth(r[i]))));
  const line = (r: string[]) =>
    r
      .map((c, i) => (i === 0 ? c + ' '.repeat(widths[i] - displayWidth(c)) : c.padStart(widths[i])))
      .join('  ')
      .trimEnd();
  const rule = widths.map((w) => '-'.repeat(w)).join('  ');
  return [line(head), rule, ...rows.map((r) => line(cells(r))), rule, line(cells(total)), ''].join('\n');
}
