/** The smallest edits from one text to another: applying them gives the target, and they touch only what changed. */
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { SourceText } from '../../server/src/engine/text';
import { minimalEdits } from '../../server/src/lsp/edits';

function apply(text: string, next: string) {
  const edits = minimalEdits(new SourceText(text), next);
  return { edits, result: TextDocument.applyEdits(TextDocument.create('file:///x.md', 'markdown', 1, text), edits) };
}

it('turns a text into another with edits confined to the changes', () => {
  const a = 'line one\nline two\n中文段落。\nline four\r\nline five';
  const b = 'line one\nline 2\n中文段落！\nline four\r\nline five\nadded';
  const { edits, result } = apply(a, b);
  assert.equal(result, b);
  // Neighbouring changed lines make one edit, trimmed to what differs.
  assert.deepEqual(
    edits.map((e) => [e.range.start.line, e.range.start.character, e.range.end.line, e.range.end.character, e.newText]),
    [
      [1, 5, 2, 5, '2\n中文段落！'],
      [4, 9, 4, 9, '\nadded'],
    ],
  );
  assert.deepEqual(apply(a, a).edits, []);
  assert.equal(apply('', 'x').result, 'x');
  assert.equal(apply('x\ny', '').result, '');
});

it('round-trips random edits of random texts', () => {
  let seed = 7;
  const rnd = (n: number) => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) % n;
  const alphabet = ['a', 'b', '\n', '\r\n', '中', '（', '）', ' ', '😀'];
  for (let round = 0; round < 2000; round++) {
    let a = '';
    for (let i = rnd(60); i > 0; i--) a += alphabet[rnd(alphabet.length)];
    let b = a;
    for (let k = rnd(4); k >= 0; k--) {
      const at = rnd(b.length + 1);
      const del = rnd(4);
      let ins = '';
      for (let i = rnd(4); i > 0; i--) ins += alphabet[rnd(alphabet.length)];
      b = b.slice(0, at) + ins + b.slice(at + del);
    }
    assert.equal(apply(a, b).result, b, JSON.stringify([a, b]));
  }
});
