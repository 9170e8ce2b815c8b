/**
 * Pull diagnostics (what VS Code asks for), and the other ways to start the
 * server: node IPC, and the bundled single-file server the extension ships.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import {
  createProtocolConnection,
  DidOpenTextDocumentNotification,
  FileChangeType,
  InitializedNotification,
  InitializeRequest,
  IPCMessageReader,
  IPCMessageWriter,
  PublishDiagnosticsNotification,
  type FullDocumentDiagnosticReport,
  type PublishDiagnosticsParams,
} from 'vscode-languageserver-protocol/node';
import { delay, REPO, SERVER, TestClient, uriOf } from './lspClient';
import { post } from './fixtures';

describe('pull diagnostics', () => {
  it('answers textDocument/diagnostic with result ids, and asks for a refresh when the config changes', async () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'bilint-pull-'));
    const client = await TestClient.start({ pull: true, rootPath: root, watch: true });
    try {
      assert.deepEqual(client.initializeResult.capabilities.diagnosticProvider, {
        identifier: 'bilint',
        interFileDependencies: true,
        workspaceDiagnostics: false,
      });
      const file = path.join(root, 'a.md');
      const uri = uriOf(file);
      await client.open(uri, post({ area: 'market-analysis' }));
      const first = (await client.pull(uri)) as FullDocumentDiagnosticReport;
      assert.equal(first.kind, 'full');
      assert.ok(first.resultId);
      const schema = first.items.find((d) => d.code === 'front-matter/schema')!;
      assert.equal(schema.source, 'bilint');
      assert.match(schema.codeDescription!.href, /front-matter\/schema\.md$/);

      assert.deepEqual(await client.pull(uri, first.resultId), { kind: 'unchanged', resultId: first.resultId });
      await client.setText(uri, post());
      const second = (await client.pull(uri, first.resultId)) as FullDocumentDiagnosticReport;
      assert.equal(second.kind, 'full');
      assert.notEqual(second.resultId, first.resultId);
      assert.ok(!second.items.some((d) => d.code === 'front-matter/schema'));

      await client.setText(uri, post({ area: 'market-analysis' }));
      const config = path.join(root, 'bilint.config.yaml');
      fs.writeFileSync(config, 'rules:\n  front-matter/schema: off\n');
      const refreshes = client.refreshes.length;
      await client.filesChanged([{ uri: uriOf(config), type: FileChangeType.Created }]);
      await client.until(() => client.refreshes.length > refreshes, 5000, 'workspace/diagnostic/refresh');
      const third = (await client.pull(uri)) as FullDocumentDiagnosticReport;
      assert.ok(!third.items.some((d) => d.code === 'front-matter/schema'));
      await delay(100);
      assert.equal(client.published.get(uri), undefined, 'nothing is pushed for a post when the client pulls');
    } finally {
      await client.stop();
      fs.rmSync(root, { recursive: true, force: true });
    }
  });
});

describe('other transports', () => {
  it('speaks over node IPC', async () => {
    const child = spawn(process.execPath, [SERVER, '--node-ipc'], { stdio: ['ignore', 'ignore', 'pipe', 'ipc'] });
    const conn = createProtocolConnection(new IPCMessageReader(child), new IPCMessageWriter(child));
    const published: PublishDiagnosticsParams[] = [];
    conn.onNotification(PublishDiagnosticsNotification.type, (p) => published.push(p));
    conn.listen();
    try {
      const init = await conn.sendRequest(InitializeRequest.type, { processId: process.pid, rootUri: null, capabilities: {} });
      assert.equal(init.serverInfo?.name, 'bilint-language-server');
      await conn.sendNotification(InitializedNotification.type, {});
      const uri = 'file:///tmp/bilint-ipc/post.md';
      await conn.sendNotification(DidOpenTextDocumentNotification.type, {
        textDocument: { uri, languageId: 'markdown', version: 1, text: post({ area: 'market-analysis' }) },
      });
      const deadline = Date.now() + 5000;
      while (!published.some((p) => p.uri === uri) && Date.now() < deadline) await delay(20);
      assert.ok(published.find((p) => p.uri === uri)!.diagnostics.some((d) => d.code === 'front-matter/schema'));
    } finally {
      conn.dispose();
      child.kill();
    }
  });

  const bundled = path.join(REPO, 'dist', 'server.js');
  it(
    'runs as the bundled single file the extension ships',
    { skip: fs.existsSync(bundled) ? false : 'dist/server.js not built (npm run bundle)' },
    async () => {
      const client = await TestClient.start({ serverPath: bundled });
      try {
        const uri = uriOf('/tmp/bilint-bundle/post.md');
        await client.open(uri, post({ area: 'market-analysis' }));
        const ds = await client.diagnostics(uri, { version: 1 });
        const d = ds.find((x) => x.code === 'front-matter/schema')!;
        assert.match(d.codeDescription!.href, /^file:\/\/.*\/docs\/rules\/front-matter\/schema\.md$/);
      } finally {
        await client.stop();
      }
    },
  );
});
