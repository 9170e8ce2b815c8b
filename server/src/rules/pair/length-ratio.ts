import { defineRule } from '../../engine/rule';
import type { PostDocument } from '../../engine/model/document';
import type { Span } from '../../engine/text';
import { reportedDrifts } from './drift';
import { firstLine, lineNumber, logRatio, pairUnits, tolerance, type PairUnit } from './units';

interface Options {
  /** How many tolerances (robust standard deviations, widened for short paragraphs) a pair must stray. */
  threshold: number;
  /** The ratio must also differ from the typical one by at least this factor. */
  minFactor: number;
  /** Fewest measurable pairs a post needs before its typical ratio is trusted. */
  minPairs: number;
}

export default defineRule<Options>({
  meta: {
    id: 'pair/length-ratio',
    description:
      'A pair’s English-to-Chinese length ratio is in line with the post’s other pairs (an outlier is often a truncated, merged or misplaced translation).',
    defaultSeverity: 'info',
    optionsSchema: {
      threshold: {
        type: 'number',
        exclusiveMinimum: 0,
        description:
          'How far (in robust standard deviations, widened for short paragraphs) a pair’s log ratio must stray from the post’s median.',
      },
      minFactor: {
        type: 'number',
        minimum: 1,
        description: 'The ratio must also differ from the post’s typical ratio by at least this factor.',
      },
      minPairs: { type: 'integer', minimum: 3, description: 'Fewest measurable pairs a post needs before its typical ratio is trusted.' },
    },
    defaultOptions: { threshold: 4, minFactor: 2, minPairs: 20 },
    fixable: false,
  },
  check({ doc, options, config, report }) {
    if (doc.sourceLanguage !== 'en') return;
    const stats = pairUnits(doc);
    if (stats.sample < options.minPairs) return;
    const outliers: { unit: PairUnit; ratio: number }[] = [];
    for (const unit of stats.units) {
      if (!unit.comparable) continue;
      const x = logRatio(unit.zhLength, unit.enLength);
      const deviation = x - stats.typical;
      if (Math.abs(deviation) < Math.log(options.minFactor)) continue;
      if (Math.abs(deviation) / tolerance(stats.spread, unit.zhLength, unit.enLength) < options.threshold) continue;
      outliers.push({ unit, ratio: Math.exp(x) });
    }
    if (outliers.length === 0) return;
    // Inside a drift every pair is off; pair/alignment-drift reports the drift once (when it is on).
    const drifts = reportedDrifts(doc, config);
    const typical = Math.exp(stats.typical);
    for (const { unit, ratio } of outliers) {
      if (drifts.some((d) => unit.index >= d.from && unit.index <= d.to)) continue;
      const repeated = repeatedEnglish(doc, stats.units, unit.index);
      const shape = `This pair has ${fmt(ratio)} English characters per Chinese one, where this post’s pairs typically have ${fmt(typical)}`;
      let message: string;
      let span: Span;
      if (ratio > typical) {
        span = firstLine(doc, unit.pair.chinese.span);
        message = repeated
          ? `${shape}: its English repeats the block at line ${repeated}, so this paragraph’s own English is probably missing.`
          : `${shape}: the Chinese may be truncated or condensed, or the English may hold more than this paragraph (merged or misplaced).`;
      } else {
        span = unit.pair.english.contentSpans[0] ?? unit.pair.english.span;
        message = `${shape}: the English may be truncated, or the Chinese may translate more than this block (merged paragraphs, or English that went elsewhere).`;
      }
      report({ span, message });
    }
  },
});

/** The line of a neighbouring pair whose English is the same text, if any. */
function repeatedEnglish(doc: PostDocument, units: readonly PairUnit[], i: number): number | undefined {
  const own = englishText(doc, units[i]);
  for (const j of [i - 1, i + 1]) {
    if (j >= 0 && j < units.length && englishText(doc, units[j]) === own) {
      return lineNumber(doc, units[j].pair.english.contentSpans[0]?.[0] ?? units[j].pair.english.span[0]);
    }
  }
  return undefined;
}

function englishText(doc: PostDocument, unit: PairUnit): string {
  return unit.pair.english.contentSpans.map((s) => doc.slice(s).trim()).join('\n');
}

function fmt(x: number): string {
  return x >= 10 ? x.toFixed(0) : x.toFixed(1);
}
