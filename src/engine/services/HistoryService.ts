import { command } from '../../command/Command.js';
import type { CommandContext } from '../../command/CommandContext.js';
import type { CommandExecutor } from '../../command/CommandExecutor.js';
import {
  historicActivityInstanceQuery, historicProcessInstanceQueryFor, historicTaskInstanceQuery, historicVariableInstanceQueryFor,
} from '../../commands/history/historyQueries.js';
import { orQueryConditions } from '../../commands/query/filterGroups.js';
import { count, describe, list, type QueryDefinition } from '../../commands/query/QueryDefinition.js';
import { engineError } from '../../errors/EngineError.js';
import type { EntityName, EntityTypes } from '../../persistence/ports/entities.js';
import { where, type Condition } from '../../persistence/ports/query.js';
import type { QueryRequest } from '../query/QueryRequest.js';

/** A query table, or a function building it per request when filters depend on each other. */
type HistoryQuery<N extends EntityName> = QueryDefinition<N> | ((filters: QueryRequest['filters']) => QueryDefinition<N>);

const HISTORY_QUERIES = {
  processInstance: historicProcessInstanceQueryFor,
  activityInstance: historicActivityInstanceQuery,
  taskInstance: historicTaskInstanceQuery,
  variableInstance: historicVariableInstanceQueryFor,
} as const;

export type HistoryKind = keyof typeof HISTORY_QUERIES;
type EntityOf<K extends HistoryKind> = (typeof HISTORY_QUERIES)[K] extends HistoryQuery<infer N> ? EntityTypes[N] : never;

/** The query table of a kind for one request's filters. */
function tableFor(kind: HistoryKind, filters: QueryRequest['filters'] = {}): QueryDefinition<EntityName> {
  const query = HISTORY_QUERIES[kind] as HistoryQuery<EntityName>;
  return typeof query === 'function' ? query(filters) : query;
}

/**
 * Conditions a query adds besides its filters: the `orQueries` entries of historic process
 * instance queries, and for historic variables the exclusion of deleted ones unless
 * `includeDeleted` is set, as in Camunda.
 */
function defaults(ctx: CommandContext, kind: HistoryKind, request: QueryRequest): Condition<EntityName>[] {
  if (kind === 'processInstance') {
    return orQueryConditions((filters) => tableFor(kind, filters), request.filters['orQueries'], ctx) as Condition<EntityName>[];
  }
  if (kind === 'variableInstance' && request.filters['includeDeleted'] !== true) {
    return [where.cmp('state', '<>', 'DELETED')];
  }
  return [];
}

/** History queries (Camunda's HistoryService). */
export class HistoryService {
  static readonly queries = Object.fromEntries(Object.keys(HISTORY_QUERIES).map((k) => [k, describe(tableFor(k as HistoryKind))]));

  constructor(private readonly executor: CommandExecutor) {}

  query<K extends HistoryKind>(kind: K, request: QueryRequest): Promise<EntityOf<K>[]> {
    const query = tableFor(kind, request.filters);
    return this.executor.execute(command(`QueryHistoric-${kind}`, (ctx) => list(ctx, query, request, defaults(ctx, kind, request)), true)) as Promise<EntityOf<K>[]>;
  }

  count(kind: HistoryKind, request: QueryRequest): Promise<number> {
    const query = tableFor(kind, request.filters);
    return this.executor.execute(command(`CountHistoric-${kind}`, (ctx) => count(ctx, query, request, defaults(ctx, kind, request)), true));
  }

  get<K extends HistoryKind>(kind: K, id: string, notFoundMessage: string): Promise<EntityOf<K>> {
    const query = tableFor(kind);
    return this.executor.execute(command(`GetHistoric-${kind}`, async (ctx) => {
      const row = await ctx.uow.get(query.entity, id);
      if (!row) throw engineError('restNotFound', notFoundMessage);
      return row;
    }, true)) as Promise<EntityOf<K>>;
  }
}
