import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { PostDocument } from '../../server/src/engine/model/document';
import { englishBlockReader } from '../../server/src/engine/model/englishBlock';
import { CORPUS, en, post } from '../helpers';

/** The blocks as the general reader sees them, without the canonical fast path. */
function slowBlocks(text: string) {
  englishBlockReader.fastPath = false;
  try {
    return new PostDocument(text).blocks;
  } finally {
    englishBlockReader.fastPath = true;
  }
}

/** Drops the pairing back-links so blocks compare as plain data. */
function plain(blocks: PostDocument['blocks']) {
  return blocks.map((b) => ({ ...b, english: undefined, chinese: undefined }));
}

test('the canonical fast path reads fixtures exactly as the general reader', () => {
  const texts = [
    post('段落。\n' + en('Text.') + '\n'),
    post('段落。\r\n' + en('Text <br> more.').replace(/\n/g, '\r\n') + '\r\n'),
    post('段落。\n' + en('') + '\n'),
    post('段落。\n' + en('Text.').replace('english-text', 'chinese-text') + '\n'),
    post('段落。\n' + en('Text.').replace('View/Hide Original English', 'View/Hide Original Original English') + '\n'),
    post('段落。\n' + en('Text.') + '后面的文字'),
    post('段落。\n' + en('A</p> <p class="english-text">B.') + '\n'),
  ];
  for (const text of texts) assert.deepEqual(plain(new PostDocument(text).blocks), plain(slowBlocks(text)));
});

test('the canonical fast path reads every real post exactly as the general reader', () => {
  const files = fs.readdirSync(CORPUS).filter((f) => f.endsWith('.md'));
  assert.ok(files.length > 100, 'the real corpus is at ../shared/corpus/real');
  for (const f of files) {
    const text = fs.readFileSync(path.join(CORPUS, f), 'utf8');
    assert.deepEqual(plain(new PostDocument(text).blocks), plain(slowBlocks(text)), f);
  }
});
