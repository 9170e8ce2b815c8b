/**
 * `bilint glossary export`: the team glossary and the terms the posts gloss,
 * written out for translators and their tools: CSV, JSON, or TBX-Basic
 * (ISO 30042 TermBase eXchange, the format CAT tools import).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { isChinese as isChineseText, mergeWithPosts, type TermRecord } from '../engine/glossary';
import { PostDocument } from '../engine/model/document';
import { summarizePost } from '../engine/summary';
import type { PostSummary } from '../engine/workspace';
import { ConfigLoader } from '../node/configLoader';
import { discover } from '../node/files';
import { xml } from './xml';

export const GLOSSARY_HELP = `Usage: bilint glossary export [options] [paths or globs...]

Writes the team glossary (glossary.yaml beside the config, or the config's
"glossary" key) and the terms the posts gloss (**术语**（English: 解释）,
名字（Name）) as one termbase. Posts are found as for linting (default: the
current folder).

Options:
  -f, --format NAME     csv (default), json or tbx (TBX-Basic, for CAT tools)
  -o, --output-file F   Write to F instead of standard output
  --glossary-only       Leave out the terms found in the posts
  -c, --config FILE     Use this config file instead of searching for one
  -h, --help            Show this help
`;

export type ExportFormat = 'csv' | 'json' | 'tbx';

interface ExportOptions {
  format: ExportFormat;
  output?: string;
  glossaryOnly: boolean;
  config?: string;
  paths: string[];
}

/** Runs `bilint glossary …`; returns the exit code (0 done, 2 usage or config problem). */
export function runGlossary(argv: readonly string[], cwd: string): number {
  let o: ExportOptions;
  try {
    if (argv[0] === '-h' || argv[0] === '--help') return write(process.stdout, GLOSSARY_HELP, 0);
    if (argv[0] !== 'export')
      throw new Error(
        argv[0] ? `Unknown glossary command "${argv[0]}": the one command is "export".` : 'Say what to do: bilint glossary export.',
      );
    o = parseExportArgs(argv.slice(1));
  } catch (err) {
    return write(process.stderr, `bilint: ${(err as Error).message}\nRun \`bilint glossary --help\` for the options.\n`, 2);
  }
  if (o.paths.includes('--help')) return write(process.stdout, GLOSSARY_HELP, 0);

  const loader = new ConfigLoader({ explicitFile: o.config ? path.resolve(cwd, o.config) : undefined });
  const here = loader.forFile(path.join(cwd, '_'));
  if (here.problems.length) {
    const lines = here.problems.map((p) => `${p.file}${p.line ? `:${p.line}:${p.column ?? 1}` : ''}: ${p.message}`);
    return write(process.stderr, `bilint: the config has problems:\n${lines.join('\n')}\n`, 2);
  }
  const summaries: [string, PostSummary][] = [];
  if (!o.glossaryOnly) {
    const found = discover(o.paths.length ? o.paths : ['.'], { cwd, gitignore: true, extensions: ['.md'] });
    for (const file of found.files) {
      const loaded = loader.forFile(file);
      if (loaded.isIgnored(file) && !found.explicit.has(file)) continue;
      let text: string;
      try {
        text = fs.readFileSync(file, 'utf8');
      } catch {
        continue; // unreadable posts add no terms; linting reports them
      }
      summaries.push([path.relative(cwd, file), summarizePost(new PostDocument(text), loaded.config)]);
    }
  }
  const records = mergeWithPosts(here.config.glossary, summaries);
  const out = formatGlossary(records, o.format);
  if (o.output) {
    fs.writeFileSync(path.resolve(cwd, o.output), out);
    return write(process.stderr, `bilint: wrote ${records.length} terms to ${o.output}\n`, 0);
  }
  return write(process.stdout, out, 0);
}

function parseExportArgs(args: readonly string[]): ExportOptions {
  const o: ExportOptions = { format: 'csv', glossaryOnly: false, paths: [] };
  for (let i = 0; i < args.length; i++) {
    const [flag, inline] =
      args[i].startsWith('--') && args[i].includes('=')
        ? [args[i].slice(0, args[i].indexOf('=')), args[i].slice(args[i].indexOf('=') + 1)]
        : [args[i], undefined];
    const value = () => {
      const v = inline ?? args[++i];
      if (v === undefined || v === '') throw new Error(`${flag} needs a value.`);
      return v;
    };
    if (flag === '-f' || flag === '--format') {
      const f = value();
      if (f !== 'csv' && f !== 'json' && f !== 'tbx') throw new Error(`Unknown format "${f}": use csv, json or tbx.`);
      o.format = f;
    } else if (flag === '-o' || flag === '--output-file') o.output = value();
    else if (flag === '-c' || flag === '--config') o.config = value();
    else if (flag === '--glossary-only') o.glossaryOnly = true;
    else if (flag === '-h' || flag === '--help') o.paths.push('--help');
    else if (flag.startsWith('-') && flag !== '-') throw new Error(`Unknown option ${flag}.`);
    else o.paths.push(flag);
  }
  return o;
}

export function formatGlossary(records: readonly TermRecord[], format: ExportFormat): string {
  if (format === 'json') return JSON.stringify({ terms: records }, null, 2) + '\n';
  if (format === 'tbx') return tbx(records);
  return csv(records);
}

const CSV_COLUMNS = ['term', 'english', 'definition', 'variants', 'forbidden', 'origin', 'posts', 'note'] as const;

/** RFC 4180: a header, CRLF line ends, fields quoted when they hold a comma, quote or line break. */
function csv(records: readonly TermRecord[]): string {
  const field = (v: unknown) => {
    const s = Array.isArray(v) ? v.join('; ') : v === undefined ? '' : String(v);
    return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  const rows = records.map((r) => CSV_COLUMNS.map((c) => field(r[c])).join(','));
  return [CSV_COLUMNS.join(','), ...rows].join('\r\n') + '\r\n';
}

/**
 * TBX-Basic: one termEntry per term, a langSet per language, a tig per
 * form; the preferred forms, accepted variants and forbidden forms carry the
 * TBX-Basic administrative statuses.
 */
function tbx(records: readonly TermRecord[]): string {
  const lines: string[] = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<!DOCTYPE martif SYSTEM "TBXBasiccoreStructV02.dtd">',
    '<martif type="TBX-Basic" xml:lang="en">',
    '  <martifHeader>',
    '    <fileDesc>',
    '      <sourceDesc>',
    '        <p>Exported by Bilint from the team glossary and the glosses of the posts.</p>',
    '      </sourceDesc>',
    '    </fileDesc>',
    '    <encodingDesc>',
    '      <p type="XCSURI">TBXBasicXCSV02.xcs</p>',
    '    </encodingDesc>',
    '  </martifHeader>',
    '  <text>',
    '    <body>',
  ];
  records.forEach((r, i) => {
    lines.push(`      <termEntry id="t${i + 1}">`);
    if (r.note) lines.push(`        <note>${xml(r.note)}</note>`);
    if (r.origin === 'posts') lines.push(`        <note>From the glosses of ${r.posts ?? 0} post(s).</note>`);
    const zh = [r.term, ...(r.variants ?? []).filter(isChineseText)];
    const en = [r.english, ...(r.variants ?? []).filter((v) => !isChineseText(v)), ...(r.otherEnglish ?? [])];
    const forbidden = r.forbidden ?? [];
    langSet(lines, 'zh', zh, forbidden.filter(isChineseText), r.definition);
    langSet(
      lines,
      'en',
      en,
      forbidden.filter((v) => !isChineseText(v)),
    );
    lines.push('      </termEntry>');
  });
  lines.push('    </body>', '  </text>', '</martif>', '');
  return lines.join('\n');
}

function langSet(lines: string[], lang: string, forms: string[], forbidden: string[], definition?: string): void {
  lines.push(`        <langSet xml:lang="${lang}">`);
  if (definition) lines.push(`          <descrip type="definition">${xml(definition)}</descrip>`);
  const status = (k: number) => (k === 0 ? 'preferredTerm-admn-sts' : 'admittedTerm-admn-sts');
  [...new Set(forms)].forEach((f, k) => tig(lines, f, status(k)));
  for (const f of forbidden) tig(lines, f, 'deprecatedTerm-admn-sts');
  lines.push('        </langSet>');
}

function tig(lines: string[], term: string, status: string): void {
  lines.push(
    '          <tig>',
    `            <term>${xml(term)}</term>`,
    `            <termNote type="administrativeStatus">${status}</termNote>`,
    '          </tig>',
  );
}

function write(stream: NodeJS.WriteStream, text: string, code: number): number {
  stream.write(text);
  return code;
}
