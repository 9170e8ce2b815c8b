/**
 * Configs for the server: one ConfigLoader per distinct settings layer
 * (settings may differ per workspace folder), cleared when a config file
 * changes, and the problems of every config file read, kept by file so they
 * can be shown on that file.
 */
import * as path from 'node:path';
import { ConfigLoader, type ConfigFileProblem, type LoadedConfig } from '../node/configLoader';
import { overridesOf, type BilintSettings } from './settings';

export class ConfigService {
  private readonly loaders = new Map<string, ConfigLoader>();
  private readonly seen = new WeakSet<LoadedConfig>();
  private readonly problems = new Map<string, Map<string, ConfigFileProblem>>();
  /** Bumped on every clear: lint results computed before are stale. */
  generation = 0;
  /** Bumped whenever the set of known problems changes, so the server republishes them. */
  problemsVersion = 0;

  constructor(private readonly roots: () => string[]) {}

  /** The config governing a post; `filePath` undefined for untitled buffers (the first folder's config applies). */
  forPath(filePath: string | undefined, settings: BilintSettings): LoadedConfig {
    const target = filePath ?? path.join(this.roots()[0] ?? process.cwd(), 'untitled.md');
    const loaded = this.loaderFor(settings).forFile(target);
    if (!this.seen.has(loaded)) {
      this.seen.add(loaded);
      for (const p of loaded.problems) {
        let byKey = this.problems.get(p.file);
        if (!byKey) this.problems.set(p.file, (byKey = new Map()));
        byKey.set(`${p.line}:${p.column}:${p.message}`, p);
      }
      if (loaded.problems.length) this.problemsVersion++;
    }
    return loaded;
  }

  /** A config file changed, appeared or went away: read everything again. */
  clear(): void {
    for (const l of this.loaders.values()) l.clear();
    this.problems.clear();
    this.generation++;
    this.problemsVersion++;
  }

  /** Problems of the config files read since the last clear, by file ('<overrides>' for the settings). */
  problemsByFile(): ReadonlyMap<string, ConfigFileProblem[]> {
    const out = new Map<string, ConfigFileProblem[]>();
    for (const [file, byKey] of this.problems) out.set(file, [...byKey.values()]);
    return out;
  }

  private loaderFor(settings: BilintSettings): ConfigLoader {
    const overrides = overridesOf(settings);
    const explicit = settings.configFile ? path.resolve(this.roots()[0] ?? process.cwd(), settings.configFile) : undefined;
    const key = JSON.stringify([explicit ?? '', overrides ?? null]);
    let loader = this.loaders.get(key);
    if (!loader) {
      // Settings change rarely; a handful of loaders at most.
      if (this.loaders.size > 16) this.loaders.clear();
      loader = new ConfigLoader({ explicitFile: explicit, overrides });
      this.loaders.set(key, loader);
    }
    return loader;
  }
}
