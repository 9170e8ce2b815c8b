/**
 * A file watcher for clients that cannot watch files for the server (no
 * dynamic registration of workspace/didChangeWatchedFiles): Node's own
 * recursive watch of the workspace folders, batched.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { FileChangeType } from 'vscode-languageserver';
import type { Logger } from './guard';

export interface FileChange {
  path: string;
  type: FileChangeType;
}

const WATCHED = /\.(md|markdown)$|(^|[\\/])bilint\.config\.(json|jsonc|ya?ml)$|\.schema\.json$/i;
const SKIPPED = /(^|[\\/])(node_modules|\.git|out|dist)([\\/]|$)/;

export function watchFolders(roots: readonly string[], onChanges: (changes: FileChange[]) => void, log: Logger): { dispose(): void } {
  const watchers: fs.FSWatcher[] = [];
  const pending = new Set<string>();
  let timer: NodeJS.Timeout | undefined;
  const flush = () => {
    timer = undefined;
    const changes = [...pending].map((p): FileChange => ({
      path: p,
      type: fs.existsSync(p) ? FileChangeType.Changed : FileChangeType.Deleted,
    }));
    pending.clear();
    if (changes.length) onChanges(changes);
  };
  for (const root of roots) {
    try {
      const w = fs.watch(root, { recursive: true }, (_event, name) => {
        if (!name || !WATCHED.test(name) || SKIPPED.test(name)) return;
        pending.add(path.join(root, name.toString()));
        timer ??= setTimeout(flush, 150);
      });
      w.on('error', (err) => log.warn(`File watching of ${root} stopped: ${err.message}`));
      watchers.push(w);
    } catch (err) {
      log.warn(`Cannot watch ${root} for changes: ${(err as Error).message}`);
    }
  }
  return {
    dispose() {
      for (const w of watchers) w.close();
      if (timer) clearTimeout(timer);
    },
  };
}
