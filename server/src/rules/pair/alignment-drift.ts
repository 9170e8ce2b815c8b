import { defineRule } from '../../engine/rule';
import type { PostDocument } from '../../engine/model/document';
import { DEFAULT_DRIFT, reportedDrifts, type DriftSettings, type DriftStretch } from './drift';
import { firstLine, lineNumber, pairUnits, type PairUnit } from './units';

type Options = DriftSettings;

/** How many example pairs the message names. */
const EXAMPLES = 2;

export default defineRule<Options>({
  meta: {
    id: 'pair/alignment-drift',
    description:
      'English blocks have not slipped against the Chinese: each paragraph shares its numbers, names and glossed terms with its own English, not a neighbour’s.',
    defaultSeverity: 'warning',
    optionsSchema: {
      maxOffset: { type: 'integer', minimum: 1, maximum: 3, description: 'Largest slip looked for, in blocks.' },
      minPairs: { type: 'integer', minimum: 1, description: 'Fewest pairs a drift must span to be reported.' },
      switchCost: {
        type: 'number',
        exclusiveMinimum: 0,
        description: 'Evidence needed to enter or leave a drift (in matched anchors): higher reports fewer, surer drifts.',
      },
      lengthWeight: {
        type: 'number',
        minimum: 0,
        description: 'How much the fit of paragraph lengths counts beside anchors; 0 uses anchors only.',
      },
    },
    defaultOptions: DEFAULT_DRIFT,
    fixable: false,
  },
  check({ doc, config, report }) {
    // The same call the other pair rules make, so they leave out exactly the stretches reported here.
    const drifts = reportedDrifts(doc, config);
    if (drifts.length === 0) return;
    const units = pairUnits(doc);
    for (const s of drifts) {
      const first = units.units[s.from];
      report({ span: firstLine(doc, first.pair.chinese.span), message: describe(doc, units.units, s) });
    }
  },
});

function describe(doc: PostDocument, units: readonly PairUnit[], s: DriftStretch): string {
  const steps = Math.abs(s.offset);
  const n = s.to - s.from + 1;
  const blocks = steps === 1 ? 'one block' : `${steps} blocks`;
  const examples: string[] = [];
  for (let i = s.from; i <= s.to && examples.length < EXAMPLES; i++) {
    const english = lineNumber(doc, englishStart(units[i + s.offset]));
    examples.push(
      i === s.from
        ? `this paragraph’s is at line ${english}`
        : `line ${lineNumber(doc, units[i].pair.chinese.span[0])}’s at line ${english}`,
    );
  }
  const last = lineNumber(doc, units[s.to].pair.chinese.span[0]);
  const where = s.offset < 0 ? 'earlier' : 'later';
  const cause =
    s.offset < 0
      ? `an English block is probably missing (or merged into another) just before`
      : `an English block is probably doubled (or an extra one inserted) just before`;
  const pairs = s.forDrift === 1 ? 'pair shares' : 'pairs share';
  const lengths = `the pairs’ lengths fit the English ${blocks} ${where} far better`;
  const evidence =
    s.forDrift === 0
      ? lengths
      : `${s.forDrift} of the ${n} ${pairs} numbers, names or glossed terms with the English ${blocks} ${where}` +
        (s.lengthGain >= s.anchorGain ? `, and ${lengths}` : '');
  return (
    `The English blocks have slipped ${blocks} against the Chinese from ${s.forDrift === 0 ? 'about ' : ''}here to line ${last} (${n} pairs): ` +
    `each paragraph’s English appears to sit ${blocks} ${where} (${examples.join(', ')}${n > EXAMPLES ? ', …' : ''}); ` +
    `${cause}. Evidence: ${evidence}.`
  );
}

function englishStart(unit: PairUnit): number {
  const e = unit.pair.english;
  return e.contentSpans[0]?.[0] ?? e.span[0];
}
