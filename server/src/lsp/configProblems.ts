/**
 * Problems of the `bilint.config.*` files, shown on those files (pushed:
 * a config file is rarely open, and VS Code shows pushed diagnostics of
 * closed files in the Problems view); problems of the editor settings
 * become one warning each.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { DiagnosticSeverity, type Connection, type Diagnostic } from 'vscode-languageserver';
import type { ConfigService } from './configService';
import { SOURCE } from './convert';
import type { Logger } from './guard';
import { pathToUri } from './paths';

export class ConfigProblemPublisher {
  private published = new Set<string>();
  private publishedVersion = -1;
  private readonly warned = new Set<string>();

  constructor(
    private readonly connection: Connection,
    private readonly configs: ConfigService,
    private readonly log: Logger,
  ) {}

  /** Sends what changed since the last call (cheap when nothing did). */
  publish(): void {
    if (this.publishedVersion === this.configs.problemsVersion) return;
    this.publishedVersion = this.configs.problemsVersion;
    const now = new Set<string>();
    for (const [file, problems] of this.configs.problemsByFile()) {
      if (!path.isAbsolute(file)) {
        for (const p of problems) this.warnOnce(`Bilint settings: ${p.message}`);
        continue;
      }
      const uri = pathToUri(file);
      now.add(uri);
      const lines = readLines(file);
      const diagnostics: Diagnostic[] = problems.map((p) => {
        const line = Math.max(0, (p.line ?? 1) - 1);
        const character = Math.max(0, (p.column ?? 1) - 1);
        // The problem's position to the end of its line: the loader knows where, not how far.
        const end = Math.max(character, lines[line]?.length ?? character);
        return {
          range: { start: { line, character }, end: { line, character: end } },
          severity: DiagnosticSeverity.Error,
          source: SOURCE,
          code: 'config',
          message: p.message,
        };
      });
      void this.connection.sendDiagnostics({ uri, diagnostics });
    }
    for (const uri of this.published) if (!now.has(uri)) void this.connection.sendDiagnostics({ uri, diagnostics: [] });
    this.published = now;
  }

  private warnOnce(message: string): void {
    if (this.warned.has(message)) return;
    this.warned.add(message);
    this.log.warn(message);
    void this.connection.window.showWarningMessage(message);
  }
}

function readLines(file: string): string[] {
  try {
    return fs.readFileSync(file, 'utf8').split(/\r\n|\r|\n/);
  } catch {
    return [];
  }
}
