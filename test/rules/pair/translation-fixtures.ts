/**
 * Invented translation pairs for the rules that compare a post's pairs with
 * each other: each pair carries its own name and numbers (anchors), and the
 * Chinese and English lengths keep a steady ratio, as real translations do.
 */
import { post, en } from '../../helpers';

const NAMES = [
  'Arvel',
  'Brenna',
  'Castor',
  'Delmar',
  'Eskel',
  'Fenwick',
  'Galen',
  'Halvard',
  'Ilsabet',
  'Jorund',
  'Kestrel',
  'Lindqvist',
  'Morrow',
  'Norvald',
  'Ostrava',
  'Pellam',
  'Quillon',
  'Rosmer',
  'Sadira',
  'Tovey',
  'Ulmstead',
  'Varnell',
  'Wexley',
  'Yarrow',
  'Zephran',
  'Ashgrove',
  'Birchell',
  'Corvane',
  'Dunmore',
  'Elsworth',
];

export interface FixturePair {
  zh: string;
  en: string;
}

/** Pair k: a name and two numbers of its own, in one of three sentence shapes. */
export function fixturePair(k: number): FixturePair {
  const name = NAMES[k % NAMES.length];
  const year = 1901 + k * 3;
  const count = 37 + k * 11;
  switch (k % 3) {
    case 0:
      return {
        zh: `${name}团队在${year}年测量了${count}块矿石，并把结果寄给了远方的同事。`,
        en: `In ${year} the ${name} team measured ${count} ore samples and mailed the results to colleagues far away.`,
      };
    case 1:
      return {
        zh: `到了${year}年，${name}已经收集了${count}种种子，存放在山谷里的仓库中。`,
        en: `By ${year}, ${name} had collected ${count} kinds of seeds, stored in a warehouse down in the valley.`,
      };
    default:
      return {
        zh: `${name}说，${year}年的那场洪水冲走了${count}座小桥，村民花了很久才重建。`,
        en: `${name} said the flood of ${year} swept away ${count} small bridges, and the villagers took years to rebuild.`,
      };
  }
}

export function fixturePairs(n: number): FixturePair[] {
  return Array.from({ length: n }, (_, k) => fixturePair(k));
}

/** A post body: each Chinese paragraph, a blank line, its English block, a blank line. */
export function body(pairs: readonly FixturePair[]): string {
  return pairs.map((p) => `${p.zh}\n\n${en(p.en)}\n`).join('\n');
}

export function postOf(pairs: readonly FixturePair[]): string {
  return post(body(pairs));
}

/**
 * The pairs with the English of pair `at` lost: every later English block
 * moves up one paragraph, and the last paragraph gets a filler English.
 */
export function withEnglishLost(pairs: readonly FixturePair[], at: number): FixturePair[] {
  const out = pairs.map((p) => ({ ...p }));
  for (let k = at; k < out.length; k++) out[k].en = k + 1 < pairs.length ? pairs[k + 1].en : 'And that is where the story ends for now.';
  return out;
}

/** The pairs with the English of pair `at` written twice: every later English block moves down one paragraph. */
export function withEnglishDoubled(pairs: readonly FixturePair[], at: number): FixturePair[] {
  const out = pairs.map((p) => ({ ...p }));
  for (let k = at + 1; k < out.length; k++) out[k].en = pairs[k - 1].en;
  return out;
}
