import { SUSPENSION_ACTIVE } from '../../../persistence/ports/entities.js';
import type { ActivityBehavior } from '../ActivityBehavior.js';
import { leave } from '../leave.js';
import { evaluatePriority, evaluateString } from './taskFields.js';

/**
 * Camunda external task (`camunda:type="external"`): creates an external task on its topic for
 * workers to fetch and lock, then waits until a worker completes it.
 */
export const externalServiceTask: ActivityBehavior = {
  async execute(execution) {
    const activity = execution.activity;
    const definition = activity.definition;
    if (definition.kind !== 'externalTask') throw new Error(`activity ${activity.id} is not an external task`);
    const { runtime, entity, ctx } = execution;
    const topicName = evaluateString(execution, definition.topic) ?? definition.topic;
    ctx.uow.insert('externalTask', {
      id: ctx.ids.next(), rev: 1, workerId: null, topicName, retries: null, errorMessage: null, errorDetails: null,
      lockExpirationTime: null, suspensionState: SUSPENSION_ACTIVE, executionId: entity.id,
      processInstanceId: runtime.processInstanceId, processDefinitionId: runtime.processDefinitionId,
      processDefinitionKey: runtime.processDefinitionKey,
      processDefinitionVersionTag: runtime.deployed.definition.versionTag, activityId: activity.id,
      activityInstanceId: entity.activityInstanceId ?? '', tenantId: runtime.tenantId,
      priority: evaluatePriority(execution, definition.priority ?? runtime.deployed.graph.taskPriority ?? null, 0), businessKey: runtime.processInstance.businessKey,
      createTime: ctx.clock.now(),
    });
    ctx.afterCommit(() => ctx.events.externalTasksCreated([topicName]));
  },
  signal: (execution) => leave(execution),
};
