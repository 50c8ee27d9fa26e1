import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createPostgresDatabase } from '../test/helpers/database.js';

/** A database the benchmark owns for one scenario; `drop` removes it. */
export interface BenchDatabase {
  /** "SQLite (file)" or "PostgreSQL". */
  label: string;
  url: string;
  drop(): Promise<void>;
}

/** A fresh SQLite file in a temporary directory. */
export async function sqliteFileDatabase(): Promise<BenchDatabase> {
  const dir = await mkdtemp(join(tmpdir(), 'm8flow-bench-'));
  return {
    label: 'SQLite (file)',
    url: `sqlite:${join(dir, 'bench.sqlite')}`,
    drop: () => rm(dir, { recursive: true, force: true }),
  };
}

/** The PostgreSQL server the benchmark uses (BENCH_POSTGRES_URL; default the local trust-auth server). */
export function postgresServerUrl(): string {
  return process.env['BENCH_POSTGRES_URL'] ?? 'postgres://postgres@127.0.0.1:5432/postgres';
}

/**
 * Creates a database `m8bench_<random>` on the PostgreSQL server; returns the reason as text
 * when the server cannot be reached.
 */
export async function postgresDatabase(serverUrl = postgresServerUrl()): Promise<BenchDatabase | string> {
  try {
    return { label: 'PostgreSQL', ...(await createPostgresDatabase(serverUrl, 'm8bench', 3_000)) };
  } catch (error) {
    return `PostgreSQL unreachable at ${serverUrl} (${error instanceof Error ? error.message : String(error)})`;
  }
}
