import type { ExecutionEntity, ExternalTaskEntity, TaskEntity } from '../../api.js';
import { SUSPENSION_SUSPENDED } from '../../api.js';
import { formatDate } from '../../api.js';
import { selfLink } from './repository.js';

/** Camunda's ProcessInstanceDto. */
export function processInstanceDto(pi: ExecutionEntity, ended: boolean, baseUrl: string | null) {
  return {
    links: baseUrl === null ? [] : [selfLink(baseUrl, `/process-instance/${pi.id}`)],
    id: pi.id, definitionId: pi.processDefinitionId, definitionKey: pi.processDefinitionKey, businessKey: pi.businessKey,
    caseInstanceId: null, ended, suspended: pi.suspensionState === SUSPENSION_SUSPENDED, tenantId: pi.tenantId,
  };
}

/** Camunda's ExecutionDto. */
export function executionDto(e: ExecutionEntity) {
  return { id: e.id, processInstanceId: e.processInstanceId, ended: false, tenantId: e.tenantId };
}

/**
 * Camunda's TaskDto. `taskState` follows TaskEntity.triggerUpdateEvent, which sets lastUpdated and
 * moves a created task to "Updated" together, so a task with lastUpdated has been updated.
 */
export function taskDto(t: TaskEntity) {
  return {
    id: t.id, name: t.name, assignee: t.assignee, owner: t.owner, created: formatDate(t.createTime),
    lastUpdated: formatDate(t.lastUpdated), due: formatDate(t.dueDate), followUp: formatDate(t.followUpDate),
    delegationState: t.delegationState, description: t.description, executionId: t.executionId,
    parentTaskId: t.parentTaskId, priority: t.priority, processDefinitionId: t.processDefinitionId,
    processInstanceId: t.processInstanceId, caseExecutionId: null, caseDefinitionId: null, caseInstanceId: null,
    taskDefinitionKey: t.taskDefinitionKey, suspended: t.suspensionState === SUSPENSION_SUSPENDED, formKey: t.formKey,
    camundaFormRef: null, tenantId: t.tenantId, taskState: t.lastUpdated === null ? 'Created' : 'Updated',
  };
}

/** Camunda's ExternalTaskDto. */
export function externalTaskDto(x: ExternalTaskEntity) {
  return {
    activityId: x.activityId, activityInstanceId: x.activityInstanceId, errorMessage: x.errorMessage,
    executionId: x.executionId, id: x.id, lockExpirationTime: formatDate(x.lockExpirationTime),
    createTime: formatDate(x.createTime), processDefinitionId: x.processDefinitionId,
    processDefinitionKey: x.processDefinitionKey, processDefinitionVersionTag: x.processDefinitionVersionTag,
    processInstanceId: x.processInstanceId, tenantId: x.tenantId, retries: x.retries,
    suspended: x.suspensionState === SUSPENSION_SUSPENDED, workerId: x.workerId, topicName: x.topicName,
    priority: x.priority, businessKey: x.businessKey,
  };
}
