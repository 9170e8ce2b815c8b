/**
 * A progress bar on stderr, for runs long enough to wonder about: drawn only
 * on a terminal, never in CI, and only once a run has taken two seconds.
 */
export interface ProgressStream {
  isTTY?: boolean;
  columns?: number;
  write(s: string): unknown;
}

export class Progress {
  private total = 0;
  private doneCount = 0;
  private started = 0;
  private lastDraw = 0;
  private drawn = false;

  constructor(
    private readonly stream: ProgressStream,
    private readonly delayMs = 2000,
  ) {}

  /** Whether a bar belongs on this stream: a terminal, not CI, not turned off. */
  static wanted(stream: ProgressStream, env: NodeJS.ProcessEnv, flag: boolean | undefined): boolean {
    if (flag === false) return false;
    return !!stream.isTTY && !env.CI && env.TERM !== 'dumb';
  }

  start(total: number): void {
    this.total = total;
    this.doneCount = 0;
    this.started = Date.now();
  }

  add(n: number): void {
    this.total += n;
  }

  tick(): void {
    this.doneCount++;
    const now = Date.now();
    if (now - this.started < this.delayMs || now - this.lastDraw < 100) return;
    this.lastDraw = now;
    this.draw();
  }

  done(): void {
    if (this.drawn) this.stream.write('\r\x1b[K');
    this.drawn = false;
  }

  private draw(): void {
    const width = Math.max(10, Math.min(40, (this.stream.columns ?? 80) - 30));
    const share = this.total ? Math.min(1, this.doneCount / this.total) : 1;
    const full = Math.round(share * width);
    const bar = '█'.repeat(full) + '░'.repeat(width - full);
    this.stream.write(`\r${bar} ${this.doneCount}/${this.total} posts ${Math.floor(share * 100)}%\x1b[K`);
    this.drawn = true;
  }
}
