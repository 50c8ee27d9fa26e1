import { Table, TableIndex, type QueryRunner } from 'typeorm';
import { parseColumn, sqlType, type ColumnSpec, type Dialect } from '../columnKinds.js';

/** Table snapshot as a migration declares it: column name → kind (`?` = nullable). */
export type TableSnapshot = Record<string, ColumnSpec>;

/** Creates a table from a frozen snapshot; the column `id` is the primary key. */
export async function createTable(runner: QueryRunner, name: string, columns: TableSnapshot): Promise<void> {
  const dialect: Dialect = runner.connection.options.type === 'postgres' ? 'postgres' : 'sqlite';
  const table = new Table({
    name,
    columns: Object.entries(columns).map(([column, spec]) => {
      const { kind, nullable } = parseColumn(spec);
      return { name: column, type: sqlType(kind, dialect), isNullable: nullable, isPrimary: column === 'id' };
    }),
  });
  await runner.createTable(table, true);
}

export async function createIndex(runner: QueryRunner, table: string, columns: string[], unique = false): Promise<void> {
  const name = `ix_${table}_${columns.join('_')}`.slice(0, 60);
  await runner.createIndex(table, new TableIndex({ name, columnNames: columns, isUnique: unique }));
}
