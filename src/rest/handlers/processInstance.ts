import type { ActivityInstance } from '../../api.js';
import { RuntimeService } from '../../api.js';
import { processInstanceDto } from '../dto/runtime.js';
import { restError, wrapError } from '../errors.js';
import { queryFromParams } from '../query/queryParams.js';
import { postedQueryWithOr } from './postedQuery.js';
import type { Handler } from '../reply.js';
import { noContent, ok } from '../reply.js';
import { variableHandlers } from './variableRoutes.js';

const descriptor = RuntimeService.processInstanceQuery;

/** Camunda's ActivityInstanceDto (the engine tree with `name` mirroring activityName). */
function activityInstanceDto(node: ActivityInstance | null): unknown {
  if (!node) return null;
  return {
    id: node.id, parentActivityInstanceId: node.parentActivityInstanceId, activityId: node.activityId,
    activityType: node.activityType, processInstanceId: node.processInstanceId, processDefinitionId: node.processDefinitionId,
    childActivityInstances: node.childActivityInstances.map((child) => activityInstanceDto(child)),
    childTransitionInstances: node.childTransitionInstances.map((t) => ({
      id: t.id, parentActivityInstanceId: t.parentActivityInstanceId, processInstanceId: t.processInstanceId,
      processDefinitionId: t.processDefinitionId, activityId: t.activityId, activityName: t.activityName,
      activityType: t.activityType, executionId: t.executionId, incidentIds: t.incidentIds, incidents: t.incidents,
    })),
    executionIds: node.executionIds, activityName: node.activityName, incidentIds: node.incidentIds,
    incidents: node.incidents, name: node.activityName,
  };
}

export const processInstanceHandlers: Record<string, Handler> = {
  getProcessInstances: async (c) => {
    const list = await c.engine.runtime.queryProcessInstances(queryFromParams(c.query, descriptor));
    return ok(list.map((pi) => processInstanceDto(pi, false, null)));
  },
  queryProcessInstances: async (c) => {
    const list = await c.engine.runtime.queryProcessInstances(postedQueryWithOr(c.body, c.query, descriptor));
    return ok(list.map((pi) => processInstanceDto(pi, false, null)));
  },
  getProcessInstancesCount: async (c) => ok({ count: await c.engine.runtime.countProcessInstances(queryFromParams(c.query, descriptor)) }),
  queryProcessInstancesCount: async (c) => ok({ count: await c.engine.runtime.countProcessInstances(postedQueryWithOr(c.body, {}, descriptor)) }),
  getProcessInstance: async (c) => {
    const id = c.params['id'] ?? '';
    const pi = await c.engine.runtime.getProcessInstance(id).catch((error: unknown) => {
      throw wrapError(error, 404, () => `Process instance with id ${id} does not exist`, 'InvalidRequestException');
    });
    return ok(processInstanceDto(pi, false, null));
  },
  deleteProcessInstance: async (c) => {
    const id = c.params['id'] ?? '';
    await c.engine.runtime.deleteProcessInstance(id, {
      skipCustomListeners: c.query['skipCustomListeners'] === 'true', skipIoMappings: c.query['skipIoMappings'] === 'true',
      skipSubprocesses: c.query['skipSubprocesses'] === 'true', failIfNotExists: c.query['failIfNotExists'] !== 'false',
    }).catch((error: unknown) => {
      // Camunda: NotFoundException → 404 with the engine's message
      throw wrapError(error, 404, (m) => m, 'InvalidRequestException');
    });
    return noContent();
  },
  getActivityInstanceTree: async (c) => {
    const id = c.params['id'] ?? '';
    const tree = await c.engine.runtime.getActivityInstance(id);
    if (!tree) throw restError(404, `Process instance with id ${id} does not exist`);
    return ok(activityInstanceDto(tree));
  },
  ...variableHandlers('process-instance'),
};
