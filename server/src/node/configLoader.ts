/**
 * Finding and reading config files, for the adapters that have a file
 * system (CLI, language server). The nearest `bilint.config.*` above a post
 * wins; `extends` chains are followed; every problem is reported with the
 * file and position it comes from, never silently ignored.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import * as jsonc from 'jsonc-parser';
import * as jsYaml from 'js-yaml';
import { parseDocument, isNode } from 'yaml';
import picomatch from 'picomatch';
import { configFrom } from '../bilint';
import type { BilintConfig, ResolvedConfig } from '../engine/config';
import { loadGlossaryFor } from './glossaryLoader';

export const CONFIG_NAMES = ['bilint.config.json', 'bilint.config.jsonc', 'bilint.config.yaml', 'bilint.config.yml'];

export interface ConfigFileProblem {
  file: string;
  message: string;
  /** 1-based, when known. */
  line?: number;
  column?: number;
}

export interface LoadedConfig {
  config: ResolvedConfig;
  problems: ConfigFileProblem[];
  /** The files read, the nearest last; empty when defaults apply. */
  files: string[];
  /** Whether the config's `ignores` exclude this path. */
  isIgnored(filePath: string): boolean;
}

export interface ConfigLoaderOptions {
  /** A config file that replaces the search (`--config`). */
  explicitFile?: string;
  /** Applied on top of the files (`--rule`, editor settings). */
  overrides?: BilintConfig;
}

interface ParsedFile {
  data: BilintConfig;
  problems: ConfigFileProblem[];
  locate(pointer: string): { line: number; column: number } | undefined;
}

export class ConfigLoader {
  private readonly byDir = new Map<string, string | null>();
  private readonly byConfigFile = new Map<string, LoadedConfig>();

  constructor(private readonly options: ConfigLoaderOptions = {}) {}

  /** Forget what was read (a config file changed). */
  clear(): void {
    this.byDir.clear();
    this.byConfigFile.clear();
  }

  /** The config file that governs `filePath`, or null. */
  findConfigFile(filePath: string): string | null {
    if (this.options.explicitFile) return path.resolve(this.options.explicitFile);
    const start = path.dirname(path.resolve(filePath));
    const visited: string[] = [];
    let dir = start;
    let found: string | null = null;
    for (;;) {
      const cached = this.byDir.get(dir);
      if (cached !== undefined) {
        found = cached;
        break;
      }
      visited.push(dir);
      const hit = CONFIG_NAMES.map((n) => path.join(dir, n)).find((p) => isFile(p));
      if (hit) {
        found = hit;
        break;
      }
      const parent = path.dirname(dir);
      if (parent === dir) break;
      dir = parent;
    }
    for (const d of visited) this.byDir.set(d, found);
    return found;
  }

  forFile(filePath: string): LoadedConfig {
    const file = this.findConfigFile(filePath);
    const key = file ?? '';
    let loaded = this.byConfigFile.get(key);
    if (!loaded) {
      loaded = this.load(file);
      this.byConfigFile.set(key, loaded);
    }
    return loaded;
  }

  private load(file: string | null): LoadedConfig {
    const problems: ConfigFileProblem[] = [];
    const chain: { file: string; parsed: ParsedFile }[] = [];
    if (file) collect(file, chain, problems, new Set());
    const layers = chain.map((c) => c.parsed.data);
    if (this.options.overrides) layers.push(this.options.overrides);

    let postSchema: object | undefined;
    for (const { file: f, parsed } of chain) {
      if (typeof parsed.data.postSchema !== 'string') continue;
      const schemaPath = path.resolve(path.dirname(f), parsed.data.postSchema);
      try {
        postSchema = JSON.parse(fs.readFileSync(schemaPath, 'utf8')) as object;
      } catch (err) {
        problems.push({
          file: f,
          ...parsed.locate('/postSchema'),
          message: `Cannot read the post schema ${schemaPath}: ${(err as Error).message}`,
        });
      }
    }
    const glossary = loadGlossaryFor(chain.map((c) => ({ file: c.file, glossary: c.parsed.data.glossary, locate: c.parsed.locate })));
    problems.push(...glossary.problems);
    const { config, problems: invalid } = configFrom(layers, { postSchema, docsBaseUrl: docsBaseUrl(), glossary: glossary.glossary });
    for (const p of invalid) {
      const source = chain[p.layer];
      if (source) problems.push({ file: source.file, ...source.parsed.locate(p.pointer), message: p.message });
      else problems.push({ file: '<overrides>', message: `${p.pointer || 'settings'}: ${p.message}` });
    }
    // Each file's `ignores` are relative to that file's folder.
    const matchers: ((filePath: string) => boolean)[] = [];
    const addIgnores = (baseDir: string, globs: unknown) => {
      if (!Array.isArray(globs)) return;
      for (const g of globs) {
        if (typeof g !== 'string') continue;
        const m = picomatch(g, { dot: true });
        matchers.push((p) => {
          const rel = path.relative(baseDir, p).split(path.sep).join('/');
          return !rel.startsWith('..') && m(rel);
        });
      }
    };
    for (const c of chain) addIgnores(path.dirname(c.file), c.parsed.data.ignores);
    addIgnores(process.cwd(), this.options.overrides?.ignores);
    return {
      config,
      problems,
      files: chain.map((c) => c.file),
      isIgnored: (filePath: string) => matchers.length > 0 && matchers.some((m) => m(path.resolve(filePath))),
    };
  }
}

function collect(file: string, chain: { file: string; parsed: ParsedFile }[], problems: ConfigFileProblem[], seen: Set<string>): void {
  if (seen.has(file)) {
    problems.push({ file, message: 'This config extends itself (a cycle in `extends`).' });
    return;
  }
  seen.add(file);
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (err) {
    problems.push({ file, message: `Cannot read this config file: ${(err as Error).message}` });
    return;
  }
  const parsed = parseConfigText(file, text);
  problems.push(...parsed.problems);
  const ext = parsed.data.extends;
  const parents = typeof ext === 'string' ? [ext] : Array.isArray(ext) ? ext.filter((e) => typeof e === 'string') : [];
  for (const parent of parents) {
    const target = path.resolve(path.dirname(file), parent);
    if (!isFile(target)) {
      problems.push({
        file,
        ...parsed.locate('/extends'),
        message: `\`extends\` names ${parent}, which does not exist (looked for ${target}).`,
      });
      continue;
    }
    collect(target, chain, problems, seen);
  }
  chain.push({ file, parsed });
}

/** Parses a config file's text; YAML for .yaml/.yml, JSON with comments otherwise. */
export function parseConfigText(file: string, text: string): ParsedFile {
  const problems: ConfigFileProblem[] = [];
  if (/\.ya?ml$/i.test(file)) {
    let data: unknown = {};
    try {
      data = jsYaml.load(text) ?? {};
    } catch (err) {
      const e = err as jsYaml.YAMLException;
      problems.push({
        file,
        line: (e.mark?.line ?? 0) + 1,
        column: (e.mark?.column ?? 0) + 1,
        message: `YAML error: ${e.reason ?? e.message}`,
      });
    }
    const doc = parseDocument(text);
    const locate = (pointer: string) => {
      const node = doc.getIn(pointerParts(pointer), true);
      return isNode(node) && node.range ? lineColumn(text, node.range[0]) : undefined;
    };
    return { data: asObject(data, file, problems), problems, locate };
  }
  const errors: jsonc.ParseError[] = [];
  const data = jsonc.parse(text, errors, { allowTrailingComma: true, disallowComments: false });
  for (const e of errors) {
    problems.push({ file, ...lineColumn(text, e.offset), message: `JSON error: ${jsonc.printParseErrorCode(e.error)}` });
  }
  const tree = jsonc.parseTree(text, [], { allowTrailingComma: true });
  const locate = (pointer: string) => {
    if (!tree) return undefined;
    const node = jsonc.findNodeAtLocation(tree, pointerParts(pointer));
    return node ? lineColumn(text, node.offset) : undefined;
  };
  return { data: asObject(data, file, problems), problems, locate };
}

function asObject(data: unknown, file: string, problems: ConfigFileProblem[]): BilintConfig {
  if (data && typeof data === 'object' && !Array.isArray(data)) return data as BilintConfig;
  if (problems.length === 0) problems.push({ file, line: 1, column: 1, message: 'A config file must hold an object of settings.' });
  return {};
}

function pointerParts(pointer: string): (string | number)[] {
  if (!pointer) return [];
  return pointer
    .split('/')
    .slice(1)
    .map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((p) => (/^\d+$/.test(p) ? Number(p) : p));
}

function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let last = -1;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      last = i;
    }
  }
  return { line, column: offset - last };
}

function isFile(p: string): boolean {
  try {
    return fs.statSync(p).isFile();
  } catch {
    return false;
  }
}

let docsBase: string | undefined;

/** The installed docs folder as a file URL (works offline, opens in any editor). */
export function docsBaseUrl(): string {
  if (docsBase) return docsBase;
  let dir = __dirname;
  for (let i = 0; i < 6; i++) {
    if (isFile(path.join(dir, 'docs', 'rules', 'front-matter', 'missing.md')) || isFile(path.join(dir, 'package.json'))) break;
    dir = path.dirname(dir);
  }
  docsBase = pathToFileURL(path.join(dir, 'docs', 'rules')).href + '/';
  return docsBase;
}
