/**
 * The CLI over the real corpus (read at run time, never copied): the JSON
 * report parses, covers every post, and a post's findings are exactly what
 * the engine finds for it, cross-post findings included.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { configFrom, lint } from '../../server/src/bilint';
import { PostDocument } from '../../server/src/engine/model/document';
import { summarizePost } from '../../server/src/engine/summary';
import type { LintDiagnostic } from '../../server/src/engine/types';
import { SummaryKnowledge } from '../../server/src/cli/knowledge';
import { CORPUS } from '../helpers';
import { bilint, REPO } from './helpers';

const present = fs.existsSync(CORPUS);

interface JsonMessage {
  ruleId: string;
  severity: number;
  message: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  fix?: { range: [number, number]; text: string };
}

function asJson(d: LintDiagnostic, bom: number): JsonMessage {
  const m: JsonMessage = {
    ruleId: d.ruleId,
    severity: d.severity === 'error' ? 2 : 1,
    message: d.message,
    line: d.range.start.line + 1,
    column: d.range.start.character + 1,
    endLine: d.range.end.line + 1,
    endColumn: d.range.end.character + 1,
  };
  if (d.fix) m.fix = { range: [d.fix.range[0] - bom, d.fix.range[1] - bom], text: d.fix.text };
  return m;
}

test(
  'the CLI over the real corpus: JSON that parses, every post, findings equal to the engine',
  { skip: !present && 'corpus not found' },
  () => {
    const r = bilint([CORPUS, '--format', 'json'], { cwd: REPO });
    assert.ok(r.code === 0 || r.code === 1, r.stderr);
    const report = JSON.parse(r.stdout) as { filePath: string; messages: JsonMessage[]; errorCount: number; warningCount: number }[];
    const files = fs
      .readdirSync(CORPUS)
      .filter((f) => f.endsWith('.md'))
      .map((f) => path.join(CORPUS, f))
      .sort();
    assert.deepEqual(
      report.map((p) => p.filePath),
      files,
    );
    for (const p of report) {
      assert.equal(p.errorCount, p.messages.filter((m) => m.severity === 2).length, p.filePath);
      assert.equal(p.warningCount, p.messages.filter((m) => m.severity === 1).length, p.filePath);
    }

    // The engine, given the same config and the summaries of all posts (keyed as the CLI keys them).
    const { config } = configFrom([]);
    const key = (f: string) => path.relative(REPO, f).split(path.sep).join('/');
    const texts = new Map(files.map((f) => [f, fs.readFileSync(f, 'utf8')]));
    const knowledge = new SummaryKnowledge(files.map((f) => [key(f), summarizePost(new PostDocument(texts.get(f)!), config)]));
    // The post with the most findings, and one with a cross-post finding.
    const busiest = report.reduce((a, b) => (b.messages.length > a.messages.length ? b : a));
    const crossing = report.find((p) => p.messages.some((m) => m.ruleId.endsWith('across-posts')));
    for (const post of [busiest, crossing]) {
      if (!post) continue;
      const text = texts.get(post.filePath)!;
      const bom = text.charCodeAt(0) === 0xfeff ? 1 : 0;
      const expected = lint(text, { config, workspace: knowledge, filePath: key(post.filePath) }).diagnostics.map((d) => asJson(d, bom));
      assert.deepEqual(post.messages, expected, post.filePath);
    }
  },
);
