/**
 * A post as the bilingual preview shows it: a two-column table, Chinese
 * left and English right, one row per pair, headings across both columns,
 * unpaired paragraphs and problems marked in place. Every row carries the
 * source lines it comes from, for scroll sync and click-to-reveal.
 * Rendered fragments are cached by their source, so typing re-renders only
 * the block that changed.
 */
import { PostDocument } from '../../../server/src/engine/model/document';
import type { Block, EnglishBlock, ParagraphBlock } from '../../../server/src/engine/model/blocks';
import { loadMarkdown, renderMarkdown } from './markdown';

export interface PreviewProblem {
  /** 0-based lines. */
  line: number;
  endLine: number;
  message: string;
  severity: 'error' | 'warning' | 'info';
  code?: string;
}

export interface PreviewLabels {
  noEnglish: string;
  noChinese: string;
}

export interface RenderResult {
  html: string;
  rows: number;
  pairs: number;
  unpaired: number;
  orphans: number;
}

interface Row {
  line: number;
  endLine: number;
  html: (problems: string) => string;
}

export class PostRenderer {
  private cache = new Map<string, string>();
  private next = new Map<string, string>();

  /** Loads the Markdown pipeline (ESM) once. */
  ready(): Promise<unknown> {
    return loadMarkdown();
  }

  render(text: string, problems: readonly PreviewProblem[], labels: PreviewLabels): RenderResult {
    this.next = new Map();
    const doc = new PostDocument(text);
    const rows: Row[] = [];
    let pairs = 0;
    let unpaired = 0;
    let orphans = 0;
    for (const b of doc.blocks) {
      if (b.kind === 'heading') rows.push(this.fullRow(doc, b, 'heading'));
      else if (b.kind === 'paragraph') {
        if (b.english) pairs++;
        else unpaired++;
        rows.push(this.pairRow(doc, b, b.english, labels));
      } else if (b.kind === 'english') {
        if (b.chinese) continue; // shown with its paragraph
        orphans++;
        rows.push(this.orphanRow(doc, b, labels));
      } else if (b.kind === 'html' && b.comment) continue;
      else rows.push(this.fullRow(doc, b, 'other'));
    }
    this.cache = this.next;

    const bodyLine = doc.src.lineOf(doc.bodyStart);
    const byRow = new Map<number, PreviewProblem[]>();
    const header: PreviewProblem[] = [];
    for (const p of problems) {
      if (p.line < bodyLine || rows.length === 0) {
        header.push(p);
        continue;
      }
      // The row that holds the line, or the next one after it.
      let i = rows.findIndex((r) => r.endLine >= p.line);
      if (i < 0) i = rows.length - 1;
      byRow.set(i, [...(byRow.get(i) ?? []), p]);
    }
    const body = rows.map((r, i) => r.html(problemList(byRow.get(i)))).join('\n');
    const html = `${headerHtml(doc, problemList(header))}\n<table class="pairs"><tbody>\n${body}\n</tbody></table>`;
    return { html, rows: rows.length, pairs, unpaired, orphans };
  }

  private md(source: string): string {
    let html = this.cache.get(source) ?? this.next.get(source);
    if (html === undefined) html = renderMarkdown(source);
    this.next.set(source, html);
    return html;
  }

  private fullRow(doc: PostDocument, b: Block, kind: string): Row {
    const html = this.md(doc.slice(b.span));
    return {
      line: b.startLine,
      endLine: b.endLine,
      html: (problems) => `<tr class="row ${kind}" ${lines(b.startLine, b.endLine)}><td colspan="2">${html}${problems}</td></tr>`,
    };
  }

  private pairRow(doc: PostDocument, p: ParagraphBlock, en: EnglishBlock | undefined, labels: PreviewLabels): Row {
    const zh = this.md(doc.slice(p.span));
    const endLine = en ? en.endLine : p.endLine;
    const right = en
      ? `<td class="en" lang="${doc.sourceLanguage === 'zh' ? 'zh' : 'en'}" data-line="${en.startLine}">${englishHtml(doc, en)}</td>`
      : `<td class="en missing"><span class="marker">${escapeHtml(labels.noEnglish)}</span></td>`;
    const cls = en ? (en.anomalies.length ? 'pair malformed' : 'pair') : 'pair unpaired';
    return {
      line: p.startLine,
      endLine,
      html: (problems) =>
        `<tr class="row ${cls}" ${lines(p.startLine, endLine)}><td class="zh" lang="zh" data-line="${p.startLine}">${zh}${problems}</td>${right}</tr>`,
    };
  }

  private orphanRow(doc: PostDocument, en: EnglishBlock, labels: PreviewLabels): Row {
    return {
      line: en.startLine,
      endLine: en.endLine,
      html: (problems) =>
        `<tr class="row pair orphan" ${lines(en.startLine, en.endLine)}><td class="zh missing"><span class="marker">${escapeHtml(labels.noChinese)}</span>${problems}</td>` +
        `<td class="en" data-line="${en.startLine}">${englishHtml(doc, en)}</td></tr>`,
    };
  }
}

function lines(start: number, end: number): string {
  return `data-line="${start}" data-end="${end}"`;
}

function headerHtml(doc: PostDocument, problems: string): string {
  const data = doc.frontMatter?.data ?? {};
  const text = (v: unknown) =>
    typeof v === 'string' || typeof v === 'number' ? String(v) : v instanceof Date ? v.toISOString().slice(0, 10) : '';
  const title = text(data.title);
  const meta = [text(data.date), text(data.speaker), ...(Array.isArray(data.tags) ? data.tags.map((t) => `#${text(t)}`) : [])].filter(
    Boolean,
  );
  return (
    `<header class="post-header" data-line="0" data-end="${doc.src.lineOf(doc.bodyStart)}">` +
    (title ? `<h1>${escapeHtml(title)}</h1>` : '') +
    (meta.length ? `<p class="meta">${meta.map(escapeHtml).join(' · ')}</p>` : '') +
    `${problems}</header>`
  );
}

function problemList(problems: PreviewProblem[] | undefined): string {
  if (!problems?.length) return '';
  const items = problems.map(
    (p) => `<li class="problem ${p.severity}" data-line="${p.line}" title="${escapeHtml(p.code ?? '')}">${escapeHtml(p.message)}</li>`,
  );
  return `<ul class="problems">${items.join('')}</ul>`;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0', '#39': "'" };

/** The English (or original) text as a reader sees it: tags dropped, entities read, line breaks kept. */
export function englishHtml(doc: PostDocument, en: EnglishBlock): string {
  const raw = en.contentSpans.map((s) => doc.slice(s)).join('\n');
  const text = raw
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<[^>\n]{0,200}>/g, '')
    .replace(/&(#\d{1,6}|#x[0-9a-f]{1,6}|[a-z]{2,6}|#39);/gi, (m, name: string) => {
      if (ENTITIES[name.toLowerCase()]) return ENTITIES[name.toLowerCase()];
      const code =
        name.startsWith('#x') || name.startsWith('#X') ? parseInt(name.slice(2), 16) : name.startsWith('#') ? Number(name.slice(1)) : NaN;
      return Number.isFinite(code) && code > 0 && code < 0x110000 ? String.fromCodePoint(code) : m;
    })
    .trim();
  return escapeHtml(text).replace(/\n+/g, '<br>');
}

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}
