/**
 * The form of a bold term's gloss: full-width parentheses, closed, not empty,
 * `English Term: 中文解释` (ASCII colon and a space), `English Term`, or a
 * Chinese explanation alone; and written after the bold, not inside it.
 */
import { defineRule, type Report } from '../../engine/rule';
import type { Gloss, Bold } from '../../engine/model/inline';
import type { Span } from '../../engine/text';
import { glossForm } from './shared';

interface Options {
  colon: 'ascii' | 'any';
  allowChineseOnly: boolean;
  glossInsideBold: 'flag' | 'allow';
}

export default defineRule<Options>({
  meta: {
    id: 'gloss/format',
    description: 'A gloss is written `（English Term: 中文解释）`: full-width parentheses, closed, after the bold term.',
    defaultSeverity: 'warning',
    optionsSchema: {
      colon: {
        enum: ['ascii', 'any'],
        description:
          '`ascii`: the English term is followed by an ASCII colon and one space (`Term: 解释`); `any`: `：` and a missing space pass too.',
      },
      allowChineseOnly: { type: 'boolean', description: 'Accept a gloss that holds only a Chinese explanation, `（人工智能）`.' },
      glossInsideBold: {
        enum: ['flag', 'allow'],
        description: '`flag`: a gloss written inside the bold, `**旨在帮助（Aim to Assist）**`, is reported (and moved out by the fix).',
      },
    },
    defaultOptions: { colon: 'ascii', allowChineseOnly: true, glossInsideBold: 'flag' },
    fixable: true,
    hasSuggestions: false,
  },
  check({ doc, options, report }) {
    const text = doc.text;
    for (const p of doc.paragraphs()) {
      if (p.lang !== 'zh') continue;
      for (const bold of doc.inline(p).bolds) {
        if (bold.insideParen) continue;
        if (bold.gloss) checkGloss(text, bold.gloss, options, report);
        if (bold.innerGloss) {
          checkGloss(text, bold.innerGloss, options, report);
          if (options.glossInsideBold !== 'allow') reportInside(text, bold, bold.innerGloss, report);
        }
      }
    }
  },
});

function checkGloss(text: string, g: Gloss, options: Options, report: (r: Report) => void): void {
  const [open, close] = [g.span[0], g.span[1] - 1];
  if (!g.close) {
    report({ span: [open, open + 1], message: `This gloss opens with \`${g.open}\` but is not closed on its line.` });
    return;
  }
  if (g.open !== '（' || g.close !== '）') {
    const fix = { range: g.span, text: '（' + text.slice(g.innerSpan[0], g.innerSpan[1]) + '）' };
    const message =
      g.open === '(' && g.close === ')'
        ? 'This gloss uses half-width parentheses `(…)`; glosses use full-width `（…）`.'
        : `This gloss opens with \`${g.open}\` and closes with \`${g.close}\`; glosses use full-width \`（…）\`.`;
    const at = g.open !== '（' ? open : close;
    report({ span: [at, at + 1], message, fix });
  }
  const form = glossForm(text, g.innerSpan);
  if (form.kind === 'empty') {
    report({
      span: g.span,
      message: 'This gloss is empty: write the English term (and a Chinese explanation) inside, `（English Term: 中文解释）`.',
    });
  } else if (form.kind === 'chinese' && !options.allowChineseOnly) {
    report({
      span: g.innerSpan,
      message: 'This gloss holds only a Chinese explanation; start it with the English term: `（English Term: 中文解释）`.',
    });
  } else if (form.kind === 'english' && form.colon !== undefined && form.explanation) {
    checkColon(text, form.colon, form.explanation, options, report);
  }
}

function checkColon(text: string, colon: number, explanation: Span, options: Options, report: (r: Report) => void): void {
  const rest = text.slice(explanation[0], explanation[1]);
  if (rest.trim() === '') {
    report({
      span: [colon, colon + 1],
      message: 'Nothing follows the colon in this gloss: add the Chinese explanation, or drop the colon.',
    });
    return;
  }
  if (options.colon === 'any') return;
  const spaces = rest.length - rest.trimStart().length;
  if (text[colon] === '：') {
    report({
      span: [colon, colon + 1],
      message:
        'This gloss separates the English term with a full-width `：`; the house form is an ASCII colon and a space, `English Term: 中文解释`.',
      fix: { range: [colon, colon + 1 + spaces], text: ': ' },
    });
  } else if (spaces === 0 && text.charCodeAt(colon + 1) > 127) {
    report({
      span: [colon, colon + 1],
      message: 'A space belongs after the colon of a gloss: `English Term: 中文解释`.',
      fix: { range: [colon, colon + 1], text: ': ' },
    });
  }
}

/** `**旨在帮助（Aim to Assist）**` → `**旨在帮助**（Aim to Assist）`. */
function reportInside(text: string, bold: Bold, g: Gloss, report: (r: Report) => void): void {
  let termEnd = g.span[0];
  while (termEnd > bold.innerSpan[0] && /\s/.test(text[termEnd - 1])) termEnd--;
  const canMove = g.close !== null && termEnd > bold.innerSpan[0];
  report({
    span: g.span,
    message: 'This gloss is written inside the bold; it belongs right after it: `**术语**（English Term: 中文解释）`.',
    fix: canMove
      ? { range: [termEnd, bold.closeRun[1]], text: text.slice(bold.closeRun[0], bold.closeRun[1]) + text.slice(g.span[0], g.span[1]) }
      : undefined,
  });
}
