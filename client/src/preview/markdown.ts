/**
 * Markdown to safe HTML for the preview, with unified: remark-parse →
 * remark-rehype → glosses as tooltips → rehype-sanitize → rehype-stringify.
 * Raw HTML in a post is dropped (remark-rehype without allowDangerousHtml)
 * and the sanitizer removes anything that could run: nothing a post says can
 * execute in the webview. unified is ESM-only: loaded once with import().
 */
import type { Element, ElementContent, Root, Text } from 'hast';

type Processor = { processSync(text: string): { toString(): string } };

let processor: Processor | undefined;
let loading: Promise<Processor> | undefined;

export function loadMarkdown(): Promise<Processor> {
  loading ??= (async () => {
    const [{ unified }, remarkParse, remarkRehype, rehypeSanitize, rehypeStringify] = await Promise.all([
      import('unified'),
      import('remark-parse'),
      import('remark-rehype'),
      import('rehype-sanitize'),
      import('rehype-stringify'),
    ]);
    const schema = structuredClone(rehypeSanitize.defaultSchema);
    schema.attributes = {
      ...schema.attributes,
      strong: [...(schema.attributes?.strong ?? []), 'title', ['className', 'gloss-term']],
      span: [...(schema.attributes?.span ?? []), ['className', 'gloss']],
    };
    processor = unified()
      .use(remarkParse.default)
      .use(remarkRehype.default)
      .use(() => glossTooltips)
      .use(rehypeSanitize.default, schema)
      .use(rehypeStringify.default) as unknown as Processor;
    return processor;
  })();
  return loading;
}

/** Renders Markdown (after loadMarkdown resolved). */
export function renderMarkdown(text: string): string {
  if (!processor) throw new Error('loadMarkdown() first');
  return processor.processSync(text).toString();
}

const OPEN = new Set(['（', '(']);
const CLOSE = new Set(['）', ')']);

/** `<strong>术语</strong>（Term: 解释）` → the strong gets the gloss as its title, the gloss a class. */
function glossTooltips(tree: Root): void {
  const visit = (node: Root | Element) => {
    const kids = node.children as ElementContent[];
    for (let i = 0; i < kids.length; i++) {
      const k = kids[i];
      if (k.type !== 'element') continue;
      visit(k);
      const next = kids[i + 1];
      if (k.tagName !== 'strong' || !next || next.type !== 'text') continue;
      const split = splitGloss(next.value);
      if (!split) continue;
      k.properties = { ...k.properties, title: split.inner, className: ['gloss-term'] };
      const gloss: Element = {
        type: 'element',
        tagName: 'span',
        properties: { className: ['gloss'] },
        children: [{ type: 'text', value: split.gloss }],
      };
      const rest: Text[] = split.rest ? [{ type: 'text', value: split.rest }] : [];
      kids.splice(i + 1, 1, ...(split.lead ? [{ type: 'text', value: split.lead } as Text] : []), gloss, ...rest);
    }
  };
  visit(tree);
}

function splitGloss(value: string): { lead: string; gloss: string; inner: string; rest: string } | undefined {
  let i = 0;
  while (value[i] === ' ') i++;
  if (!OPEN.has(value[i])) return undefined;
  let depth = 0;
  for (let j = i; j < value.length && j < i + 1000; j++) {
    if (OPEN.has(value[j])) depth++;
    else if (CLOSE.has(value[j]) && --depth === 0) {
      return { lead: value.slice(0, i), gloss: value.slice(i, j + 1), inner: value.slice(i + 1, j).trim(), rest: value.slice(j + 1) };
    }
  }
  return undefined;
}
