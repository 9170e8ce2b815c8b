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

test('the front matter parse is shared while the text up to its end is the same, and cannot be changed', () => {
  const head = '---\ntitle: 标题\npeople:\n  - Ada Lovelace\n---\n';
  const a = new PostDocument(head + '第一段。\n');
  const b = new PostDocument(head + '第一段，改过了。\n');
  assert.equal(a.frontMatter, b.frontMatter);
  assert.ok(Object.isFrozen(a.frontMatter!.entries[1].items));
  assert.throws(() => ((a.frontMatter!.data as Record<string, unknown>).title = 'x'), TypeError);
  // One character more in the front matter: parsed anew, with its own spans.
  const c = new PostDocument(head.replace('Ada', 'Adah') + '第一段。\n');
  assert.notEqual(c.frontMatter, a.frontMatter);
  assert.deepEqual(c.frontMatter!.data.people, ['Adah Lovelace']);
  // A BOM shifts every span: not the same head.
  const d = new PostDocument('\ufeff' + head + '第一段。\n');
  assert.equal(d.frontMatter!.entries[0].keySpan[0], a.frontMatter!.entries[0].keySpan[0] + 1);
});

test('memo computes once per document and key', () => {
  const a = new PostDocument('第一段。\n');
  const b = new PostDocument('第一段。\n');
  let calls = 0;
  const compute = () => ({ n: ++calls });
  assert.equal(a.memo('k', compute), a.memo('k', compute));
  assert.equal(calls, 1);
  assert.notEqual(b.memo('k', compute), a.memo('k', compute));
  assert.equal(
    a.memo('other', () => undefined),
    undefined,
  );
  assert.equal(a.memo('other', compute), undefined, 'an undefined result is remembered too');
  assert.equal(calls, 2);
});
