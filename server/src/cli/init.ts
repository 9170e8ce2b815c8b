/**
 * `bilint init`: a starter bilint.config.json in the current folder, with a
 * `$schema` editors use for completion and validation. Never overwrites.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { builtinRules } from '../bilint';
import { CONFIG_NAMES } from '../node/configLoader';
import { toPosix } from '../node/files';
import { packageRoot } from './pkg';

export const SCHEMA_FILE = 'schemas/bilint.config.schema.json';
const INSTALLED_SCHEMA = `./node_modules/bilint/${SCHEMA_FILE}`;

export interface InitOutcome {
  code: number;
  message: string;
}

export function init(cwd: string): InitOutcome {
  const existing = CONFIG_NAMES.find((n) => fs.existsSync(path.join(cwd, n)));
  if (existing) {
    return {
      code: 2,
      message: `${existing} already exists here, and bilint init does not overwrite it: edit it, or delete it to start over.`,
    };
  }
  const { schema, hint } = schemaReference(cwd);
  const rules: Record<string, string> = {};
  for (const r of builtinRules) rules[r.meta.id] = r.meta.defaultSeverity;
  const config = { $schema: schema, ignores: [], rules };
  const file = path.join(cwd, 'bilint.config.json');
  fs.writeFileSync(file, JSON.stringify(config, null, 2) + '\n', { flag: 'wx' });
  return { code: 0, message: `Wrote bilint.config.json with every rule at its default severity.${hint ? ' ' + hint : ''}` };
}

/**
 * Where `$schema` should point. A path that resolves on every machine of the
 * project: the local install (node_modules/bilint/…) when there is one or
 * when Bilint runs from outside the project (npx, a global install, whose
 * location differs per machine); a relative path when Bilint itself lives
 * inside the project (a vendored copy, or Bilint's own repository).
 */
export function schemaReference(cwd: string): { schema: string; hint?: string } {
  if (fs.existsSync(path.join(cwd, INSTALLED_SCHEMA))) return { schema: INSTALLED_SCHEMA };
  const own = path.join(packageRoot(), SCHEMA_FILE);
  const rel = path.relative(cwd, own);
  if (!rel.startsWith('..') && !path.isAbsolute(rel)) return { schema: './' + toPosix(rel) };
  return {
    schema: INSTALLED_SCHEMA,
    hint: 'Its $schema points at node_modules/bilint: add Bilint to the project as a dev dependency (see its README) so editors find the schema.',
  };
}
