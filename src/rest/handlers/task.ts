import { TaskService } from '../../api.js';
import type { QueryRequest } from '../../api.js';
import { taskDto } from '../dto/runtime.js';
import { engineError, isEngineError } from '../../api.js';
import { restError, wrapError } from '../errors.js';
import { queryFromBody, queryFromParams, type QueryParseOptions } from '../query/queryParams.js';
import type { Handler, HandlerContext } from '../reply.js';
import { noContent, ok } from '../reply.js';
import { deserializeFlag, variablesInFor, variablesOut } from '../variables.js';
import { variableHandlers } from './variableRoutes.js';

const descriptor = TaskService.taskQuery;

/** Camunda's TaskQueryDto: GET variable values are text, POST `sorting` follows AbstractQueryDto. */
const parsing: QueryParseOptions = { textVariableValues: true, camundaSorting: true, parameterSortBy: TaskService.taskSortByParameter };

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

/** GET /task and /task/count. */
function paramsQuery(c: HandlerContext): QueryRequest {
  return queryFromParams(c.query, descriptor, {}, parsing);
}

/** The filters of an `orQueries` entry; Camunda applies only the filters of an entry, never its sorting. */
function orQueryFilters(entry: unknown): Readonly<Record<string, unknown>> {
  const filters = { ...(entry && typeof entry === 'object' ? entry as Record<string, unknown> : {}) };
  for (const key of ['sorting', 'sortBy', 'sortOrder', 'orQueries']) delete filters[key];
  return queryFromBody(filters, {}, descriptor, [], parsing).filters;
}

/** POST /task body: the query plus `orQueries`, each entry parsed like a query of its own. */
function postedQuery(c: HandlerContext): QueryRequest {
  const request = queryFromBody(c.body, c.query, descriptor, [], parsing);
  const orQueries = dto(c)['orQueries'];
  if (!Array.isArray(orQueries)) return request;
  return { ...request, filters: { ...request.filters, orQueries: orQueries.map(orQueryFilters) } };
}

/**
 * TaskDto, or with `withCommentAttachmentInfo` Camunda's TaskWithAttachmentAndCommentDto; m8flow
 * keeps no comments or attachments, so both flags are false.
 */
function taskDtos(tasks: Parameters<typeof taskDto>[0][], request: QueryRequest): unknown[] {
  const withInfo = request.filters['withCommentAttachmentInfo'] === true;
  return tasks.map((task) => (withInfo ? { ...taskDto(task), attachment: false, comment: false } : taskDto(task)));
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
  getTasks: async (c) => {
    const request = paramsQuery(c);
    return ok(taskDtos(await c.engine.tasks.queryTasks(request), request));
  },
  queryTasks: async (c) => {
    const request = postedQuery(c);
    return ok(taskDtos(await c.engine.tasks.queryTasks(request), request));
  },
  getTasksCount: async (c) => ok({ count: await c.engine.tasks.countTasks(paramsQuery(c)) }),
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
