/**
 * The one place where URIs become file paths and back. Documents keep the
 * URI string the client sent (clients differ in how they encode it);
 * paths are for the file system, the config loader and the index.
 */
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { InitializeParams } from 'vscode-languageserver';

/** The file path of a `file:` URI, or undefined (untitled buffers, other schemes, bad input). */
export function uriToPath(uri: string): string | undefined {
  if (typeof uri !== 'string' || !uri.startsWith('file:')) return undefined;
  try {
    return path.normalize(fileURLToPath(uri));
  } catch {
    return undefined;
  }
}

export function pathToUri(filePath: string): string {
  return pathToFileURL(filePath).href;
}

/** A URI in one canonical spelling, so the same file is one key whatever the client encoded. */
export function normalizeUri(uri: string): string {
  const p = uriToPath(uri);
  return p ? pathToUri(p) : uri;
}

const POST = /\.(md|markdown)$/i;

export function isPostPath(p: string): boolean {
  return POST.test(p);
}

/** The workspace folders a client announced, as paths. */
export function rootsOf(params: InitializeParams): string[] {
  const uris = params.workspaceFolders?.map((f) => f.uri) ?? (params.rootUri ? [params.rootUri] : []);
  const roots = uris.flatMap((u) => uriToPath(u) ?? []);
  if (!roots.length && params.rootPath) roots.push(params.rootPath);
  return roots;
}
