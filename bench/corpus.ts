/**
 * The texts the bench measures: the real posts (read at run time from
 * ../shared/corpus/real, never copied into the project) and synthetic posts
 * of any size built from paragraphs written for the bench.
 */
import fs from 'node:fs';
import path from 'node:path';

export interface CorpusPost {
  file: string;
  text: string;
}

export const REPO_ROOT = path.resolve(__dirname, '..', '..');

export function corpusDir(): string {
  return process.env.BILINT_CORPUS ?? path.resolve(REPO_ROOT, '..', 'shared', 'corpus', 'real');
}

export function loadCorpus(dir = corpusDir()): CorpusPost[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.md'))
    .sort()
    .map((f) => ({ file: path.join(dir, f), text: fs.readFileSync(path.join(dir, f), 'utf8') }));
}

export function chars(posts: readonly { text: string }[]): number {
  let n = 0;
  for (const p of posts) n += p.text.length;
  return n;
}

/**
 * Cycles through the posts until there are `count` of them. Each copy is a
 * fresh string (a round trip through UTF-8), so nothing can be shared
 * between copies by string identity.
 */
export function replicate(posts: readonly CorpusPost[], count: number): CorpusPost[] {
  const out: CorpusPost[] = [];
  for (let i = 0; i < count && posts.length > 0; i++) {
    const p = posts[i % posts.length];
    out.push({ file: p.file, text: Buffer.from(p.text, 'utf8').toString('utf8') });
  }
  return out;
}

const FRONT_MATTER = `---
area: "tech-engineering"
category: technology
companies_orgs:
- Harbor Lantern Labs
- Northwind Rail
date: '2025-03-14'
draft: true
guest: ''
insight: ''
layout: post.njk
people:
- Mira Castellane
- Oren Whitfield
products_models:
- Tidewell Router
project: []
series: ''
source: https://www.youtube.com/watch?v=bench0000001
speaker: bench-talks
status: evergreen
summary: 一场关于城市夜间货运与开源调度软件的对谈，讨论了成本、噪音和司机排班。
tags:
- night-freight
- scheduling
title: 夜间货运：调度软件如何改变城市
---
`;

// Paragraph shapes seen in real posts (speaker labels, bold terms with
// glosses, name glosses, runs without a blank line, multi-line English),
// in text written for the bench. `#` is replaced by a running number.
const UNITS: string[] = [
  `### 第#节：夜里的城市

**Mira Castellane:** 我们在第#个试点城市发现，**错峰配送**（Off-Peak Delivery: 在夜间低峰时段完成的配送）能把卡车在路上的时间缩短将近三分之一。

<details>
<summary>View/Hide Original English</summary>
<p class="english-text">Mira Castellane: In pilot city number #, we found that off-peak delivery cut the time trucks spend on the road by almost a third.</p>
</details>
`,
  `**Oren Whitfield:** 没错，但噪音是个问题。港湾灯笼实验室（Harbor Lantern Labs）测过，电动车在凌晨两点的噪音只有柴油车的一半。
<details>
<summary>View/Hide Original English</summary>
<p class="english-text">Oren Whitfield: Right, but noise is a problem. Harbor Lantern Labs measured it: at 2 a.m. an electric truck makes half the noise of a diesel one.</p>
</details>
`,
  `调度系统的核心是**时间窗**（Time Window）：每个收货点只在某几个小时里开门，系统要在这些窗口之间排出一条可行的路线，而且第#次重新计算时也不能太慢。

<details>
<summary>View/Hide Original English</summary>
<p class="english-text">The heart of the scheduler is the time window: each drop-off point is open only for a few hours,
and the system has to fit a feasible route between those windows,
without slowing down on the #th recalculation either.</p>
</details>
`,
  `**主持人：** 那司机怎么看？北风铁路（Northwind Rail）的司机工会一开始是反对的。

<details>
<summary>View/Hide Original English</summary>
<p class="english-text">Host: And what do the drivers think? The Northwind Rail drivers' union was against it at first.</p>
</details>
`,
  `他们担心的是排班。如果**潮汐路由器**（Tidewell Router: 一款开源的路线规划工具）只看成本，司机就会被安排成连续六个夜班，这在第#周就已经出现过。

<details>
<summary>View/Hide Original English</summary>
<p class="english-text">What worried them was the rota. If Tidewell Router only looked at cost, drivers would be scheduled for six night shifts in a row, which already happened in week #.</p>
</details>
`,
  `所以我们加了一条硬约束：任何人连续夜班不超过三个。代价是总成本上升了大约百分之四，但离职率降了下来。

<details>
<summary>View/Hide Original English</summary>
<p class="english-text">So we added a hard constraint: nobody works more than three nights in a row. It raised total cost by about four percent, but turnover came down.</p>
</details>
`,
];

/** A post of about `targetChars` UTF-16 characters: the front matter, then paragraph units repeated. */
export function syntheticPost(targetChars: number): string {
  const parts = [FRONT_MATTER, '\n'];
  let size = FRONT_MATTER.length + 1;
  for (let i = 0; size < targetChars; i++) {
    const unit = UNITS[i % UNITS.length].replace(/#/g, String(i + 1)) + '\n';
    parts.push(unit);
    size += unit.length;
  }
  return parts.join('').trimEnd();
}
