/** A worker thread: runs pass 1 and pass 2 of `job.ts` for the posts the main thread sends. */
import { parentPort } from 'node:worker_threads';
import type { ResolvedConfig } from '../engine/config';
import type { PostSummary } from '../engine/workspace';
import { checkPost, crossCheckPost, type CheckTask } from './job';
import { SummaryKnowledge } from './knowledge';

export type WorkerRequest =
  | { id: number; kind: 'check'; task: CheckTask }
  | { id: number; kind: 'cross'; task: CheckTask }
  | { kind: 'configs'; configs: ResolvedConfig[] }
  | { kind: 'knowledge'; entries: [string, PostSummary][] };

export type WorkerReply = { id: number; result: unknown } | { id: number; error: string };

// The main thread resolved and checked every config already: workers receive them as data.
let configs: ResolvedConfig[] = [];
let knowledge = new SummaryKnowledge([]);
const configOf = (task: CheckTask) => {
  const config = configs[task.configIndex ?? -1];
  if (!config) throw new Error(`no config shared for ${task.key}`);
  return config;
};

parentPort!.on('message', (msg: WorkerRequest) => {
  if (msg.kind === 'configs') {
    configs = msg.configs;
    return;
  }
  if (msg.kind === 'knowledge') {
    knowledge = new SummaryKnowledge(msg.entries);
    return;
  }
  try {
    const result = msg.kind === 'check' ? checkPost(msg.task, configOf) : crossCheckPost(msg.task, configOf, knowledge);
    parentPort!.postMessage({ id: msg.id, result } satisfies WorkerReply);
  } catch (err) {
    parentPort!.postMessage({ id: msg.id, error: (err as Error)?.stack ?? String(err) } satisfies WorkerReply);
  }
});
