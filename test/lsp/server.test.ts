/**
 * The language server as a client sees it: the built server started as a
 * child process, spoken to over stdio with vscode-languageserver-protocol.
 * Push-mode diagnostics, code actions applied to the text, hover,
 * completion, symbols, folding, edits that break and repair a post
 * (disable comments: directives.test.ts).
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
  CodeActionRequest,
  DocumentSymbolRequest,
  ExecuteCommandRequest,
  FoldingRangeRequest,
  type CodeAction,
  type Diagnostic,
  type DocumentSymbol,
} from 'vscode-languageserver-protocol/node';
import { fix } from '../../server/src/bilint';
import { applyWorkspaceEdit, TestClient, uriOf } from './lspClient';
import { complete, hover, pos, value } from './requests';
import { BODY, english, frontMatter, post } from './fixtures';

const byRule = (ds: Diagnostic[], id: string) => ds.filter((d) => d.code === id);

describe('language server over stdio (push diagnostics)', () => {
  let client: TestClient;
  let n = 0;
  const fresh = () => uriOf(`/tmp/bilint-lsp-test/post-${++n}.md`);

  before(async () => {
    client = await TestClient.start();
  });
  after(async () => {
    await client.stop();
  });

  it('answers initialize with its capabilities', () => {
    const caps = client.initializeResult.capabilities;
    assert.equal(client.initializeResult.serverInfo?.name, 'bilint-language-server');
    assert.equal(caps.diagnosticProvider, undefined, 'no pull provider for a client that cannot pull');
    assert.deepEqual((caps.codeActionProvider as { codeActionKinds: string[] }).codeActionKinds, ['quickfix', 'source.fixAll.bilint']);
    assert.ok(caps.hoverProvider && caps.documentSymbolProvider && caps.foldingRangeProvider && caps.completionProvider);
  });

  it('publishes diagnostics with code, codeDescription, source and exact ranges', async () => {
    const uri = fresh();
    const text = post({ area: 'market-analysis' });
    await client.open(uri, text);
    const ds = await client.diagnostics(uri, { version: 1 });
    const [d] = byRule(ds, 'front-matter/schema');
    assert.ok(d, `a front-matter/schema finding among ${JSON.stringify(ds.map((x) => x.code))}`);
    assert.equal(d.source, 'bilint');
    assert.match(d.codeDescription!.href, /^file:\/\/.*\/docs\/rules\/front-matter\/schema\.md$/);
    assert.deepEqual(d.range, { start: { line: 1, character: 6 }, end: { line: 1, character: 21 } });
    assert.match(d.message, /retired/);
    assert.equal(d.severity, 1);
  });

  it('offers a quick fix that edits the post, and the diagnostic goes away', async () => {
    const uri = fresh();
    await client.open(uri, post({ area: 'market-analysis' }));
    const [d] = byRule(await client.diagnostics(uri, { version: 1 }), 'front-matter/schema');
    const actions = await actionsFor(client, uri, [d]);
    const quick = actions.find((a) => a.title === 'Fix this front-matter/schema problem');
    assert.ok(quick, `titles: ${actions.map((a) => a.title).join(' | ')}`);
    assert.equal(quick.kind, 'quickfix');
    assert.equal(quick.isPreferred, true);
    const fixed = applyWorkspaceEdit(client.text(uri), uri, quick.edit);
    assert.equal(fixed, post({ area: 'finance-wealth' }));
    const v = await client.setText(uri, fixed);
    assert.deepEqual(byRule(await client.diagnostics(uri, { version: v }), 'front-matter/schema'), []);
  });

  it('offers suggestions as further quick fixes', async () => {
    const uri = fresh();
    await client.open(uri, post({ speaker: undefined }));
    const [d] = byRule(await client.diagnostics(uri, { version: 1 }), 'front-matter/schema');
    assert.match(d.message, /speaker/);
    const actions = await actionsFor(client, uri, [d]);
    const add = actions.find((a) => /Add the field `speaker`/.test(a.title));
    assert.ok(add, `titles: ${actions.map((a) => a.title).join(' | ')}`);
    assert.notEqual(add.isPreferred, true, 'a suggestion is not applied as the preferred fix');
    assert.match(applyWorkspaceEdit(client.text(uri), uri, add.edit), /\nspeaker: /);
  });

  it('disables a rule for a line of the front matter, and for the post', async () => {
    const uri = fresh();
    const text = post({ area: 'market-analysis' });
    await client.open(uri, text);
    const [d] = byRule(await client.diagnostics(uri, { version: 1 }), 'front-matter/schema');
    const actions = await actionsFor(client, uri, [d]);
    const line = actions.find((a) => a.title === 'Disable front-matter/schema for this line')!;
    const post1 = applyWorkspaceEdit(text, uri, line.edit);
    assert.equal(post1, text.replace('area: market', '# <!-- bilint-disable-next-line front-matter/schema -->\narea: market'));
    let v = await client.setText(uri, post1);
    assert.deepEqual(byRule(await client.diagnostics(uri, { version: v }), 'front-matter/schema'), []);

    v = await client.setText(uri, text);
    await client.diagnostics(uri, { version: v });
    const file = (await actionsFor(client, uri, [d])).find((a) => a.title === 'Disable front-matter/schema for this post')!;
    const post2 = applyWorkspaceEdit(text, uri, file.edit);
    assert.ok(post2.startsWith('---\n# <!-- bilint-disable front-matter/schema -->\narea:'));
    v = await client.setText(uri, post2);
    assert.deepEqual(byRule(await client.diagnostics(uri, { version: v }), 'front-matter/schema'), []);
  });

  it('disables rules for a body line with HTML comments before it, one quick fix after the other', async () => {
    const uri = fresh();
    const para = '一个**新术语**没有注释，也没有英文。';
    const text = post({}, `${BODY}\n\n${para}\n`);
    await client.open(uri, text);
    const onPara = (ds: Diagnostic[], t: string) => ds.filter((d) => d.range.start.line === t.split('\n').indexOf(para));
    const found = onPara(await client.diagnostics(uri, { version: 1 }), text);
    assert.deepEqual(found.map((d) => d.code).sort(), ['gloss/missing', 'pair/missing-english']);
    // The second comment goes between the first and the paragraph: both must act on the paragraph.
    let current = text;
    let v = 1;
    for (const id of ['gloss/missing', 'pair/missing-english']) {
      const d = onPara(await client.diagnostics(uri, { version: v }), current).find((x) => x.code === id)!;
      const line = (await actionsFor(client, uri, [d])).find((a) => a.title === `Disable ${id} for this line`)!;
      current = applyWorkspaceEdit(current, uri, line.edit);
      v = await client.setText(uri, current);
    }
    assert.ok(
      current.endsWith(
        `<!-- bilint-disable-next-line gloss/missing -->\n<!-- bilint-disable-next-line pair/missing-english -->\n${para}\n`,
      ),
      current.slice(-200),
    );
    const after = await client.diagnostics(uri, { version: v });
    assert.deepEqual(onPara(after, current), []);
    assert.deepEqual(
      after.filter((d) => String(d.code).startsWith('directive/')),
      [],
    );
  });

  it('fixes everything with source.fixAll.bilint, in small edits, as the engine does', async () => {
    const uri = fresh();
    const text = post({ area: 'market-analysis', tags: ['history', 'early-computing', 'history'] });
    await client.open(uri, text);
    await client.diagnostics(uri, { version: 1 });
    const actions = (await client.conn.sendRequest(CodeActionRequest.type, {
      textDocument: { uri },
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      context: { diagnostics: [], only: ['source.fixAll'] },
    })) as CodeAction[];
    assert.equal(actions.length, 1);
    assert.equal(actions[0].kind, 'source.fixAll.bilint');
    const change = actions[0].edit!.documentChanges![0] as { edits: { newText: string }[] };
    assert.ok(change.edits.length >= 2, 'one edit per changed stretch, not one whole-text edit');
    assert.ok(change.edits.every((e) => e.newText.length < 40));
    const fixed = applyWorkspaceEdit(text, uri, actions[0].edit);
    assert.equal(fixed, fix(text).text);
    assert.ok(fixed.includes('area: finance-wealth') && fixed.includes('tags:\n- history\n- early-computing\ntitle'));
  });

  it('applies fix-all through its command (workspace/applyEdit)', async () => {
    const uri = fresh();
    await client.open(uri, post({ area: 'market-analysis' }));
    await client.diagnostics(uri, { version: 1 });
    const r = (await client.conn.sendRequest(ExecuteCommandRequest.type, {
      command: 'bilint.server.applyFixAll',
      arguments: [{ uri }],
    })) as { applied: boolean };
    assert.equal(r.applied, true);
    assert.equal(client.text(uri), post({ area: 'finance-wealth' }));
  });

  it('follows edits that break and repair a post', async () => {
    const uri = fresh();
    const good = post();
    await client.open(uri, good);
    const clean = (await client.diagnostics(uri, { version: 1 })).filter((d) => String(d.code).startsWith('front-matter/'));
    assert.deepEqual(clean, []);
    // Delete the closing `---`: the front matter never ends.
    const closing = good.indexOf('---\n###');
    let v = await client.setText(uri, good.slice(0, closing) + good.slice(closing + 4));
    const broken = await client.diagnostics(uri, { version: v });
    assert.ok(
      broken.some((d) => String(d.code).startsWith('front-matter/')),
      JSON.stringify(broken.map((d) => d.code)),
    );
    v = await client.setText(uri, good);
    assert.deepEqual(
      (await client.diagnostics(uri, { version: v })).filter((d) => String(d.code).startsWith('front-matter/')),
      [],
    );
    // Incremental edits: type a retired area value over the good one, character by character.
    const areaLine = 1;
    v = await client.edit(uri, [
      { range: { start: { line: areaLine, character: 6 }, end: { line: areaLine, character: 22 } }, newText: '' },
    ]);
    for (const ch of 'market-analysis') {
      const col = 6 + client.text(uri).split('\n')[areaLine].length - 6;
      v = await client.edit(uri, [
        { range: { start: { line: areaLine, character: col }, end: { line: areaLine, character: col } }, newText: ch },
      ]);
    }
    assert.equal(client.text(uri).split('\n')[areaLine], 'area: market-analysis');
    const last = await client.diagnostics(uri, { version: v });
    assert.ok(byRule(last, 'front-matter/schema').some((d) => /retired/.test(d.message)));
  });

  it('debounces a burst of changes into fewer lints, ending on the last version', async () => {
    const uri = fresh();
    await client.open(uri, post());
    await client.diagnostics(uri, { version: 1 });
    const before = client.published.get(uri)!.length;
    let v = 1;
    for (let i = 0; i < 30; i++) v = await client.edit(uri, [{ range: pos(25, 0, 25, 0), newText: '字' }]);
    await client.diagnostics(uri, { version: v });
    const published = client.published.get(uri)!.length - before;
    assert.ok(published < 10, `${published} publications for 30 changes`);
  });

  it('hovers: a term’s gloss, its first gloss on a later use, a paragraph’s English, a key’s description', async () => {
    const uri = fresh();
    const text = post();
    await client.open(uri, text);
    const lines = text.split('\n');
    const first = lines.findIndex((l) => l.startsWith('这是第一段'));
    const later = lines.findIndex((l) => l.startsWith('**分析机**再次'));
    const h1 = await hover(client, uri, first, lines[first].indexOf('分析机') + 1);
    assert.match(value(h1), /\*\*分析机\*\*: Analytical Engine: 一种早期的机械计算机/);
    assert.deepEqual(h1!.range, pos(first, lines[first].indexOf('**分析机**'), first, lines[first].indexOf('**分析机**') + 7));
    const h2 = await hover(client, uri, later, 3);
    assert.match(value(h2), new RegExp(`Analytical Engine.*glossed on line ${first + 1}`));
    const h3 = await hover(client, uri, later, lines[later].indexOf('差分机') + 1);
    assert.match(value(h3), /has no gloss in this post or in the workspace/);
    const h4 = await hover(client, uri, first, 2);
    assert.match(value(h4), /\*\*English:\*\* This first paragraph is about the Analytical Engine\./);
    const h5 = await hover(client, uri, 2, 2);
    assert.match(value(h5), /`category` \(required\): string/);
    assert.match(value(h5), /topic category/);
    assert.match(value(h5), /Allowed: `ai-ml`/);
    assert.equal(await hover(client, uri, lines.length - 1, 3), null, 'nothing on an English block line');
  });

  it('completes front matter keys, enum values and list items', async () => {
    const uri = fresh();
    const text = frontMatter({ category: undefined, series: undefined, status: 'e' }) + BODY;
    await client.open(uri, text);
    const lines = text.split('\n');
    // A new key on an empty line: the missing ones, required first.
    const fmEnd = lines.indexOf('---', 1);
    await client.edit(uri, [{ range: pos(fmEnd, 0, fmEnd, 0), newText: '\n' }]);
    const keys = await complete(client, uri, fmEnd, 0);
    assert.equal(keys[0].label, 'category', 'the missing required key comes first');
    assert.ok(keys.some((k) => k.label === 'series') && !keys.some((k) => k.label === 'area'));
    assert.equal(keys.find((k) => k.label === 'category')!.detail, 'required · string');
    // An enum value after `status: e`.
    const statusLine = lines.findIndex((l) => l.startsWith('status:'));
    const values = await complete(client, uri, statusLine, 9);
    assert.deepEqual(
      values.map((x) => x.label),
      ['evergreen'],
    );
    assert.deepEqual((values[0].textEdit as { range: unknown }).range, pos(statusLine, 8, statusLine, 9));
    // date: today's date, quoted.
    const dateLine = lines.findIndex((l) => l.startsWith('date:'));
    const dates = await complete(client, uri, dateLine, 6);
    assert.match(String(dates[0].label), /^'\d{4}-\d\d-\d\d'$/);
  });

  it('lists headings as symbols and folds every English block and the front matter', async () => {
    const uri = fresh();
    const text = post({}, '## 总览\n\n' + BODY.replace('### 第二节', '#### 小节\n\n段落。\n' + english('A paragraph.') + '\n\n### 第二节'));
    await client.open(uri, text);
    const symbols = (await client.conn.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri } })) as DocumentSymbol[];
    const shape = (s: DocumentSymbol): unknown => [s.name, s.detail, (s.children ?? []).map(shape)];
    assert.deepEqual(symbols.map(shape), [
      [
        '总览',
        '##',
        [
          ['第一节', '###', [['小节', '####', []]]],
          ['第二节', '###', []],
        ],
      ],
    ]);
    const lines = text.split('\n');
    assert.equal(symbols[0].selectionRange.start.line, lines.indexOf('## 总览'));
    const folds = (await client.conn.sendRequest(FoldingRangeRequest.type, { textDocument: { uri } }))!;
    const details = lines.flatMap((l, i) => (l === '<details>' ? [i] : []));
    assert.deepEqual(
      folds.map((f) => [f.startLine, f.endLine, f.kind]),
      [[0, lines.indexOf('---', 1), undefined], ...details.map((d) => [d, d + 3, 'region'])],
    );
  });

  it('survives bad input: malformed requests get errors, junk text gets diagnostics', async () => {
    await assert.rejects(client.conn.sendRequest('textDocument/hover', {}), /Bilint could not answer textDocument\/hover/);
    const uri = fresh();
    await client.open(uri, post());
    await assert.rejects(client.conn.sendRequest('textDocument/codeAction', { textDocument: { uri } }), /codeAction/);
    assert.deepEqual(await client.conn.sendRequest('textDocument/codeAction', { textDocument: { uri: 'file:///nope.md' } }), []);
    assert.equal(await hover(client, 'file:///not-open.md', 0, 0), null);
    await client.close(uri);
    const junk = '\uFEFF---\r\n' + '**'.repeat(20000) + '（'.repeat(20000) + '\uD800' + '\u0000'.repeat(100) + '\n<details>'.repeat(500);
    await client.open(uri, junk);
    await client.diagnostics(uri, { version: 1, timeout: 10000 });
    // Still alive and answering.
    const h = await hover(client, uri, 1, 5);
    assert.ok(h === null || typeof h === 'object');
    assert.ok(
      client.logs.some((l) => /textDocument\/hover failed: TypeError/.test(l)),
      'the exception was logged with its stack',
    );
    assert.equal(client.child.exitCode, null);
  });

  it('clears diagnostics when a post is closed', async () => {
    const uri = fresh();
    await client.open(uri, post({ area: 'market-analysis' }));
    assert.ok((await client.diagnostics(uri, { version: 1 })).length > 0);
    await client.close(uri);
    await client.diagnostics(uri, { accept: (d) => d.length === 0 });
  });
});

describe('language server settings', () => {
  it('reads bilint.* settings: rule overrides, enable, run on save', async () => {
    const client = await TestClient.start({ settings: { rules: { 'front-matter/schema': 'off' } } });
    try {
      const uri = uriOf('/tmp/bilint-lsp-test/settings.md');
      await client.open(uri, post({ area: 'market-analysis' }));
      assert.deepEqual(byRule(await client.diagnostics(uri, { version: 1 }), 'front-matter/schema'), []);
      await client.configurationChanged({ rules: {} });
      await client.diagnostics(uri, { accept: (d) => byRule(d, 'front-matter/schema').length === 1 });
      await client.configurationChanged({ enable: false });
      await client.diagnostics(uri, { accept: (d) => d.length === 0 });
      await client.configurationChanged({ run: 'onSave' });
      await client.diagnostics(uri, { accept: (d) => d.length > 0 });
      const v = await client.setText(uri, post());
      await new Promise((r) => setTimeout(r, 300));
      assert.notEqual(client.published.get(uri)!.at(-1)!.version, v, 'no lint while typing');
      await client.save(uri);
      await client.diagnostics(uri, { version: v });
    } finally {
      await client.stop();
    }
  });

  it('takes settings from initializationOptions when the client has no workspace/configuration', async () => {
    const client = await TestClient.start({ initializationOptions: { bilint: { rules: { 'front-matter/schema': 'off' } } } });
    try {
      const uri = uriOf('/tmp/bilint-lsp-test/init-options.md');
      await client.open(uri, post({ area: 'market-analysis' }));
      assert.deepEqual(byRule(await client.diagnostics(uri, { version: 1 }), 'front-matter/schema'), []);
    } finally {
      await client.stop();
    }
  });
});

async function actionsFor(client: TestClient, uri: string, diagnostics: Diagnostic[]): Promise<CodeAction[]> {
  return (await client.conn.sendRequest(CodeActionRequest.type, {
    textDocument: { uri },
    range: diagnostics[0].range,
    context: { diagnostics },
  })) as CodeAction[];
}
