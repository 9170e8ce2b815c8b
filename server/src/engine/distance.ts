/**
 * Edit distance with a cutoff: optimal string alignment (Damerau-Levenshtein
 * where a transposed pair counts as one edit), computed only in the diagonal
 * band that can still stay within `max`, and abandoned as soon as a whole row
 * exceeds it. O(length × max) per call.
 */

let rows = new Int32Array(3 * 130);

/**
 * Distance between `a[0..m)` and `b[0..n)` (arrays of character codes), or
 * `max + 1` when it is larger than `max`.
 */
export function boundedDistance(a: ArrayLike<number>, m: number, b: ArrayLike<number>, n: number, max: number): number {
  if (Math.abs(m - n) > max) return max + 1;
  if (m === 0 || n === 0) return Math.max(m, n);
  const w = n + 1;
  if (rows.length < 3 * w) rows = new Int32Array(3 * w * 2);
  const big = max + 1;
  // Three rows: two back (for transpositions), previous, current.
  let prev2 = 0;
  let prev = w;
  let cur = 2 * w;
  for (let j = 0; j <= n; j++) rows[prev + j] = j <= max ? j : big;
  for (let i = 1; i <= m; i++) {
    const lo = Math.max(1, i - max);
    const hi = Math.min(n, i + max);
    rows[cur] = i <= max ? i : big;
    if (lo > 1) rows[cur + lo - 1] = big;
    let rowMin = rows[cur];
    const ai = a[i - 1];
    for (let j = lo; j <= hi; j++) {
      const bj = b[j - 1];
      let v = rows[prev + j - 1] + (ai === bj ? 0 : 1);
      const del = rows[prev + j] + 1;
      if (del < v) v = del;
      const ins = rows[cur + j - 1] + 1;
      if (ins < v) v = ins;
      if (i > 1 && j > 1 && ai === b[j - 2] && a[i - 2] === bj) {
        const t = rows[prev2 + j - 2] + 1;
        if (t < v) v = t;
      }
      if (v > big) v = big;
      rows[cur + j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (hi < n) rows[cur + hi + 1] = big;
    if (rowMin > max) return big;
    const t = prev2;
    prev2 = prev;
    prev = cur;
    cur = t;
  }
  return Math.min(rows[prev + n], big);
}

/** `boundedDistance` between two strings, compared by UTF-16 code unit. */
export function stringDistance(a: string, b: string, max: number): number {
  const codes = (s: string) => Uint16Array.from(s, (_, i) => s.charCodeAt(i));
  return boundedDistance(codes(a), a.length, codes(b), b.length, max);
}
