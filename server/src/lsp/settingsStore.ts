/**
 * Where settings come from: `workspace/configuration` per document when the
 * client supports it (VS Code: resource-scoped settings), otherwise the
 * initialization options and `didChangeConfiguration` pushes.
 */
import type { Connection } from 'vscode-languageserver';
import { readSettings, DEFAULT_SETTINGS, type BilintSettings } from './settings';

export class SettingsStore {
  private readonly byUri = new Map<string, Promise<BilintSettings>>();
  private readonly resolved = new Map<string, BilintSettings>();
  private global: BilintSettings = DEFAULT_SETTINGS;
  /** Bumped when settings change: lint results computed before are stale. */
  generation = 0;

  constructor(
    private readonly connection: Connection,
    private readonly pull: boolean,
  ) {}

  setGlobal(raw: unknown): void {
    this.global = readSettings(raw && typeof raw === 'object' && 'bilint' in raw ? (raw as { bilint: unknown }).bilint : raw);
  }

  /** Settings changed: forget what was fetched. */
  reset(raw?: unknown): void {
    if (raw !== undefined) this.setGlobal(raw);
    this.byUri.clear();
    this.resolved.clear();
    this.generation++;
  }

  forget(uri: string): void {
    this.byUri.delete(uri);
    this.resolved.delete(uri);
  }

  async get(uri?: string): Promise<BilintSettings> {
    if (!this.pull) return this.global;
    const key = uri ?? '';
    let p = this.byUri.get(key);
    if (!p) {
      p = this.connection.workspace.getConfiguration(uri ? { scopeUri: uri, section: 'bilint' } : { section: 'bilint' }).then(
        (raw: unknown) => readSettings(raw),
        () => this.global,
      );
      this.byUri.set(key, p);
      void p.then((s) => this.resolved.set(key, s));
    }
    return p;
  }

  /** The last settings known for a document, without waiting. */
  now(uri?: string): BilintSettings {
    return this.resolved.get(uri ?? '') ?? this.resolved.get('') ?? this.global;
  }
}
