import { SUSPENSION_ACTIVE, SUSPENSION_SUSPENDED } from '../../persistence/ports/entities.js';
import { where } from '../../persistence/ports/query.js';
import { filter, type QueryDefinition } from '../query/QueryDefinition.js';

type X = 'externalTask';


/** GET/POST /external-task (Camunda's ExternalTaskQueryDto). */
export const externalTaskQuery: QueryDefinition<X> = {
  entity: 'externalTask',
  filters: {
    externalTaskId: filter.eq('id'),
    externalTaskIdIn: filter.in('id'),
    topicName: filter.eq('topicName'),
    workerId: filter.eq('workerId'),
    locked: filter.custom<X, boolean>('boolean', (v, ctx) => (v ? where.cmp('lockExpirationTime', '>', ctx.clock.now()) : undefined)),
    notLocked: filter.custom<X, boolean>('boolean', (v, ctx) => (v
      ? where.or<X>(where.isNull('lockExpirationTime'), where.cmp('lockExpirationTime', '<=', ctx.clock.now()))
      : undefined)),
    withRetriesLeft: filter.flag(where.or<X>(where.isNull('retries'), where.cmp('retries', '>', 0))),
    noRetriesLeft: filter.flag(where.eq('retries', 0)),
    lockExpirationAfter: filter.date('lockExpirationTime', '>'),
    lockExpirationBefore: filter.date('lockExpirationTime', '<'),
    activityId: filter.eq('activityId'),
    activityIdIn: filter.in('activityId'),
    executionId: filter.eq('executionId'),
    processInstanceId: filter.eq('processInstanceId'),
    processInstanceIdIn: filter.in('processInstanceId'),
    processDefinitionId: filter.eq('processDefinitionId'),
    active: filter.flag(where.eq('suspensionState', SUSPENSION_ACTIVE)),
    suspended: filter.flag(where.eq('suspensionState', SUSPENSION_SUSPENDED)),
    priorityHigherThanOrEquals: filter.int('priority', '>='),
    priorityLowerThanOrEquals: filter.int('priority', '<='),
    tenantIdIn: filter.in('tenantId'),
  },
  sorts: {
    id: 'id', lockExpirationTime: 'lockExpirationTime', processInstanceId: 'processInstanceId',
    processDefinitionId: 'processDefinitionId', processDefinitionKey: 'processDefinitionKey', tenantId: 'tenantId',
    taskPriority: 'priority', createTime: 'createTime',
  },
};

