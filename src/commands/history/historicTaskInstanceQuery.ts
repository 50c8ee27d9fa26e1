/**
 * GET/POST /history/task: Camunda's HistoricTaskInstanceQueryDto over HistoricTaskInstance.xml.
 * Its DTO applies the flags `assigned`, `unassigned`, `finished`, `unfinished`, `processFinished`,
 * `processUnfinished`, `withCandidateGroups` and `withoutCandidateGroups` whenever they are given,
 * even as false. The identity link filters read the identity link history (ACT_HI_IDENTITYLINK).
 */
import type { CommandContext } from '../../command/CommandContext.js';
import type { VariableFilter } from '../../engine/query/QueryRequest.js';
import { engineError } from '../../errors/EngineError.js';
import type { FieldOf } from '../../persistence/ports/entities.js';
import { where, type Condition } from '../../persistence/ports/query.js';
import { filter, variableValueCondition, type FilterDef, type QueryDefinition, type SortDef, type VariableConditionOptions } from '../query/QueryDefinition.js';

type HTI = 'historicTaskInstance';
type HIL = 'historicIdentityLink';
type Filters = Readonly<Record<string, unknown>>;
type Mode = 'and' | 'or';

const given = (filters: Filters, name: string): boolean => filters[name] !== undefined && filters[name] !== null;

/** A flag the DTO applies whenever it is given (`if (finished != null) query.finished()`). */
const present = (condition: Condition<HTI>): FilterDef<HTI> => filter.custom<HTI, boolean>('boolean', () => condition);
const ignored = (kind: 'string' | 'boolean' | 'stringList' | 'variables' | 'date'): FilterDef<HTI> => filter.custom<HTI, unknown>(kind, () => undefined);
const noCase = (): FilterDef<HTI> => filter.custom<HTI, string>('string', () => ({ kind: 'false' }));
const upper = (field: FieldOf<HTI>, op: '=' | 'like'): FilterDef<HTI> => filter.custom<HTI, string>('string', (v) => where.upper<HTI>(field, op, v));

function processInstance(c: Condition<'historicProcessInstance'>): Condition<HTI> {
  return { kind: 'exists', entity: 'historicProcessInstance', link: [['id', 'processInstanceId']], where: c };
}

function definition(c: Condition<'processDefinition'>): Condition<HTI> {
  return { kind: 'exists', entity: 'processDefinition', link: [['id', 'processDefinitionId']], where: c };
}

const SIMPLE_FILTERS: Record<string, FilterDef<HTI>> = {
  taskId: filter.eq('id'),
  taskParentTaskId: filter.eq('parentTaskId'),
  processInstanceId: filter.eq('processInstanceId'),
  rootProcessInstanceId: filter.eq('rootProcessInstanceId'),
  processInstanceBusinessKey: filter.custom<HTI, string>('string', (v) => processInstance(where.eq('businessKey', v))),
  processInstanceBusinessKeyIn: filter.custom<HTI, string[]>('stringList', (v) => (v.length === 0 ? undefined : processInstance(where.in('businessKey', v)))),
  processInstanceBusinessKeyLike: filter.custom<HTI, string>('string', (v) => processInstance(where.cmp('businessKey', 'like', v))),
  executionId: filter.eq('executionId'),
  activityInstanceIdIn: filter.custom<HTI, string[]>('stringList', (v) => (v.length === 0 ? undefined : where.in<HTI>('activityInstanceId', v))),
  processDefinitionId: filter.eq('processDefinitionId'),
  processDefinitionKey: filter.custom<HTI, string>('string', (v) => definition(where.eq('key', v))),
  processDefinitionName: filter.custom<HTI, string>('string', (v) => definition(where.eq('name', v))),
  // CMMN is not supported: the case ids of every historic task are null.
  caseDefinitionId: noCase(),
  caseDefinitionKey: noCase(),
  caseDefinitionName: noCase(),
  caseInstanceId: noCase(),
  caseExecutionId: noCase(),
  taskName: upper('name', '='),
  taskNameLike: upper('name', 'like'),
  taskDescription: upper('description', '='),
  taskDescriptionLike: upper('description', 'like'),
  taskDeleteReason: filter.eq('deleteReason'),
  taskDeleteReasonLike: filter.like('deleteReason'),
  assigned: present(where.isNull('assignee', true)),
  unassigned: present(where.isNull('assignee')),
  taskAssignee: filter.eq('assignee'),
  taskAssigneeLike: filter.like('assignee'),
  taskOwner: filter.eq('owner'),
  taskOwnerLike: filter.like('owner'),
  taskPriority: filter.int('priority'),
  finished: present(where.isNull('endTime', true)),
  unfinished: present(where.isNull('endTime')),
  processFinished: present(processInstance(where.isNull('endTime', true))),
  processUnfinished: present(processInstance(where.isNull('endTime'))),
  taskDueDate: filter.date('dueDate', '='),
  taskDueDateBefore: filter.date('dueDate', '<'),
  taskDueDateAfter: filter.date('dueDate', '>'),
  withoutTaskDueDate: filter.flag(where.isNull('dueDate')),
  taskFollowUpDate: filter.date('followUpDate', '='),
  taskFollowUpDateBefore: filter.date('followUpDate', '<'),
  taskFollowUpDateAfter: filter.date('followUpDate', '>'),
  startedBefore: filter.date('startTime', '<='),
  startedAfter: filter.date('startTime', '>='),
  finishedBefore: filter.date('endTime', '<='),
  finishedAfter: filter.date('endTime', '>='),
  withoutCandidateGroups: present({
    kind: 'exists', entity: 'historicIdentityLink', link: [['taskId', 'id']], negate: true,
    where: where.and<HIL>(where.eq('type', 'candidate'), where.isNull('groupId', true)),
  }),
};

/** Parameters read together (task definition keys, tenants, identity link history, variables). */
const GROUPED_FILTERS: Record<string, FilterDef<HTI>> = {
  taskDefinitionKey: ignored('string'),
  taskDefinitionKeyIn: ignored('stringList'),
  tenantIdIn: ignored('stringList'),
  withoutTenantId: ignored('boolean'),
  taskInvolvedUser: ignored('string'),
  taskInvolvedGroup: ignored('string'),
  taskHadCandidateUser: ignored('string'),
  taskHadCandidateGroup: ignored('string'),
  withCandidateGroups: ignored('boolean'),
  taskVariables: ignored('variables'),
  processVariables: ignored('variables'),
  variableNamesIgnoreCase: ignored('boolean'),
  variableValuesIgnoreCase: ignored('boolean'),
};

/** taskDefinitionKey is taskDefinitionKeyIn of one key; the DTO applies taskDefinitionKeyIn last. */
function taskDefinitionKeys(filters: Filters): Condition<HTI> | undefined {
  const keys = filters['taskDefinitionKeyIn'];
  if (Array.isArray(keys) && keys.length > 0) return where.in<HTI>('taskDefinitionKey', keys as string[]);
  return typeof filters['taskDefinitionKey'] === 'string' ? where.in<HTI>('taskDefinitionKey', [filters['taskDefinitionKey']]) : undefined;
}

/** tenantIdIn and withoutTenantId set one field; withoutTenantId comes last and wins. */
function tenants(filters: Filters): Condition<HTI> | undefined {
  if (filters['withoutTenantId'] === true) return where.isNull<HTI>('tenantId');
  const ids = filters['tenantIdIn'];
  return Array.isArray(ids) && ids.length > 0 ? where.in<HTI>('tenantId', ids as string[]) : undefined;
}

/** `RES.ID_ in (select TASK_ID_ from ACT_HI_IDENTITYLINK HIL where …)`, the conditions joined like the query. */
function identityLinkHistory(filters: Filters, mode: Mode): Condition<HTI> | undefined {
  const text = (name: string) => (typeof filters[name] === 'string' ? filters[name] : undefined);
  const candidate = (c: Condition<HIL>) => where.and<HIL>(where.eq('type', 'candidate'), c);
  const parts: Condition<HIL>[] = [];
  const user = text('taskInvolvedUser');
  const group = text('taskInvolvedGroup');
  const hadUser = text('taskHadCandidateUser');
  const hadGroup = text('taskHadCandidateGroup');
  if (user !== undefined) parts.push(where.eq<HIL>('userId', user));
  if (group !== undefined) parts.push(where.eq<HIL>('groupId', group));
  if (hadUser !== undefined) parts.push(candidate(where.eq('userId', hadUser)));
  if (hadGroup !== undefined) parts.push(candidate(where.eq('groupId', hadGroup)));
  if (given(filters, 'withCandidateGroups')) parts.push(candidate(where.isNull('groupId', true)));
  if (parts.length === 0) return undefined;
  return { kind: 'exists', entity: 'historicIdentityLink', link: [['taskId', 'id']], where: mode === 'and' ? where.and<HIL>(...parts) : where.or<HIL>(...parts) };
}

function variables(filters: Filters, mode: Mode): Condition<HTI>[] {
  const ignoreCase = { namesIgnoreCase: filters['variableNamesIgnoreCase'] === true, valuesIgnoreCase: filters['variableValuesIgnoreCase'] === true };
  const scopes = [
    ['taskVariables', { operators: ['eq'], invalidOperatorMessage: 'Invalid variable comparator specified: ' }],
    ['processVariables', { invalidOperatorMessage: 'Invalid process variable comparator specified: ' }],
  ] as const;
  const result: Condition<HTI>[] = [];
  for (const [name, texts] of scopes) {
    const entries = filters[name];
    if (!Array.isArray(entries) || entries.length === 0) continue;
    const options: VariableConditionOptions = { ...ignoreCase, ...texts, invalidValueError: 'processEngine' };
    const conditions = (entries as VariableFilter[]).map((f): Condition<HTI> => {
      const value = variableValueCondition(f, options) as unknown as Condition<'historicVariableInstance'>;
      return name === 'taskVariables'
        ? { kind: 'exists', entity: 'historicVariableInstance', link: [['taskId', 'id']], where: value }
        : { kind: 'exists', entity: 'historicVariableInstance', link: [['processInstanceId', 'processInstanceId']], where: where.and(value, where.isNull('taskId')) };
    });
    result.push(mode === 'and' ? where.and<HTI>(...conditions) : where.or<HTI>(...conditions));
  }
  return result;
}

/** The checks of HistoricTaskInstanceQueryImpl's setters, in the DTO's order. */
function check(filters: Filters, mode: Mode): void {
  const due = ['taskDueDate', 'taskDueDateBefore', 'taskDueDateAfter'].some((name) => given(filters, name));
  if (mode === 'and' && due && filters['withoutTaskDueDate'] === true) {
    throw engineError('processEngine', 'Invalid query usage: cannot set both task due date (equal to, before, or after) and withoutTaskDueDate filters.');
  }
  for (const flag of ['withCandidateGroups', 'withoutCandidateGroups']) {
    if (mode === 'or' && given(filters, flag)) throw engineError('processEngine', `Invalid query usage: cannot set ${flag}() within 'or' query`);
  }
}

function queryCondition(filters: Filters, mode: Mode, ctx: CommandContext): Condition<HTI> {
  const parts: Condition<HTI>[] = [];
  for (const [name, value] of Object.entries(filters)) {
    const def = SIMPLE_FILTERS[name];
    if (def === undefined || value === undefined || value === null) continue;
    const condition = def.build(value as never, ctx);
    if (condition) parts.push(condition);
  }
  for (const part of [taskDefinitionKeys(filters), tenants(filters), identityLinkHistory(filters, mode), ...variables(filters, mode)]) {
    if (part) parts.push(part);
  }
  if (mode === 'and') return where.and<HTI>(...parts);
  return parts.length === 0 ? { kind: 'true' } : where.or<HTI>(...parts);
}

/** The query (AND) and its `orQueries` entries (each an OR of its filters). */
function historicTaskCondition(filters: Filters, ctx: CommandContext): Condition<HTI> {
  const raw = filters['orQueries'];
  const orQueries = Array.isArray(raw) ? raw.filter((e): e is Filters => typeof e === 'object' && e !== null) : [];
  for (const entry of orQueries) check(entry, 'or');
  check(filters, 'and');
  const alternatives = orQueries.map((entry) => queryCondition(entry, 'or', ctx));
  const main = queryCondition(filters, 'and', ctx);
  return alternatives.length === 0 ? main : where.and<HTI>(main, ...alternatives);
}

/** A sort by a case column, null on every m8flow row: it adds no ORDER BY term. */
const nullColumn: SortDef<HTI> = () => [];

/** GET/POST /history/task (Camunda's HistoricTaskInstanceQueryDto): every filter and sort of the contract. */
export const historicTaskInstanceQuery: QueryDefinition<HTI> = {
  entity: 'historicTaskInstance',
  filters: { ...SIMPLE_FILTERS, ...GROUPED_FILTERS },
  sorts: {
    taskId: 'id', activityInstanceId: 'activityInstanceId', processDefinitionId: 'processDefinitionId',
    processInstanceId: 'processInstanceId', executionId: 'executionId', duration: 'durationInMillis', endTime: 'endTime',
    startTime: 'startTime', taskName: 'name', taskDescription: 'description', assignee: 'assignee', owner: 'owner',
    dueDate: 'dueDate', followUpDate: 'followUpDate', deleteReason: 'deleteReason', taskDefinitionKey: 'taskDefinitionKey',
    priority: 'priority', caseDefinitionId: nullColumn, caseInstanceId: nullColumn, caseExecutionId: nullColumn, tenantId: 'tenantId',
  },
  condition: historicTaskCondition,
};
