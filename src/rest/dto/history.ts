import type {
  HistoricActivityInstanceEntity, HistoricProcessInstanceEntity, HistoricTaskInstanceEntity,
} from '../../api.js';
import { formatDate } from '../../api.js';

/** Camunda's HistoricProcessInstanceDto. */
export function historicProcessInstanceDto(h: HistoricProcessInstanceEntity) {
  return {
    id: h.id, rootProcessInstanceId: h.rootProcessInstanceId, superProcessInstanceId: h.superProcessInstanceId,
    superCaseInstanceId: null, caseInstanceId: null, processDefinitionName: h.processDefinitionName,
    processDefinitionKey: h.processDefinitionKey, processDefinitionVersion: h.processDefinitionVersion,
    processDefinitionId: h.processDefinitionId, businessKey: h.businessKey, startTime: formatDate(h.startTime),
    endTime: formatDate(h.endTime), removalTime: formatDate(h.removalTime), durationInMillis: h.durationInMillis,
    startUserId: h.startUserId, startActivityId: h.startActivityId, deleteReason: h.deleteReason, tenantId: h.tenantId,
    state: h.state, restartedProcessInstanceId: null,
  };
}

/** Camunda's HistoricActivityInstanceDto. */
export function historicActivityInstanceDto(h: HistoricActivityInstanceEntity) {
  return {
    id: h.id, parentActivityInstanceId: h.parentActivityInstanceId, activityId: h.activityId, activityName: h.activityName,
    activityType: h.activityType, processDefinitionKey: h.processDefinitionKey, processDefinitionId: h.processDefinitionId,
    processInstanceId: h.processInstanceId, executionId: h.executionId, taskId: h.taskId, assignee: h.assignee,
    calledProcessInstanceId: h.calledProcessInstanceId, calledCaseInstanceId: null, startTime: formatDate(h.startTime),
    endTime: formatDate(h.endTime), durationInMillis: h.durationInMillis, canceled: h.canceled,
    completeScope: h.completeScope, tenantId: h.tenantId, removalTime: formatDate(h.removalTime),
    rootProcessInstanceId: h.rootProcessInstanceId,
  };
}

/** Camunda's HistoricTaskInstanceDto. */
export function historicTaskInstanceDto(h: HistoricTaskInstanceEntity) {
  return {
    id: h.id, processDefinitionKey: h.processDefinitionKey, processDefinitionId: h.processDefinitionId,
    processInstanceId: h.processInstanceId, executionId: h.executionId, caseDefinitionKey: null, caseDefinitionId: null,
    caseInstanceId: null, caseExecutionId: null, activityInstanceId: h.activityInstanceId, name: h.name,
    description: h.description, deleteReason: h.deleteReason, owner: h.owner, assignee: h.assignee,
    startTime: formatDate(h.startTime), endTime: formatDate(h.endTime), duration: h.durationInMillis,
    taskDefinitionKey: h.taskDefinitionKey, priority: h.priority, due: formatDate(h.dueDate), parentTaskId: h.parentTaskId,
    followUp: formatDate(h.followUpDate), tenantId: h.tenantId, removalTime: formatDate(h.removalTime),
    rootProcessInstanceId: h.rootProcessInstanceId, taskState: h.endTime ? (h.deleteReason === 'completed' ? 'Completed' : 'Deleted') : 'Created',
  };
}
