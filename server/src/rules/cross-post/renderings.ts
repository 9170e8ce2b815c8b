/**
 * When two English renderings of one term count as the same. Writers vary
 * case, spacing, punctuation, number (`Model`/`Models`), add or drop words
 * (`Rousseau` / `Jean-Jacques Rousseau`), abbreviate (`Fed` / `Federal
 * Reserve`, `LLM` / `Large Language Model`) or list both (`Large Language
 * Models, LLM`): none of that is an inconsistency worth a finding. A
 * different word (`Bips` / `Basis Points`) or another language (`Datavarehus`
 * / `Data Warehouse`) is.
 */

const HAN = /[\u3400-\u9fff\uf900-\ufaff]/;

/** Lowercase words in the singular (deliveries → delivery, models → model). */
function words(s: string): string[] {
  return s
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)
    .map(singular);
}

function singular(w: string): string {
  if (w.length > 4 && w.endsWith('ies')) return w.slice(0, -3) + 'y';
  if (w.length > 3 && w.endsWith('s') && !w.endsWith('ss') && !w.endsWith('us') && !w.endsWith('is')) return w.slice(0, -1);
  return w;
}

/**
 * The alternatives a gloss's English lists, each as normalized words; none
 * for a gloss that is (partly) Chinese, which is an explanation, not a
 * rendering. `gloss`, the whole gloss, may spell the term out after the
 * colon (`Bips: Basis Points，衡量…`): that Latin run is one more alternative.
 */
export function renderingForms(english: string, gloss = ''): string[][] {
  if (!english || HAN.test(english)) return [];
  const alternatives = english.split(/[,，;；/]|\s-\s|\bor\b/);
  const colon = gloss.search(/[:：]/);
  if (colon >= 0) {
    const after = /^[\s*]*([A-Za-z][A-Za-z0-9 .'&-]*)/.exec(gloss.slice(colon + 1));
    if (after) alternatives.push(after[1]);
  }
  return alternatives.map(words).filter((w) => w.length > 0);
}

/** Two renderings agree when some alternative of one matches some alternative of the other. */
export function agree(a: readonly string[][], b: readonly string[][]): boolean {
  return a.some((x) => b.some((y) => sameForm(x, y)));
}

function sameForm(x: readonly string[], y: readonly string[]): boolean {
  const jx = x.join('');
  const jy = y.join('');
  if (jx === jy) return true;
  // One adds words to the other.
  if (x.every((w) => y.includes(w)) || y.every((w) => x.includes(w))) return true;
  // One is the start of the other: JPMorgan / J.P. Morgan Chase, Multimodal / Multimodality.
  if (Math.min(jx.length, jy.length) >= 3 && (jx.startsWith(jy) || jy.startsWith(jx))) return true;
  // Word by word, allowing shortened words (Gen AI / Generative AI) and acronyms (API Call / Application Programming Interface Call).
  return x.length <= MAX_WORDS && y.length <= MAX_WORDS && (alignWords(x, 0, y, 0) || alignWords(y, 0, x, 0));
}

const MAX_WORDS = 12;

/** Whether x[i..] matches y[j..], each word of x equal to, a shortening of, or the initials of words of y. */
function alignWords(x: readonly string[], i: number, y: readonly string[], j: number): boolean {
  if (i === x.length || j === y.length) return i === x.length && j === y.length;
  const w = x[i];
  if ((w === y[j] || (w.length >= 3 && y[j].startsWith(w))) && alignWords(x, i + 1, y, j + 1)) return true;
  let initials = '';
  for (let k = j; k < y.length && initials.length < w.length; k++) {
    initials += y[k][0];
    if (k > j && initials === w && alignWords(x, i + 1, y, k + 1)) return true;
  }
  return false;
}
