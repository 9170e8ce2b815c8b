/**
 * A small pool of worker threads. Tasks queue in the order given; each
 * worker holds at most two at a time so it never waits for the next one.
 */
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { ResolvedConfig } from '../engine/config';
import type { CheckTask } from './job';
import type { WorkerReply, WorkerRequest } from './worker';
import type { PostSummary } from '../engine/workspace';

interface Pending {
  id: number;
  kind: 'check' | 'cross';
  task: CheckTask;
  resolve(v: unknown): void;
  reject(e: Error): void;
}

interface Slot {
  worker: Worker;
  inFlight: Map<number, Pending>;
}

/** Tasks a worker holds at once: one running, one waiting, so it never idles between them. */
export const PER_WORKER = 2;

/**
 * Each post's lint makes a lot of short-lived garbage. Left alone, V8 lets
 * every worker's heap grow to a few hundred MB before collecting; a tighter
 * old generation keeps the whole run's memory flat as the corpus grows. A post
 * too big for it fails in its worker and is redone in the main thread.
 */
const WORKER_LIMITS = { maxOldGenerationSizeMb: Number(process.env.BILINT_WORKER_HEAP_MB) || 256 };

export class WorkerPool {
  private readonly slots: Slot[] = [];
  private readonly queue: Pending[] = [];
  private nextId = 1;
  private failed: Error | undefined;
  private closing = false;

  constructor(size: number, configs: ResolvedConfig[]) {
    for (let i = 0; i < size; i++) {
      const worker = new Worker(path.join(__dirname, 'worker.js'), { resourceLimits: WORKER_LIMITS });
      worker.postMessage({ kind: 'configs', configs } satisfies WorkerRequest);
      const slot: Slot = { worker, inFlight: new Map() };
      worker.on('message', (reply: WorkerReply) => this.onReply(slot, reply));
      worker.on('error', (err) => this.fail(err));
      worker.on('exit', (code) => {
        if (!this.closing) this.fail(new Error(`A worker thread stopped (exit code ${code}).`));
      });
      this.slots.push(slot);
    }
  }

  get size(): number {
    return this.slots.length;
  }

  run<T>(kind: 'check' | 'cross', task: CheckTask): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      if (this.failed) return reject(this.failed);
      this.queue.push({ id: this.nextId++, kind, task, resolve: resolve as (v: unknown) => void, reject });
      this.pump();
    });
  }

  /** Sends the summaries of all posts to every worker, for pass 2. */
  shareKnowledge(entries: [string, PostSummary][]): void {
    for (const s of this.slots) s.worker.postMessage({ kind: 'knowledge', entries } satisfies WorkerRequest);
  }

  async close(): Promise<void> {
    this.closing = true;
    await Promise.all(this.slots.map((s) => s.worker.terminate()));
  }

  private pump(): void {
    while (this.queue.length) {
      const slot = this.slots.reduce((a, b) => (b.inFlight.size < a.inFlight.size ? b : a));
      if (slot.inFlight.size >= PER_WORKER) return;
      const p = this.queue.shift()!;
      slot.inFlight.set(p.id, p);
      slot.worker.postMessage({ id: p.id, kind: p.kind, task: p.task } satisfies WorkerRequest);
    }
  }

  private onReply(slot: Slot, reply: WorkerReply): void {
    const p = slot.inFlight.get(reply.id);
    if (!p) return;
    slot.inFlight.delete(reply.id);
    if ('error' in reply) p.reject(new Error(`While checking ${p.task.key}: ${reply.error}`));
    else p.resolve(reply.result);
    this.pump();
  }

  private fail(err: Error): void {
    if (this.failed) return;
    this.failed = err;
    for (const s of this.slots) for (const p of s.inFlight.values()) p.reject(err);
    for (const p of this.queue.splice(0)) p.reject(err);
  }
}
