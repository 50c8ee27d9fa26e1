import { where } from '../../persistence/ports/query.js';
import { filter, type QueryDefinition } from '../query/QueryDefinition.js';

export { historicProcessInstanceQuery, historicProcessInstanceQueryFor } from './historicProcessInstanceQuery.js';
export { historicVariableInstanceQuery, historicVariableInstanceQueryFor } from './historicVariableInstanceQuery.js';

type HAI = 'historicActivityInstance';

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

/** GET/POST /history/task (Camunda's HistoricTaskInstanceQueryDto): see historicTaskInstanceQuery.ts. */
export { historicTaskInstanceQuery } from './historicTaskInstanceQuery.js';
