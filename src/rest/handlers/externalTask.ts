import type { FetchAndLockRequest, TopicRequest } from '../../api.js';
import { ExternalTaskService } from '../../api.js';
import { SUSPENSION_SUSPENDED } from '../../api.js';
import { formatDate } from '../../api.js';
import { externalTaskDto } from '../dto/runtime.js';
import { engineError } from '../../api.js';
import { restError, wrapError } from '../errors.js';
import { queryFromBody, queryFromParams } from '../query/queryParams.js';
import type { Handler, HandlerContext } from '../reply.js';
import { noContent, ok } from '../reply.js';
import { variablesIn, variablesOut } from '../variables.js';

const descriptor = ExternalTaskService.externalTaskQuery;

type Body = Record<string, unknown>;

function dto(c: HandlerContext): Body {
  return c.body && typeof c.body === 'object' && !Array.isArray(c.body) ? (c.body as Body) : {};
}

const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);
const strList = (v: unknown): string[] | null => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : null);
const num = (v: unknown, fallback: number): number => (typeof v === 'number' && Number.isFinite(v) ? v : fallback);

/** Camunda's resources answer 404 "External task with id … does not exist" and 400 for worker errors. */
function mapErrors(id: string) {
  return (error: unknown): never => {
    const e = error as { type?: string };
    if (e?.type === 'NotFoundException') throw wrapError(error, 404, () => `External task with id ${id} does not exist`);
    if (e?.type === 'BadUserRequestException') throw wrapError(error, 400, (m) => m);
    throw error;
  };
}

/** FetchExternalTasksCmd.validateInput's checks, with the engine's exceptions. */
function topicOf(raw: unknown): TopicRequest {
  const t = (raw ?? {}) as Body;
  const topicName = str(t['topicName']);
  if (topicName === null) throw engineError('nullValue', 'topicName is null');
  const lockDuration = num(t['lockDuration'], 0);
  if (lockDuration <= 0) throw engineError('processEngine', 'lockTime is not greater than 0');
  return {
    topicName, lockDuration, variables: strList(t['variables']),
    localVariables: t['localVariables'] === true, businessKey: str(t['businessKey']),
    processDefinitionId: str(t['processDefinitionId']), processDefinitionIdIn: strList(t['processDefinitionIdIn']),
    processDefinitionKey: str(t['processDefinitionKey']), processDefinitionKeyIn: strList(t['processDefinitionKeyIn']),
    processDefinitionVersionTag: str(t['processDefinitionVersionTag']),
    processVariables: t['processVariables'] && typeof t['processVariables'] === 'object' ? (t['processVariables'] as Body) : null,
    withoutTenantId: t['withoutTenantId'] === true, tenantIdIn: strList(t['tenantIdIn']),
    includeExtensionProperties: t['includeExtensionProperties'] === true,
  };
}

/** FetchExternalTasksDto → engine request (explicit nulls from the Java client mean "not set"). */
function fetchRequest(body: Body): FetchAndLockRequest {
  const sorting = Array.isArray(body['sorting']) ? (body['sorting'] as Body[]) : [];
  for (const entry of sorting) {
    if (entry['sortBy'] !== 'createTime') throw restError(400, `Cannot set query sortBy parameter to value ${String(entry['sortBy'])}`);
    const order = entry['sortOrder'];
    if (order !== null && order !== undefined && order !== 'asc' && order !== 'desc') {
      throw restError(400, `Cannot set query sortOrder parameter to value ${String(order)}`);
    }
  }
  const createTime = sorting.find((s) => s['sortBy'] === 'createTime');
  const workerId = str(body['workerId']);
  if (workerId === null) throw engineError('nullValue', 'workerId is null');
  return {
    workerId, maxTasks: num(body['maxTasks'], 0), usePriority: body['usePriority'] === true,
    sortByCreateTime: createTime ? (createTime['sortOrder'] === 'desc' ? 'desc' : 'asc') : null,
    topics: Array.isArray(body['topics']) ? body['topics'].map(topicOf) : [],
  };
}

const fetchAndLock: Handler = async (c) => {
  const body = dto(c);
  const request = fetchRequest(body);
  const timeout = typeof body['asyncResponseTimeout'] === 'number' ? body['asyncResponseTimeout'] : undefined;
  const deserialize = new Map((Array.isArray(body['topics']) ? body['topics'] as Body[] : []).map((t) => [t['topicName'], t['deserializeValues'] === true]));
  const locked = await c.engine.externalTasks.fetchAndLock(request, timeout, c.signal);
  return ok(locked.map(({ task, variables, extensionProperties }) => ({
    activityId: task.activityId, activityInstanceId: task.activityInstanceId, errorMessage: task.errorMessage,
    errorDetails: task.errorDetails, executionId: task.executionId, id: task.id,
    lockExpirationTime: formatDate(task.lockExpirationTime), createTime: formatDate(task.createTime),
    processDefinitionId: task.processDefinitionId, processDefinitionKey: task.processDefinitionKey,
    processDefinitionVersionTag: task.processDefinitionVersionTag, processInstanceId: task.processInstanceId,
    retries: task.retries, suspended: task.suspensionState === SUSPENSION_SUSPENDED, workerId: task.workerId,
    topicName: task.topicName, tenantId: task.tenantId,
    variables: variablesOut(variables, { deserializeValues: deserialize.get(task.topicName) ?? false }),
    priority: task.priority, businessKey: task.businessKey, extensionProperties,
  })));
};

function action(run: (c: HandlerContext, id: string, body: Body) => Promise<void>): Handler {
  return async (c) => {
    const id = c.params['id'] ?? '';
    await run(c, id, dto(c)).catch(mapErrors(id));
    return noContent();
  };
}

export const externalTaskHandlers: Record<string, Handler> = {
  fetchAndLock,
  completeExternalTaskResource: action((c, id, body) => c.engine.externalTasks.complete(id, {
    workerId: str(body['workerId']), variables: variablesIn(body['variables']), localVariables: variablesIn(body['localVariables']),
  })),
  handleFailure: action((c, id, body) => c.engine.externalTasks.handleFailure(id, {
    workerId: str(body['workerId']), errorMessage: str(body['errorMessage']), errorDetails: str(body['errorDetails']),
    retries: num(body['retries'], 0), retryTimeout: num(body['retryTimeout'], 0),
    variables: variablesIn(body['variables']), localVariables: variablesIn(body['localVariables']),
  })),
  handleExternalTaskBpmnError: action((c, id, body) => c.engine.externalTasks.handleBpmnError(
    id, str(body['workerId']), str(body['errorCode']), variablesIn(body['variables']))),
  extendLock: action((c, id, body) => c.engine.externalTasks.extendLock(id, str(body['workerId']), num(body['newDuration'], 0))),
  lock: action((c, id, body) => c.engine.externalTasks.lock(id, str(body['workerId']), num(body['lockDuration'], 0))),
  unlock: action((c, id) => c.engine.externalTasks.unlock(id)),
  setExternalTaskResourceRetries: action((c, id, body) => {
    if (typeof body['retries'] !== 'number') throw restError(400, 'The number of retries cannot be null.');
    return c.engine.externalTasks.setRetries(id, body['retries']);
  }),
  setExternalTaskResourcePriority: action((c, id, body) => c.engine.externalTasks.setPriority(id, num(body['priority'], 0))),
  getExternalTasks: async (c) => ok((await c.engine.externalTasks.query(queryFromParams(c.query, descriptor))).map(externalTaskDto)),
  queryExternalTasks: async (c) => ok((await c.engine.externalTasks.query(queryFromBody(c.body, c.query, descriptor))).map(externalTaskDto)),
  getExternalTasksCount: async (c) => ok({ count: await c.engine.externalTasks.count(queryFromParams(c.query, descriptor)) }),
  queryExternalTasksCount: async (c) => ok({ count: await c.engine.externalTasks.count(queryFromBody(c.body, {}, descriptor)) }),
  getExternalTask: async (c) => {
    const id = c.params['id'] ?? '';
    const task = await c.engine.externalTasks.get(id);
    if (!task) throw restError(404, `External task with id ${id} does not exist`, 'RestException');
    return ok(externalTaskDto(task));
  },
  getExternalTaskErrorDetails: async (c) => {
    const id = c.params['id'] ?? '';
    const details = await c.engine.externalTasks.getErrorDetails(id).catch(mapErrors(id));
    // JAX-RS answers a null String with 204 No Content.
    return details === null ? noContent() : { status: 200, raw: Buffer.from(details, 'utf8'), contentType: 'text/plain' };
  },
  getTopicNames: async (c) => ok(await c.engine.externalTasks.topicNames({
    withLockedTasks: c.query['withLockedTasks'] === 'true', withUnlockedTasks: c.query['withUnlockedTasks'] === 'true',
    withRetriesLeft: c.query['withRetriesLeft'] === 'true',
  })),
};
