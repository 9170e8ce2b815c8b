/** Requests the LSP tests send, and the ranges they compare, in one place. */
import assert from 'node:assert/strict';
import { CompletionRequest, HoverRequest, type CompletionItem, type Hover, type MarkupContent } from 'vscode-languageserver-protocol/node';
import type { TestClient } from './lspClient';

export function pos(l1: number, c1: number, l2: number, c2: number) {
  return { start: { line: l1, character: c1 }, end: { line: l2, character: c2 } };
}

export async function hover(client: TestClient, uri: string, line: number, character: number): Promise<Hover | null> {
  return client.conn.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line, character } });
}

/** The hover's Markdown; fails when there is no hover. */
export function value(h: Hover | null): string {
  assert.ok(h, 'a hover');
  return (h.contents as MarkupContent).value;
}

export async function complete(client: TestClient, uri: string, line: number, character: number): Promise<CompletionItem[]> {
  const r = await client.conn.sendRequest(CompletionRequest.type, { textDocument: { uri }, position: { line, character } });
  return Array.isArray(r) ? r : (r?.items ?? []);
}
