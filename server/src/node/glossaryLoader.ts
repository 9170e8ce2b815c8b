/**
 * Finding and reading the team glossary, for the adapters with a file
 * system. A config file's `glossary` key names it (relative to that file;
 * the nearest config that names one wins); otherwise `glossary.yaml` (or
 * `.yml`, `.json`) beside the nearest config file is used when it exists.
 * A glossary that cannot be read or does not validate is reported, never
 * silently ignored; its valid entries are still used.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as jsYaml from 'js-yaml';
import { parseDocument, isNode } from 'yaml';
import { parseGlossary, type Glossary } from '../engine/glossary';

export const GLOSSARY_NAMES = ['glossary.yaml', 'glossary.yml', 'glossary.json'];

export interface GlossaryFileProblem {
  file: string;
  message: string;
  line?: number;
  column?: number;
}

/** A config file of the chain: its path, and its `glossary` key if it has one (with a locator for problems). */
export interface GlossaryConfigSource {
  file: string;
  glossary?: unknown;
  locate(pointer: string): { line: number; column: number } | undefined;
}

/**
 * The glossary for a config chain (most general first, nearest last), with
 * the problems found reading it. `undefined` when there is none.
 */
export function loadGlossaryFor(chain: readonly GlossaryConfigSource[]): { glossary?: Glossary; problems: GlossaryFileProblem[] } {
  const problems: GlossaryFileProblem[] = [];
  for (let i = chain.length - 1; i >= 0; i--) {
    const c = chain[i];
    if (c.glossary === undefined) continue;
    if (typeof c.glossary !== 'string') return { problems }; // the config schema reports the type
    const file = path.resolve(path.dirname(c.file), c.glossary);
    if (!isFile(file)) {
      problems.push({
        file: c.file,
        ...c.locate('/glossary'),
        message: `\`glossary\` names ${c.glossary}, which does not exist (looked for ${file}).`,
      });
      return { problems };
    }
    return readGlossaryFile(file);
  }
  const nearest = chain[chain.length - 1];
  if (!nearest) return { problems };
  for (const name of GLOSSARY_NAMES) {
    const file = path.join(path.dirname(nearest.file), name);
    if (isFile(file)) return readGlossaryFile(file);
  }
  return { problems };
}

export function readGlossaryFile(file: string): { glossary?: Glossary; problems: GlossaryFileProblem[] } {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (err) {
    return { problems: [{ file, message: `Cannot read the glossary: ${(err as Error).message}` }] };
  }
  return parseGlossaryText(file, text);
}

/** Parses a glossary file's text (YAML, or JSON for `.json`), reporting problems at their line. */
export function parseGlossaryText(file: string, text: string): { glossary?: Glossary; problems: GlossaryFileProblem[] } {
  const problems: GlossaryFileProblem[] = [];
  let data: unknown;
  try {
    data = /\.json$/i.test(file) ? JSON.parse(text) : (jsYaml.load(text) ?? {});
  } catch (err) {
    const e = err as jsYaml.YAMLException;
    const mark = e.mark ? { line: e.mark.line + 1, column: e.mark.column + 1 } : {};
    problems.push({
      file,
      ...mark,
      message: `The glossary is not valid ${/\.json$/i.test(file) ? 'JSON' : 'YAML'}: ${e.reason ?? e.message}`,
    });
    return { problems };
  }
  const { glossary, problems: invalid } = parseGlossary(data, file);
  const doc = /\.json$/i.test(file) ? undefined : parseDocument(text);
  for (const p of invalid) problems.push({ file, ...locate(doc, text, p.pointer), message: p.message });
  return { glossary, problems };
}

function locate(doc: ReturnType<typeof parseDocument> | undefined, text: string, pointer: string): { line?: number; column?: number } {
  if (!doc || !pointer) return {};
  const parts = pointer
    .split('/')
    .slice(1)
    .map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((p) => (/^\d+$/.test(p) ? Number(p) : p));
  // The nearest node that exists (a missing key is reported at its entry).
  for (let n = parts.length; n >= 0; n--) {
    const node = doc.getIn(parts.slice(0, n), true);
    if (isNode(node) && node.range) {
      const before = text.slice(0, node.range[0]);
      const line = before.split('\n').length;
      return { line, column: node.range[0] - before.lastIndexOf('\n') };
    }
  }
  return {};
}

function isFile(p: string): boolean {
  try {
    return fs.statSync(p).isFile();
  } catch {
    return false;
  }
}
