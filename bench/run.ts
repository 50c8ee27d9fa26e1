/**
 * m8flow benchmark: `npm run bench`.
 *
 * For SQLite (a file in a temp dir) and PostgreSQL (its own database, created and dropped;
 * skipped with a message when the server is unreachable) it runs
 *   - REST + JS client: a server child process (src/main.ts); deploy, start N instances over
 *     REST, the real camunda-external-task-client-js serves the external tasks, a completer lists
 *     and completes the user tasks;
 *   - in-process services: the same workload on ProcessEngine's services, no HTTP.
 * It prints instances/s and p50/p99 latencies (per call type, and per instance end to end) and
 * writes bench/results.json. There are no thresholds: the numbers are for reading.
 *
 * Environment: BENCH_INSTANCES (default 200), BENCH_CONCURRENCY (default 10),
 * BENCH_WARMUP (unmeasured instances first, default 20), BENCH_POSTGRES_URL (default postgres://postgres@127.0.0.1:5432/postgres),
 * BENCH_BASE_URL (benchmark an already running server instead, REST scenario only),
 * BENCH_ONLY (comma list of: rest, engine, sqlite, postgres).
 */
import { writeFile } from 'node:fs/promises';
import { cpus } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { postgresDatabase, sqliteFileDatabase, type BenchDatabase } from './databases.js';
import { runEngineWorkload } from './engineScenario.js';
import { runRestWorkload, startServer, type WorkloadOptions } from './restScenario.js';
import { formatResults, summarise, type ScenarioResult } from './stats.js';

const RESULTS = join(dirname(fileURLToPath(import.meta.url)), 'results.json');

function positiveInt(name: string, fallback: number): number {
  const raw = process.env[name];
  const value = raw === undefined ? fallback : Number(raw);
  if (!Number.isInteger(value) || value <= 0) throw new Error(`${name} must be a positive integer (got '${raw ?? ''}')`);
  return value;
}

function skipped(mode: string, database: string, reason: string): ScenarioResult {
  return {
    name: `${mode}-${database}`, mode, database, instances: 0, wallSeconds: 0, instancesPerSecond: 0,
    endToEnd: summarise('instance end-to-end', []), calls: [], skipped: reason,
  };
}

/** Runs both scenarios on one database kind, each on a fresh database. */
async function onDatabase(create: () => Promise<BenchDatabase | string>, label: string, modes: ReadonlySet<string>, options: WorkloadOptions): Promise<ScenarioResult[]> {
  const results: ScenarioResult[] = [];
  if (modes.has('rest')) {
    const db = await create();
    if (typeof db === 'string') return [skipped('REST + JS client', label, db), skipped('in-process services', label, db)];
    console.log(`bench: REST + JS client on ${db.label}, ${options.instances} instances…`);
    const server = await startServer(db.url);
    try {
      if (options.warmup > 0) await runRestWorkload(server.baseUrl, db.label, { ...options, instances: options.warmup });
      results.push(await runRestWorkload(server.baseUrl, db.label, options));
    } finally {
      await server.stop();
      await db.drop();
    }
  }
  if (modes.has('engine')) {
    const db = await create();
    if (typeof db === 'string') return [...results, skipped('in-process services', label, db)];
    console.log(`bench: in-process services on ${db.label}, ${options.instances} instances…`);
    try {
      results.push(await runEngineWorkload(db.url, db.label, options));
    } finally {
      await db.drop();
    }
  }
  return results;
}

async function main(): Promise<void> {
  const options: WorkloadOptions = {
    instances: positiveInt('BENCH_INSTANCES', 200),
    concurrency: positiveInt('BENCH_CONCURRENCY', 10),
    timeoutMs: positiveInt('BENCH_TIMEOUT_MS', 600_000),
    warmup: process.env['BENCH_WARMUP'] === '0' ? 0 : positiveInt('BENCH_WARMUP', 20),
  };
  const only = new Set((process.env['BENCH_ONLY'] ?? 'rest,engine,sqlite,postgres').split(',').map((s) => s.trim()));
  const results: ScenarioResult[] = [];
  const external = process.env['BENCH_BASE_URL'];
  if (external) {
    console.log(`bench: REST + JS client against ${external}, ${options.instances} instances…`);
    const baseUrl = external.replace(/\/+$/, '');
    if (options.warmup > 0) await runRestWorkload(baseUrl, 'external', { ...options, instances: options.warmup });
    results.push(await runRestWorkload(baseUrl, `external (${external})`, options));
  } else {
    if (only.has('sqlite')) results.push(...await onDatabase(sqliteFileDatabase, 'SQLite (file)', only, options));
    if (only.has('postgres')) results.push(...await onDatabase(() => postgresDatabase(), 'PostgreSQL', only, options));
  }
  for (const r of results) if (r.skipped) console.log(`bench: skipped ${r.mode} on ${r.database}: ${r.skipped}`);
  console.log(`\n${formatResults(results)}\n`);
  const cpu = cpus()[0]?.model ?? 'unknown';
  await writeFile(RESULTS, `${JSON.stringify({
    date: new Date().toISOString(), node: process.version, platform: `${process.platform} ${process.arch}`,
    cpu, cpuCount: cpus().length, instances: options.instances, concurrency: options.concurrency, results,
  }, null, 2)}\n`);
  console.log(`bench: wrote ${RESULTS}`);
}

main().then(() => process.exit(0), (error: unknown) => {
  console.error(error);
  process.exit(1);
});
