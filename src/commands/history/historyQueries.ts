import type { VariableFilter } from '../../engine/query/QueryRequest.js';
import { where, type Condition } from '../../persistence/ports/query.js';
import { filter, variableValueCondition, type QueryDefinition } from '../query/QueryDefinition.js';

type HPI = 'historicProcessInstance';
type HAI = 'historicActivityInstance';
type HTI = 'historicTaskInstance';
type HVI = 'historicVariableInstance';

const state = (value: string) => filter.flag<HPI>(where.eq('state', value));

function hpiVariables(filters: VariableFilter[]): Condition<HPI> {
  return where.and<HPI>(...filters.map((f): Condition<HPI> => {
    const v = variableValueCondition(f) as unknown as Condition<HVI>;
    return { kind: 'exists', entity: 'historicVariableInstance', link: [['processInstanceId', 'id']], where: v };
  }));
}

/** GET/POST /history/process-instance (Camunda's HistoricProcessInstanceQueryDto, common filters). */
export const historicProcessInstanceQuery: QueryDefinition<HPI> = {
  entity: 'historicProcessInstance',
  filters: {
    processInstanceId: filter.eq('id'),
    processInstanceIds: filter.in('id'),
    processDefinitionId: filter.eq('processDefinitionId'),
    processDefinitionKey: filter.eq('processDefinitionKey'),
    processDefinitionKeyIn: filter.in('processDefinitionKey'),
    processDefinitionKeyNotIn: filter.notIn('processDefinitionKey'),
    processDefinitionName: filter.eq('processDefinitionName'),
    processDefinitionNameLike: filter.like('processDefinitionName'),
    processInstanceBusinessKey: filter.eq('businessKey'),
    processInstanceBusinessKeyIn: filter.in('businessKey'),
    processInstanceBusinessKeyLike: filter.like('businessKey'),
    rootProcessInstances: filter.flag(where.isNull('superProcessInstanceId')),
    finished: filter.flag(where.isNull('endTime', true)),
    unfinished: filter.flag(where.isNull('endTime')),
    startedBefore: filter.date('startTime', '<='),
    startedAfter: filter.date('startTime', '>='),
    finishedBefore: filter.date('endTime', '<='),
    finishedAfter: filter.date('endTime', '>='),
    startedBy: filter.eq('startUserId'),
    superProcessInstanceId: filter.eq('superProcessInstanceId'),
    tenantIdIn: filter.in('tenantId'),
    withoutTenantId: filter.flag(where.isNull('tenantId')),
    active: state('ACTIVE'),
    suspended: state('SUSPENDED'),
    completed: state('COMPLETED'),
    externallyTerminated: state('EXTERNALLY_TERMINATED'),
    internallyTerminated: state('INTERNALLY_TERMINATED'),
    variables: filter.custom<HPI, VariableFilter[]>('variables', (v) => hpiVariables(v)),
  },
  sorts: {
    instanceId: 'id', definitionId: 'processDefinitionId', definitionKey: 'processDefinitionKey',
    definitionName: 'processDefinitionName', definitionVersion: 'processDefinitionVersion', businessKey: 'businessKey',
    startTime: 'startTime', endTime: 'endTime', duration: 'durationInMillis', tenantId: 'tenantId',
  },
};

/** GET/POST /history/activity-instance (Camunda's HistoricActivityInstanceQueryDto). */
export const historicActivityInstanceQuery: QueryDefinition<HAI> = {
  entity: 'historicActivityInstance',
  filters: {
    activityInstanceId: filter.eq('id'),
    processInstanceId: filter.eq('processInstanceId'),
    processDefinitionId: filter.eq('processDefinitionId'),
    executionId: filter.eq('executionId'),
    activityId: filter.eq('activityId'),
    activityName: filter.eq('activityName'),
    activityNameLike: filter.like('activityName'),
    activityType: filter.eq('activityType'),
    taskAssignee: filter.eq('assignee'),
    finished: filter.flag(where.isNull('endTime', true)),
    unfinished: filter.flag(where.isNull('endTime')),
    canceled: filter.flag(where.eq('canceled', true)),
    completeScope: filter.flag(where.eq('completeScope', true)),
    startedBefore: filter.date('startTime', '<='),
    startedAfter: filter.date('startTime', '>='),
    finishedBefore: filter.date('endTime', '<='),
    finishedAfter: filter.date('endTime', '>='),
    tenantIdIn: filter.in('tenantId'),
    withoutTenantId: filter.flag(where.isNull('tenantId')),
  },
  sorts: {
    activityInstanceId: 'id', instanceId: 'processInstanceId', executionId: 'executionId', activityId: 'activityId',
    activityName: 'activityName', activityType: 'activityType', startTime: 'startTime', endTime: 'endTime',
    duration: 'durationInMillis', definitionId: 'processDefinitionId', occurrence: 'sequenceCounter', tenantId: 'tenantId',
  },
};

/** GET/POST /history/task (Camunda's HistoricTaskInstanceQueryDto, common filters). */
export const historicTaskInstanceQuery: QueryDefinition<HTI> = {
  entity: 'historicTaskInstance',
  filters: {
    taskId: filter.eq('id'),
    taskParentTaskId: filter.eq('parentTaskId'),
    processInstanceId: filter.eq('processInstanceId'),
    processInstanceIdIn: filter.in('processInstanceId'),
    executionId: filter.eq('executionId'),
    processDefinitionId: filter.eq('processDefinitionId'),
    processDefinitionKey: filter.eq('processDefinitionKey'),
    activityInstanceIdIn: filter.in('activityInstanceId'),
    taskName: filter.eq('name'),
    taskNameLike: filter.like('name'),
    taskDescription: filter.eq('description'),
    taskDescriptionLike: filter.like('description'),
    taskDefinitionKey: filter.eq('taskDefinitionKey'),
    taskDefinitionKeyIn: filter.in('taskDefinitionKey'),
    taskDeleteReason: filter.eq('deleteReason'),
    taskDeleteReasonLike: filter.like('deleteReason'),
    taskAssignee: filter.eq('assignee'),
    taskAssigneeLike: filter.like('assignee'),
    taskOwner: filter.eq('owner'),
    taskOwnerLike: filter.like('owner'),
    taskPriority: filter.int('priority'),
    assigned: filter.flag(where.isNull('assignee', true)),
    unassigned: filter.flag(where.isNull('assignee')),
    finished: filter.flag(where.isNull('endTime', true)),
    unfinished: filter.flag(where.isNull('endTime')),
    taskDueDate: filter.dateOn('dueDate'),
    taskDueDateBefore: filter.date('dueDate', '<'),
    taskDueDateAfter: filter.date('dueDate', '>'),
    withoutTaskDueDate: filter.flag(where.isNull('dueDate')),
    taskFollowUpDate: filter.dateOn('followUpDate'),
    startedBefore: filter.date('startTime', '<='),
    startedAfter: filter.date('startTime', '>='),
    finishedBefore: filter.date('endTime', '<='),
    finishedAfter: filter.date('endTime', '>='),
    tenantIdIn: filter.in('tenantId'),
    withoutTenantId: filter.flag(where.isNull('tenantId')),
  },
  sorts: {
    taskId: 'id', activityInstanceId: 'activityInstanceId', processDefinitionId: 'processDefinitionId',
    processInstanceId: 'processInstanceId', executionId: 'executionId', duration: 'durationInMillis', endTime: 'endTime',
    startTime: 'startTime', taskName: 'name', taskDescription: 'description', assignee: 'assignee', owner: 'owner',
    dueDate: 'dueDate', followUpDate: 'followUpDate', deleteReason: 'deleteReason', taskDefinitionKey: 'taskDefinitionKey',
    priority: 'priority', tenantId: 'tenantId',
  },
};

/** GET/POST /history/variable-instance (Camunda's HistoricVariableInstanceQueryDto). */
export const historicVariableInstanceQuery: QueryDefinition<HVI> = {
  entity: 'historicVariableInstance',
  filters: {
    variableName: filter.eq('name'),
    variableNameIn: filter.in('name'),
    variableNameLike: filter.like('name'),
    variableTypeIn: filter.in('type'),
    processInstanceId: filter.eq('processInstanceId'),
    processInstanceIdIn: filter.in('processInstanceId'),
    processDefinitionId: filter.eq('processDefinitionId'),
    processDefinitionKey: filter.eq('processDefinitionKey'),
    executionIdIn: filter.in('executionId'),
    taskIdIn: filter.in('taskId'),
    activityInstanceIdIn: filter.in('activityInstanceId'),
    tenantIdIn: filter.in('tenantId'),
    withoutTenantId: filter.flag(where.isNull('tenantId')),
    includeDeleted: filter.flag({ kind: 'true' }),
  },
  sorts: { instanceId: 'processInstanceId', variableName: 'name', tenantId: 'tenantId' },
};
