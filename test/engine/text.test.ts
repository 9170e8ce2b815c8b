import { test } from 'node:test';
import assert from 'node:assert/strict';
import { SourceText } from '../../server/src/engine/text';

test('line starts and positions with LF, CRLF, lone CR, a BOM and astral characters', () => {
  for (const [text, starts] of [
    ['a\nbc\n\nd', [0, 2, 5, 6]],
    ['a\r\nbc\r\n\r\nd', [0, 3, 7, 9]],
    ['a\rbc\r\rd', [0, 2, 5, 6]],
    ['a\r\nb\nc\rd', [0, 3, 5, 7]],
    ['\uFEFFa\nb', [1, 3]],
    ['', [0]],
    ['x\n', [0, 2]],
  ] as [string, number[]][]) {
    assert.deepEqual(new SourceText(text).lineStarts, starts, JSON.stringify(text));
  }
  const src = new SourceText('\uFEFF😀a\r\nb');
  assert.deepEqual(src.positionAt(3), { line: 0, character: 2 });
  assert.deepEqual(src.positionAt(6), { line: 1, character: 0 });
  assert.equal(src.lineText(0), '😀a');
});
