/** One rule over every real post of the shared corpus (read at run time), findings in file and line order. */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { lint, configFrom } from '../../../server/src/bilint';
import { CORPUS } from '../../helpers';

export interface CorpusFinding {
  file: string;
  line: number;
  text: string;
  message: string;
}

export function corpusFindings(ruleId: string): CorpusFinding[] | undefined {
  if (!existsSync(CORPUS)) return undefined;
  const { config } = configFrom([]);
  const only = new Set([ruleId]);
  const out: CorpusFinding[] = [];
  for (const file of readdirSync(CORPUS)
    .filter((f) => f.endsWith('.md'))
    .sort()) {
    const text = readFileSync(join(CORPUS, file), 'utf8');
    for (const d of lint(text, { config, only }).diagnostics) {
      out.push({ file, line: d.range.start.line + 1, text: text.slice(d.span[0], d.span[1]), message: d.message });
    }
  }
  return out;
}
