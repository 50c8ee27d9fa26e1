import { setTimeout as sleep } from 'node:timers/promises';

/** Runs `work` over items with at most `limit` in flight. */
export async function mapLimit<T>(items: readonly T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const lanes = Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, async () => {
    while (next < items.length) {
      const item = items[next++] as T;
      await work(item);
    }
  });
  await Promise.all(lanes);
}

/**
 * Per-instance end-to-end timing: the start time is noted before the start call, the end when
 * the instance's user task completion returns. An end can arrive before its start call returned
 * (its id was not known yet), so ends wait in `pending` until `finish()`.
 */
export class EndToEnd {
  private readonly started = new Map<string, number>();
  private readonly pending: [string, number][] = [];
  readonly durations: number[] = [];
  firstStart = Number.POSITIVE_INFINITY;
  lastEnd = 0;
  completed = 0;

  /** Call before sending the start request; pass the returned id to `started`. */
  begin(): number {
    const now = performance.now();
    this.firstStart = Math.min(this.firstStart, now);
    return now;
  }

  start(processInstanceId: string, at: number): void {
    this.started.set(processInstanceId, at);
  }

  end(processInstanceId: string): void {
    const now = performance.now();
    this.lastEnd = Math.max(this.lastEnd, now);
    this.completed++;
    const at = this.started.get(processInstanceId);
    if (at === undefined) this.pending.push([processInstanceId, now]);
    else this.durations.push(now - at);
  }

  finish(): void {
    for (const [id, end] of this.pending.splice(0)) {
      const at = this.started.get(id);
      if (at !== undefined) this.durations.push(end - at);
    }
  }

  get wallMs(): number {
    return this.lastEnd - this.firstStart;
  }
}

/** Polls `step` (which returns how many items it handled) until `done()` or the deadline. */
export async function drain(done: () => boolean, step: () => Promise<number>, deadline: number, what: string): Promise<void> {
  while (!done()) {
    if (Date.now() > deadline) throw new Error(`timed out while ${what}`);
    const handled = await step();
    if (handled === 0) await sleep(2);
  }
}
