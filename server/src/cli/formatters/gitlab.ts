/**
 * GitLab Code Quality (a subset of the Code Climate issue format): saved as a
 * job's `artifacts:reports:codequality`, it shows the findings in the merge
 * request widget and the diff. Paths are relative to CI_PROJECT_DIR (the
 * checkout) when set, else to the current folder.
 *
 * A fingerprint must tell one issue from another and stay the same while the
 * issue does, or GitLab shows it as fixed and new again: it hashes the path,
 * the rule, the message and the issue's rank among identical ones, not its
 * line, which moves whenever text is added above it.
 */
import { createHash } from 'node:crypto';
import type { Severity } from '../../engine/types';
import { place, relativePath, type Formatter } from './shared';

const SEVERITY: Record<Severity, string> = { error: 'major', warning: 'minor', info: 'info' };

export const gitlab: Formatter = (posts, ctx) => {
  const issues: object[] = [];
  for (const p of posts) {
    const file = relativePath(ctx.gitlabProjectDir ?? ctx.cwd, p.file);
    const seen = new Map<string, number>();
    const issue = (checkName: string, description: string, severity: string, line: number, column: number) => {
      const key = `${file}\0${checkName}\0${description}`;
      const rank = seen.get(key) ?? 0;
      seen.set(key, rank + 1);
      issues.push({
        description,
        check_name: checkName,
        fingerprint: createHash('sha256').update(`${key}\0${rank}`).digest('hex').slice(0, 32),
        severity,
        location: { path: file, positions: { begin: { line, column } } },
      });
    };
    if (p.readError) issue('bilint', p.readError, 'blocker', 1, 1);
    for (const d of p.diagnostics) {
      const at = place(d);
      issue(d.ruleId, d.message, SEVERITY[d.severity], at.line, at.column);
    }
  }
  return JSON.stringify(issues, null, 2) + '\n';
};
