import { test } from 'node:test';
import assert from 'node:assert/strict';
import { assertFindings, lintRule } from '../../helpers';
import { postOf, UNPAIRED, lintWith } from './fixtures';

const ID = 'directive/unknown-rule';

test('a misspelled id is reported at the name, with the rule meant as a suggestion', () => {
  const text = postOf(['<!-- bilint-disable-next-line pair/missing-englsh -->', UNPAIRED]);
  const d = lintRule(ID, text);
  assertFindings(text, d, [{ line: 19, column: 31, text: 'pair/missing-englsh', message: 'did you mean “pair/missing-english”' }]);
  assert.deepEqual(d[0].suggestions?.[0].edit.text, 'pair/missing-english');
  // The comment does not silence the finding it was meant for.
  assert.equal(lintWith(text, ['pair/missing-english']).length, 1);
});

test('a rule named without its family, or in capitals, is matched to the rule', () => {
  const text = postOf(['<!-- bilint-disable missing-english, GLOSS -->', UNPAIRED]);
  const d = lintRule(ID, text);
  assertFindings(text, d, [
    { line: 19, column: 21, text: 'missing-english', message: 'did you mean “pair/missing-english”' },
    { line: 19, column: 38, text: 'GLOSS', message: 'did you mean “gloss”' },
  ]);
});

test('a name far from every rule gets no suggestion, and the message says what ids look like', () => {
  const text = postOf(['<!-- bilint-disable-line everything -->', UNPAIRED]);
  const d = lintRule(ID, text);
  assertFindings(text, d, [{ line: 19, column: 26, text: 'everything', message: 'Rule ids look like' }]);
  assert.equal(d[0].suggestions, undefined);
});

test('rule ids, families, no names, and a reason after -- pass', () => {
  const text = postOf([
    '<!-- bilint-disable pair/missing-english gloss -->',
    '<!-- bilint-enable -->',
    '<!-- bilint-disable-next-line entity -- names in this quote are spelled as the speaker said them -->',
    UNPAIRED,
  ]);
  assertFindings(text, lintRule(ID, text), []);
});

test('a comment shown as code is not a directive', () => {
  const text = postOf(['```markdown', '<!-- bilint-disable not-a-rule -->', '```', '', '写成 `<!-- bilint-disable-line nope -->` 即可。']);
  assertFindings(text, lintRule(ID, text), []);
});

test('positions are exact after a BOM, with CRLF line ends and an astral character before the comment', () => {
  const text = '\uFEFF' + postOf(['𠀀段\t<!-- bilint-disable-line pair/x -->']).replace(/\n/g, '\r\n');
  const d = lintRule(ID, text);
  assert.equal(d.length, 1);
  // UTF-16 columns: 𠀀 counts two.
  assert.deepEqual(d[0].range.start, { line: 18, character: '𠀀段\t<!-- bilint-disable-line '.length });
  assert.equal(text.slice(d[0].span[0], d[0].span[1]), 'pair/x');
});
