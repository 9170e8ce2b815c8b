/** Posts written for the LSP tests: a clean one, and variations with known defects. */

export interface FrontMatterFields {
  [key: string]: string | string[] | undefined;
}

const BASE: FrontMatterFields = {
  area: 'tech-engineering',
  category: 'technology',
  date: "'2024-05-01'",
  draft: 'true',
  guest: "''",
  insight: "''",
  layout: 'post.njk',
  people: ['Ada Lovelace'],
  project: '[]',
  series: "''",
  source: 'https://example.com/watch?v=abc123',
  speaker: 'Test Channel',
  status: 'evergreen',
  summary: '一篇关于早期计算机的测试文章。',
  tags: ['early-computing', 'history'],
  title: '测试标题：分析机',
};

/** Front matter lines from fields (undefined drops a field), keys in the given order. */
export function frontMatter(over: FrontMatterFields = {}): string {
  const fields = { ...BASE, ...over };
  const lines: string[] = [];
  for (const [k, v] of Object.entries(fields)) {
    if (v === undefined) continue;
    if (Array.isArray(v)) lines.push(`${k}:`, ...v.map((i) => `- ${i}`));
    else lines.push(`${k}: ${v}`);
  }
  return `---\n${lines.join('\n')}\n---\n`;
}

export function english(text: string): string {
  return `<details>\n<summary>View/Hide Original English</summary>\n<p class="english-text">${text}</p>\n</details>`;
}

export const BODY = [
  '### 第一节',
  '',
  '这是第一段，提到了**分析机**（Analytical Engine: 一种早期的机械计算机）。',
  english('This first paragraph is about the Analytical Engine.'),
  '',
  '### 第二节',
  '',
  '**分析机**再次出现，**差分机**也出现了。',
  english('The Analytical Engine again, and the Difference Engine, by Ada Lovelace.'),
].join('\n');

export function post(over: FrontMatterFields = {}, body = BODY): string {
  return frontMatter(over) + body;
}
