import { defineRule } from '../../engine/rule';
import { glossaryIndex, type GlossaryEntry, type GlossaryIndex } from '../../engine/glossary';
import type { Span } from '../../engine/text';
import type { TextEdit } from '../../engine/types';
import { quote } from './shared';

export default defineRule<Record<string, never>>({
  meta: {
    id: 'term/forbidden',
    description: 'The Chinese text avoids the variants the team glossary forbids, and uses the preferred term instead.',
    defaultSeverity: 'warning',
    optionsSchema: {},
    defaultOptions: {},
    fixable: true,
    hasSuggestions: true,
  },
  check({ doc, config, report }) {
    const glossary = config.glossary;
    if (!glossary || !glossary.entries.some((e) => e.forbidden?.length)) return;
    const index = glossaryIndex(glossary);
    const text = doc.text;
    for (const b of doc.blocks) {
      if (b.kind === 'paragraph' && b.lang !== 'en') scan(b.span, doc.inline(b).codeSpans);
      else if (b.kind === 'heading') scan(b.textSpan, []);
    }

    function scan(span: Span, code: readonly Span[]): void {
      let c = 0;
      for (let i = span[0]; i < span[1]; i++) {
        while (c < code.length && code[c][1] <= i) c++;
        if (c < code.length && i >= code[c][0]) {
          i = code[c][1] - 1;
          continue;
        }
        const hit = forbiddenAt(text, i, span[1], index);
        if (!hit) continue;
        const { form, entry } = hit;
        const at: Span = [i, i + form.text.length];
        const preferred = form.chinese ? entry.term : entry.english;
        const edit: TextEdit = { range: at, text: preferred };
        // A Chinese form inside a longer run of Han characters may be part of another word.
        const whole = !form.chinese || (!isHan(text.charCodeAt(at[0] - 1)) && !isHan(text.charCodeAt(at[1])));
        report({
          span: at,
          message: `${quote(text.slice(at[0], at[1]))} is a form the glossary forbids for ${quote(entry.term)} (${entry.english}): use ${quote(preferred)}.`,
          fix: whole ? edit : undefined,
          suggestions: whole ? undefined : [{ title: `Replace with ${quote(preferred)}`, edit }],
        });
        i = at[1] - 1;
      }
    }
  },
});

type Form = GlossaryIndex['forbiddenByFirst'] extends Map<number, (infer F)[]> ? F : never;

/** The longest forbidden form starting at `i`: Chinese exactly, Latin case-insensitively on word boundaries. */
function forbiddenAt(text: string, i: number, end: number, index: GlossaryIndex): { form: Form; entry: GlossaryEntry } | undefined {
  let c = text.charCodeAt(i);
  if (c >= 65 && c <= 90) c += 32;
  const candidates = index.forbiddenByFirst.get(c);
  if (!candidates) return undefined;
  for (const form of candidates) {
    const to = i + form.text.length;
    if (to > end) continue;
    if (form.chinese) {
      if (text.startsWith(form.text, i)) return { form, entry: form.entry };
    } else if (
      !isWordChar(text.charCodeAt(i - 1)) &&
      !isWordChar(text.charCodeAt(to)) &&
      text.slice(i, to).toLowerCase() === form.text.toLowerCase()
    ) {
      return { form, entry: form.entry };
    }
  }
  return undefined;
}

function isHan(c: number): boolean {
  return (c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf) || (c >= 0xf900 && c <= 0xfaff);
}

function isWordChar(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}
