import type { Clock } from '../util/Clock.js';

interface Pending<T> {
  topics: ReadonlySet<string>;
  attempt: () => Promise<T[]>;
  finish: (result: T[]) => void;
  busy: boolean;
  again: boolean;
  done: boolean;
}

/**
 * Holds fetch-and-lock requests that found nothing until a matching task appears or their
 * timeout passes (Camunda's long polling, `asyncResponseTimeout`). A request retries when tasks
 * of one of its topics are created or unlocked, and on a fallback interval (lock expiry, other
 * nodes); on timeout it answers with an empty list.
 */
export class LongPollRegistry {
  private readonly pending = new Set<Pending<unknown>>();

  constructor(private readonly clock: Clock, private readonly fallbackIntervalMs = 2_000) {}

  /** Number of requests currently waiting. */
  get size(): number {
    return this.pending.size;
  }

  async wait<T>(topics: readonly string[], timeoutMs: number, attempt: () => Promise<T[]>, signal?: AbortSignal): Promise<T[]> {
    const first = await attempt();
    if (first.length > 0 || timeoutMs <= 0 || signal?.aborted) return first;
    return new Promise<T[]>((resolve) => {
      const cancels: (() => void)[] = [];
      const entry: Pending<unknown> = {
        topics: new Set(topics), attempt, busy: false, again: false, done: false,
        finish: (result) => {
          if (entry.done) return;
          entry.done = true;
          this.pending.delete(entry);
          for (const cancel of cancels) cancel();
          resolve(result as T[]);
        },
      };
      this.pending.add(entry);
      cancels.push(this.clock.schedule(timeoutMs, () => entry.finish([])));
      const tick = () => {
        if (entry.done) return;
        void this.retry(entry);
        cancels.push(this.clock.schedule(this.fallbackIntervalMs, tick));
      };
      cancels.push(this.clock.schedule(this.fallbackIntervalMs, tick));
      signal?.addEventListener('abort', () => entry.finish([]), { once: true });
    });
  }

  /** Tasks of these topics became available. */
  notify(topics: readonly string[]): void {
    for (const entry of this.pending) {
      if (topics.some((t) => entry.topics.has(t))) void this.retry(entry);
    }
  }

  /** Answers every waiting request with an empty list (shutdown). */
  releaseAll(): void {
    for (const entry of [...this.pending]) entry.finish([]);
  }

  private async retry(entry: Pending<unknown>): Promise<void> {
    if (entry.done) return;
    if (entry.busy) {
      entry.again = true;
      return;
    }
    entry.busy = true;
    try {
      do {
        entry.again = false;
        const result = await entry.attempt();
        if (result.length > 0) entry.finish(result);
      } while (entry.again && !entry.done);
    } catch {
      // A failed attempt leaves the request waiting; the next hint or tick tries again.
    } finally {
      entry.busy = false;
    }
  }
}
