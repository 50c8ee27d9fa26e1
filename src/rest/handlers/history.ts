import { HistoryService, type HistoryKind } from '../../api.js';
import type { QueryDescriptor } from '../../api.js';
import { historicActivityInstanceDto, historicProcessInstanceDto, historicTaskInstanceDto } from '../dto/history.js';
import { queryFromBody, queryFromParams } from '../query/queryParams.js';
import type { Handler } from '../reply.js';
import { ok } from '../reply.js';

function routes(kind: HistoryKind, names: { list: string; query: string; count: string; queryCount: string; get?: string },
  toDto: (row: never) => unknown, notFound: (id: string) => string): Record<string, Handler> {
  const descriptor = HistoryService.queries[kind] as QueryDescriptor;
  const map = (rows: unknown[]) => rows.map((row) => toDto(row as never));
  const handlers: Record<string, Handler> = {
    [names.list]: async (c) => ok(map(await c.engine.history.query(kind, queryFromParams(c.query, descriptor)))),
    [names.query]: async (c) => ok(map(await c.engine.history.query(kind, queryFromBody(c.body, c.query, descriptor)))),
    [names.count]: async (c) => ok({ count: await c.engine.history.count(kind, queryFromParams(c.query, descriptor)) }),
    [names.queryCount]: async (c) => ok({ count: await c.engine.history.count(kind, queryFromBody(c.body, {}, descriptor)) }),
  };
  if (names.get) {
    handlers[names.get] = async (c) => {
      const id = c.params['id'] ?? '';
      return ok(toDto(await c.engine.history.get(kind, id, notFound(id)) as never));
    };
  }
  return handlers;
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
  ...routes('taskInstance', {
    list: 'getHistoricTaskInstances', query: 'queryHistoricTaskInstances', count: 'getHistoricTaskInstancesCount',
    queryCount: 'queryHistoricTaskInstancesCount',
  }, historicTaskInstanceDto, (id) => `Historic task instance with id ${id} does not exist`),
};
