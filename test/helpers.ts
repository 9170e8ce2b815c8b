/**
 * Test helpers: lint a fixture with one rule, and compare findings by the
 * exact text they point at, so expected ranges read naturally.
 */
import assert from 'node:assert/strict';
import { lint, fix, configFrom } from '../server/src/bilint';
import type { LintDiagnostic } from '../server/src/engine/types';
import type { BilintConfig } from '../server/src/engine/config';

export interface Expected {
  /** 1-based line of the start. */
  line: number;
  /** 1-based UTF-16 column of the start. */
  column: number;
  /** The exact text the finding covers. */
  text: string;
  /** A fragment the message must contain. */
  message?: string | RegExp;
}

/** Lints `text` with only `ruleId` on (at its default severity unless the config says otherwise). */
export function lintRule(ruleId: string, text: string, config: BilintConfig = {}): LintDiagnostic[] {
  const { config: resolved, problems } = configFrom([config]);
  assert.deepEqual(problems, [], 'the test config is valid');
  if (resolved.rules[ruleId]?.severity === 'off') resolved.rules[ruleId].severity = 'warning';
  return lint(text, { config: resolved, only: new Set([ruleId]) }).diagnostics;
}

export function assertFindings(text: string, diagnostics: LintDiagnostic[], expected: Expected[]): void {
  const actual = diagnostics.map((d) => ({
    line: d.range.start.line + 1,
    column: d.range.start.character + 1,
    text: text.slice(d.span[0], d.span[1]),
    message: d.message,
  }));
  assert.equal(actual.length, expected.length, `expected ${expected.length} finding(s), got:\n${JSON.stringify(actual, null, 1)}`);
  expected.forEach((e, i) => {
    const a = actual[i];
    assert.deepEqual(
      { line: a.line, column: a.column, text: a.text },
      { line: e.line, column: e.column, text: e.text },
      `finding ${i + 1}: ${a.message}`,
    );
    if (typeof e.message === 'string')
      assert.ok(a.message.includes(e.message), `finding ${i + 1} message "${a.message}" should contain "${e.message}"`);
    else if (e.message) assert.match(a.message, e.message);
  });
}

/** Applies `ruleId`'s fixes until none is left; asserts a second run changes nothing. */
export function fixRule(ruleId: string, text: string, config: BilintConfig = {}): string {
  const { config: resolved } = configFrom([config]);
  if (resolved.rules[ruleId]?.severity === 'off') resolved.rules[ruleId].severity = 'warning';
  const only = new Set([ruleId]);
  const once = fix(text, { config: resolved, only }).text;
  const twice = fix(once, { config: resolved, only }).text;
  assert.equal(twice, once, 'applying the fixes a second time changes nothing');
  return once;
}

/** Builds a post from front matter lines and body lines. */
export function post(body: string, frontMatter = DEFAULT_FM): string {
  return `---\n${frontMatter}---\n${body}`;
}

export const DEFAULT_FM = `area: "tech-engineering"
category: technology
date: '2025-03-14'
draft: true
guest: ''
insight: ''
layout: post.njk
project: []
series: ''
source: https://example.com/watch?v=abc
speaker: example
status: evergreen
summary: 一篇示例文章。
tags:
- example
title: 示例：一篇文章
`;

/** An English block in the canonical form. */
export function en(text: string): string {
  return `<details>\n<summary>View/Hide Original English</summary>\n<p class="english-text">${text}</p>\n</details>`;
}

export const CORPUS = new URL('../../../shared/corpus/real/', `file://${__dirname}/`).pathname;
