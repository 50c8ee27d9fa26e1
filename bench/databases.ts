import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

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
  const name = `m8bench_${randomBytes(5).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl, connectionTimeoutMillis: 3_000 });
  try {
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
  } catch (error) {
    return `PostgreSQL unreachable at ${serverUrl} (${error instanceof Error ? error.message : String(error)})`;
  } finally {
    await admin.end().catch(() => undefined);
  }
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    label: 'PostgreSQL',
    url: url.toString(),
    drop: async () => {
      const client = new pg.Client({ connectionString: serverUrl });
      await client.connect();
      try {
        await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await client.end();
      }
    },
  };
}
