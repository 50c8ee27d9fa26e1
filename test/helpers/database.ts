import { randomBytes } from 'node:crypto';
import pg from 'pg';

/**
 * The database a test runs on. With TEST_DATABASE_URL=postgres://… each call creates a fresh
 * database on that server (and `drop` removes it); otherwise an in-memory SQLite database.
 */
export interface TestDatabase {
  url: string;
  dialect: 'sqlite' | 'postgres';
  drop(): Promise<void>;
}

export function testDialect(): 'sqlite' | 'postgres' {
  return process.env['TEST_DATABASE_URL']?.startsWith('postgres') ? 'postgres' : 'sqlite';
}

/** A fresh, uniquely named database on a PostgreSQL server, and how to drop it again. */
export async function createPostgresDatabase(serverUrl: string, prefix: string, connectTimeoutMs = 10_000): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `${prefix}_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl, connectionTimeoutMillis: connectTimeoutMs });
  try {
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end().catch(() => undefined);
  }
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
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

export async function createTestDatabase(): Promise<TestDatabase> {
  const serverUrl = process.env['TEST_DATABASE_URL'];
  if (!serverUrl?.startsWith('postgres')) {
    return { url: 'sqlite::memory:', dialect: 'sqlite', drop: async () => undefined };
  }
  return { ...(await createPostgresDatabase(serverUrl, 'm8test')), dialect: 'postgres' };
}
