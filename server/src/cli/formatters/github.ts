/**
 * GitHub Actions workflow commands: a plain `run:` step annotates the pull
 * request's diff. Errors become `::error`, warnings `::warning`, infos
 * `::notice`. Paths are relative to GITHUB_WORKSPACE (the checkout) when
 * set, else to the current folder.
 */
import { oneLine, place, relativePath, type Formatter } from './shared';

const COMMAND = { error: 'error', warning: 'warning', info: 'notice' } as const;

export const github: Formatter = (posts, ctx) => {
  const lines: string[] = [];
  for (const p of posts) {
    const file = relativePath(ctx.githubWorkspace ?? ctx.cwd, p.file);
    if (p.readError) lines.push(`::error file=${escapeProperty(file)},title=bilint::${escapeData(p.readError)}`);
    for (const d of p.diagnostics) {
      const at = place(d);
      const props = [
        `file=${file}`,
        `line=${at.line}`,
        `col=${at.column}`,
        `endLine=${at.endLine}`,
        `endColumn=${at.endColumn}`,
        `title=${d.ruleId}`,
      ]
        .map((kv) => {
          const eq = kv.indexOf('=');
          return kv.slice(0, eq + 1) + escapeProperty(kv.slice(eq + 1));
        })
        .join(',');
      lines.push(`::${COMMAND[d.severity]} ${props}::${escapeData(oneLine(d.message))}`);
    }
  }
  return lines.length ? lines.join('\n') + '\n' : '';
};

/** The message part: %, CR and LF are encoded (as the Actions toolkit does). */
export function escapeData(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** A property value: additionally `:` and `,`, which separate properties. */
export function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
