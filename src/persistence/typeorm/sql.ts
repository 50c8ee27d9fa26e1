import type { CompareCondition, Condition, ExistsCondition, OrderBy, RelatedOrder } from '../ports/query.js';
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

/** Where a condition is written: the table mapping, its alias, the parameters and the dialect. */
interface Scope {
  mapping: TableMapping;
  alias: string;
  params: SqlParams;
  dialect: Dialect;
  depth: number;
}

/** Camunda's LIKE escape character (backslash), stated explicitly so SQLite matches PostgreSQL. */
const ESCAPE = ` ESCAPE '\\'`;

function compareSql(condition: CompareCondition, scope: Scope): string {
  const c = column(scope.mapping, condition.field, scope.alias);
  if (condition.value === null) return condition.op === '<>' ? `${c.sql} IS NOT NULL` : `${c.sql} IS NULL`;
  const param = scope.params.add(toDb(c.kind, condition.value, scope.dialect));
  if (condition.op === 'ilike') return `LOWER(${c.sql}) LIKE LOWER(${param})${ESCAPE}`;
  const [left, right] = condition.ignoreCase ? [`UPPER(${c.sql})`, `UPPER(${param})`] : [c.sql, param];
  if (condition.op === 'like') return `${left} LIKE ${right}${ESCAPE}`;
  return `${left} ${condition.op} ${right}`;
}

function inSql(condition: Extract<Condition, { kind: 'in' }>, scope: Scope): string {
  const c = column(scope.mapping, condition.field, scope.alias);
  if (condition.values.length === 0) return condition.negate ? '1=1' : '1=0';
  const list = condition.values.map((v) => scope.params.add(toDb(c.kind, v, scope.dialect))).join(', ');
  return `${c.sql} ${condition.negate ? 'NOT IN' : 'IN'} (${list})`;
}

/** The correlation of a sub-select: inner fields compared with fields of the outer row. */
function linkSql(link: ExistsCondition['link'], inner: TableMapping, innerAlias: string, scope: Scope): string[] {
  return link.map(([innerField, outerField, op]) => {
    const a = column(inner, innerField, innerAlias).sql;
    const b = column(scope.mapping, outerField, scope.alias).sql;
    return op === 'is' ? `(${a} = ${b} OR (${a} IS NULL AND ${b} IS NULL))` : `${a} ${op ?? '='} ${b}`;
  });
}

function existsSql(condition: ExistsCondition, scope: Scope): string {
  const inner = mappingOf(condition.entity);
  const innerScope: Scope = { ...scope, mapping: inner, alias: `s${scope.depth + 1}`, depth: scope.depth + 1 };
  const filter = whereSql(condition.where, innerScope);
  const sub = `SELECT 1 FROM ${quote(inner.table)} ${innerScope.alias} WHERE ${[...linkSql(condition.link, inner, innerScope.alias, scope), filter].join(' AND ')}`;
  return `${condition.negate ? 'NOT ' : ''}EXISTS (${sub})`;
}

function whereSql(condition: Condition, scope: Scope): string {
  switch (condition.kind) {
    case 'true': return '1=1';
    case 'false': return '1=0';
    case 'compare': return compareSql(condition, scope);
    case 'in': return inSql(condition, scope);
    case 'null': return `${column(scope.mapping, condition.field, scope.alias).sql} IS ${condition.negate ? 'NOT ' : ''}NULL`;
    case 'not': return `NOT (${whereSql(condition.item, scope)})`;
    case 'and':
    case 'or': {
      if (condition.items.length === 0) return condition.kind === 'and' ? '1=1' : '1=0';
      const joiner = condition.kind === 'and' ? ' AND ' : ' OR ';
      return `(${condition.items.map((i) => whereSql(i, scope)).join(joiner)})`;
    }
    case 'exists': return existsSql(condition, scope);
  }
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
  return whereSql(condition, { mapping, alias, params, dialect, depth });
}

/** A correlated scalar sub-select of a related row's value (MIN ascending, MAX descending). */
function relatedOrderSql(order: RelatedOrder, scope: Scope): string {
  const inner = mappingOf(order.related.entity);
  const innerAlias = 'o1';
  const innerScope: Scope = { ...scope, mapping: inner, alias: innerAlias, depth: 1 };
  const value = column(inner, order.related.field, innerAlias).sql;
  const expression = order.lower ? `LOWER(${value})` : value;
  const filter = whereSql(order.related.where, innerScope);
  const conditions = [...linkSql(order.related.link, inner, innerAlias, scope), filter].join(' AND ');
  const aggregate = order.direction === 'desc' ? 'MAX' : 'MIN';
  return `(SELECT ${aggregate}(${expression}) FROM ${quote(inner.table)} ${innerAlias} WHERE ${conditions})`;
}

function orderTermSql(order: OrderBy, scope: Scope): string {
  if ('related' in order) return relatedOrderSql(order, scope);
  const c = column(scope.mapping, order.field, scope.alias).sql;
  return order.lower ? `LOWER(${c})` : c;
}

/**
 * ORDER BY for the given terms, always ending with the id so paging is stable. Sub-select terms
 * add their parameters to `params` (call after writing the WHERE clause).
 */
export function orderSql(orderBy: readonly OrderBy[] | undefined, mapping: TableMapping, alias: string,
  params: SqlParams, dialect: Dialect): string {
  const scope: Scope = { mapping, alias, params, dialect, depth: 0 };
  const parts = (orderBy ?? []).map((o) => `${orderTermSql(o, scope)} ${o.direction === 'desc' ? 'DESC' : 'ASC'}`);
  if (!parts.some((p) => p.startsWith(`${alias}."id" `))) parts.push(`${alias}."id" ASC`);
  return ` ORDER BY ${parts.join(', ')}`;
}
