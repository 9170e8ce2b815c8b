/**
 * Disable comments in the editor, through the language server over stdio:
 * rule ids completed and explained on hover, idle comments faded.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { DiagnosticTag, type MarkupContent } from 'vscode-languageserver-protocol/node';
import { TestClient, uriOf } from './lspClient';
import { complete, hover, pos, value } from './requests';
import { BODY, post } from './fixtures';

describe('language server: disable comments', () => {
  let client: TestClient;
  let n = 0;
  const fresh = () => uriOf(`/tmp/bilint-lsp-test/directives-${++n}.md`);

  before(async () => {
    client = await TestClient.start();
  });
  after(async () => {
    await client.stop();
  });

  /** Opens a fresh post whose body starts with `comment` on a line of its own; returns that line. */
  const openWith = async (comment: string) => {
    const uri = fresh();
    const text = post({}, comment + '\n' + BODY);
    await client.open(uri, text);
    return { uri, line: text.split('\n').indexOf(comment) };
  };

  it('hovers a rule id or family in a disable comment: what it checks, its severity, its page', async () => {
    const comment = '<!-- bilint-disable-next-line pair/missing-english gloss nope -->';
    const { uri, line } = await openWith(comment);
    const at = (name: string) => comment.indexOf(name) + 2;
    const rule = await hover(client, uri, line, at('pair/missing-english'));
    assert.match(
      value(rule),
      /^\[`pair\/missing-english`\]\(file:\/\/.*\/docs\/rules\/pair\/missing-english\.md\) _\(warning\)_: Every Chinese/,
    );
    assert.deepEqual(rule!.range, pos(line, comment.indexOf('pair/'), line, comment.indexOf('pair/') + 'pair/missing-english'.length));
    const family = await hover(client, uri, line, at('gloss'));
    assert.match(value(family), /^Every `gloss\/…` rule:\n\n- \[`gloss\/missing`\]/);
    assert.equal(await hover(client, uri, line, at('nope')), null, 'an unknown name is left to its finding');
  });

  it('completes rule ids and families in disable comments, leaving out those named, and nothing in the reason', async () => {
    const comment = '<!-- bilint-disable-next-line gloss/missing, pa';
    const { uri, line } = await openWith(comment);
    const items = await complete(client, uri, line, comment.length);
    const labels = items.map((i) => String(i.label));
    assert.ok(labels.includes('pair/missing-english') && labels.includes('pair') && labels.includes('directive/unused'), labels.join());
    assert.ok(!labels.includes('gloss/missing'), 'a rule already named is left out');
    const item = items.find((i) => i.label === 'pair/missing-english')!;
    assert.deepEqual((item.textEdit as { range: unknown }).range, pos(line, comment.length - 2, line, comment.length));
    assert.match((item.documentation as MarkupContent).value, /followed by its English/);
    // The kinds after `<!-- bilint-`, and nothing in the reason after ` -- `.
    await client.edit(uri, [{ range: pos(line, 0, line, comment.length), newText: '<!-- bilint-' }]);
    const kinds = await complete(client, uri, line, '<!-- bilint-'.length);
    assert.deepEqual(
      kinds.map((k) => k.label),
      ['bilint-disable-next-line', 'bilint-disable-line', 'bilint-disable', 'bilint-enable'],
    );
    const reason = '<!-- bilint-disable pair -- because ';
    await client.edit(uri, [{ range: pos(line, 0, line, '<!-- bilint-'.length), newText: reason }]);
    assert.deepEqual(await complete(client, uri, line, reason.length), []);
  });

  it('reports a comment that silences nothing as unnecessary code, which editors fade', async () => {
    const comment = '<!-- bilint-disable-next-line pair/missing-english -->';
    const { uri, line } = await openWith(comment);
    const idle = (await client.diagnostics(uri, { version: 1 })).filter((d) => d.code === 'directive/unused');
    assert.equal(idle.length, 1, JSON.stringify(idle));
    assert.deepEqual(idle[0].range, pos(line, 0, line, comment.length));
    assert.deepEqual(idle[0].tags, [DiagnosticTag.Unnecessary]);
  });
});
