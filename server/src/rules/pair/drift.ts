/**
 * Finding where English blocks have slipped against the Chinese. Each unit's
 * Chinese is compared with the English of its own pair and of its neighbours
 * (offsets -k…k); a Viterbi pass picks, for every unit, the offset that best
 * explains the evidence while charging for every change of offset, so one
 * stray match never makes a drift and a drift is found as one stretch.
 * Evidence: shared anchors (strong) and how well the lengths fit (weak, but
 * present in every pair, so it places the start of a drift between anchors).
 */
import type { ResolvedConfig } from '../../engine/config';
import type { PostDocument } from '../../engine/model/document';
import { anchorScore, anchorsOf, type Anchors } from './anchors';
import { logRatio, pairUnits, tolerance, type PairUnits } from './units';

export interface DriftSettings {
  /** Largest slip looked for, in blocks (1 to 3). */
  maxOffset: number;
  /** Fewest pairs a drift must span to be reported. */
  minPairs: number;
  /** What one change of offset costs, in anchor weights. */
  switchCost: number;
  /** How much the fit of lengths counts against anchors. */
  lengthWeight: number;
}

export interface DriftStretch {
  /** First and last unit (inclusive) whose English sits `offset` blocks away. */
  from: number;
  to: number;
  /** The English of unit i + offset translates unit i's Chinese. */
  offset: number;
  /** Anchor weight gained over reading the pairs as they stand. */
  anchorGain: number;
  lengthGain: number;
  /** Units whose anchors favour the slipped reading, and those that favour the pairs as they stand. */
  forDrift: number;
  against: number;
}

export const DEFAULT_DRIFT: DriftSettings = { maxOffset: 2, minPairs: 2, switchCost: 3, lengthWeight: 0.5 };

const MAX_LENGTH_PENALTY = 3;
/** A drift resting on lengths alone must be at least this long. */
const LENGTH_ONLY_MIN_PAIRS = 8;

/**
 * The drifts worth reporting: long enough, with anchors that mostly agree
 * (or, on lengths alone, long stretches), and not contradicted by the pairs
 * whose anchors favour the alignment as it stands.
 */
export function findDrift(doc: PostDocument, settings: DriftSettings): DriftStretch[] {
  // Both pair/alignment-drift and pair/length-ratio ask, usually with the same settings.
  const key = `pair/drift ${settings.maxOffset} ${settings.minPairs} ${settings.switchCost} ${settings.lengthWeight}`;
  return doc.memo(key, () =>
    driftPath(pairUnits(doc), anchorsOf(doc), settings).filter((s) => {
      const n = s.to - s.from + 1;
      if (n < settings.minPairs || s.against * 2 > s.forDrift) return false;
      return s.forDrift >= 2 || (settings.lengthWeight > 0 && n >= LENGTH_ONLY_MIN_PAIRS);
    }),
  );
}

/** The rule that reports drifts; the other pair rules leave the pairs inside one to it. */
const DRIFT_RULE = 'pair/alignment-drift';

/**
 * The drifts pair/alignment-drift reports under `config`, or none when it is off: inside them the other pair
 * rules stay quiet (each pair there is off because its block is a neighbour's), and with the rule off they speak.
 */
export function reportedDrifts(doc: PostDocument, config: ResolvedConfig): DriftStretch[] {
  const rule = config.rules[DRIFT_RULE];
  if (!rule || rule.severity === 'off' || doc.sourceLanguage !== 'en' || doc.pairs.length < 3) return [];
  return findDrift(doc, rule.options as unknown as DriftSettings);
}

/** Every stretch the best path puts at an offset other than 0. */
export function driftPath(units: PairUnits, anchors: Anchors, settings: DriftSettings): DriftStretch[] {
  const list = units.units;
  const n = list.length;
  const K = Math.max(1, Math.min(3, Math.floor(settings.maxOffset)));
  const S = 2 * K + 1;
  if (n < 3) return [];
  const anchor = new Float64Array(n * S);
  const length = new Float64Array(n * S);
  for (let i = 0; i < n; i++) {
    for (let s = 0; s < S; s++) {
      const j = i + s - K;
      if (j < 0 || j >= n) {
        anchor[i * S + s] = NaN;
        continue;
      }
      anchor[i * S + s] = anchorScore(anchors, i, j);
      const a = list[i];
      const b = list[j];
      if (a.comparable && b.comparable) {
        const z = Math.abs(logRatio(a.zhLength, b.enLength) - units.typical) / tolerance(units.spread, a.zhLength, b.enLength);
        length[i * S + s] = -Math.min(MAX_LENGTH_PENALTY, z);
      }
    }
  }

  // Viterbi over offsets; ties go to offset 0 (the pairs as they stand).
  const back = new Int8Array(n * S);
  let prev = new Float64Array(S);
  let cur = new Float64Array(S);
  for (let s = 0; s < S; s++) prev[s] = emission(0, s);
  for (let i = 1; i < n; i++) {
    for (let s = 0; s < S; s++) {
      let best = -Infinity;
      let from = K;
      for (let t = 0; t < S; t++) {
        const v = prev[t] - (t === s ? 0 : settings.switchCost);
        if (v > best || (v === best && t === s)) {
          best = v;
          from = t;
        }
      }
      cur[s] = best + emission(i, s);
      back[i * S + s] = from;
    }
    [prev, cur] = [cur, prev];
  }
  let state = K;
  for (let s = 0; s < S; s++) if (prev[s] > prev[state]) state = s;
  const path = new Int8Array(n);
  for (let i = n - 1; i >= 0; i--) {
    path[i] = state;
    state = back[i * S + state];
  }

  const out: DriftStretch[] = [];
  for (let i = 0; i < n;) {
    if (path[i] === K) {
      i++;
      continue;
    }
    const s = path[i];
    let j = i;
    while (j + 1 < n && path[j + 1] === s) j++;
    const next = j + 1;
    // The path may enter a drift a little early or leave it late (lengths are noisy):
    // the stretch runs from the first to the last unit that favours it.
    let a = i;
    while (a < j && !favours(a, s)) a++;
    while (j > a && !favours(j, s)) j--;
    const stretch: DriftStretch = { from: a, to: j, offset: s - K, anchorGain: 0, lengthGain: 0, forDrift: 0, against: 0 };
    for (let k = a; k <= j; k++) {
      const slipped = anchor[k * S + s];
      const stands = anchor[k * S + K];
      stretch.anchorGain += slipped - stands;
      stretch.lengthGain += settings.lengthWeight * (length[k * S + s] - length[k * S + K]);
      if (slipped > stands) stretch.forDrift++;
      else if (stands > slipped) stretch.against++;
    }
    out.push(stretch);
    i = next;
  }
  return out;

  /**
   * Unit i's anchors prefer offset state s; or it has no anchors and its
   * length prefers it. Anchors that match neither reading (a paragraph whose
   * English was lost) say the unit belongs to neither.
   */
  function favours(i: number, s: number): boolean {
    if (anchor[i * S + s] !== anchor[i * S + K]) return anchor[i * S + s] > anchor[i * S + K];
    return anchors.chinese[i].length === 0 && emission(i, s) > emission(i, K) + 1e-9;
  }

  function emission(i: number, s: number): number {
    const a = anchor[i * S + s];
    if (Number.isNaN(a)) return -1e9;
    return a + settings.lengthWeight * length[i * S + s];
  }
}
