import { defineRule } from '../../engine/rule';
import type { Suggestion, TextEdit } from '../../engine/types';
import { analyzeEntities } from './analysis';
import type { Entity } from './entities';
import { Kind, type Occurrence } from './match';
import { Side } from './tokens';
import { code, lineOf, replaceItemSuggestion } from './shared';

interface Options {
  nearMisses: boolean;
  speakerLabels: boolean;
}

/** Near misses get a fix only when one letter differs in a name at least this long. */
const FIX_MIN_LENGTH = 8;

/** A web or mail address (`kiwico.com/veritasium`, `name@kiwico.com`) keeps its own spelling. */
function inAddress(text: string, start: number, end: number): boolean {
  const before = text.charCodeAt(start - 1);
  return before === 47 /* / */ || before === 64 /* @ */ || before === 46 /* . */ || /^\.[a-z]{2,6}\b/i.test(text.slice(end, end + 8));
}

export default defineRule<Options>({
  meta: {
    id: 'entity/misspelled',
    description:
      'The English text spells the entities of the front matter lists as listed, not with other capitals, spacing or a few letters off.',
    defaultSeverity: 'warning',
    optionsSchema: {
      nearMisses: {
        type: 'boolean',
        description: 'Also report spellings a few letters off (`Xiinping` for `Xi Jinping`), not just case and spacing differences.',
      },
      speakerLabels: { type: 'boolean', description: 'Also check the speaker labels that open Chinese paragraphs (`**Tracy Aloway:**`).' },
    },
    defaultOptions: { nearMisses: true, speakerLabels: true },
    fixable: true,
    hasSuggestions: true,
  },
  check({ doc, config, options, report }) {
    const { index, occurrences } = analyzeEntities(doc, config);
    // Evidence for a spelling comes from the English and the translator's Chinese, not from speaker labels (they copy the list).
    const listedInEnglish = new Array<number>(index.entities.length).fill(0);
    const listedInChinese = new Array<number>(index.entities.length).fill(0);
    const chineseSpellings = new Map<number, Set<string>>();
    const variants = new Map<number, Map<string, Occurrence[]>>();
    for (const o of occurrences) {
      if (o.side === Side.Chinese) {
        if (o.kind === Kind.Exact) listedInChinese[o.entity]++;
        else if (o.kind === Kind.Near) addTo(chineseSpellings, o.entity, doc.text.slice(o.start, o.end));
        continue;
      }
      if (o.kind === Kind.Exact && o.side === Side.English) listedInEnglish[o.entity]++;
      if (o.side === Side.Label && !options.speakerLabels) continue;
      if (o.kind !== Kind.Case && o.kind !== Kind.Spacing && o.kind !== Kind.Near) continue;
      if (o.kind === Kind.Near && !options.nearMisses) continue;
      if (inAddress(doc.text, o.start, o.end)) continue;
      let byText = variants.get(o.entity);
      if (!byText) variants.set(o.entity, (byText = new Map()));
      const found = doc.text.slice(o.start, o.end);
      const list = byText.get(found);
      if (list) list.push(o);
      else byText.set(found, [o]);
    }
    for (const [id, byText] of variants) {
      const entity = index.entities[id];
      const listed = listedInEnglish[id];
      if (reportListMayBeWrong(id, entity, byText)) continue;
      for (const [found, list] of byText) {
        const inEnglish = list.filter((o) => o.side === Side.English).length;
        for (const o of list) reportVariant(o, found, inEnglish, listed, entity);
      }
    }

    /**
     * The list is the likelier typo when the English uses one other spelling
     * throughout, more often than the listed one, and the translator's Chinese
     * text writes that spelling too and never the listed one. (Frequency alone
     * proves nothing: transcription errors repeat just as consistently.)
     * One finding, at the list item.
     */
    function reportListMayBeWrong(id: number, entity: Entity, byText: Map<string, Occurrence[]>): boolean {
      const english = [...byText]
        .map(([found, list]) => [found, list.filter((o) => o.side === Side.English)] as const)
        .filter(([, l]) => l.length > 0);
      if (english.length !== 1) return false;
      const [found, list] = english[0];
      if (list[0].kind !== Kind.Near || list.length < 2 || list.length <= listedInEnglish[id]) return false;
      if (listedInChinese[id] > 0 || !chineseSpellings.get(id)?.has(found)) return false;
      const name = entity.fact.name;
      const listed = listedInEnglish[id];
      const times = listed === 0 ? `never ${code(name)}` : `${code(name)} only ${plural(listed)}`;
      report({
        span: entity.fact.span,
        message: `The ${entity.fact.field} list has ${code(name)}, but the English writes ${code(found)} ${plural(list.length)} (first on line ${lineOf(doc, list[0].start)}) and ${times}, and the Chinese text also writes ${code(found)}: the list may be misspelled.`,
        suggestions: [replaceItemSuggestion(doc, entity.fact.span, entity.fact.field, found)],
      });
      return true;
    }

    function reportVariant(o: Occurrence, found: string, variantCount: number, listed: number, entity: Entity): void {
      const name = entity.fact.name;
      const where = `the front matter's ${entity.fact.field}`;
      const edit: TextEdit = { range: [o.start, o.end], text: name };
      const suggestions: Suggestion[] = [];
      let message: string;
      let fix: TextEdit | undefined;
      if (o.kind === Kind.Case) {
        message = `${code(found)} is capitalized differently from ${code(name)} in ${where}.`;
        fix = edit;
      } else if (o.kind === Kind.Spacing) {
        message = `${code(found)} is spaced differently from ${code(name)} in ${where}.`;
        fix = edit;
      } else {
        message = `${code(found)} looks like a misspelling of ${code(name)} (listed in ${where}).`;
        // One letter off in a long name that the post itself spells as listed at least as often:
        // certain enough to fix. People's names are never fixed: the lists copy transcript typos.
        const certain =
          o.distance === 1 && entity.squash.length >= FIX_MIN_LENGTH && entity.fact.field !== 'people' && listed >= variantCount;
        if (certain) fix = edit;
        else suggestions.push({ title: `Replace with ${code(name)}`, edit });
        if (!/[\r\n]/.test(found)) suggestions.push(replaceItemSuggestion(doc, entity.fact.span, entity.fact.field, found));
      }
      report({ span: [o.start, o.end], message, fix, suggestions });
    }
  },
});

function addTo(map: Map<number, Set<string>>, key: number, value: string): void {
  const set = map.get(key);
  if (set) set.add(value);
  else map.set(key, new Set([value]));
}

function plural(n: number): string {
  return n === 1 ? 'once' : n === 2 ? 'twice' : `${n} times`;
}
