/**
 * The editor's numbers (issue 4), measured from a real LSP client over stdio
 * against the built server: cold didOpen → first diagnostics, didChange →
 * diagnostics on the largest real post (push, at typing pace; and a pull as
 * VS Code does it), a 2,000-post workspace indexed (time and memory), and the
 * extension's activation (loading the bundle plus activate()).
 */
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import {
  createProtocolConnection,
  DidChangeTextDocumentNotification,
  DidOpenTextDocumentNotification,
  DocumentDiagnosticRequest,
  ExitNotification,
  InitializedNotification,
  InitializeRequest,
  PublishDiagnosticsNotification,
  ShutdownRequest,
  StreamMessageReader,
  StreamMessageWriter,
  WorkDoneProgress,
  WorkDoneProgressCreateRequest,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
} from 'vscode-languageserver-protocol/node';
import { SERVER_NODE_ARGS } from '../../server/src/lsp/nodeArgs';
import { replicate } from '../corpus';
import { emptyResult, ms, num, summarize, type SectionResult } from '../harness';
import type { BenchContext, Section } from './types';

interface Server {
  conn: ProtocolConnection;
  published: PublishDiagnosticsParams[];
  /** Called when diagnostics arrive (the wait is woken by the message, not by polling). */
  waiters: (() => void)[];
  progressEnded: Promise<void>;
  stop(): Promise<void>;
}

async function startServer(bin: string, opts: { pull?: boolean; root?: string; nodeArgs?: readonly string[] } = {}): Promise<Server> {
  const child = spawn(process.execPath, [...(opts.nodeArgs ?? []), bin, '--stdio'], { stdio: ['pipe', 'pipe', 'ignore'] });
  const conn = createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
  const published: PublishDiagnosticsParams[] = [];
  const waiters: (() => void)[] = [];
  conn.onNotification(PublishDiagnosticsNotification.type, (p) => {
    published.push(p);
    for (const w of waiters.splice(0)) w();
  });
  let ended: () => void = () => undefined;
  const progressEnded = new Promise<void>((r) => (ended = r));
  conn.onRequest(WorkDoneProgressCreateRequest.type, (p) => {
    conn.onProgress(WorkDoneProgress.type, p.token, (v) => v.kind === 'end' && ended());
    return null;
  });
  conn.onRequest('workspace/configuration', (p: { items: unknown[] }) => p.items.map(() => ({})));
  conn.onRequest('client/registerCapability', () => null);
  conn.listen();
  const root = opts.root ? pathToFileURL(opts.root).href : null;
  await conn.sendRequest(InitializeRequest.type, {
    processId: process.pid,
    rootUri: root,
    workspaceFolders: root ? [{ uri: root, name: 'bench' }] : null,
    capabilities: {
      window: { workDoneProgress: true },
      workspace: { configuration: true },
      textDocument: opts.pull
        ? { diagnostic: {}, publishDiagnostics: { versionSupport: true } }
        : { publishDiagnostics: { versionSupport: true } },
    },
  });
  await conn.sendNotification(InitializedNotification.type, {});
  return {
    conn,
    published,
    waiters,
    progressEnded,
    async stop() {
      await Promise.race([conn.sendRequest(ShutdownRequest.type), delay(2000)]).catch(() => undefined);
      await conn.sendNotification(ExitNotification.type).catch(() => undefined);
      await delay(50);
      if (child.exitCode === null) child.kill();
      conn.dispose();
    },
  };
}

function delay(msec: number): Promise<void> {
  return new Promise((r) => setTimeout(r, msec));
}

/** Resolves when diagnostics for `uri` (at `version`, when given) have arrived. */
async function diagnosticsFor(server: Server, uri: string, version?: number, timeoutMs = 20000): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  while (!server.published.some((p) => p.uri === uri && (version === undefined || p.version === version))) {
    if (performance.now() > deadline) throw new Error(`no diagnostics for ${uri} version ${version}`);
    await new Promise<void>((resolve) => {
      const t = setTimeout(resolve, 50);
      server.waiters.push(() => {
        clearTimeout(t);
        resolve();
      });
    });
  }
}

/**
 * Types at `at` as a fast typist does (an edit every 120 ms: a character in,
 * then out again), `warmup + runs` times, and returns the time of each
 * measured edit until `settled` (diagnostics of that version arrived) resolves;
 * `after` runs once the edit is timed (a status request, the progress line).
 */
async function typeAt(
  server: Server,
  uri: string,
  at: { line: number; character: number },
  runs: number,
  settled: (version: number) => Promise<unknown>,
  after: (i: number) => Promise<unknown> | void = () => undefined,
): Promise<number[]> {
  const warmup = 5; // the first edits warm the JIT
  const times: number[] = [];
  for (let i = 0, version = 1; i < runs + warmup; i++) {
    await delay(120);
    const insert = i % 2 === 0;
    const range = insert ? { start: at, end: at } : { start: at, end: { line: at.line, character: at.character + 1 } };
    version++;
    const t0 = performance.now();
    await server.conn.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri, version },
      contentChanges: [{ range, text: insert ? '字' : '' }],
    });
    await settled(version);
    if (i >= warmup) times.push(performance.now() - t0);
    await after(i);
  }
  return times;
}

/** An edit inside a Chinese paragraph in the middle of the post: insert a character, then take it out again. */
function editPoint(text: string): { line: number; character: number } {
  const lines = text.split('\n');
  for (let i = Math.floor(lines.length / 2); i < lines.length; i++) {
    if (/^[\u4e00-\u9fff]/.test(lines[i])) return { line: i, character: 1 };
  }
  return { line: lines.length - 1, character: 0 };
}

export const lspLatency: Section = {
  id: 'lsp',
  title: 'Language server and extension: latency, cold start, workspace index, activation',
  async run(ctx: BenchContext): Promise<SectionResult> {
    const r = emptyResult();
    const bin = path.join(ctx.root, 'bin', 'bilint-language-server.js');
    if (!fs.existsSync(path.join(ctx.root, 'out', 'server', 'src', 'lsp', 'main.js')))
      return { ...r, skipped: 'server not built (npm run build)' };
    if (ctx.corpus.length === 0) return { ...r, skipped: 'the real corpus was not found' };
    const largest = [...ctx.corpus].sort((a, b) => b.text.length - a.text.length)[0];
    const uri = pathToFileURL(path.join(os.tmpdir(), 'bilint-bench', path.basename(largest.file))).href;
    const rows: string[][] = [];

    // Cold: a fresh server process, initialized, then didOpen → first diagnostics. The bundled
    // server (one file, what the extension starts) and the compiled one (what the bin runs).
    const bundled = path.join(ctx.root, 'dist', 'server.js');
    const variants: [string, string][] = [['compiled, bin/', bin]];
    if (fs.existsSync(bundled)) variants.unshift(['bundled, dist/server.js', bundled]);
    let coldS: ReturnType<typeof summarize> | undefined;
    for (const [name, entry] of variants) {
      const cold: number[] = [];
      const spawnToFirst: number[] = [];
      for (let i = 0; i < (ctx.quick ? 2 : 5); i++) {
        ctx.progress(`lsp: cold start (${name}) ${i + 1}`);
        const t0 = performance.now();
        const server = await startServer(entry);
        const t1 = performance.now();
        await server.conn.sendNotification(DidOpenTextDocumentNotification.type, {
          textDocument: { uri, languageId: 'markdown', version: 1, text: largest.text },
        });
        await diagnosticsFor(server, uri, 1);
        cold.push(performance.now() - t1);
        spawnToFirst.push(performance.now() - t0);
        await server.stop();
      }
      const s = summarize(cold);
      coldS ??= s;
      rows.push([`cold server (${name}): didOpen → first diagnostics`, ms(s.median), ms(s.p95), String(cold.length)]);
      rows.push([
        `  process start + initialize + didOpen → diagnostics`,
        ms(summarize(spawnToFirst).median),
        ms(summarize(spawnToFirst).p95),
        String(cold.length),
      ]);
    }

    // Warm, push: one keystroke at typing pace, didChange → publishDiagnostics of that version; the server
    // as the bin starts it, then with the Node options the VS Code extension gives it.
    const at = editPoint(largest.text);
    const runs = ctx.quick ? 15 : 60;
    let changeS: ReturnType<typeof summarize> | undefined;
    for (const [how, nodeArgs] of [
      ['', []],
      [`, node ${SERVER_NODE_ARGS.join(' ')} (as VS Code starts it)`, SERVER_NODE_ARGS],
    ] as const) {
      const server = await startServer(bin, { nodeArgs });
      await server.conn.sendNotification(DidOpenTextDocumentNotification.type, {
        textDocument: { uri, languageId: 'markdown', version: 1, text: largest.text },
      });
      await diagnosticsFor(server, uri, 1);
      const engine: number[] = [];
      const change = await typeAt(
        server,
        uri,
        at,
        runs,
        (version) => diagnosticsFor(server, uri, version),
        async (i) => {
          ctx.progress(`lsp: didChange${how ? ' (VS Code options)' : ''} ${i + 1}/${runs + 5}`);
          engine.push(((await server.conn.sendRequest('bilint/status')) as { lastLintMs: number }).lastLintMs);
        },
      );
      const findings = server.published.at(-1)?.diagnostics.length ?? 0;
      await server.stop();
      const s = summarize(change);
      const e = summarize(engine.slice(-change.length));
      changeS ??= s;
      rows.push([`didChange → diagnostics, push (${findings} findings each time)${how}`, ms(s.median), ms(s.p95), String(change.length)]);
      rows.push(['  of which the engine (parse and rules, inside the server)', ms(e.median), ms(e.p95), String(change.length)]);
    }

    // Warm, pull (VS Code): didChange, then textDocument/diagnostic → its answer.
    const pull = await startServer(bin, { pull: true });
    await pull.conn.sendNotification(DidOpenTextDocumentNotification.type, {
      textDocument: { uri, languageId: 'markdown', version: 1, text: largest.text },
    });
    await pull.conn.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri } });
    const pulls = await typeAt(
      pull,
      uri,
      at,
      runs,
      () => pull.conn.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri } }),
      (i) => ctx.progress(`lsp: pull ${i + 1}/${runs + 5}`),
    );
    const pullS = summarize(pulls);
    rows.push(['didChange → pulled diagnostics (VS Code)', ms(pullS.median), ms(pullS.p95), String(pulls.length)]);
    await pull.stop();

    r.metrics.push(
      {
        id: 'lsp-change-median',
        label: `didChange → diagnostics on ${path.basename(largest.file)} (${largest.text.length} chars), median`,
        value: changeS!.median,
        unit: 'ms',
        target: { op: '<=', value: 30 },
      },
      {
        id: 'lsp-cold-median',
        label: `cold server (${variants[0][0]}): didOpen → first diagnostics, median`,
        value: coldS!.median,
        unit: 'ms',
        target: { op: '<=', value: 500 },
      },
    );

    // A 2,000-post workspace: the real posts replicated on disk, indexed in the background.
    const count = ctx.quick ? 500 : 2000;
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bilint-bench-ws-'));
    try {
      ctx.progress(`lsp: writing ${count} posts`);
      const posts = replicate(ctx.corpus, count);
      posts.forEach((p, i) => fs.writeFileSync(path.join(dir, `${String(i).padStart(4, '0')}-${path.basename(p.file)}`), p.text));
      const bytes = posts.reduce((n, p) => n + Buffer.byteLength(p.text), 0);
      ctx.progress(`lsp: indexing ${count} posts`);
      const ws = await startServer(bin, { root: dir });
      await Promise.race([ws.progressEnded, delay(120000)]);
      const status = (await ws.conn.sendRequest('bilint/status')) as {
        indexedPosts: number;
        lastIndex?: { posts: number; ms: number };
        rssBytes: number;
      };
      const indexMs = status.lastIndex?.ms ?? NaN;
      // With the workspace known: open the largest post and type, as above (cross-post rules now see 2,000 posts).
      const wsUri = pathToFileURL(path.join(dir, 'zz-open.md')).href;
      await ws.conn.sendNotification(DidOpenTextDocumentNotification.type, {
        textDocument: { uri: wsUri, languageId: 'markdown', version: 1, text: largest.text },
      });
      await diagnosticsFor(ws, wsUri, 1, 60000);
      const wsChange = await typeAt(ws, wsUri, at, ctx.quick ? 10 : 30, (version) => diagnosticsFor(ws, wsUri, version));
      const after = (await ws.conn.sendRequest('bilint/status')) as { rssBytes: number };
      await ws.stop();
      const rssMb = Math.max(status.rssBytes, after.rssBytes) / 1024 / 1024;
      rows.push([`workspace of ${count} posts (${num(bytes / 1e6)} MB): indexed in the background`, ms(indexMs), '', '1']);
      rows.push([
        `didChange → diagnostics with ${count} posts indexed`,
        ms(summarize(wsChange).median),
        ms(summarize(wsChange).p95),
        String(wsChange.length),
      ]);
      r.notes.push(`Server memory with ${status.indexedPosts} posts indexed and the largest post open: ${num(rssMb)} MB resident.`);
      if (count === 2000) {
        r.metrics.push(
          { id: 'lsp-index-2000', label: 'index a 2,000-post workspace', value: indexMs, unit: 'ms', target: { op: '<=', value: 10000 } },
          { id: 'lsp-rss-2000', label: 'server memory, 2,000 posts indexed', value: rssMb, unit: 'MB', target: { op: '<=', value: 300 } },
        );
      }
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }

    // Activation: loading the bundled extension (a fresh process each time) plus activate() (measured in VS Code by the suite).
    const bundle = path.join(ctx.root, 'dist', 'extension.js');
    if (fs.existsSync(bundle)) {
      const loads: number[] = [];
      for (let i = 0; i < 7; i++) {
        const out = spawnSync(process.execPath, ['-e', LOAD_SCRIPT, bundle], { encoding: 'utf8' });
        const v = Number(out.stdout.trim());
        if (Number.isFinite(v)) loads.push(v);
      }
      const minified = !fs.readFileSync(bundle, 'utf8').slice(0, 2000).includes('\n\n');
      const loadS = summarize(loads);
      rows.push([
        `extension: load dist/extension.js (${Math.round(fs.statSync(bundle).size / 1024)} KB${minified ? ', minified' : ''})`,
        ms(loadS.median),
        ms(loadS.p95),
        String(loads.length),
      ]);
      r.metrics.push({
        id: 'extension-load',
        label: 'extension activation: loading the bundle (activate() itself: < 1 ms in VS Code)',
        value: loadS.median,
        unit: 'ms',
        target: { op: '<=', value: 50 },
      });
      if (!minified)
        r.notes.push('dist/extension.js is the development bundle; `npm run package` builds the minified one that ships (faster to load).');
    } else {
      r.notes.push('dist/extension.js not built (npm run bundle): extension load time not measured.');
    }
    r.tables.push({ head: ['what', 'median', 'p95', 'runs'], rows });
    r.notes.push(
      'Changes are sent 120 ms apart (typing pace); the server lints an edit after a quiet moment at once and waits out bursts (bilint.lintDelay, 50 ms).',
    );
    return r;
  },
};

// Loads the bundle with a stand-in for the `vscode` module (only the bundle's own
// top-level code runs on load) and prints the milliseconds it took.
const LOAD_SCRIPT = `
const Module = require('module');
const load = Module._load;
Module._load = function (request) {
  if (request === 'vscode') return new Proxy({}, { get: () => new Proxy(function () {}, { get: () => ({}) }) });
  return load.apply(this, arguments);
};
const t = performance.now();
require(process.argv[1]);
console.log(performance.now() - t);
`;
