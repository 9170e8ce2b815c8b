/**
 * SARIF 2.1.0, for GitHub code scanning and other SARIF viewers. Every rule
 * is described (id, a name, descriptions, default level, help URI and the
 * rule's documentation page as help text), every finding has a region in
 * 1-based lines and UTF-16 columns, and safe fixes are included as SARIF
 * fixes. Paths are relative to %SRCROOT%, the folder Bilint ran in.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { LintDiagnostic, Severity } from '../../engine/types';
import type { Rule } from '../../engine/rule';
import { bilintHomepage, packageRoot } from '../pkg';
import { place, type FormatContext, type Formatter } from './shared';

const LEVEL: Record<Severity | 'off', string> = { error: 'error', warning: 'warning', info: 'note', off: 'none' };
const SRCROOT = '%SRCROOT%';

export const sarif: Formatter = (posts, ctx) => {
  const ruleIndex = new Map(ctx.rules.map((r, i) => [r.meta.id, i]));
  const helpUris = new Map<string, string>();
  for (const p of posts) for (const d of p.diagnostics) if (!helpUris.has(d.ruleId)) helpUris.set(d.ruleId, d.docsUrl);

  const artifacts: object[] = [];
  const results: object[] = [];
  const notifications: object[] = [];
  posts.forEach((p, index) => {
    const location = { uri: relativeUri(ctx.cwd, p.file), uriBaseId: SRCROOT, index };
    artifacts.push({ location: { uri: location.uri, uriBaseId: SRCROOT }, mimeType: 'text/markdown' });
    if (p.readError) {
      notifications.push({
        level: 'error',
        message: { text: sentence(p.readError) },
        locations: [{ physicalLocation: { artifactLocation: location } }],
      });
    }
    for (const d of p.diagnostics) results.push(result(d, location, ruleIndex));
  });

  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'Bilint',
            version: ctx.version,
            semanticVersion: ctx.version,
            // The project's homepage when package.json names one, else this installation's CLI docs.
            informationUri: bilintHomepage() ?? pathToFileURL(path.join(packageRoot(), 'docs', 'cli.md')).href,
            rules: ctx.rules.map((r) => describeRule(r, helpUris.get(r.meta.id) ?? ctx.docsBaseUrl + r.meta.id + '.md')),
          },
        },
        invocations: [{ executionSuccessful: notifications.length === 0, toolExecutionNotifications: notifications }],
        originalUriBaseIds: { [SRCROOT]: { uri: pathToFileURL(ctx.cwd).href.replace(/\/?$/, '/') } },
        artifacts,
        results,
        columnKind: 'utf16CodeUnits',
      },
    ],
  };
  return JSON.stringify(log, null, 2) + '\n';
};

function result(d: LintDiagnostic, location: { uri: string; uriBaseId: string; index: number }, ruleIndex: Map<string, number>): object {
  const r: Record<string, unknown> = {
    ruleId: d.ruleId,
    level: LEVEL[d.severity],
    message: { text: sentence(d.message) },
    locations: [{ physicalLocation: { artifactLocation: location, region: region(d.range) } }],
  };
  const i = ruleIndex.get(d.ruleId);
  if (i !== undefined) r.ruleIndex = i;
  if (d.fix) {
    r.fixes = [
      {
        description: { text: 'Apply the safe fix.' },
        artifactChanges: [
          {
            artifactLocation: location,
            replacements: [
              {
                deletedRegion: { charOffset: d.fix.range[0], charLength: d.fix.range[1] - d.fix.range[0] },
                insertedContent: { text: d.fix.text },
              },
            ],
          },
        ],
      },
    ];
  }
  return r;
}

function region(range: LintDiagnostic['range']): object {
  const at = place({ range } as LintDiagnostic);
  return { startLine: at.line, startColumn: at.column, endLine: at.endLine, endColumn: at.endColumn };
}

function describeRule(rule: Rule<unknown>, helpUri: string): object {
  const { id, description, defaultSeverity, fixable } = rule.meta;
  const doc = ruleDoc(id);
  const out: Record<string, unknown> = {
    id,
    name: pascal(id),
    shortDescription: { text: sentence(description) },
    fullDescription: { text: sentence(description) },
    defaultConfiguration: { level: LEVEL[defaultSeverity], enabled: defaultSeverity !== 'off' },
    helpUri,
    help: { text: `${sentence(description)} Documentation: ${helpUri}`, ...(doc ? { markdown: doc } : {}) },
    properties: { tags: ['bilint', id.split('/')[0]], fixable },
  };
  return out;
}

const docs = new Map<string, string | undefined>();

/** The rule's documentation page, shipped in docs/rules/<id>.md. */
function ruleDoc(id: string): string | undefined {
  if (!docs.has(id)) {
    try {
      docs.set(id, fs.readFileSync(path.join(packageRoot(), 'docs', 'rules', `${id}.md`), 'utf8'));
    } catch {
      docs.set(id, undefined);
    }
  }
  return docs.get(id);
}

function pascal(id: string): string {
  return id
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((w) => w[0].toUpperCase() + w.slice(1))
    .join('');
}

/** SARIF viewers expect messages to be sentences. */
function sentence(s: string): string {
  const t = s.trim();
  return /[.!?。！？]$/.test(t) ? t : t + '.';
}

/** A relative URI reference: each path segment percent-encoded. */
export function relativeUri(cwd: string, file: string): string {
  const rel = path.relative(cwd, file).split(path.sep);
  return rel.map((seg) => encodeURIComponent(seg)).join('/');
}

export type { FormatContext };
