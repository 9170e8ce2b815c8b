/**
 * Hover: on a bold term, its gloss (from this post, else from other posts
 * of the workspace); on a Chinese paragraph, its English; on a front matter
 * key, the post schema's description of it; on a rule id in a disable
 * comment, what the rule checks.
 */
import type { Hover } from 'vscode-languageserver';
import * as path from 'node:path';
import type { PostDocument } from '../engine/model/document';
import type { ResolvedConfig } from '../engine/config';
import type { WorkspaceIndex } from './workspaceIndex';
import { englishText, glossInPost, termAt } from './postQueries';
import { schemaProperty } from './schema';
import { escapeMarkdown } from '../engine/text';
import { directivesOf, namesRule } from '../engine/directives';
import { builtinRules } from '../rules';

export interface QueryContext {
  doc: PostDocument;
  config: ResolvedConfig;
  index?: WorkspaceIndex;
  filePath?: string;
}

export function hoverAt(ctx: QueryContext, offset: number): Hover | null {
  const { doc } = ctx;
  const named = directivesOf(doc)
    .flatMap((d) => d.names ?? [])
    .find((n) => offset >= n.span[0] && offset <= n.span[1]);
  if (named) return ruleHover(ctx, named.name, named.span);
  const fm = doc.frontMatter;
  if (fm && offset <= fm.span[1]) return frontMatterHover(ctx, offset);
  const block = doc.blockAt(offset);
  if (!block || block.kind !== 'paragraph') return null;
  const term = termAt(doc, block, offset);
  if (term) return termHover(ctx, term.term, term.gloss, term.bold.span);
  if (block.english) {
    const english = englishText(doc, block.english.contentSpans);
    if (!english) return null;
    const label = doc.sourceLanguage === 'zh' ? 'Original' : 'English';
    return markdown(ctx, `**${label}:** ${escapeMarkdown(english)}`, block.span);
  }
  return null;
}

function frontMatterHover(ctx: QueryContext, offset: number): Hover | null {
  const entry = ctx.doc.frontMatter?.entries.find((e) => offset >= e.keySpan[0] && offset <= e.keySpan[1]);
  if (!entry) return null;
  const prop = schemaProperty(ctx.config.postSchema, entry.key);
  if (!prop) return markdown(ctx, `\`${entry.key}\`: not a field of the post schema.`, entry.keySpan);
  const lines = [`\`${entry.key}\`${prop.required ? ' (required)' : ''}${prop.types.length ? `: ${prop.types.join(' | ')}` : ''}`];
  if (prop.description) lines.push('', prop.description);
  if (prop.values.length) {
    const shown = prop.values.slice(0, 20).map((v) => `\`${String(v)}\``);
    lines.push('', `Allowed: ${shown.join(', ')}${prop.values.length > 20 ? ', …' : ''}`);
  }
  return markdown(ctx, lines.join('\n'), entry.keySpan);
}

function termHover(ctx: QueryContext, term: string, own: string | undefined, span: readonly [number, number]): Hover {
  const here = own ? { gloss: own } : glossInPost(ctx.doc, term);
  if (here) {
    const where = own ? '' : ` _(glossed on line ${(here as { line: number }).line + 1})_`;
    return markdown(ctx, `**${escapeMarkdown(term)}**: ${escapeMarkdown(here.gloss)}${where}`, span);
  }
  const elsewhere = ctx.index?.glossesOf(term, ctx.filePath) ?? [];
  if (elsewhere.length === 0)
    return markdown(ctx, `**${escapeMarkdown(term)}** has no gloss in this post or in the workspace's other posts.`, span);
  // Distinct glosses, most used first, each with one post that uses it.
  const byGloss = new Map<string, { count: number; post: string }>();
  for (const g of elsewhere) {
    const seen = byGloss.get(g.fact.gloss);
    if (seen) seen.count++;
    else byGloss.set(g.fact.gloss, { count: 1, post: path.basename(g.path) });
  }
  const lines = [...byGloss.entries()]
    .sort((a, b) => b[1].count - a[1].count)
    .slice(0, 5)
    .map(
      ([gloss, { count, post }]) => `- ${escapeMarkdown(gloss)} _(${escapeMarkdown(post)}${count > 1 ? ` and ${count - 1} more` : ''})_`,
    );
  return markdown(ctx, `**${escapeMarkdown(term)}**: not glossed in this post; other posts gloss it as:\n\n${lines.join('\n')}`, span);
}

/** A rule (or a family's rules) named in a disable comment: what it checks, its severity here, its page. */
function ruleHover(ctx: QueryContext, name: string, span: readonly [number, number]): Hover | null {
  const rules = builtinRules.filter((r) => namesRule(name, r.meta.id));
  if (rules.length === 0) return null; // directive/unknown-rule says what is wrong
  const lines = rules.map(({ meta }) => {
    const severity = ctx.config.rules[meta.id]?.severity ?? meta.defaultSeverity;
    return `[\`${meta.id}\`](${ctx.config.docsBaseUrl}${meta.id}.md) _(${severity})_: ${meta.description}`;
  });
  return markdown(ctx, rules.length === 1 ? lines[0] : `Every \`${name}/…\` rule:\n\n${lines.map((l) => `- ${l}`).join('\n')}`, span);
}

function markdown(ctx: QueryContext, value: string, span: readonly [number, number]): Hover {
  return { contents: { kind: 'markdown', value }, range: ctx.doc.src.rangeOf(span) };
}
