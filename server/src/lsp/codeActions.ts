/**
 * The code-action menu, per finding: fix this problem, fix all problems of
 * this rule, each suggestion, disable the rule for this line (or block) or
 * for the post; plus `source.fixAll.bilint` for fix-on-save.
 */
import { CodeActionKind, type CodeAction, type CodeActionParams, type Diagnostic, type TextEdit } from 'vscode-languageserver';
import type { PostDocument } from '../engine/model/document';
import type { LintDiagnostic } from '../engine/types';
import { SOURCE, sameRange, toTextEdit, type DiagnosticData } from './convert';
import { minimalEdits } from './edits';

export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.bilint`;

export interface ActionContext {
  uri: string;
  version: number;
  doc: PostDocument;
  findings: readonly LintDiagnostic[];
  /** The post's text with every safe fix applied (of some rules only, when given). */
  fixedText(onlyRules?: ReadonlySet<string>): string;
}

export function codeActions(ctx: ActionContext, params: CodeActionParams): CodeAction[] {
  const only = params.context.only;
  const wants = (kind: string) => !only || only.some((k) => kind === k || kind.startsWith(k + '.'));
  const out: CodeAction[] = [];
  if (only && wants(FIX_ALL_KIND)) {
    const edits = fixAllEdits(ctx);
    if (edits.length) out.push({ title: 'Fix all auto-fixable Bilint problems', kind: FIX_ALL_KIND, edit: editOf(ctx, edits) });
  }
  if (!wants(CodeActionKind.QuickFix)) return out;

  const seenRules = new Set<string>();
  const disables: CodeAction[] = [];
  for (const diagnostic of params.context.diagnostics) {
    if (diagnostic.source !== SOURCE) continue;
    const finding = findingOf(ctx, diagnostic);
    if (!finding) continue;
    const id = finding.ruleId;
    if (finding.fix) {
      out.push({
        title: `Fix this ${id} problem`,
        kind: CodeActionKind.QuickFix,
        diagnostics: [diagnostic],
        isPreferred: true,
        edit: editOf(ctx, [toTextEdit(ctx.doc.src, finding.fix)]),
      });
    }
    for (const s of finding.suggestions ?? []) {
      out.push({
        title: s.title,
        kind: CodeActionKind.QuickFix,
        diagnostics: [diagnostic],
        edit: editOf(ctx, [toTextEdit(ctx.doc.src, s.edit)]),
      });
    }
    if (seenRules.has(id)) continue;
    seenRules.add(id);
    if (finding.fix && ctx.findings.filter((f) => f.ruleId === id && f.fix).length > 1) {
      const edits = minimalEdits(ctx.doc.src, ctx.fixedText(new Set([id])));
      if (edits.length)
        out.push({ title: `Fix all ${id} problems`, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], edit: editOf(ctx, edits) });
    }
    const line = disableLine(ctx.doc, id, finding.span[0]);
    if (line) disables.push({ title: line.title, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], edit: editOf(ctx, line.edits) });
    const file = disableFile(ctx.doc, id, finding.span[0]);
    if (file)
      disables.push({
        title: `Disable ${id} for this post`,
        kind: CodeActionKind.QuickFix,
        diagnostics: [diagnostic],
        edit: editOf(ctx, [file]),
      });
  }
  if (ctx.findings.filter((f) => f.fix).length > 1 && params.context.diagnostics.some((d) => d.source === SOURCE)) {
    const edits = fixAllEdits(ctx);
    if (edits.length)
      out.push({ title: 'Fix all auto-fixable problems in this post', kind: CodeActionKind.QuickFix, edit: editOf(ctx, edits) });
  }
  return [...out, ...disables];
}

export function fixAllEdits(ctx: ActionContext): TextEdit[] {
  if (!ctx.findings.some((f) => f.fix)) return [];
  return minimalEdits(ctx.doc.src, ctx.fixedText());
}

/** The engine's finding behind a diagnostic the client sent back. */
function findingOf(ctx: ActionContext, d: Diagnostic): LintDiagnostic | undefined {
  const data = d.data as DiagnosticData | undefined;
  if (data && data.version === ctx.version) {
    const f = ctx.findings[data.index];
    if (f && f.ruleId === d.code && sameRange(f.range, d.range)) return f;
  }
  return ctx.findings.find((f) => f.ruleId === d.code && f.message === d.message && sameRange(f.range, d.range));
}

function editOf(ctx: ActionContext, edits: TextEdit[]) {
  return { documentChanges: [{ textDocument: { uri: ctx.uri, version: ctx.version }, edits }] };
}

/**
 * A comment that silences the rule on the finding's line. In the front
 * matter it is a YAML comment holding the directive; inside a multi-line
 * block (where a comment line would split the block) the whole block is
 * wrapped in disable/enable comments instead.
 */
function disableLine(doc: PostDocument, id: string, offset: number): { title: string; edits: TextEdit[] } | undefined {
  const src = doc.src;
  const line = src.lineOf(offset);
  const eol = src.eol;
  const fm = doc.frontMatter;
  const insertBefore = (l: number, text: string): TextEdit => ({
    range: src.rangeOf([src.lineStarts[l], src.lineStarts[l]]),
    newText: text + eol,
  });
  if (fm && offset <= fm.span[1]) {
    if (line === 0 || !fm.closed) return undefined; // nothing can precede the opening `---`
    return { title: `Disable ${id} for this line`, edits: [insertBefore(line, `# <!-- bilint-disable-next-line ${id} -->`)] };
  }
  const block = doc.blockAt(offset);
  if (!block || block.startLine === line) {
    return { title: `Disable ${id} for this line`, edits: [insertBefore(line, `<!-- bilint-disable-next-line ${id} -->`)] };
  }
  const endOffset = src.lineEnd(block.endLine);
  return {
    title: `Disable ${id} for this block`,
    edits: [
      insertBefore(block.startLine, `<!-- bilint-disable ${id} -->`),
      { range: src.rangeOf([endOffset, endOffset]), newText: `${eol}<!-- bilint-enable ${id} -->` },
    ],
  };
}

/** A disable comment at the top: a YAML comment right after the opening `---`, or the first line of a post without front matter. */
function disableFile(doc: PostDocument, id: string, offset: number): TextEdit | undefined {
  const src = doc.src;
  const fm = doc.frontMatter;
  if (fm && fm.closed) {
    if (src.lineOf(offset) === 0) return undefined; // the opening line cannot be covered
    const at = src.lineStarts[1];
    return { range: src.rangeOf([at, at]), newText: `# <!-- bilint-disable ${id} -->${src.eol}` };
  }
  if (fm) return undefined;
  const at = src.bomLength;
  return { range: src.rangeOf([at, at]), newText: `<!-- bilint-disable ${id} -->${src.eol}` };
}
