import type { CommandContext } from '../../command/CommandContext.js';
import type { FilterKind, QueryDescriptor, QueryRequest, Sorting, VariableFilter } from '../../engine/query/QueryRequest.js';
import { engineError } from '../../errors/EngineError.js';
import type { EntityName, FieldOf } from '../../persistence/ports/entities.js';
import { where, type CompareOp, type Condition, type OrderBy, type QuerySpec } from '../../persistence/ports/query.js';
import { variableCondition, type VariableConditionOptions } from './variableValueConditions.js';

export type { VariableConditionOptions } from './variableValueConditions.js';

/** One named filter: its input kind and how it narrows the query. */
export interface FilterDef<N extends EntityName> {
  kind: FilterKind;
  build(value: never, ctx: CommandContext): Condition<N> | undefined;
}

/**
 * A sort key: a field, or a function giving the ORDER BY terms for one sorting entry (e.g. a
 * variable sort reading `parameters`; no terms for a column m8flow does not have, which is null).
 */
export type SortDef<N extends EntityName> = FieldOf<N> | ((sorting: Sorting) => OrderBy<N>[]);

/** A Camunda query over one entity: filters by parameter name, sort keys, default order. */
export interface QueryDefinition<N extends EntityName> {
  entity: N;
  filters: Record<string, FilterDef<N>>;
  sorts: Record<string, SortDef<N>>;
  /**
   * Builds the whole condition of a request, for queries whose filters depend on each other
   * (or-queries, one joined row shared by several filters, Camunda's checks of filter
   * combinations). Without it, every given filter adds its own condition and all are AND-ed.
   */
  condition?(filters: Readonly<Record<string, unknown>>, ctx: CommandContext): Condition<N>;
}

function def<N extends EntityName, V>(kind: FilterKind, build: (value: V, ctx: CommandContext) => Condition<N> | undefined): FilterDef<N> {
  return { kind, build: build as FilterDef<N>['build'] };
}

/** Filter builders used by the query tables. */
export const filter = {
  eq: <N extends EntityName>(field: FieldOf<N>) => def<N, string>('string', (v) => where.eq<N>(field, v)),
  ne: <N extends EntityName>(field: FieldOf<N>) => def<N, string>('string', (v) => where.cmp<N>(field, '<>', v)),
  like: <N extends EntityName>(field: FieldOf<N>) => def<N, string>('string', (v) => where.cmp<N>(field, 'like', v)),
  notLike: <N extends EntityName>(field: FieldOf<N>) => def<N, string>('string', (v) => where.not<N>(where.cmp<N>(field, 'like', v))),
  in: <N extends EntityName>(field: FieldOf<N>) => def<N, string[]>('stringList', (v) => where.in<N>(field, v)),
  notIn: <N extends EntityName>(field: FieldOf<N>) => def<N, string[]>('stringList', (v) => ({ kind: 'in', field, values: v, negate: true } as Condition<N>)),
  int: <N extends EntityName>(field: FieldOf<N>, op: CompareOp = '=') => def<N, number>('integer', (v) => where.cmp<N>(field, op, v)),
  date: <N extends EntityName>(field: FieldOf<N>, op: CompareOp) => def<N, Date>('date', (v) => where.cmp<N>(field, op, v)),
  /** Camunda's `…On` date filters match the whole second. */
  dateOn: <N extends EntityName>(field: FieldOf<N>) => def<N, Date>('date', (v) => {
    const start = new Date(Math.floor(v.getTime() / 1000) * 1000);
    return where.and<N>(where.cmp<N>(field, '>=', start), where.cmp<N>(field, '<', new Date(start.getTime() + 1000)));
  }),
  /** A flag filter: applies `condition` when true, nothing when false. */
  flag: <N extends EntityName>(condition: Condition<N>) => def<N, boolean>('boolean', (v) => (v ? condition : undefined)),
  custom: <N extends EntityName, V>(kind: FilterKind, build: (value: V, ctx: CommandContext) => Condition<N> | undefined) => def<N, V>(kind, build),
};

export function describe<N extends EntityName>(query: QueryDefinition<N>): QueryDescriptor {
  return {
    filters: Object.fromEntries(Object.entries(query.filters).map(([name, f]) => [name, f.kind])),
    sortBy: Object.keys(query.sorts),
  };
}

/** Applies a query request's filters; unknown filter names are ignored, as Camunda ignores them. */
export function conditionOf<N extends EntityName>(query: QueryDefinition<N>, request: QueryRequest, ctx: CommandContext, extra: Condition<N>[] = []): Condition<N> {
  const parts: Condition<N>[] = [...extra];
  if (query.condition) {
    const own = query.condition(request.filters, ctx);
    return parts.length === 0 ? own : where.and(...parts, own);
  }
  for (const [name, value] of Object.entries(request.filters)) {
    if (value === undefined || value === null) continue;
    const filterDef = query.filters[name];
    if (!filterDef) continue;
    const condition = filterDef.build(value as never, ctx);
    if (condition) parts.push(condition);
  }
  return parts.length === 0 ? { kind: 'true' } : where.and(...parts);
}

export function orderOf<N extends EntityName>(query: QueryDefinition<N>, request: QueryRequest): OrderBy<N>[] {
  return request.sorting.flatMap((s) => {
    const sort = query.sorts[s.sortBy];
    if (!sort) throw engineError('invalidRequest', `Cannot set query parameter 'sortBy' to value '${s.sortBy}': sortBy parameter has invalid value: ${s.sortBy}`);
    return typeof sort === 'function' ? sort(s) : [{ field: sort, direction: s.sortOrder } as OrderBy<N>];
  });
}

export function specOf<N extends EntityName>(query: QueryDefinition<N>, request: QueryRequest, ctx: CommandContext, extra: Condition<N>[] = []): QuerySpec<N> {
  const spec: QuerySpec<N> = { where: conditionOf(query, request, ctx, extra), orderBy: orderOf(query, request) };
  if (request.firstResult !== undefined) spec.offset = request.firstResult;
  if (request.maxResults !== undefined) spec.limit = request.maxResults;
  return spec;
}

/** Runs a list query. */
export async function list<N extends EntityName>(ctx: CommandContext, query: QueryDefinition<N>, request: QueryRequest, extra: Condition<N>[] = []) {
  return ctx.uow.find(query.entity, specOf(query, request, ctx, extra));
}

/** Runs a count query. */
export async function count<N extends EntityName>(ctx: CommandContext, query: QueryDefinition<N>, request: QueryRequest, extra: Condition<N>[] = []) {
  return ctx.uow.count(query.entity, conditionOf(query, request, ctx, extra));
}

/**
 * Condition on a variable row for one of Camunda's variable filter entries (see
 * variableValueConditions.ts); `options` carry the query's ignore-case flags and its DTO's texts.
 */
export function variableValueCondition(f: VariableFilter, options: VariableConditionOptions = {}): Condition<'variable'> {
  return variableCondition(f, options);
}
