import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PostDocument } from '../../server/src/engine/model/document';
import { post, en } from '../helpers';

const zhBlock = (text: string, label = 'View/Hide Original Chinese', cls = 'chinese-text') =>
  `<details>\n<summary>${label}</summary>\n<p class="${cls}">${text}</p>\n</details>`;

test('pairs link each Chinese paragraph to the English block right after it', () => {
  const doc = new PostDocument(
    post(['### 标题', '', en('Orphan.'), '', '第一段。', '', en('One.'), '', '第二段。', '', '第三段。', '', en('Three.')].join('\n')),
  );
  assert.deepEqual(
    doc.pairs.map((p) => doc.slice(p.chinese.span)),
    ['第一段。', '第三段。'],
  );
  const orphan = doc.blocks[1];
  assert.equal(orphan.kind === 'english' && orphan.chinese, undefined);
});

test('a comment between a paragraph and its block does not break the pair', () => {
  const doc = new PostDocument(post(['第一段。', '', '<!-- bilint-disable-next-line pair/malformed -->', en('One.')].join('\n')));
  assert.equal(doc.pairs.length, 1);
});

test('sourceLanguage: an ordinary post is English-source', () => {
  const doc = new PostDocument(post(['第一段。', '', en('One.'), '', '第二段。', '', en('Two.')].join('\n')));
  assert.equal(doc.sourceLanguage, 'en');
});

test('sourceLanguage: the `Original Chinese` label and `chinese-text` class make a Chinese-source post', () => {
  const doc = new PostDocument(post(['第一段。', '', zhBlock('原文一。'), '', '第二段。', '', zhBlock('原文二。')].join('\n')));
  assert.equal(doc.sourceLanguage, 'zh');
});

test('sourceLanguage: blocks that mostly hold Chinese make a Chinese-source post, whatever their label', () => {
  const blocks = ['一。', '二。', '三。'].map((t) => `段落${t}\n\n${en('原文' + t + '说的话很多')}`);
  const doc = new PostDocument(post([...blocks, '段落四。', '', en('Some English words here.')].join('\n\n')));
  assert.equal(doc.sourceLanguage, 'zh');
});

test('sourceLanguage: one Chinese block among English ones does not flip the post', () => {
  const blocks = ['One.', 'Two.', 'Three.'].map((t) => `段落。\n\n${en(t + ' Some more English words.')}`);
  const doc = new PostDocument(post([...blocks, '段落。', '', en('这是中文粘贴。')].join('\n\n')));
  assert.equal(doc.sourceLanguage, 'en');
});
