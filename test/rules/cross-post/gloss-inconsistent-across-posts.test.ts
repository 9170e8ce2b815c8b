import { test } from 'node:test';
import assert from 'node:assert/strict';
import { configFrom, lint } from '../../../server/src/bilint';
import { PostDocument } from '../../../server/src/engine/model/document';
import { summarizePost } from '../../../server/src/engine/summary';
import { SummaryKnowledge } from '../../../server/src/cli/knowledge';
import { agree, renderingForms } from '../../../server/src/rules/cross-post/renderings';
import { assertFindings, en, post } from '../../helpers';

const ID = 'gloss/inconsistent-across-posts';
const { config } = configFrom([]);

/** Lints `posts[self]` with the rule on, knowing all `posts`. */
function lintAmong(posts: Record<string, string>, self: string, filePath: string | undefined = self) {
  const knowledge = new SummaryKnowledge(Object.entries(posts).map(([k, t]) => [k, summarizePost(new PostDocument(t), config)]));
  return lint(posts[self], { config, workspace: knowledge, filePath, only: new Set([ID]) }).diagnostics;
}

const para = (zh: string, english = 'The English.') => post(`\n${zh}\n\n${en(english)}\n`);

test('a term glossed differently in another post is reported at the term, naming that post and its rendering', () => {
  const posts = {
    'posts/a.md': para('城市开始尝试**错峰配送**（Off-Peak Delivery: 在夜间完成的配送）。后来**错峰配送**（Off-Peak Delivery）推广了。'),
    'posts/b.md': para('司机们说**错峰配送**（Night Shipping）很累。'),
  };
  const a = lintAmong(posts, 'posts/a.md');
  assertFindings(posts['posts/a.md'], a, [
    {
      line: 20,
      column: 9,
      text: '错峰配送',
      message: '“错峰配送” is glossed “Off-Peak Delivery” here but “Night Shipping” in b.md: use one English rendering across posts.',
    },
  ]);
  assert.equal(a[0].severity, 'warning');
  const b = lintAmong(posts, 'posts/b.md');
  assertFindings(posts['posts/b.md'], b, [{ line: 20, column: 7, text: '错峰配送', message: 'but “Off-Peak Delivery” in a.md:' }]);
});

test('a term in Latin letters with another expansion elsewhere is another meaning, not reported', () => {
  const posts = {
    'posts/a.md': para('文件都用**MD**（Markdown: 一种轻量标记语言）格式保存。'),
    'posts/b.md': para('工厂里的**MD**（Manufacturing Design）团队很小。'),
  };
  assert.deepEqual(lintAmong(posts, 'posts/a.md'), []);
  assert.deepEqual(lintAmong(posts, 'posts/b.md'), []);
});

test('several posts and renderings: the most used first, a count of the rest', () => {
  const posts = {
    'a.md': para('**透镜**（Lens）'),
    'b.md': para('**透镜**（Optic）'),
    'c.md': para('**透镜**（Optics）'),
    'd.md': para('**透镜**（Glass）'),
    'e.md': para('**透镜**（Prism）'),
  };
  const [d] = lintAmong(posts, 'a.md');
  assert.equal(
    d.message,
    '“透镜” is glossed “Lens” here but “Optic” in b.md and 1 other post; “Glass” in d.md; 1 more: use one English rendering across posts.',
  );
});

test('no finding when the renderings agree in substance', () => {
  const cases: [string, string][] = [
    ['Off-Peak Delivery', 'off-peak delivery'],
    ['Off-Peak Delivery', 'Off-peak deliveries'],
    ['Large Language Model', 'Large Language Models, LLM'],
    ['LLM', 'Large Language Model'],
    ['Rousseau', 'Jean-Jacques Rousseau'],
    ['Fed', 'Federal Reserve'],
    ['Gen AI', 'Generative AI'],
    ['API Call', 'Application Programming Interface Call'],
    ['JPMorgan', 'J.P. Morgan Chase'],
  ];
  for (const [x, y] of cases) {
    const posts = { 'a.md': para(`**术语**（${x}）`), 'b.md': para(`**术语**（${y}: 解释）`) };
    assert.deepEqual(lintAmong(posts, 'a.md'), [], `${x} / ${y}`);
  }
  // The English spelled out after the colon counts as one of the gloss's renderings.
  const spelled = { 'a.md': para('**基点**（Bips: Basis Points，利率单位）'), 'b.md': para('**基点**（Basis points）') };
  assert.deepEqual(lintAmong(spelled, 'b.md'), []);
});

test('no finding for Chinese-only glosses, a post alone, another term, or the post itself', () => {
  const chinese = { 'a.md': para('**透镜**（Lens）'), 'b.md': para('**透镜**（一种聚光的玻璃）') };
  assert.deepEqual(lintAmong(chinese, 'a.md'), []);
  const alone = { 'a.md': para('**透镜**（Lens）') };
  assert.deepEqual(lintAmong(alone, 'a.md'), []);
  const other = { 'a.md': para('**透镜**（Lens）'), 'b.md': para('**镜片**（Glass）') };
  assert.deepEqual(lintAmong(other, 'a.md'), []);
  const twiceInOne = { 'a.md': para('**透镜**（Lens）和**透镜**（Glass）') };
  assert.deepEqual(lintAmong(twiceInOne, 'a.md'), [], 'inconsistency inside one post is another rule’s job');
  assert.deepEqual(lint(other['a.md'], { config, only: new Set([ID]) }).diagnostics, [], 'no workspace knowledge');
});

test('renderings: the forms a gloss lists and when two agree', () => {
  assert.deepEqual(renderingForms('Large Language Models, LLM'), [['large', 'language', 'model'], ['llm']]);
  assert.deepEqual(renderingForms('Circle发行的稳定币'), []);
  assert.ok(!agree(renderingForms('Datavarehus'), renderingForms('Data Warehouse')));
  assert.ok(!agree(renderingForms('Markdown'), renderingForms('Manufacturing Design')));
  assert.ok(agree(renderingForms('Multimodal'), renderingForms('Multimodality')));
});
