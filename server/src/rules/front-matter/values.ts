/**
 * Value repairs the schema rule offers: a date rewritten as YYYY-MM-DD, a
 * tag in kebab-case, a field name a misspelled key probably meant, the
 * replacement of a retired value. Each returns `undefined` when unsure.
 */

/**
 * A year-first date in another spelling (`2025/3/14`, `2025-3-14`,
 * `2025.03.14`, `2025年3月14日`) as `2025-03-14`. Day-first and month-first
 * forms are ambiguous (3/4/2025), so they are left alone, as are dates that
 * do not exist and anything with a time.
 */
export function normalizeDate(value: string): string | undefined {
  const v = value.trim();
  const m = /^(\d{4})([-/.])(\d{1,2})\2(\d{1,2})$/.exec(v) ?? /^(\d{4})(年)(\d{1,2})月(\d{1,2})日$/.exec(v);
  if (!m) return undefined;
  const year = Number(m[1]);
  const month = Number(m[3]);
  const day = Number(m[4]);
  if (month < 1 || month > 12 || day < 1 || day > daysIn(year, month)) return undefined;
  return `${m[1]}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function daysIn(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** `Supply Chain` → `supply-chain`; `undefined` when nothing ASCII is left. */
export function kebabCase(value: string): string | undefined {
  const slug = value
    .replace(/([a-z0-9])([A-Z])/g, '$1-$2')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return slug || undefined;
}

/**
 * The known name an unknown key most likely meant: one that extends or
 * shortens it (`companies` → `companies_orgs`) or is a typo away from it.
 */
export function closestName(key: string, known: readonly string[]): string | undefined {
  const k = key.toLowerCase();
  let best: string | undefined;
  let bestScore = Infinity;
  for (const name of known) {
    const n = name.toLowerCase();
    if (n === k) return name;
    let score = Infinity;
    if (k.length >= 4 && (n.startsWith(k) || k.startsWith(n))) score = 1;
    else if (Math.abs(n.length - k.length) <= 2) {
      const d = distance(k, n);
      if (d <= (k.length >= 6 ? 2 : 1)) score = 1 + d;
    }
    if (score < bestScore) {
      bestScore = score;
      best = name;
    }
  }
  return best;
}

/** Edit distance of two short strings (field names), a swap of neighbours counting as one edit. */
function distance(a: string, b: string): number {
  let before: number[] = [];
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      row[j] = Math.min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) row[j] = Math.min(row[j], before[j - 2] + 1);
    }
    before = prev;
    prev = row;
  }
  return prev[b.length];
}

/**
 * The replacements a schema lists for a retired value, from the property's
 * `x-retired` annotation: `{ "old": "new" }` or `{ "old": ["new1", "new2"] }`.
 */
export function retiredTargets(sub: Record<string, unknown> | undefined, value: string): string[] | undefined {
  const map = sub?.['x-retired'];
  if (!map || typeof map !== 'object' || Array.isArray(map) || !Object.prototype.hasOwnProperty.call(map, value)) return undefined;
  const target = (map as Record<string, unknown>)[value];
  const list = (Array.isArray(target) ? target : [target]).filter((t): t is string => typeof t === 'string' && t !== '');
  return list.length ? list : undefined;
}
