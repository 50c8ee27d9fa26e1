import type { FilterKind } from '../../engine/query/QueryRequest.js';
import type { EntityName, FieldOf } from '../../persistence/ports/entities.js';
import { where, type Condition } from '../../persistence/ports/query.js';
import type { CommandContext } from '../../command/CommandContext.js';
import { conditionOf, filter, type FilterDef, type QueryDefinition } from './QueryDefinition.js';

/** The filters of one query request, by Camunda parameter name. */
export type Filters = Readonly<Record<string, unknown>>;

/** Marks the filters of one `orQueries` entry (see orQueryConditions). */
export const OR_QUERY = '$orQuery';

/** A filter value that was given (Camunda's DTOs skip null fields). */
export function isPresent(value: unknown): boolean {
  return value !== undefined && value !== null;
}

/**
 * Camunda's tenant filters. `withoutTenantId` and `tenantIdIn` set the same query field, and the
 * DTOs apply `withoutTenantId` last, so it wins; `includeKey` (e.g.
 * includeProcessDefinitionsWithoutTenantId) widens a `tenantIdIn` to the rows without tenant.
 */
export function tenantFilters<N extends EntityName>(filters: Filters, field: FieldOf<N>, includeKey?: string): Record<string, FilterDef<N>> {
  const result: Record<string, FilterDef<N>> = {
    tenantIdIn: filter.custom<N, string[]>('stringList', (ids) => {
      if (filters['withoutTenantId'] === true || ids.length === 0) return undefined;
      const among = where.in<N>(field, ids);
      return includeKey !== undefined && filters[includeKey] === true ? where.or<N>(among, where.isNull<N>(field)) : among;
    }),
    withoutTenantId: filter.flag<N>(where.isNull<N>(field)),
  };
  if (includeKey !== undefined) result[includeKey] = filter.flag<N>({ kind: 'true' });
  return result;
}

/** A filter on a related row: its input kind and the condition on that row (none: only the row must exist). */
export interface RowFilter<R extends EntityName> {
  kind: FilterKind;
  build(value: never): Condition<R> | undefined;
}

/** A member of a same-row group. */
export function rowFilter<R extends EntityName, V>(kind: FilterKind, build: (value: V) => Condition<R> | undefined): RowFilter<R> {
  return { kind, build: build as RowFilter<R>['build'] };
}

/** The related row of a flag filter: any row when true, no join when false. */
export function rowFlag<R extends EntityName>(condition: Condition<R> = { kind: 'true' }): RowFilter<R> {
  return rowFilter<R, boolean>('boolean', (v) => (v ? condition : undefined));
}

/** The combined condition of the present members of a group, or undefined when none joins the row. */
function groupCondition<R extends EntityName>(filters: Filters, members: Readonly<Record<string, RowFilter<R>>>): Condition<R> | undefined {
  const parts: Condition<R>[] = [];
  for (const [name, member] of Object.entries(members)) {
    if (!isPresent(filters[name])) continue;
    const condition = member.build(filters[name] as never);
    if (condition) parts.push(condition);
  }
  return parts.length === 0 ? undefined : where.and<R>(...parts);
}

/**
 * Filters Camunda applies to one joined row, e.g. every incident filter to the same
 * ACT_RU_INCIDENT row: `incidentType=a&incidentMessage=b` wants one incident with both. The first
 * present member builds a single `exists` (via `related`) holding the conditions of all present
 * members; the other members add nothing. In an `orQueries` entry (marked with OR_QUERY) each
 * member is a condition of its own, as Camunda's left join there makes it.
 */
export function sameRowFilters<N extends EntityName, R extends EntityName>(filters: Filters,
  members: Readonly<Record<string, RowFilter<R>>>, related: (condition: Condition<R>) => Condition<N>): Record<string, FilterDef<N>> {
  const names = Object.keys(members);
  const leader = names.find((name) => isPresent(filters[name]));
  return Object.fromEntries(names.map((name) => [name, filter.custom<N, unknown>((members[name] as RowFilter<R>).kind, (value) => {
    if (filters[OR_QUERY] === true) {
      const own = (members[name] as RowFilter<R>).build(value as never);
      return own === undefined ? undefined : related(own);
    }
    if (name !== leader) return undefined;
    const condition = groupCondition(filters, members);
    return condition === undefined ? undefined : related(condition);
  })]));
}

/**
 * A filter that can match nothing in m8flow (CMMN case ids, jobs): any given value gives no rows
 * (an empty list is not applied, as in Camunda's DTOs).
 */
export function matchesNothing<N extends EntityName>(kind: FilterKind): FilterDef<N> {
  return filter.custom<N, unknown>(kind, (v) => (Array.isArray(v) && v.length === 0 ? undefined : { kind: 'false' }));
}

/** A flag that can match nothing in m8flow: true gives no rows, false changes nothing. */
export function flagMatchesNothing<N extends EntityName>(): FilterDef<N> {
  return filter.flag<N>({ kind: 'false' });
}

/**
 * Camunda's `orQueries` (POST bodies of instance queries): within one entry the given filters are
 * alternatives, and every entry must hold. Flags without a condition of their own (ignore-case,
 * false flags) add no alternative; an entry without any alternative holds for every row.
 */
export function orQueryConditions<N extends EntityName>(queryFor: (filters: Filters) => QueryDefinition<N>,
  orQueries: unknown, ctx: CommandContext): Condition<N>[] {
  if (!Array.isArray(orQueries)) return [];
  return orQueries.map((entry: Filters) => {
    const table = queryFor({ ...entry, [OR_QUERY]: true });
    const alternatives = Object.entries(entry)
      .map(([name, value]) => conditionOf(table, { filters: { [name]: value }, sorting: [] }, ctx))
      .filter((condition) => condition.kind !== 'true');
    return alternatives.length === 0 ? { kind: 'true' } : where.or<N>(...alternatives);
  });
}
