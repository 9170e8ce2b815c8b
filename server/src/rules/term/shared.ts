/** What the term rules share: how a gloss's term is compared, and how terms are quoted in messages. */

/** A bold term without its markers and the quotes or title marks around it: `《原则》`, `“护城河”`. */
export function cleanTerm(term: string): string {
  return term
    .replace(/\*+/g, '')
    .replace(/^[“"‘'《「『]+|[”"’'》」』]+$/g, '')
    .trim();
}

export function quote(s: string): string {
  return `“${s}”`;
}
