/** Latency samples per label, percentiles, and the printed tables of the benchmark. */

/** Latency summary of one call type (milliseconds). */
export interface LatencySummary {
  label: string;
  count: number;
  p50: number;
  p99: number;
  mean: number;
  max: number;
}

/** The result of one benchmark scenario. */
export interface ScenarioResult {
  name: string;
  /** e.g. "REST + JS client" or "in-process services". */
  mode: string;
  database: string;
  instances: number;
  wallSeconds: number;
  instancesPerSecond: number;
  /** Per instance, from the start request to the completion of its user task. */
  endToEnd: LatencySummary;
  calls: LatencySummary[];
  /** Set when the scenario could not run (e.g. PostgreSQL unreachable). */
  skipped?: string;
}

/** Collects durations by label. */
export class Recorder {
  private readonly samples = new Map<string, number[]>();

  record(label: string, ms: number): void {
    const list = this.samples.get(label);
    if (list) list.push(ms);
    else this.samples.set(label, [ms]);
  }

  /** Times an async call under a label. */
  async time<T>(label: string, run: () => Promise<T>): Promise<T> {
    const started = performance.now();
    try {
      return await run();
    } finally {
      this.record(label, performance.now() - started);
    }
  }

  summaries(): LatencySummary[] {
    return [...this.samples].map(([label, values]) => summarise(label, values));
  }
}

/** Nearest-rank percentile of sorted values. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return 0;
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil((p / 100) * sorted.length)));
  return sorted[rank - 1] ?? 0;
}

export function summarise(label: string, values: readonly number[]): LatencySummary {
  const sorted = [...values].sort((a, b) => a - b);
  const total = sorted.reduce((sum, v) => sum + v, 0);
  return {
    label, count: sorted.length, p50: round(percentile(sorted, 50)), p99: round(percentile(sorted, 99)),
    mean: round(sorted.length === 0 ? 0 : total / sorted.length), max: round(sorted[sorted.length - 1] ?? 0),
  };
}

export function round(value: number, digits = 1): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}

function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: readonly string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join(' | ')} |`;
  return [line(header), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...rows.map(line)].join('\n');
}

/** The summary table (one row per scenario) and the per-call latency table, as Markdown. */
export function formatResults(results: readonly ScenarioResult[]): string {
  const summary = table(
    ['scenario', 'database', 'instances', 'wall s', 'instances/s', 'e2e p50 ms', 'e2e p99 ms'],
    results.map((r) => r.skipped
      ? [r.mode, r.database, '-', '-', '-', '-', `skipped: ${r.skipped}`]
      : [r.mode, r.database, String(r.instances), r.wallSeconds.toFixed(2), r.instancesPerSecond.toFixed(1),
        r.endToEnd.p50.toFixed(1), r.endToEnd.p99.toFixed(1)]),
  );
  const calls = table(
    ['scenario', 'database', 'call', 'count', 'p50 ms', 'p99 ms', 'max ms'],
    results.filter((r) => !r.skipped).flatMap((r) => r.calls.map((c) => [
      r.mode, r.database, c.label, String(c.count), c.p50.toFixed(1), c.p99.toFixed(1), c.max.toFixed(1),
    ])),
  );
  return `${summary}\n\n${calls}`;
}
