import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyEdits } from '../../../server/src/engine/fixes';
import { assertFindings } from '../../helpers';
import { lintWith, postOf, PAIRED, UNPAIRED } from './fixtures';

const ID = 'directive/unused';
const RULES = [ID, 'pair/missing-english'];

test('a comment that silences a finding is used', () => {
  for (const lines of [
    ['<!-- bilint-disable-next-line pair/missing-english -->', UNPAIRED],
    [UNPAIRED + ' <!-- bilint-disable-line pair -->'],
    ['<!-- bilint-disable pair/missing-english -->', '', UNPAIRED, '<!-- bilint-enable pair/missing-english -->'],
    // Written over two lines: the next line is the one after the comment.
    ['<!-- bilint-disable-next-line', '     pair/missing-english -->', UNPAIRED],
  ]) {
    const text = postOf(lines);
    assertFindings(text, lintWith(text, RULES), []);
  }
});

test('next-line comments stacked over one line all act on it', () => {
  const text = postOf([
    '<!-- bilint-disable-next-line gloss/missing -->',
    '<!-- bilint-disable-next-line pair/missing-english -->',
    '一个**术语**没有注释，也没有英文。',
  ]);
  assertFindings(text, lintWith(text, [...RULES, 'gloss/missing']), []);
});

test('a comment with nothing to silence is reported whole, and its suggestion removes its line', () => {
  const text = postOf(['<!-- bilint-disable-next-line pair/missing-english -->', PAIRED]);
  const d = lintWith(text, RULES);
  assertFindings(text, d, [
    {
      line: 19,
      column: 1,
      text: '<!-- bilint-disable-next-line pair/missing-english -->',
      message: 'no finding of pair/missing-english is on the next line',
    },
  ]);
  const fixed = applyEdits(text, [d[0].suggestions![0].edit]).text;
  assert.equal(fixed, postOf([PAIRED]));
  assertFindings(fixed, lintWith(fixed, RULES), []);
});

test('a comment line between two paragraphs is emptied, not removed: the paragraphs stay apart', () => {
  const text = postOf([UNPAIRED, '<!-- bilint-disable-line gloss/missing -->', PAIRED]);
  const d = lintWith(text, [...RULES, 'gloss/missing']).filter((x) => x.ruleId === ID);
  assert.equal(d.length, 1);
  const fixed = applyEdits(text, [d[0].suggestions![0].edit]).text;
  assert.equal(fixed, postOf([UNPAIRED, '', PAIRED]));
});

test('of several names, only the idle one is reported, and its suggestion removes just that name', () => {
  const text = postOf(['<!-- bilint-disable-next-line pair/missing-english, pair/orphan-english -- lost -->', UNPAIRED]);
  const d = lintWith(text, [...RULES, 'pair/orphan-english']);
  assertFindings(text, d, [{ line: 19, column: 53, text: 'pair/orphan-english', message: '“pair/orphan-english” silences nothing' }]);
  const fixed = applyEdits(text, [d[0].suggestions![0].edit]).text;
  assert.ok(fixed.includes('<!-- bilint-disable-next-line pair/missing-english -- lost -->\n'), fixed);
});

test('a range disable ends at its enable: a finding after the enable does not use it', () => {
  const text = postOf([
    '<!-- bilint-disable pair/missing-english -->',
    PAIRED,
    '<!-- bilint-enable pair/missing-english -->',
    '',
    UNPAIRED,
  ]);
  const d = lintWith(text, RULES);
  assert.deepEqual(
    d.map((x) => x.ruleId),
    [ID, 'pair/missing-english'],
  );
});

test('a rule that is off in the config: the message says so', () => {
  const text = postOf(['<!-- bilint-disable-next-line pair/missing-english -->', UNPAIRED]);
  const d = lintWith(text, RULES, { rules: { 'pair/missing-english': 'off' } });
  assertFindings(text, d, [
    {
      line: 19,
      column: 1,
      text: '<!-- bilint-disable-next-line pair/missing-english -->',
      message: 'pair/missing-english is off in this post’s config',
    },
  ]);
});

test('not judged: comments naming no rule, cross-post rules and families holding them, rules left out of the run', () => {
  const text = postOf([
    '<!-- bilint-disable-next-line -->',
    PAIRED,
    '<!-- bilint-disable-next-line gloss/inconsistent-across-posts -->',
    PAIRED,
    '<!-- bilint-disable-next-line entity -->',
    PAIRED,
    '<!-- bilint-disable-next-line pair/orphan-english -->',
    PAIRED,
  ]);
  assertFindings(text, lintWith(text, RULES), []);
});

test('an unknown name is left to directive/unknown-rule', () => {
  const text = postOf(['<!-- bilint-disable-next-line pair/missing-englsh -->', PAIRED]);
  assertFindings(text, lintWith(text, RULES), []);
});

test('a disable in the front matter acts from the top, so it covers findings on the opening ---', () => {
  const text = `---\n# <!-- bilint-disable front-matter/schema -->\ntitle: 只有标题\n---\n${PAIRED}\n`;
  assertFindings(text, lintWith(text, [ID, 'front-matter/schema']), []);
  // Without the comment, the missing fields are reported at the opening `---`.
  const bare = text.replace('# <!-- bilint-disable front-matter/schema -->\n', '');
  assert.ok(lintWith(bare, ['front-matter/schema']).every((x) => x.range.start.line === 0));
  assert.ok(lintWith(bare, ['front-matter/schema']).length > 0);
});

test('its own findings can be silenced like any other rule’s', () => {
  const text = postOf(['<!-- bilint-disable directive/unused -->', '<!-- bilint-disable-next-line pair/missing-english -->', PAIRED]);
  assertFindings(text, lintWith(text, RULES), []);
});

test('linear on thousands of comments and findings', () => {
  const lines: string[] = [];
  for (let i = 0; i < 8000; i++)
    lines.push('<!-- bilint-disable-next-line pair/missing-english gloss/missing -->', UNPAIRED, '', `### ${i}`, '');
  const text = postOf(lines);
  const started = Date.now();
  const d = lintWith(text, [...RULES, 'gloss/missing']);
  // Matching every finding against every comment took 7 s here; indexed, it takes a fraction of a second.
  assert.ok(Date.now() - started < 3000, 'took too long');
  assert.equal(d.length, 8000);
  assert.ok(d.every((x) => x.ruleId === ID && x.message.includes('“gloss/missing” silences nothing')));
});

test('removing what it calls idle never changes another rule’s findings (200 generated posts)', () => {
  // A small seeded generator: comments of every kind (some misspelled, some shown as code) among paired
  // and unpaired paragraphs, headings and bold terms without a gloss.
  let seed = 7;
  const pick = <T>(xs: readonly T[]): T => xs[(seed = (seed * 16807) % 2147483647) % xs.length];
  const names = ['pair/missing-english', 'gloss/missing', 'pair', 'gloss', 'pair/orphan-english', 'markdown', 'pair/missing-englsh'];
  const comment = () =>
    `<!-- bilint-${pick(['disable-next-line', 'disable-line', 'disable', 'enable'])} ${pick(names)}${pick(['', ` ${pick(names)}`, ', gloss/format'])}${pick(['', ' -- why'])} -->`;
  const pieces = [
    comment,
    comment,
    () => UNPAIRED,
    () => PAIRED,
    () => '### 小节',
    () => '一个**术语**没有注释。',
    () => '`<!-- bilint-disable -->`写在代码里。',
  ];
  const rules = [ID, 'pair/missing-english', 'pair/orphan-english', 'gloss/missing', 'gloss/format', 'markdown/unrendered-bold'];
  const others = (text: string) =>
    lintWith(text, rules)
      .filter((d) => d.ruleId !== ID)
      .map((d) => `${d.ruleId} ${text.slice(d.span[0], d.span[1])}`);
  let judged = 0;
  for (let n = 0; n < 200; n++) {
    // Pieces one after another or apart, so that comments stack over lines and next-line comments hit.
    const text = postOf(Array.from({ length: 12 }, () => pick(pieces)()).flatMap((l) => (pick([0, 1]) ? [l, ''] : [l])));
    for (const d of lintWith(text, rules).filter((x) => x.ruleId === ID)) {
      const after = applyEdits(text, [d.suggestions![0].edit]).text;
      assert.deepEqual(
        others(after),
        others(text),
        `removing ${JSON.stringify(text.slice(d.span[0], d.span[1]))} changed findings in:\n${text}`,
      );
      judged++;
    }
  }
  assert.ok(judged > 50, `only ${judged} idle comments generated`);
});
