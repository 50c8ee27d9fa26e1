import type { EntityName } from '../ports/entities.js';
import type { Condition, OrderBy, Scalar } from '../ports/query.js';
import type { Dialect } from './columnKinds.js';
import { mappingOf, type TableMapping } from './tables.js';

/** Collects parameters and writes the dialect's placeholders ($1 … for PostgreSQL, ? for SQLite). */
export class SqlParams {
  readonly values: unknown[] = [];
  constructor(private readonly dialect: Dialect) {}

  add(value: unknown): string {
    this.values.push(value);
    return this.dialect === 'postgres' ? `$${this.values.length}` : '?';
  }
}

export function quote(identifier: string): string {
  return `"${identifier}"`;
}

/** Turns an entity value into what the driver stores. */
export function toDb(kind: string, value: unknown, dialect: Dialect): unknown {
  if (value === null || value === undefined) return null;
  switch (kind) {
    case 'date':
      return value instanceof Date ? value.getTime() : Number(value);
    case 'bool':
      return dialect === 'sqlite' ? (value ? 1 : 0) : Boolean(value);
    default:
      return value;
  }
}

export function fromDb(kind: string, value: unknown): unknown {
  if (value === null || value === undefined) return null;
  switch (kind) {
    case 'date':
      return new Date(Number(value));
    case 'bool':
      return value === true || value === 1 || value === '1' || value === 't';
    case 'int':
    case 'long':
    case 'double':
      return Number(value);
    case 'bytes':
      return Buffer.isBuffer(value) ? value : Buffer.from(value as Uint8Array);
    default:
      return value;
  }
}

function column(mapping: TableMapping, field: string, alias: string): { sql: string; kind: string } {
  const col = mapping.columns.get(field);
  if (!col) throw new Error(`unknown field ${mapping.entity}.${field}`);
  return { sql: `${alias}.${quote(col.column)}`, kind: col.kind };
}

/** Writes a WHERE fragment for a condition over `alias`; nested EXISTS get their own aliases. */
export function conditionSql(
  condition: Condition,
  mapping: TableMapping,
  alias: string,
  params: SqlParams,
  dialect: Dialect,
  depth = 0,
): string {
  const value = (kind: string, v: Scalar) => params.add(toDb(kind, v, dialect));
  switch (condition.kind) {
    case 'true': return '1=1';
    case 'false': return '1=0';
    case 'compare': {
      const c = column(mapping, condition.field, alias);
      if (condition.value === null) return condition.op === '<>' ? `${c.sql} IS NOT NULL` : `${c.sql} IS NULL`;
      if (condition.op === 'ilike') return `LOWER(${c.sql}) LIKE LOWER(${value(c.kind, condition.value)})`;
      if (condition.op === 'like') return `${c.sql} LIKE ${value(c.kind, condition.value)}`;
      return `${c.sql} ${condition.op} ${value(c.kind, condition.value)}`;
    }
    case 'in': {
      const c = column(mapping, condition.field, alias);
      if (condition.values.length === 0) return condition.negate ? '1=1' : '1=0';
      const list = condition.values.map((v) => value(c.kind, v)).join(', ');
      return `${c.sql} ${condition.negate ? 'NOT IN' : 'IN'} (${list})`;
    }
    case 'null': {
      const c = column(mapping, condition.field, alias);
      return `${c.sql} IS ${condition.negate ? 'NOT ' : ''}NULL`;
    }
    case 'not':
      return `NOT (${conditionSql(condition.item, mapping, alias, params, dialect, depth)})`;
    case 'and':
    case 'or': {
      if (condition.items.length === 0) return condition.kind === 'and' ? '1=1' : '1=0';
      const joiner = condition.kind === 'and' ? ' AND ' : ' OR ';
      return `(${condition.items.map((i) => conditionSql(i, mapping, alias, params, dialect, depth)).join(joiner)})`;
    }
    case 'exists': {
      const inner = mappingOf(condition.entity as EntityName);
      const innerAlias = `s${depth + 1}`;
      const links = condition.link.map(([innerField, outerField, op]) => {
        const a = column(inner, innerField, innerAlias).sql;
        const b = column(mapping, outerField, alias).sql;
        return op === 'is' ? `(${a} = ${b} OR (${a} IS NULL AND ${b} IS NULL))` : `${a} ${op ?? '='} ${b}`;
      });
      const filter = conditionSql(condition.where, inner, innerAlias, params, dialect, depth + 1);
      const sub = `SELECT 1 FROM ${quote(inner.table)} ${innerAlias} WHERE ${[...links, filter].join(' AND ')}`;
      return `${condition.negate ? 'NOT ' : ''}EXISTS (${sub})`;
    }
  }
}

export function orderSql(orderBy: readonly OrderBy[] | undefined, mapping: TableMapping, alias: string): string {
  const parts = (orderBy ?? []).map((o) => `${column(mapping, o.field, alias).sql} ${o.direction === 'desc' ? 'DESC' : 'ASC'}`);
  if (!parts.some((p) => p.startsWith(`${alias}."id" `))) parts.push(`${alias}."id" ASC`);
  return ` ORDER BY ${parts.join(', ')}`;
}
