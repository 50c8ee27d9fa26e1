import { SUSPENSION_ACTIVE, SUSPENSION_SUSPENDED } from '../../persistence/ports/entities.js';
import { where, type Condition } from '../../persistence/ports/query.js';
import type { VariableFilter } from '../../engine/query/QueryRequest.js';
import { filter, variableValueCondition, type QueryDefinition } from '../query/QueryDefinition.js';

type E = 'execution';

/** Executions of the instance at one of the activities. */
function atActivities(ids: string[]): Condition<E> {
  return {
    kind: 'exists', entity: 'execution', link: [['processInstanceId', 'id']],
    where: { kind: 'in', field: 'activityId', values: ids },
  };
}

/** Process variables matching every filter (Camunda's `variables=name_op_value`). */
function withVariables(filters: VariableFilter[]): Condition<E> {
  return where.and<E>(...filters.map((f): Condition<E> => ({
    kind: 'exists', entity: 'variable', link: [['processInstanceId', 'id']],
    where: where.and<'variable'>(variableValueCondition(f), where.isNull('taskId')),
  })));
}

function incident(where2: Condition<'incident'>): Condition<E> {
  return { kind: 'exists', entity: 'incident', link: [['processInstanceId', 'id']], where: where2 };
}

/** GET/POST /process-instance (Camunda's ProcessInstanceQueryDto) over process instance executions. */
export const processInstanceQuery: QueryDefinition<E> = {
  entity: 'execution',
  filters: {
    processInstanceIds: filter.in('id'),
    businessKey: filter.eq('businessKey'),
    businessKeyLike: filter.like('businessKey'),
    processDefinitionId: filter.eq('processDefinitionId'),
    processDefinitionKey: filter.eq('processDefinitionKey'),
    processDefinitionKeyIn: filter.in('processDefinitionKey'),
    processDefinitionKeyNotIn: filter.notIn('processDefinitionKey'),
    deploymentId: filter.custom<E, string>('string', (v) => ({
      kind: 'exists', entity: 'processDefinition', link: [['id', 'processDefinitionId']], where: where.eq('deploymentId', v),
    })),
    active: filter.flag(where.eq('suspensionState', SUSPENSION_ACTIVE)),
    suspended: filter.flag(where.eq('suspensionState', SUSPENSION_SUSPENDED)),
    withIncident: filter.flag(incident({ kind: 'true' })),
    incidentId: filter.custom<E, string>('string', (v) => incident(where.eq('id', v))),
    incidentType: filter.custom<E, string>('string', (v) => incident(where.eq('incidentType', v))),
    incidentMessage: filter.custom<E, string>('string', (v) => incident(where.eq('incidentMessage', v))),
    incidentMessageLike: filter.custom<E, string>('string', (v) => incident(where.cmp('incidentMessage', 'like', v))),
    tenantIdIn: filter.in('tenantId'),
    withoutTenantId: filter.flag(where.isNull('tenantId')),
    activityIdIn: filter.custom<E, string[]>('stringList', (v) => atActivities(v)),
    rootProcessInstances: filter.flag({ kind: 'true' }),
    leafProcessInstances: filter.flag({ kind: 'true' }),
    variables: filter.custom<E, VariableFilter[]>('variables', (v) => withVariables(v)),
  },
  sorts: { instanceId: 'id', definitionKey: 'processDefinitionKey', definitionId: 'processDefinitionId', tenantId: 'tenantId', businessKey: 'businessKey' },
};

/** Only process instance rows (the root of each execution tree). */
export const processInstancesOnly: Condition<E> = where.isNull('parentId');
