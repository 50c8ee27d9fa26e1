import type { VariableFilter } from '../../engine/query/QueryRequest.js';
import { engineError } from '../../errors/EngineError.js';
import { where, type Condition } from '../../persistence/ports/query.js';
import {
  flagMatchesNothing, isPresent, matchesNothing, OR_QUERY, rowFilter, rowFlag, sameRowFilters, tenantFilters, type Filters, type RowFilter,
} from '../query/filterGroups.js';
import { filter, type QueryDefinition } from '../query/QueryDefinition.js';
import { matchVariable, variableMatchOptions, type VariableMatchOptions } from '../query/variableMatching.js';

type HPI = 'historicProcessInstance';
type HINC = 'historicIncident';
type HAI = 'historicActivityInstance';

const state = (value: string) => filter.flag<HPI>(where.eq('state', value));

const nonEmpty = (ids: string[], condition: Condition<HPI>): Condition<HPI> | undefined => (ids.length === 0 ? undefined : condition);

/** Filters that need no other filter of the request. */
const SIMPLE_FILTERS: QueryDefinition<HPI>['filters'] = {
  processInstanceId: filter.eq('id'),
  processInstanceIds: filter.in('id'),
  processInstanceIdNotIn: filter.custom<HPI, string[]>('stringList', (ids) => nonEmpty(ids, { kind: 'in', field: 'id', values: ids, negate: true })),
  processDefinitionId: filter.eq('processDefinitionId'),
  processDefinitionKey: filter.eq('processDefinitionKey'),
  processDefinitionKeyIn: filter.in('processDefinitionKey'),
  processDefinitionKeyNotIn: filter.notIn('processDefinitionKey'),
  processDefinitionName: filter.eq('processDefinitionName'),
  processDefinitionNameLike: filter.like('processDefinitionName'),
  processInstanceBusinessKey: filter.eq('businessKey'),
  processInstanceBusinessKeyIn: filter.in('businessKey'),
  processInstanceBusinessKeyLike: filter.like('businessKey'),
  finished: filter.flag(where.isNull('endTime', true)),
  unfinished: filter.flag(where.isNull('endTime')),
  startedBefore: filter.date('startTime', '<='),
  startedAfter: filter.date('startTime', '>='),
  finishedBefore: filter.date('endTime', '<='),
  finishedAfter: filter.date('endTime', '>='),
  startedBy: filter.eq('startUserId'),
  // The instance called by the given one: its SUPER_PROCESS_INSTANCE_ID_ (null until call activities exist).
  subProcessInstanceId: filter.custom<HPI, string>('string', (v) => ({
    kind: 'exists', entity: 'historicProcessInstance', link: [['superProcessInstanceId', 'id']], where: where.eq<HPI>('processInstanceId', v),
  })),
  // CMMN is not supported: no instance belongs to or calls a case instance.
  caseInstanceId: matchesNothing('string'),
  superCaseInstanceId: matchesNothing('string'),
  subCaseInstanceId: matchesNothing('string'),
  // Camunda looks at jobs (ACT_RU_JOB) and the job log (ACT_HI_JOB_LOG); m8flow has no jobs yet.
  withJobsRetrying: flagMatchesNothing(),
  executedJobAfter: matchesNothing('date'),
  executedJobBefore: matchesNothing('date'),
  // Instances with a runtime execution (not an event scope) at one of the activities.
  activityIdIn: filter.custom<HPI, string[]>('stringList', (ids) => nonEmpty(ids, {
    kind: 'exists', entity: 'execution', link: [['processInstanceId', 'id']],
    where: where.and<'execution'>(where.eq('isEventScope', false), where.in('activityId', ids)),
  })),
  active: state('ACTIVE'),
  suspended: state('SUSPENDED'),
  completed: state('COMPLETED'),
  externallyTerminated: state('EXTERNALLY_TERMINATED'),
  internallyTerminated: state('INTERNALLY_TERMINATED'),
  variableNamesIgnoreCase: filter.flag({ kind: 'true' }),
  variableValuesIgnoreCase: filter.flag({ kind: 'true' }),
};

/** Camunda joins one ACT_HI_INCIDENT row of the instance for all incident filters. */
const INCIDENT_FILTERS: Record<string, RowFilter<HINC>> = {
  withIncidents: rowFlag(),
  // ID_ = ROOT_CAUSE_INCIDENT_ID_: the row itself is its root cause.
  withRootIncidents: rowFlag<HINC>({ kind: 'exists', entity: 'historicIncident', link: [['id', 'id'], ['id', 'rootCauseIncidentId']], where: { kind: 'true' } }),
  incidentIdIn: rowFilter<HINC, string[]>('stringList', (ids) => (ids.length === 0 ? undefined : where.in('id', ids))),
  incidentStatus: rowFilter<HINC, string>('string', (v) => {
    if (v === 'open') return where.isNull('endTime');
    return v === 'resolved' ? where.isNull('endTime', true) : { kind: 'true' };
  }),
  incidentType: rowFilter<HINC, string>('string', (v) => where.eq('incidentType', v)),
  incidentMessage: rowFilter<HINC, string>('string', (v) => where.eq('incidentMessage', v)),
  incidentMessageLike: rowFilter<HINC, string>('string', (v) => where.cmp('incidentMessage', 'like', v)),
};

/** Camunda joins one ACT_HI_ACTINST row for executedActivityIdIn and activeActivityIdIn. */
const ACTIVITY_FILTERS: Record<string, RowFilter<HAI>> = {
  executedActivityIdIn: rowFilter<HAI, string[]>('stringList', (ids) => (ids.length === 0 ? undefined
    : where.and<HAI>(where.isNull('endTime', true), where.in('activityId', ids)))),
  activeActivityIdIn: rowFilter<HAI, string[]>('stringList', (ids) => (ids.length === 0 ? undefined
    : where.and<HAI>(where.isNull('endTime'), where.in('activityId', ids)))),
};

/** One EXISTS over ACT_HI_ACTINST: an activity started or ended inside the bounds. */
const EXECUTED_ACTIVITY_FILTERS: Record<string, RowFilter<HAI>> = {
  executedActivityAfter: rowFilter<HAI, Date>('date', (v) => where.or<HAI>(where.cmp('startTime', '>=', v), where.cmp('endTime', '>=', v))),
  executedActivityBefore: rowFilter<HAI, Date>('date', (v) => where.or<HAI>(where.cmp('startTime', '<=', v), where.cmp('endTime', '<=', v))),
};

const related = <R extends 'historicIncident' | 'historicActivityInstance'>(entity: R) => (condition: Condition<R>): Condition<HPI> =>
  ({ kind: 'exists', entity, link: [['processInstanceId', 'id']], where: condition as Condition });

/**
 * Variable filters: Camunda joins one ACT_HI_VARINST row per variable name, so all conditions on
 * the same name must hold for the same historic variable (deleted ones included). In an
 * `orQueries` entry every condition is an alternative of its own.
 */
function withVariables(filters: readonly VariableFilter[], options: VariableMatchOptions, any: boolean): Condition<HPI> {
  const exists = (group: readonly VariableFilter[]): Condition<HPI> => ({
    kind: 'exists', entity: 'historicVariableInstance', link: [['processInstanceId', 'id']],
    where: where.and(...group.map((f) => matchVariable(f, options) as Condition)),
  });
  if (any) return where.or<HPI>(...filters.map((f) => exists([f])));
  const byName = new Map<string, VariableFilter[]>();
  for (const f of filters) byName.set(f.name, [...(byName.get(f.name) ?? []), f]);
  return where.and<HPI>(...[...byName.values()].map(exists));
}

/** Refuses rootProcessInstances together with a super instance, as HistoricProcessInstanceQueryImpl does. */
function rootOnly(filters: Filters): Condition<HPI> {
  const conflict = ['superProcessInstanceId', 'superCaseInstanceId'].find((name) => isPresent(filters[name]));
  if (conflict !== undefined) throw engineError('badUserRequest', `Invalid query usage: cannot set both rootProcessInstances and ${conflict}`);
  return where.isNull('superProcessInstanceId');
}

/** Filters that read other filters of the request. */
function dependentFilters(filters: Filters): QueryDefinition<HPI>['filters'] {
  return {
    rootProcessInstances: filter.custom<HPI, boolean>('boolean', (v) => (v ? rootOnly(filters) : undefined)),
    superProcessInstanceId: filter.eq('superProcessInstanceId'),
    variables: filter.custom<HPI, VariableFilter[]>('variables', (v) => withVariables(v, variableMatchOptions(filters), filters[OR_QUERY] === true)),
    ...tenantFilters<HPI>(filters, 'tenantId'),
    ...sameRowFilters<HPI, HINC>(filters, INCIDENT_FILTERS, related('historicIncident')),
    ...sameRowFilters<HPI, HAI>(filters, ACTIVITY_FILTERS, related('historicActivityInstance')),
    ...sameRowFilters<HPI, HAI>(filters, EXECUTED_ACTIVITY_FILTERS, related('historicActivityInstance')),
  };
}

/** GET/POST /history/process-instance (Camunda's HistoricProcessInstanceQueryDto) for one request. */
export function historicProcessInstanceQueryFor(filters: Filters): QueryDefinition<HPI> {
  return {
    entity: 'historicProcessInstance',
    filters: { ...SIMPLE_FILTERS, ...dependentFilters(filters) },
    sorts: {
      instanceId: 'id', definitionId: 'processDefinitionId', definitionKey: 'processDefinitionKey',
      definitionName: 'processDefinitionName', definitionVersion: 'processDefinitionVersion', businessKey: 'businessKey',
      startTime: 'startTime', endTime: 'endTime', duration: 'durationInMillis', tenantId: 'tenantId',
    },
  };
}

/** The query's shape (filter kinds, sort keys) for request parsing. */
export const historicProcessInstanceQuery: QueryDefinition<HPI> = historicProcessInstanceQueryFor({});
