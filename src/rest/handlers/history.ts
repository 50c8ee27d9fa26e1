import { HistoryService, type HistoryKind } from '../../api.js';
import type { QueryDescriptor } from '../../api.js';
import { historicActivityInstanceDto, historicProcessInstanceDto, historicTaskInstanceDto } from '../dto/history.js';
import { queryFromBody, queryFromParams, type QueryParseOptions } from '../query/queryParams.js';
import { postedQueryWithOr } from './postedQuery.js';
import type { Handler, HandlerContext } from '../reply.js';
import { ok } from '../reply.js';

function routes(kind: HistoryKind, names: { list: string; query: string; count: string; queryCount: string; get?: string },
  toDto: (row: never) => unknown, notFound: (id: string) => string): Record<string, Handler> {
  const descriptor = HistoryService.queries[kind] as QueryDescriptor;
  const map = (rows: unknown[]) => rows.map((row) => toDto(row as never));
  const handlers: Record<string, Handler> = {
    [names.list]: async (c) => ok(map(await c.engine.history.query(kind, queryFromParams(c.query, descriptor)))),
    [names.query]: async (c) => ok(map(await c.engine.history.query(kind, postedQueryWithOr(c.body, c.query, descriptor)))),
    [names.count]: async (c) => ok({ count: await c.engine.history.count(kind, queryFromParams(c.query, descriptor)) }),
    [names.queryCount]: async (c) => ok({ count: await c.engine.history.count(kind, postedQueryWithOr(c.body, {}, descriptor)) }),
  };
  if (names.get) {
    handlers[names.get] = async (c) => {
      const id = c.params['id'] ?? '';
      return ok(toDto(await c.engine.history.get(kind, id, notFound(id)) as never));
    };
  }
  return handlers;
}

/** HistoricTaskInstanceQueryDto: GET variable values are text, POST `sorting` follows AbstractQueryDto. */
const HISTORIC_TASK_PARSING: QueryParseOptions = { textVariableValues: true, camundaSorting: true };

/** POST /history/task: the body, and each `orQueries` entry's filters (Camunda ignores an entry's sorting). */
function postedHistoricTaskQuery(c: HandlerContext, paging: boolean) {
  const descriptor = HistoryService.queries['taskInstance'] as QueryDescriptor;
  const request = queryFromBody(c.body, paging ? c.query : {}, descriptor, [], HISTORIC_TASK_PARSING);
  const orQueries = c.body && typeof c.body === 'object' ? (c.body as Record<string, unknown>)['orQueries'] : undefined;
  if (!Array.isArray(orQueries)) return request;
  const entries = orQueries.map((entry) => {
    const filters = { ...(entry && typeof entry === 'object' ? entry as Record<string, unknown> : {}) };
    for (const key of ['sorting', 'sortBy', 'sortOrder', 'orQueries']) delete filters[key];
    return queryFromBody(filters, {}, descriptor, [], HISTORIC_TASK_PARSING).filters;
  });
  return { ...request, filters: { ...request.filters, orQueries: entries } };
}

function historicTaskRoutes(): Record<string, Handler> {
  const descriptor = HistoryService.queries['taskInstance'] as QueryDescriptor;
  const params = (c: HandlerContext) => queryFromParams(c.query, descriptor, {}, HISTORIC_TASK_PARSING);
  const map = (rows: unknown[]) => rows.map((row) => historicTaskInstanceDto(row as never));
  return {
    getHistoricTaskInstances: async (c) => ok(map(await c.engine.history.query('taskInstance', params(c)))),
    queryHistoricTaskInstances: async (c) => ok(map(await c.engine.history.query('taskInstance', postedHistoricTaskQuery(c, true)))),
    getHistoricTaskInstancesCount: async (c) => ok({ count: await c.engine.history.count('taskInstance', params(c)) }),
    queryHistoricTaskInstancesCount: async (c) => ok({ count: await c.engine.history.count('taskInstance', postedHistoricTaskQuery(c, false)) }),
  };
}

export const historyHandlers: Record<string, Handler> = {
  ...routes('processInstance', {
    list: 'getHistoricProcessInstances', query: 'queryHistoricProcessInstances', count: 'getHistoricProcessInstancesCount',
    queryCount: 'queryHistoricProcessInstancesCount', get: 'getHistoricProcessInstance',
  }, historicProcessInstanceDto, (id) => `Historic process instance with id ${id} does not exist`),
  ...routes('activityInstance', {
    list: 'getHistoricActivityInstances', query: 'queryHistoricActivityInstances', count: 'getHistoricActivityInstancesCount',
    queryCount: 'queryHistoricActivityInstancesCount', get: 'getHistoricActivityInstance',
  }, historicActivityInstanceDto, (id) => `Historic activity instance with id ${id} does not exist`),
  ...historicTaskRoutes(),
};
