/**
 * entity/unlisted over every real post (read at run time from the shared
 * corpus). Samples of its findings were reviewed by hand (about three in four
 * are names an author would list); this test pins names it must find and
 * kinds of words it must never report, and keeps the total in a band.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { lint, configFrom } from '../../../server/src/bilint';
import { CORPUS } from '../../helpers';

test('entity/unlisted on the real corpus', (t) => {
  if (!existsSync(CORPUS)) return t.skip('corpus not available');
  const { config } = configFrom([]);
  const found: string[] = [];
  for (const file of readdirSync(CORPUS).filter((f) => f.endsWith('.md'))) {
    const text = readFileSync(join(CORPUS, file), 'utf8');
    for (const d of lint(text, { config, only: new Set(['entity/unlisted']) }).diagnostics)
      found.push(`${file} ${text.slice(d.span[0], d.span[1])}`);
  }
  assert.ok(found.length > 200 && found.length < 340, `${found.length} findings`);
  for (const name of [
    '106-corporate.md Purdue Pharma', // glossed in bold, but its explanation says it is a company
    '106-corporate.md Arthur Sackler',
    '049-bloomberg-podcasts-economic-outlook.md Tom Barkin',
    '074-amit-kukreja-data-center-financing.md Nebius',
    '073-all-in-podcast-canada.md Mitch McConnell',
  ])
    assert.ok(found.includes(name), `finds ${name}`);
  const never = /\s(United States|New York|Canada|China|EPS|CEOs?|AI|GDP|Okay|Yeah|Monday|January|Steve|Soviet Union)$/;
  assert.deepEqual(
    found.filter((f) => never.test(f)),
    [],
  );
});
