/**
 * Posts that are not UTF-8: UTF-16 and GBK files are not linted (their text would be garbage, and a fix
 * would destroy them); a message says how to save them. Stray bytes in a UTF-8 post are linted.
 * The fixtures are one small post saved as GBK and as UTF-16.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { decodePost } from '../../server/src/node/encoding';

const encodingProblem = (bytes: Uint8Array, subject?: string) => decodePost(bytes, subject).problem;
import { bilint, fixtureCopy } from './helpers';

const FIXTURES = path.join(__dirname, '..', '..', '..', 'test', 'cli', 'fixtures', 'encoding');
const fixture = (name: string) => fs.readFileSync(path.join(FIXTURES, name));
const utf8 = (s: string) => new TextEncoder().encode(s);

test('UTF-16 and UTF-32 are known by their byte order mark', () => {
  assert.match(encodingProblem(fixture('utf16.md'))!, /^This file is UTF-16 .* save the file as UTF-8/);
  assert.match(encodingProblem(Uint8Array.from([0xfe, 0xff, 0, 0x2d]))!, /UTF-16/);
  assert.match(encodingProblem(Uint8Array.from([0xff, 0xfe, 0, 0, 0x2d, 0, 0, 0]))!, /UTF-32/);
});

test('a GBK post is named as such, with the line where it stops being UTF-8', () => {
  assert.match(encodingProblem(fixture('gbk.md'))!, /^This file is not UTF-8 from line 2 on; it reads as GBK \(GB18030\)/);
  assert.match(encodingProblem(fixture('gbk.md'), 'The text on standard input')!, /^The text on standard input is not UTF-8/);
});

test('UTF-8, also with a BOM, a real U+FFFD or a few stray bytes, is read as a post', () => {
  assert.equal(encodingProblem(utf8('\ufeff---\ntitle: 夜市\n---\n')), undefined);
  assert.equal(encodingProblem(utf8('替换字符\ufffd照常。\n')), undefined);
  const stray = Buffer.concat([Buffer.from(utf8('---\ntitle: 夜市\n---\n\n段落。\n')), Buffer.from([0xff, 0xfe, 0x0a])]);
  assert.equal(encodingProblem(stray), undefined, 'too little to be another encoding: linted, never rewritten');
  const read = decodePost(stray);
  assert.ok(read.problem === undefined && read.lossy && read.text.endsWith('段落。\n\ufffd\ufffd\n'));
  const clean = decodePost(utf8('\ufeff段落。'));
  assert.ok(clean.problem === undefined && !clean.lossy && clean.text === '\ufeff段落。', 'the BOM stays, as the engine expects');
  assert.equal(encodingProblem(new Uint8Array(0)), undefined);
});

test('the command line does not lint or fix a GBK or UTF-16 post: exit 2, the message, the file untouched', () => {
  const dir = fixtureCopy('encoding');
  const before = fs.readFileSync(path.join(dir, 'gbk.md'));
  const r = bilint(['--fix', '--format', 'json', 'gbk.md', 'utf16.md'], { cwd: dir });
  assert.equal(r.code, 2, r.stderr);
  const report = JSON.parse(r.stdout) as { filePath: string; messages: { ruleId: string | null; message: string }[] }[];
  for (const p of report) {
    assert.equal(p.messages.length, 1, `${p.filePath}: one message, no findings from garbage`);
    assert.equal(p.messages[0].ruleId, null);
    assert.match(p.messages[0].message, /save the file as UTF-8/);
  }
  assert.deepEqual(fs.readFileSync(path.join(dir, 'gbk.md')), before);
  const piped = bilint(['--stdin'], { cwd: dir, input: before });
  assert.equal(piped.code, 2);
  assert.match(piped.stderr, /--stdin: The text on standard input is not UTF-8/);
});
