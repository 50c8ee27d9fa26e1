import type { VariableFilter } from '../../engine/query/QueryRequest.js';
import { engineError } from '../../errors/EngineError.js';
import { SUSPENSION_ACTIVE, SUSPENSION_SUSPENDED } from '../../persistence/ports/entities.js';
import { where, type Condition } from '../../persistence/ports/query.js';
import {
  isPresent, matchesNothing, OR_QUERY, rowFilter, rowFlag, sameRowFilters, tenantFilters, type Filters, type RowFilter,
} from '../query/filterGroups.js';
import { filter, type QueryDefinition } from '../query/QueryDefinition.js';
import { matchVariable, variableMatchOptions, type VariableMatchOptions } from '../query/variableMatching.js';

type E = 'execution';

/** Some execution of the instance matches (Camunda joins ACT_RU_EXECUTION on PROC_INST_ID_). */
function anyExecution(condition: Condition<E>): Condition<E> {
  return { kind: 'exists', entity: 'execution', link: [['processInstanceId', 'id']], where: condition };
}

/** The instance's definition matches. */
function definition(condition: Condition<'processDefinition'>): Condition<E> {
  return { kind: 'exists', entity: 'processDefinition', link: [['id', 'processDefinitionId']], where: condition };
}

/** An execution that is the super execution of a process instance matching `called` (Camunda's SUPER_EXEC_). */
function callsInstance(called: Condition<E>): Condition<E> {
  return { kind: 'exists', entity: 'execution', link: [['superExecutionId', 'id']], where: called };
}

/** Instances called from an execution of instance `id`: SUPER_EXEC_ in that instance's executions. */
function calledBy(id: string): Condition<E> {
  return { kind: 'exists', entity: 'execution', link: [['id', 'superExecutionId']], where: where.eq<E>('processInstanceId', id) };
}

/**
 * Process variables matching every filter (Camunda's `variables=name_op_value`), or any of them in
 * an `orQueries` entry.
 */
function withVariables(filters: VariableFilter[], options: VariableMatchOptions, any: boolean): Condition<E> {
  const conditions = filters.map((f): Condition<E> => ({
    kind: 'exists', entity: 'variable', link: [['processInstanceId', 'id']],
    where: where.and<'variable'>(matchVariable(f, options), where.isNull('taskId')),
  }));
  return any ? where.or<E>(...conditions) : where.and<E>(...conditions);
}

/** Filters that need no other filter of the request. */
const SIMPLE_FILTERS: QueryDefinition<E>['filters'] = {
  processInstanceIds: filter.in('id'),
  businessKey: filter.eq('businessKey'),
  businessKeyLike: filter.like('businessKey'),
  processDefinitionId: filter.eq('processDefinitionId'),
  processDefinitionKey: filter.eq('processDefinitionKey'),
  processDefinitionKeyIn: filter.in('processDefinitionKey'),
  processDefinitionKeyNotIn: filter.notIn('processDefinitionKey'),
  deploymentId: filter.custom<E, string>('string', (v) => definition(where.eq('deploymentId', v))),
  processDefinitionWithoutTenantId: filter.flag(definition(where.isNull('tenantId'))),
  active: filter.flag(where.eq('suspensionState', SUSPENSION_ACTIVE)),
  suspended: filter.flag(where.eq('suspensionState', SUSPENSION_SUSPENDED)),
  // Executions in event scopes do not count (IS_EVENT_SCOPE_ = false).
  activityIdIn: filter.custom<E, string[]>('stringList', (ids) => (ids.length === 0 ? undefined
    : anyExecution(where.and<E>(where.eq('isEventScope', false), where.in('activityId', ids))))),
  superProcessInstance: filter.custom<E, string>('string', (v) => calledBy(v)),
  subProcessInstance: filter.custom<E, string>('string', (v) => anyExecution(callsInstance(where.eq('id', v)))),
  // CMMN is not supported: no instance has a case instance or a super/sub case execution.
  caseInstanceId: matchesNothing('string'),
  superCaseInstance: matchesNothing('string'),
  subCaseInstance: matchesNothing('string'),
  variableNamesIgnoreCase: filter.flag({ kind: 'true' }),
  variableValuesIgnoreCase: filter.flag({ kind: 'true' }),
};

/** Camunda joins one ACT_RU_INCIDENT row of the instance for all incident filters. */
const INCIDENT_FILTERS: Record<string, RowFilter<'incident'>> = {
  withIncident: rowFlag(),
  incidentId: rowFilter<'incident', string>('string', (v) => where.eq('id', v)),
  incidentType: rowFilter<'incident', string>('string', (v) => where.eq('incidentType', v)),
  incidentMessage: rowFilter<'incident', string>('string', (v) => where.eq('incidentMessage', v)),
  incidentMessageLike: rowFilter<'incident', string>('string', (v) => where.cmp('incidentMessage', 'like', v)),
};

const withIncident = (condition: Condition<'incident'>): Condition<E> =>
  ({ kind: 'exists', entity: 'incident', link: [['processInstanceId', 'id']], where: condition });

/** Refuses a flag together with a filter it contradicts, as ProcessInstanceQueryImpl does. */
function exclusive(filters: Filters, other: string, flagName: string, otherName: string): void {
  if (isPresent(filters[other])) {
    throw engineError('processEngine', `Invalid query usage: cannot set both ${flagName} and ${otherName}`);
  }
}

/** Root and leaf instances over the super/sub relation (SUPER_EXEC_), and the variable filters. */
function relationFilters(filters: Filters): QueryDefinition<E>['filters'] {
  return {
    rootProcessInstances: filter.custom<E, boolean>('boolean', (v) => {
      if (!v) return undefined;
      exclusive(filters, 'superProcessInstance', 'rootProcessInstances', 'superProcessInstanceId');
      return where.isNull('superExecutionId');
    }),
    leafProcessInstances: filter.custom<E, boolean>('boolean', (v) => {
      if (!v) return undefined;
      exclusive(filters, 'subProcessInstance', 'leafProcessInstances', 'subProcessInstanceId');
      return where.not<E>(anyExecution(callsInstance(where.isNull('parentId'))));
    }),
    variables: filter.custom<E, VariableFilter[]>('variables', (v) => withVariables(v, variableMatchOptions(filters), filters[OR_QUERY] === true)),
  };
}

/** GET/POST /process-instance (Camunda's ProcessInstanceQueryDto) for one request, over process instance executions. */
export function processInstanceQueryFor(filters: Filters): QueryDefinition<E> {
  return {
    entity: 'execution',
    filters: {
      ...SIMPLE_FILTERS,
      ...relationFilters(filters),
      ...tenantFilters<E>(filters, 'tenantId'),
      ...sameRowFilters<E, 'incident'>(filters, INCIDENT_FILTERS, withIncident),
    },
    sorts: { instanceId: 'id', definitionKey: 'processDefinitionKey', definitionId: 'processDefinitionId', tenantId: 'tenantId', businessKey: 'businessKey' },
  };
}

/** The query's shape (filter kinds, sort keys) for request parsing. */
export const processInstanceQuery: QueryDefinition<E> = processInstanceQueryFor({});

/** Only process instance rows (the root of each execution tree). */
export const processInstancesOnly: Condition<E> = where.isNull('parentId');
