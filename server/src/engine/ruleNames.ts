/**
 * The rule a mistyped name most likely meant, for every place a user writes rule ids: disable comments,
 * config files and the command line's `--rule` and `--fix-type`.
 */
import { stringDistance } from './distance';

/** Farthest a name may be from an id (in edits) to be offered as the one meant. */
const MAX_EDITS = 3;

/**
 * The id (or, with `families`, the family such as `gloss`) most likely meant by `name`, which is none of
 * them: the same in lower case, the id whose part after the slash it is (`missing-english`), else the
 * nearest within three edits. Undefined when nothing is that near.
 */
export function nearestRuleName(name: string, ids: readonly string[], families: boolean): string | undefined {
  const known = new Set(families ? [...ids, ...ids.map((id) => id.split('/')[0])] : ids);
  const lower = name.toLowerCase();
  if (known.has(lower)) return lower;
  const byTail = ids.filter((id) => id.endsWith('/' + lower));
  if (byTail.length === 1) return byTail[0];
  let best: string | undefined;
  let bestD = MAX_EDITS + 1;
  for (const candidate of known) {
    const d = stringDistance(lower, candidate, MAX_EDITS);
    if (d < bestD) [best, bestD] = [candidate, d];
  }
  return best;
}
