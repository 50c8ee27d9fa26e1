/**
 * Column kinds shared by the table mapping and the migrations. Dates are stored as epoch
 * milliseconds (bigint) on both databases, so comparison and ordering never depend on a driver's
 * time-zone handling.
 */
export type ColumnKind = 'id' | 'string' | 'text' | 'int' | 'long' | 'double' | 'bool' | 'date' | 'bytes';

/** `kind` or `kind?` (nullable). */
export type ColumnSpec = `${ColumnKind}` | `${ColumnKind}?`;

export interface ParsedColumn {
  kind: ColumnKind;
  nullable: boolean;
}

export function parseColumn(spec: ColumnSpec): ParsedColumn {
  const nullable = spec.endsWith('?');
  return { kind: (nullable ? spec.slice(0, -1) : spec) as ColumnKind, nullable };
}

export type Dialect = 'sqlite' | 'postgres';

/** SQL type of a column kind in each dialect. */
export function sqlType(kind: ColumnKind, dialect: Dialect): string {
  switch (kind) {
    case 'id':
      return 'varchar(64)';
    case 'string':
      return 'varchar(4000)';
    case 'text':
      return 'text';
    case 'int':
      return 'integer';
    case 'long':
    case 'date':
      return 'bigint';
    case 'double':
      return dialect === 'postgres' ? 'double precision' : 'real';
    case 'bool':
      return 'boolean';
    case 'bytes':
      return dialect === 'postgres' ? 'bytea' : 'blob';
  }
}

/** camelCase property → snake_case column. */
export function columnName(property: string): string {
  return property.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
}
