import { TaskService } from '../../api.js';
import type { QueryRequest } from '../../api.js';
import { taskDto } from '../dto/runtime.js';
import { engineError, isEngineError } from '../../api.js';
import { restError, wrapError } from '../errors.js';
import { queryFromBody, queryFromParams } from '../query/queryParams.js';
import type { Handler, HandlerContext } from '../reply.js';
import { noContent, ok } from '../reply.js';
import { deserializeFlag, variablesInFor, variablesOut } from '../variables.js';
import { variableHandlers } from './variableRoutes.js';

const descriptor = TaskService.taskQuery;

function dto(c: HandlerContext): Record<string, unknown> {
  return c.body && typeof c.body === 'object' ? (c.body as Record<string, unknown>) : {};
}

function userIdOf(c: HandlerContext): string | null {
  const userId = dto(c)['userId'];
  return typeof userId === 'string' ? userId : null;
}

/** Camunda's IdentityLinkDto with its validate(): exactly one of userId and groupId. */
function identityLink(c: HandlerContext): { userId: string | null; groupId: string | null; type: string | null } {
  const body = dto(c);
  const userId = typeof body['userId'] === 'string' ? body['userId'] : null;
  const groupId = typeof body['groupId'] === 'string' ? body['groupId'] : null;
  if (userId !== null && groupId !== null) throw restError(400, 'Identity Link requires userId or groupId, but not both.');
  if (userId === null && groupId === null) throw restError(400, 'Identity Link requires userId or groupId.');
  return { userId, groupId, type: typeof body['type'] === 'string' ? body['type'] : null };
}

/** POST /task body: the query plus `orQueries`, each entry parsed like a query of its own. */
function postedQuery(c: HandlerContext): QueryRequest {
  const request = queryFromBody(c.body, c.query, descriptor);
  const orQueries = dto(c)['orQueries'];
  if (!Array.isArray(orQueries)) return request;
  const parsed = orQueries.map((entry) => queryFromBody(entry, {}, descriptor).filters);
  return { ...request, filters: { ...request.filters, orQueries: parsed } };
}

/** complete and submit-form share everything but the wording of their errors. */
function completion(verb: 'complete' | 'submit'): Handler {
  return async (c) => {
    const id = c.params['id'] ?? '';
    const prefix = verb === 'complete' ? `Cannot complete task ${id}` : `Cannot submit task form ${id}`;
    const body = dto(c);
    const variables = variablesInFor(body['variables'], prefix);
    const withVariablesInReturn = body['withVariablesInReturn'] === true;
    const returned = await c.engine.tasks.complete(id, variables, { withVariablesInReturn }).catch((error: unknown) => {
      throw wrapError(error, 500, (m) => `${prefix}: ${m}`);
    });
    return withVariablesInReturn && returned ? ok(variablesOut(returned, { deserializeValues: true })) : noContent();
  };
}

export const taskHandlers: Record<string, Handler> = {
  getTasks: async (c) => ok((await c.engine.tasks.queryTasks(queryFromParams(c.query, descriptor))).map(taskDto)),
  queryTasks: async (c) => ok((await c.engine.tasks.queryTasks(postedQuery(c))).map(taskDto)),
  getTasksCount: async (c) => ok({ count: await c.engine.tasks.countTasks(queryFromParams(c.query, descriptor)) }),
  queryTasksCount: async (c) => ok({ count: await c.engine.tasks.countTasks({ ...postedQuery(c), firstResult: undefined, maxResults: undefined }) }),
  getTask: async (c) => ok(taskDto(await c.engine.tasks.getTask(c.params['id'] ?? ''))),
  claim: async (c) => {
    await c.engine.tasks.claim(c.params['id'] ?? '', userIdOf(c));
    return noContent();
  },
  unclaim: async (c) => {
    await c.engine.tasks.setAssignee(c.params['id'] ?? '', null);
    return noContent();
  },
  setAssignee: async (c) => {
    await c.engine.tasks.setAssignee(c.params['id'] ?? '', userIdOf(c));
    return noContent();
  },
  delegateTask: async (c) => {
    await c.engine.tasks.delegate(c.params['id'] ?? '', userIdOf(c));
    return noContent();
  },
  resolve: async (c) => {
    const id = c.params['id'] ?? '';
    const variables = variablesInFor(dto(c)['variables'], `Cannot resolve task ${id}`);
    await c.engine.tasks.resolve(id, variables);
    return noContent();
  },
  complete: completion('complete'),
  submit: completion('submit'),
  getFormVariables: async (c) => {
    const id = c.params['id'] ?? '';
    const names = c.query['variableNames']?.split(',').filter((n) => n !== '');
    const all = await c.engine.tasks.getVariables(id, false).catch((error: unknown) => {
      // Camunda's GetTaskFormVariablesCmd reports a missing task as a BadUserRequestException.
      if (isEngineError(error, 'nullValue')) throw engineError('badUserRequest', `Cannot find task with id '${id}'.: task is null`);
      throw error;
    });
    const selected = all.filter((v) => !names || names.includes(v.name)).map((v): [string, typeof v.value] => [v.name, v.value]);
    return ok(variablesOut(selected, { deserializeValues: deserializeFlag(c.query) }));
  },
  getIdentityLinks: async (c) => ok(await c.engine.tasks.getIdentityLinks(c.params['id'] ?? '', c.query['type'])),
  addIdentityLink: async (c) => {
    const link = identityLink(c);
    if (link.type === null) throw restError(400, 'Identity link type is required');
    await c.engine.tasks.addIdentityLink(c.params['id'] ?? '', { ...link, type: link.type });
    return noContent();
  },
  deleteIdentityLink: async (c) => {
    const link = identityLink(c);
    await c.engine.tasks.deleteIdentityLink(c.params['id'] ?? '', { ...link, type: link.type ?? 'candidate' });
    return noContent();
  },
  ...variableHandlers('task'),
  ...variableHandlers('task-local'),
};
