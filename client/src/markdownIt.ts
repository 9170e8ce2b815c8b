/**
 * A markdown-it plugin for VS Code's own Markdown preview
 * (`markdown.markdownItPlugins`): English blocks get a class the preview
 * style sheet draws like the site does, and a bold term's gloss becomes its
 * tooltip. Only attributes and classes are added; the post's text is left
 * to markdown-it and VS Code's sanitizer.
 */

interface Token {
  type: string;
  content: string;
  children: Token[] | null;
  attrSet(name: string, value: string): void;
  attrJoin(name: string, value: string): void;
}

interface MarkdownIt {
  core: {
    ruler: {
      push(
        name: string,
        rule: (state: { tokens: Token[]; Token: new (type: string, tag: string, nesting: number) => Token }) => void,
      ): void;
    };
  };
}

const DETAILS_OPEN = /^(\s*)<details>/i;

export function bilintMarkdownIt<T>(md: T): T {
  (md as unknown as MarkdownIt).core.ruler.push('bilint', (state) => {
    for (const token of state.tokens) {
      if (token.type === 'html_block' && DETAILS_OPEN.test(token.content)) {
        token.content = token.content.replace(DETAILS_OPEN, '$1<details class="bilint-english">');
      } else if (token.type === 'inline' && token.children) {
        markGlosses(token.children, state.Token);
      }
    }
  });
  return md;
}

/** `**术语**（Term: 解释）`: the strong gets the gloss as its title; the gloss its own span. */
function markGlosses(children: Token[], TokenClass: new (type: string, tag: string, nesting: number) => Token): void {
  for (let i = 0; i < children.length; i++) {
    if (children[i].type !== 'strong_close') continue;
    const next = children[i + 1];
    if (!next || next.type !== 'text') continue;
    const m = /^(\s*)([（(])/.exec(next.content);
    if (!m) continue;
    const close = matchingClose(next.content, m[1].length);
    if (close < 0) continue;
    let open = i - 1;
    while (open >= 0 && children[open].type !== 'strong_open') open--;
    if (open < 0) continue;
    const gloss = next.content.slice(m[1].length, close + 1);
    children[open].attrSet('title', gloss.slice(1, -1).trim());
    children[open].attrJoin('class', 'bilint-gloss-term');
    const spanOpen = new TokenClass('html_inline', '', 0);
    spanOpen.content = '<span class="bilint-gloss">';
    const text = new TokenClass('text', '', 0);
    text.content = gloss;
    const spanClose = new TokenClass('html_inline', '', 0);
    spanClose.content = '</span>';
    const rest = new TokenClass('text', '', 0);
    rest.content = next.content.slice(close + 1);
    const lead = new TokenClass('text', '', 0);
    lead.content = m[1];
    children.splice(i + 1, 1, lead, spanOpen, text, spanClose, rest);
    i += 5;
  }
}

function matchingClose(s: string, start: number): number {
  let depth = 0;
  for (let j = start; j < s.length && j < start + 1000; j++) {
    const c = s[j];
    if (c === '（' || c === '(') depth++;
    else if ((c === '）' || c === ')') && --depth === 0) return j;
  }
  return -1;
}
