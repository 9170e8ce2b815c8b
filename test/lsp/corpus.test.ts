/**
 * The real posts through the language server: every post's pushed
 * diagnostics are exactly the engine's findings (rule, range, message,
 * severity), so the adapter adds and loses nothing; and every post answers
 * symbols, folding and a hover without an error.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { it } from 'node:test';
import { DocumentSymbolRequest, FoldingRangeRequest, HoverRequest } from 'vscode-languageserver-protocol/node';
import { lint } from '../../server/src/bilint';
import { ConfigLoader } from '../../server/src/node/configLoader';
import { CORPUS } from '../helpers';
import { TestClient, uriOf } from './lspClient';

const SEVERITY = { error: 1, warning: 2, info: 3 } as const;

it(
  'serves the real corpus: diagnostics identical to the engine’s, every request answered',
  { skip: fs.existsSync(CORPUS) ? false : `no corpus at ${CORPUS}` },
  async () => {
    const files = fs
      .readdirSync(CORPUS)
      .filter((f) => f.endsWith('.md'))
      .sort();
    const client = await TestClient.start();
    const perRule = new Map<string, number>();
    try {
      for (const f of files) {
        const text = fs.readFileSync(path.join(CORPUS, f), 'utf8');
        // A path outside the corpus folder: the default config, as the engine below uses.
        const file = path.join('/tmp/bilint-lsp-corpus', f);
        const uri = uriOf(file);
        await client.open(uri, text);
        const got = await client.diagnostics(uri, { version: 1, timeout: 20000 });
        const expected = lint(text, { config: new ConfigLoader().forFile(file).config, filePath: file }).diagnostics;
        assert.deepEqual(
          got.map((d) => [d.code, d.range, d.message, d.severity]),
          expected.map((d) => [d.ruleId, d.range, d.message, SEVERITY[d.severity]]),
          f,
        );
        for (const d of expected) perRule.set(d.ruleId, (perRule.get(d.ruleId) ?? 0) + 1);
        const lines = text.split('\n');
        const line = lines.findIndex((l) => l.includes('**'));
        await client.conn.sendRequest(HoverRequest.type, {
          textDocument: { uri },
          position: { line: Math.max(0, line), character: Math.max(0, lines[Math.max(0, line)].indexOf('**') + 2) },
        });
        assert.ok(Array.isArray(await client.conn.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri } })));
        assert.ok(Array.isArray(await client.conn.sendRequest(FoldingRangeRequest.type, { textDocument: { uri } })));
        await client.close(uri);
      }
    } finally {
      await client.stop();
    }
    assert.ok(!client.logs.some((l) => /failed/.test(l)), client.logs.join('\n'));
    console.log(`corpus through the server, findings per rule: ${JSON.stringify(Object.fromEntries([...perRule].sort()))}`);
  },
);
