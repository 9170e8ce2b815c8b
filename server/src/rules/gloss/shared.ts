/** What the gloss rules share: which bolds are terms, a term's identity, and the parts of a gloss. */
import type { SourceText, Span } from '../../engine/text';
import type { Bold, Inline } from '../../engine/model/inline';

const HAN = /[\u3400-\u9fff\uf900-\ufaff]/;
const LETTER = /[A-Za-z\u3400-\u9fff\uf900-\ufaff]/;
/** Punctuation that makes a bold a sentence or a clause, i.e. emphasis rather than a term. */
const SENTENCE = /[。！？；，!?]/;
/** `https://…`, `www.…`, `example.com/path`: an address, not a term (`TCP/IP` still is one). */
const URL = /:\/\/|^www\.|^[\w-]+(?:\.[\w-]+)+\/\S*$/i;
const WRAPPERS = /^[\s“”‘’《》「」『』"']+|[\s“”‘’《》「」『』"']+$/g;

/** The text of a bold term, without a gloss written inside it. */
export function termSpan(bold: Bold): Span {
  return [bold.innerSpan[0], bold.innerGloss ? bold.innerGloss.span[0] : bold.innerSpan[1]];
}

/** Uses of one term compare equal: quotes and title marks around it, case and spacing do not count. */
export function termKey(term: string): string {
  return term.replace(WRAPPERS, '').replace(/\s+/g, ' ').toLowerCase();
}

/**
 * Whether a bold is a term that wants a gloss: not a speaker label or a lead-in
 * ending in a colon, not a name bolded inside a gloss, not a sentence set in
 * bold for emphasis, not a bold line standing as a heading, not a link.
 */
export function isTerm(text: string, bold: Bold, inline: Inline, lineSpan: Span): boolean {
  if (bold.label || bold.insideParen) return false;
  const sp = inline.speaker;
  if (sp && bold.openRun[0] >= sp.span[0] && bold.closeRun[1] <= sp.span[1] + 2) return false;
  const [s, e] = termSpan(bold);
  const term = text.slice(s, e).trim();
  if (!LETTER.test(term) || SENTENCE.test(term) || URL.test(term)) return false;
  // A bold that fills its line (after a list marker) stands as a heading.
  if (bold.openRun[0] - lineSpan[0] > 12 || lineSpan[1] - bold.closeRun[1] > 4) return true;
  const before = text.slice(lineSpan[0], bold.openRun[0]);
  const after = text.slice(bold.closeRun[1], lineSpan[1]);
  return !(/^[\s>*+\-\d.)]*$/.test(before) && /^\s*$/.test(after));
}

export type GlossForm =
  | { kind: 'empty' }
  /** `English Term`, `English Term: 解释`, `English Term：解释` … `colon` is the separator's offset. */
  | { kind: 'english'; colon?: number; colonChar?: string; explanation?: Span }
  /** A Chinese explanation (possibly `中文名: 解释`). */
  | { kind: 'chinese' }
  /** Neither words nor an explanation: digits or signs only. */
  | { kind: 'other' };

/** Reads a gloss's content (`innerSpan`): its English term, the separator, the explanation. */
export function glossForm(text: string, inner: Span): GlossForm {
  const [s, e] = inner;
  if (text.slice(s, e).trim() === '') return { kind: 'empty' };
  let depth = 0;
  let colon = -1;
  for (let i = s; i < e; i++) {
    const c = text[i];
    if (c === '（' || c === '(') depth++;
    else if ((c === '）' || c === ')') && depth > 0) depth--;
    else if (depth === 0 && (c === ':' || c === '：')) {
      // `10:30`, `https://`: not a separator.
      if (c === ':' && /[\d/]/.test(text[i + 1] ?? '') && !HAN.test(text[i + 1] ?? '')) continue;
      colon = i;
      break;
    }
  }
  const head = text.slice(s, colon >= 0 ? colon : e);
  if (HAN.test(head)) return { kind: 'chinese' };
  if (!/[A-Za-z]/.test(head)) return HAN.test(text.slice(s, e)) ? { kind: 'chinese' } : { kind: 'other' };
  if (colon < 0) return { kind: 'english' };
  return { kind: 'english', colon, colonChar: text[colon], explanation: [colon + 1, e] };
}

/** The line `at` sits on, within its paragraph. */
export function lineSpanOf(src: SourceText, at: number, para: Span): Span {
  const line = src.lineOf(at);
  return [Math.max(para[0], src.lineStarts[line]), Math.min(para[1], src.lineEnd(line))];
}
