/**
 * The workspace side of the server: the background index (with progress),
 * cross-post checks, hover and completion from other posts, file watching
 * (registered with the client, or the server's own), config reload and a
 * broken config file reported on that file.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import {
  CompletionRequest,
  FileChangeType,
  HoverRequest,
  type CompletionItem,
  type MarkupContent,
} from 'vscode-languageserver-protocol/node';
import { TestClient, uriOf } from './lspClient';
import { english, post } from './fixtures';

const A_BODY = [
  '### 分析机',
  '',
  '**分析机**（Analytical Engine: 一种机械计算机）由**查尔斯·巴贝奇**（Charles Babbage）设计，**差分机**更早。',
  english('The Analytical Engine was designed by Charles Babbage; the Difference Engine came first.'),
].join('\n');
const B_BODY = ['**分析机**（Analytical Machine: 机械计算机）很有名。', english('The Analytical Machine is famous.')].join('\n');
const C_BODY = [
  '**差分机**（Difference Engine: 计算多项式的机器）早于**分析机**（Analytical Engine: 通用机械计算机）。',
  english('The Difference Engine, which computes polynomials, came before the Analytical Engine.'),
].join('\n');

function makeWorkspace(): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'bilint-ws-'));
  fs.mkdirSync(path.join(root, 'posts'));
  fs.writeFileSync(path.join(root, 'posts', 'a.md'), post({ people: ['Charles Babbage'], tags: ['early-computing', 'history'] }, A_BODY));
  fs.writeFileSync(path.join(root, 'posts', 'b.md'), post({ people: ['Charles Babage'], tags: ['mechanical', 'history'] }, B_BODY));
  fs.writeFileSync(path.join(root, 'posts', 'c.md'), post({ people: undefined, tags: ['polynomials'] }, C_BODY));
  // Not indexed: dependencies and hidden folders.
  fs.mkdirSync(path.join(root, 'node_modules', 'x'), { recursive: true });
  fs.writeFileSync(path.join(root, 'node_modules', 'x', 'readme.md'), post({ tags: ['from-node-modules'] }, B_BODY));
  return root;
}

describe('workspace index, cross-post checks, watching and config reload', () => {
  let root: string;
  let client: TestClient;
  let a: string;

  before(async () => {
    root = makeWorkspace();
    client = await TestClient.start({ rootPath: root, watch: true });
    a = path.join(root, 'posts', 'a.md');
  });
  after(async () => {
    await client.stop();
    fs.rmSync(root, { recursive: true, force: true });
  });

  it('indexes the workspace in the background, with progress', async () => {
    await client.until(() => client.progress.some((p) => p.kind === 'end'), 10000, 'the end of indexing');
    const begin = client.progress.find((p) => p.kind === 'begin')!;
    assert.equal(begin.title, 'Bilint');
    assert.ok(client.progress.some((p) => p.kind === 'report' && p.message === 'Indexing posts: 3/3'));
    const status = (await client.conn.sendRequest('bilint/status')) as { indexedPosts: number; lastIndex: { posts: number } };
    assert.equal(status.indexedPosts, 3);
    assert.equal(status.lastIndex.posts, 3);
    assert.ok(client.registrations.includes('workspace/didChangeWatchedFiles'));
  });

  it('runs the cross-post checks against the other posts', async () => {
    const uri = uriOf(a);
    await client.open(uri, fs.readFileSync(a, 'utf8'));
    const ds = await client.diagnostics(uri, { version: 1 });
    const gloss = ds.find((d) => d.code === 'gloss/inconsistent-across-posts');
    assert.ok(gloss, JSON.stringify(ds.map((d) => d.code)));
    assert.match(gloss.message, /Analytical Machine/);
    assert.match(gloss.message, /b\.md/);
    const entity = ds.find((d) => d.code === 'entity/inconsistent-across-posts');
    assert.ok(entity, JSON.stringify(ds.map((d) => [d.code, d.message])));
    assert.match(entity.message, /Charles Babage/);
  });

  it('hovers a term with the gloss another post gives it', async () => {
    const uri = uriOf(a);
    const lines = client.text(uri).split('\n');
    const line = lines.findIndex((l) => l.includes('**差分机**更早'));
    const h = await client.conn.sendRequest(HoverRequest.type, {
      textDocument: { uri },
      position: { line, character: lines[line].indexOf('差分机') + 1 },
    });
    const v = (h!.contents as MarkupContent).value;
    assert.match(v, /not glossed in this post; other posts gloss it as:/);
    assert.match(v, /Difference Engine: 计算多项式的机器 _\(c\.md\)_/);
  });

  it('completes tags and entity names used by other posts', async () => {
    const uri = uriOf(a);
    const lines = client.text(uri).split('\n');
    const tagLine = lines.indexOf('- history');
    await client.edit(uri, [{ range: range(tagLine + 1, 0, tagLine + 1, 0), newText: '- \n' }]);
    const tags = (await complete(client, uri, tagLine + 1, 2)).map((c) => c.label);
    assert.ok(tags.includes('mechanical') && tags.includes('polynomials'), tags.join());
    assert.ok(!tags.includes('history'), 'a tag already listed is not offered');
    assert.ok(!tags.includes('from-node-modules'), 'node_modules is not indexed');
    const peopleLine = client.text(uri).split('\n').indexOf('- Charles Babbage');
    await client.edit(uri, [{ range: range(peopleLine + 1, 0, peopleLine + 1, 0), newText: '- Ch\n' }]);
    const people = await complete(client, uri, peopleLine + 1, 4);
    assert.deepEqual(
      people.map((c) => [c.label, c.detail]),
      [['Charles Babage', 'used in 1 post']],
    );
  });

  it('follows posts created and deleted on disk', async () => {
    const d = path.join(root, 'posts', 'd.md');
    fs.writeFileSync(d, post({ tags: ['steam-power'] }, C_BODY));
    await client.filesChanged([{ uri: uriOf(d), type: FileChangeType.Created }]);
    const uri = uriOf(a);
    const tagLine = client.text(uri).split('\n').indexOf('- history');
    assert.ok((await pollTags(client, uri, tagLine + 1, 'steam-power')).includes('steam-power'));
    // b.md goes away: its different gloss no longer conflicts.
    const b = path.join(root, 'posts', 'b.md');
    fs.rmSync(b);
    await client.filesChanged([{ uri: uriOf(b), type: FileChangeType.Deleted }]);
    await client.diagnostics(uri, { accept: (ds) => !ds.some((x) => x.code === 'gloss/inconsistent-across-posts') });
  });

  it('reloads a changed config file and reports a broken one on that file', async () => {
    const uri = uriOf(a);
    const config = path.join(root, 'bilint.config.json');
    fs.writeFileSync(config, JSON.stringify({ rules: { 'gloss/missing': 'off' } }));
    await client.filesChanged([{ uri: uriOf(config), type: FileChangeType.Created }]);
    await client.diagnostics(uri, { accept: (ds) => !ds.some((x) => x.code === 'gloss/missing') });

    fs.writeFileSync(config, '{\n  "rules": {\n    "gloss/missing": "of"\n  }\n}\n');
    await client.filesChanged([{ uri: uriOf(config), type: FileChangeType.Changed }]);
    const problems = await client.diagnostics(uriOf(config), { accept: (ds) => ds.length > 0 });
    assert.equal(problems[0].code, 'config');
    assert.equal(problems[0].source, 'bilint');
    assert.equal(problems[0].range.start.line, 2, JSON.stringify(problems));
    assert.match(problems[0].message, /gloss\/missing/);

    fs.writeFileSync(config, '{ "rules": { ');
    await client.filesChanged([{ uri: uriOf(config), type: FileChangeType.Changed }]);
    const syntax = await client.diagnostics(uriOf(config), { accept: (ds) => ds.some((d) => /JSON error/.test(d.message)) });
    assert.ok(syntax.length > 0);

    fs.rmSync(config);
    await client.filesChanged([{ uri: uriOf(config), type: FileChangeType.Deleted }]);
    await client.diagnostics(uriOf(config), { accept: (ds) => ds.length === 0 });
    await client.diagnostics(uri, { accept: (ds) => ds.some((x) => x.code === 'gloss/missing') });
  });
});

describe('file watching without the client’s help', () => {
  it('notices new posts through its own watcher', async () => {
    const root = makeWorkspace();
    const client = await TestClient.start({ rootPath: root, watch: false });
    try {
      await client.until(() => client.progress.some((p) => p.kind === 'end'), 10000, 'indexing');
      assert.ok(!client.registrations.includes('workspace/didChangeWatchedFiles'));
      fs.writeFileSync(path.join(root, 'posts', 'e.md'), post({ tags: ['brand-new-tag'] }, C_BODY));
      const uri = uriOf(path.join(root, 'posts', 'a.md'));
      const text = fs.readFileSync(path.join(root, 'posts', 'a.md'), 'utf8');
      await client.open(uri, text);
      const tagLine = text.split('\n').indexOf('- history');
      await client.edit(uri, [{ range: range(tagLine + 1, 0, tagLine + 1, 0), newText: '- \n' }]);
      const tags = await pollTags(client, uri, tagLine + 1, 'brand-new-tag');
      assert.ok(tags.includes('brand-new-tag'), tags.join());
    } finally {
      await client.stop();
      fs.rmSync(root, { recursive: true, force: true });
    }
  });
});

/** Asks for tag completions until `wanted` is among them (the index updates in the background). */
async function pollTags(client: TestClient, uri: string, line: number, wanted: string): Promise<unknown[]> {
  let tags: unknown[] = [];
  const deadline = Date.now() + 5000;
  while (!tags.includes(wanted) && Date.now() < deadline) {
    tags = (await complete(client, uri, line, 2)).map((c) => c.label);
    if (!tags.includes(wanted)) await new Promise((r) => setTimeout(r, 100));
  }
  return tags;
}

function range(l1: number, c1: number, l2: number, c2: number) {
  return { start: { line: l1, character: c1 }, end: { line: l2, character: c2 } };
}

async function complete(client: TestClient, uri: string, line: number, character: number): Promise<CompletionItem[]> {
  const r = await client.conn.sendRequest(CompletionRequest.type, { textDocument: { uri }, position: { line, character } });
  return Array.isArray(r) ? r : (r?.items ?? []);
}
