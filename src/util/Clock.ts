/**
 * The engine's only source of time. Camunda's `ClockUtil` equivalent, injected so that tests can
 * move time forward without waiting (timers, lock expiry, long polling).
 */
export interface Clock {
  now(): Date;
  /** Calls `fn` after `ms` of this clock's time; returns a cancel function. */
  schedule(ms: number, fn: () => void): () => void;
}

/** Wall-clock time and real timers. */
export class SystemClock implements Clock {
  now(): Date {
    return new Date();
  }

  schedule(ms: number, fn: () => void): () => void {
    const handle = setTimeout(fn, Math.max(0, ms));
    handle.unref?.();
    return () => clearTimeout(handle);
  }
}

interface Scheduled {
  at: number;
  fn: () => void;
  cancelled: boolean;
}

/** A clock that only moves when told to; scheduled callbacks run as time passes them. */
export class FakeClock implements Clock {
  private current: number;
  private readonly pending: Scheduled[] = [];

  constructor(start: Date | string = '2026-01-31T10:00:00.000Z') {
    this.current = new Date(start).getTime();
  }

  now(): Date {
    return new Date(this.current);
  }

  schedule(ms: number, fn: () => void): () => void {
    const entry: Scheduled = { at: this.current + Math.max(0, ms), fn, cancelled: false };
    this.pending.push(entry);
    return () => {
      entry.cancelled = true;
    };
  }

  set(time: Date | string): void {
    this.advance(new Date(time).getTime() - this.current);
  }

  advance(ms: number): void {
    const target = this.current + ms;
    for (;;) {
      const due = this.pending
        .filter((p) => !p.cancelled && p.at <= target)
        .sort((a, b) => a.at - b.at)[0];
      if (!due) break;
      due.cancelled = true;
      this.current = Math.max(this.current, due.at);
      due.fn();
    }
    this.current = target;
  }
}
