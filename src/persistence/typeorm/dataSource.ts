import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { DataSource } from 'typeorm';
import type { Dialect } from './columnKinds.js';
import { MIGRATIONS } from './migrations/index.js';

/** Where the data lives, from `DATABASE_URL` (`sqlite:./file`, `sqlite::memory:`, `postgres://…`). */
export interface DatabaseLocation {
  dialect: Dialect;
  /** SQLite file path or `:memory:`; PostgreSQL connection URL. */
  target: string;
}

export function parseDatabaseUrl(url: string): DatabaseLocation {
  if (url.startsWith('postgres://') || url.startsWith('postgresql://')) return { dialect: 'postgres', target: url };
  if (url.startsWith('sqlite:')) {
    const rest = url.slice('sqlite:'.length).replace(/^\/\//, '');
    return { dialect: 'sqlite', target: rest === ':memory:' || rest === '' ? ':memory:' : rest };
  }
  throw new Error(`DATABASE_URL must start with sqlite: or postgres:// (got ${url.split(':')[0] ?? ''}:…)`);
}

/** Opens the database and brings its schema up to date with the migrations. */
export async function openDataSource(location: DatabaseLocation, poolSize = 10): Promise<DataSource> {
  const common = { migrations: MIGRATIONS, migrationsTableName: 'm8_schema_migrations', logging: false } as const;
  let dataSource: DataSource;
  if (location.dialect === 'postgres') {
    dataSource = new DataSource({ type: 'postgres', url: location.target, extra: { max: poolSize }, ...common });
  } else {
    if (location.target !== ':memory:') mkdirSync(dirname(resolve(location.target)), { recursive: true });
    dataSource = new DataSource({
      type: 'better-sqlite3',
      database: location.target,
      prepareDatabase: (db: { pragma(source: string): unknown }) => {
        db.pragma('journal_mode = WAL');
        db.pragma('synchronous = NORMAL');
        db.pragma('busy_timeout = 5000');
        db.pragma('case_sensitive_like = ON');
      },
      ...common,
    });
  }
  await dataSource.initialize();
  await dataSource.runMigrations({ transaction: 'each' });
  return dataSource;
}
