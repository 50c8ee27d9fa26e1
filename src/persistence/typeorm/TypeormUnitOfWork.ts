import type { QueryRunner } from 'typeorm';
import { engineError } from '../../errors/EngineError.js';
import type { EntityName, EntityTypes, FieldOf } from '../ports/entities.js';
import { matches } from '../ports/matches.js';
import type { Condition, OrderBy, QuerySpec, Scalar } from '../ports/query.js';
import type { UnitOfWork } from '../ports/UnitOfWork.js';
import type { Dialect } from './columnKinds.js';
import { conditionSql, fromDb, orderSql, quote, SqlParams, toDb } from './sql.js';
import { mappingOf, TABLES, type TableMapping } from './tables.js';

/** Bound parameters per statement, under both SQLite's (32766) and PostgreSQL's (65535) limits. */
const MAX_PARAMETERS = 2000;

type AnyEntity = Record<string, unknown> & { id: string; rev?: number };

interface Tracked {
  entity: AnyEntity;
  snapshot: AnyEntity;
}

function sameValue(a: unknown, b: unknown): boolean {
  if (a instanceof Date && b instanceof Date) return a.getTime() === b.getTime();
  if (Buffer.isBuffer(a) && Buffer.isBuffer(b)) return a.equals(b);
  return a === b;
}

function rowToEntity(mapping: TableMapping, row: Record<string, unknown>): AnyEntity {
  const entity: Record<string, unknown> = {};
  for (const [property, col] of mapping.columns) entity[property] = fromDb(col.kind, row[col.column]);
  return entity as AnyEntity;
}

/**
 * Unit of work over one TypeORM query runner (one connection, one transaction). See the port for
 * the contract; this class adds SQL generation and the ordered flush.
 */
export class TypeormUnitOfWork implements UnitOfWork {
  private readonly loaded = new Map<EntityName, Map<string, Tracked>>();
  private readonly inserted = new Map<EntityName, Map<string, AnyEntity>>();
  private readonly deleted = new Map<EntityName, Map<string, AnyEntity>>();
  private readonly bulkDeletes: { name: EntityName; where: Condition }[] = [];
  private pending: Promise<unknown> = Promise.resolve();

  constructor(private readonly runner: QueryRunner, private readonly dialect: Dialect) {}

  private bucket<V>(map: Map<EntityName, Map<string, V>>, name: EntityName): Map<string, V> {
    let inner = map.get(name);
    if (!inner) map.set(name, (inner = new Map()));
    return inner;
  }

  private isDeleted(name: EntityName, id: string): boolean {
    return this.bucket(this.deleted, name).has(id);
  }

  /** Returns the cached object for a row, or starts tracking the row. */
  private track(name: EntityName, fresh: AnyEntity): AnyEntity {
    const loaded = this.bucket(this.loaded, name);
    const known = loaded.get(fresh.id) ?? undefined;
    if (known) return known.entity;
    const pending = this.bucket(this.inserted, name).get(fresh.id);
    if (pending) return pending;
    loaded.set(fresh.id, { entity: fresh, snapshot: { ...fresh } });
    return fresh;
  }

  async get<N extends EntityName>(name: N, id: string): Promise<EntityTypes[N] | undefined> {
    if (this.isDeleted(name, id)) return undefined;
    const cached = this.bucket(this.loaded, name).get(id)?.entity ?? this.bucket(this.inserted, name).get(id);
    if (cached) return cached as unknown as EntityTypes[N];
    const rows = await this.select(name, { where: { kind: 'compare', field: 'id' as FieldOf<N>, op: '=', value: id } });
    return rows[0];
  }

  async find<N extends EntityName>(name: N, spec: QuerySpec<N> = {}): Promise<EntityTypes[N][]> {
    const fromDbRows = await this.select(name, spec);
    const pending = [...this.bucket(this.inserted, name).values()].filter((e) => matches(e, spec.where) === true);
    if (pending.length === 0) return fromDbRows;
    // Entities not yet flushed join the result; paging applies to the database part only.
    return [...fromDbRows, ...(pending as unknown as EntityTypes[N][])];
  }

  private async select<N extends EntityName>(name: N, spec: QuerySpec<N>): Promise<EntityTypes[N][]> {
    const mapping = mappingOf(name);
    const params = new SqlParams(this.dialect);
    let sql = `SELECT t.* FROM ${quote(mapping.table)} t`;
    if (spec.where) sql += ` WHERE ${conditionSql(spec.where, mapping, 't', params, this.dialect)}`;
    sql += orderSql(spec.orderBy as readonly OrderBy[] | undefined, mapping, 't', params, this.dialect);
    if (spec.limit !== undefined) sql += ` LIMIT ${params.add(Math.max(0, Math.floor(spec.limit)))}`;
    else if (spec.offset) sql += this.dialect === 'sqlite' ? ' LIMIT -1' : '';
    if (spec.offset) sql += ` OFFSET ${params.add(Math.max(0, Math.floor(spec.offset)))}`;
    const rows = (await this.query(sql, params.values)) as Record<string, unknown>[];
    const result: EntityTypes[N][] = [];
    for (const row of rows) {
      const entity = rowToEntity(mapping, row);
      if (this.isDeleted(name, entity.id)) continue;
      result.push(this.track(name, entity) as unknown as EntityTypes[N]);
    }
    return result;
  }

  async count<N extends EntityName>(name: N, where?: Condition<N>): Promise<number> {
    const mapping = mappingOf(name);
    const params = new SqlParams(this.dialect);
    let sql = `SELECT COUNT(*) AS cnt FROM ${quote(mapping.table)} t`;
    if (where) sql += ` WHERE ${conditionSql(where, mapping, 't', params, this.dialect)}`;
    const rows = (await this.query(sql, params.values)) as { cnt: unknown }[];
    return Number(rows[0]?.cnt ?? 0);
  }

  async distinct<N extends EntityName>(name: N, field: FieldOf<N>, where?: Condition<N>): Promise<Scalar[]> {
    const mapping = mappingOf(name);
    const col = mapping.columns.get(field);
    if (!col) throw new Error(`unknown field ${name}.${field}`);
    const params = new SqlParams(this.dialect);
    let sql = `SELECT DISTINCT t.${quote(col.column)} AS v FROM ${quote(mapping.table)} t`;
    if (where) sql += ` WHERE ${conditionSql(where, mapping, 't', params, this.dialect)}`;
    sql += ` ORDER BY v`;
    const rows = (await this.query(sql, params.values)) as { v: unknown }[];
    return rows.map((r) => fromDb(col.kind, r.v) as Scalar);
  }

  insert<N extends EntityName>(name: N, entity: EntityTypes[N]): void {
    const e = entity as unknown as AnyEntity;
    this.bucket(this.deleted, name).delete(e.id);
    this.bucket(this.inserted, name).set(e.id, e);
  }

  delete<N extends EntityName>(name: N, entity: EntityTypes[N]): void {
    const e = entity as unknown as AnyEntity;
    if (this.bucket(this.inserted, name).delete(e.id)) return;
    this.bucket(this.deleted, name).set(e.id, e);
  }

  deleteWhere<N extends EntityName>(name: N, where: Condition<N>): void {
    this.bulkDeletes.push({ name, where: where as Condition });
    for (const [id, pending] of this.bucket(this.inserted, name)) {
      if (matches(pending, where as Condition) === true) this.bucket(this.inserted, name).delete(id);
    }
  }

  async tryUpdate<N extends EntityName>(name: N, entity: EntityTypes[N], changes: Partial<EntityTypes[N]>): Promise<boolean> {
    const mapping = mappingOf(name);
    const e = entity as unknown as AnyEntity;
    const tracked = this.bucket(this.loaded, name).get(e.id);
    if (!tracked || !mapping.versioned) throw new Error(`tryUpdate needs a loaded versioned ${name}`);
    const params = new SqlParams(this.dialect);
    const sets = Object.entries(changes).map(([property, value]) => {
      const col = mapping.columns.get(property);
      if (!col) throw new Error(`unknown field ${name}.${property}`);
      return `${quote(col.column)} = ${params.add(toDb(col.kind, value ?? null, this.dialect))}`;
    });
    const sql = `UPDATE ${quote(mapping.table)} SET ${sets.join(', ')}, "rev" = "rev" + 1 WHERE "id" = ${params.add(e.id)} AND "rev" = ${params.add(tracked.snapshot['rev'])}`;
    if ((await this.execute(sql, params.values)) === 0) return false;
    Object.assign(e, changes);
    e.rev = Number(tracked.snapshot['rev']) + 1;
    tracked.snapshot = { ...e };
    return true;
  }

  cached<N extends EntityName>(name: N): EntityTypes[N][] {
    const loaded = [...this.bucket(this.loaded, name).values()].map((t) => t.entity);
    const all = [...loaded, ...this.bucket(this.inserted, name).values()];
    return all.filter((e) => !this.isDeleted(name, e.id)) as unknown as EntityTypes[N][];
  }

  async flush(): Promise<void> {
    for (const mapping of TABLES) await this.flushInserts(mapping);
    for (const mapping of TABLES) await this.flushUpdates(mapping);
    for (const mapping of [...TABLES].reverse()) await this.flushDeletes(mapping);
    for (const { name, where } of this.bulkDeletes.splice(0)) await this.runDeleteWhere(name, where);
  }

  /** Inserts a table's new rows with multi-row statements (one round trip per batch, not per row). */
  private async flushInserts(mapping: TableMapping): Promise<void> {
    const pending = [...this.bucket(this.inserted, mapping.entity).values()];
    const columns = [...mapping.columns];
    const perStatement = Math.max(1, Math.floor(MAX_PARAMETERS / columns.length));
    const columnList = columns.map(([, col]) => quote(col.column)).join(', ');
    for (let start = 0; start < pending.length; start += perStatement) {
      const batch = pending.slice(start, start + perStatement);
      const params = new SqlParams(this.dialect);
      const rows = batch.map((entity) => {
        if (mapping.versioned && entity.rev === undefined) entity.rev = 1;
        return `(${columns.map(([property, col]) => params.add(toDb(col.kind, entity[property] ?? null, this.dialect))).join(', ')})`;
      });
      await this.query(`INSERT INTO ${quote(mapping.table)} (${columnList}) VALUES ${rows.join(', ')}`, params.values);
      for (const entity of batch) this.bucket(this.loaded, mapping.entity).set(entity.id, { entity, snapshot: { ...entity } });
    }
    this.bucket(this.inserted, mapping.entity).clear();
  }

  private async flushUpdates(mapping: TableMapping): Promise<void> {
    for (const tracked of this.bucket(this.loaded, mapping.entity).values()) {
      if (this.isDeleted(mapping.entity, tracked.entity.id)) continue;
      const changed = [...mapping.columns].filter(
        ([property]) => property !== 'rev' && !sameValue(tracked.entity[property], tracked.snapshot[property]));
      if (changed.length === 0) continue;
      const params = new SqlParams(this.dialect);
      const sets = changed.map(([property, col]) =>
        `${quote(col.column)} = ${params.add(toDb(col.kind, tracked.entity[property] ?? null, this.dialect))}`);
      let sql = `UPDATE ${quote(mapping.table)} SET ${sets.join(', ')}`;
      if (mapping.versioned) sql += `, "rev" = "rev" + 1`;
      sql += ` WHERE "id" = ${params.add(tracked.entity.id)}`;
      if (mapping.versioned) sql += ` AND "rev" = ${params.add(tracked.snapshot['rev'])}`;
      const affected = await this.execute(sql, params.values);
      if (affected === 0) {
        throw engineError('optimisticLocking',
          `ENGINE-03005 Execution of 'UPDATE ${mapping.entity}[${tracked.entity.id}]' failed. Entity was updated by another transaction concurrently.`);
      }
      if (mapping.versioned) tracked.entity.rev = Number(tracked.snapshot['rev']) + 1;
      tracked.snapshot = { ...tracked.entity };
    }
  }

  private async flushDeletes(mapping: TableMapping): Promise<void> {
    const pending = this.bucket(this.deleted, mapping.entity);
    for (const entity of pending.values()) {
      const params = new SqlParams(this.dialect);
      let sql = `DELETE FROM ${quote(mapping.table)} WHERE "id" = ${params.add(entity.id)}`;
      const tracked = this.bucket(this.loaded, mapping.entity).get(entity.id);
      if (mapping.versioned && tracked) sql += ` AND "rev" = ${params.add(tracked.snapshot['rev'])}`;
      const affected = await this.execute(sql, params.values);
      if (affected === 0 && mapping.versioned) {
        throw engineError('optimisticLocking',
          `ENGINE-03005 Execution of 'DELETE ${mapping.entity}[${entity.id}]' failed. Entity was updated by another transaction concurrently.`);
      }
      this.bucket(this.loaded, mapping.entity).delete(entity.id);
    }
    pending.clear();
  }

  private async runDeleteWhere(name: EntityName, where: Condition): Promise<void> {
    const mapping = mappingOf(name);
    const params = new SqlParams(this.dialect);
    const sql = `DELETE FROM ${quote(mapping.table)} WHERE ${conditionSql(where, mapping, quote(mapping.table), params, this.dialect)}`;
    await this.execute(sql, params.values);
  }

  /**
   * One statement at a time on this connection: deferred history writes may ask while another
   * statement runs, and a PostgreSQL client must not be given a second query meanwhile.
   */
  private query(sql: string, values: unknown[], structured = false): Promise<unknown> {
    const run = () => (structured ? this.runner.query(sql, values, true) : this.runner.query(sql, values)) as Promise<unknown>;
    const result = this.pending.then(run, run);
    this.pending = result.catch(() => undefined);
    return result;
  }

  private async execute(sql: string, values: unknown[]): Promise<number> {
    const result = (await this.query(sql, values, true)) as { affected?: number | null };
    return Number(result.affected ?? 0);
  }
}
