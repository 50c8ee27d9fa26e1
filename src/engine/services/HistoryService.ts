import { command } from '../../command/Command.js';
import type { CommandExecutor } from '../../command/CommandExecutor.js';
import {
  historicActivityInstanceQuery, historicProcessInstanceQuery, historicTaskInstanceQuery, historicVariableInstanceQuery,
} from '../../commands/history/historyQueries.js';
import { count, describe, list, type QueryDefinition } from '../../commands/query/QueryDefinition.js';
import { engineError } from '../../errors/EngineError.js';
import type { EntityName, EntityTypes } from '../../persistence/ports/entities.js';
import { where, type Condition } from '../../persistence/ports/query.js';
import type { QueryRequest } from '../query/QueryRequest.js';

const HISTORY_QUERIES = {
  processInstance: historicProcessInstanceQuery,
  activityInstance: historicActivityInstanceQuery,
  taskInstance: historicTaskInstanceQuery,
  variableInstance: historicVariableInstanceQuery,
} as const;

export type HistoryKind = keyof typeof HISTORY_QUERIES;
type EntityOf<K extends HistoryKind> = (typeof HISTORY_QUERIES)[K] extends QueryDefinition<infer N> ? EntityTypes[N] : never;

/** Historic variables exclude deleted ones unless `includeDeleted` is set, as in Camunda. */
function defaults(kind: HistoryKind, request: QueryRequest): Condition<EntityName>[] {
  if (kind === 'variableInstance' && request.filters['includeDeleted'] !== true) {
    return [where.cmp('state', '<>', 'DELETED')];
  }
  return [];
}

/** History queries (Camunda's HistoryService). */
export class HistoryService {
  static readonly queries = Object.fromEntries(Object.entries(HISTORY_QUERIES).map(([k, q]) => [k, describe(q as QueryDefinition<EntityName>)]));

  constructor(private readonly executor: CommandExecutor) {}

  query<K extends HistoryKind>(kind: K, request: QueryRequest): Promise<EntityOf<K>[]> {
    const query = HISTORY_QUERIES[kind] as QueryDefinition<EntityName>;
    return this.executor.execute(command(`QueryHistoric-${kind}`, (ctx) => list(ctx, query, request, defaults(kind, request)), true)) as Promise<EntityOf<K>[]>;
  }

  count(kind: HistoryKind, request: QueryRequest): Promise<number> {
    const query = HISTORY_QUERIES[kind] as QueryDefinition<EntityName>;
    return this.executor.execute(command(`CountHistoric-${kind}`, (ctx) => count(ctx, query, request, defaults(kind, request)), true));
  }

  get<K extends HistoryKind>(kind: K, id: string, notFoundMessage: string): Promise<EntityOf<K>> {
    const query = HISTORY_QUERIES[kind] as QueryDefinition<EntityName>;
    return this.executor.execute(command(`GetHistoric-${kind}`, async (ctx) => {
      const row = await ctx.uow.get(query.entity, id);
      if (!row) throw engineError('restNotFound', notFoundMessage);
      return row;
    }, true)) as Promise<EntityOf<K>>;
  }
}
