import type { CommandContext } from '../../command/CommandContext.js';
import type { VariableFilter } from '../../engine/query/QueryRequest.js';
import type { FieldOf } from '../../persistence/ports/entities.js';
import { where, type Condition } from '../../persistence/ports/query.js';
import { filter, type FilterDef, type QueryDefinition } from '../query/QueryDefinition.js';
import { shareLinkRow } from './sharedLinkRow.js';
import {
  candidateBlock, followUpBeforeBlock, involvedUserBlock, suspensionBlock, variableBlocks, withoutCandidatesBlock,
} from './taskQueryBlocks.js';
import { checkTaskQuery, delegationStateOf, type QueryMode } from './taskQueryChecks.js';
import { checkAdhocExpressions, resolveExpressions, TASK_QUERY_EXPRESSIONS } from './taskQueryExpressions.js';
import { TASK_SORTS } from './taskSorts.js';

type T = 'task';
type Filters = Readonly<Record<string, unknown>>;

const none = (): FilterDef<T> => filter.custom<T, unknown>('string', () => undefined);
const flagOnly = (): FilterDef<T> => filter.flag<T>({ kind: 'true' });

/** A list filter; the DTOs skip empty lists. */
const among = (field: FieldOf<T>, negate = false): FilterDef<T> => filter.custom<T, string[]>('stringList',
  (v) => (v.length === 0 ? undefined : { kind: 'in', field, values: v, negate }));

const upper = (field: FieldOf<T>, op: '=' | '<>' | 'like'): FilterDef<T> => filter.custom<T, string>('string', (v) => where.upper<T>(field, op, v));

/** CMMN is not supported: every task's case ids are null, so a case filter matches no task. */
const noCase = (): FilterDef<T> => filter.custom<T, string>('string', () => ({ kind: 'false' }));

function processInstance(c: Condition<'execution'>): Condition<T> {
  return { kind: 'exists', entity: 'execution', link: [['id', 'processInstanceId']], where: c };
}

function definition(c: Condition<'processDefinition'>): Condition<T> {
  return { kind: 'exists', entity: 'processDefinition', link: [['id', 'processDefinitionId']], where: c };
}

/** Filters with a condition of their own (Task.xml, one `${queryType}` clause each). */
const SIMPLE_FILTERS: Record<string, FilterDef<T>> = {
  taskId: filter.eq('id'),
  taskIdIn: among('id'),
  name: upper('name', '='),
  nameNotEqual: upper('name', '<>'),
  nameLike: upper('name', 'like'),
  nameNotLike: filter.custom<T, string>('string', (v) => where.not<T>(where.upper<T>('name', 'like', v))),
  description: upper('description', '='),
  descriptionLike: upper('description', 'like'),
  priority: filter.int('priority'),
  maxPriority: filter.int('priority', '<='),
  minPriority: filter.int('priority', '>='),
  assignee: filter.eq('assignee'),
  assigneeLike: filter.like('assignee'),
  assigneeIn: among('assignee'),
  assigneeNotIn: among('assignee', true),
  owner: filter.eq('owner'),
  unassigned: filter.flag(where.isNull('assignee')),
  assigned: filter.flag(where.isNull('assignee', true)),
  delegationState: filter.custom<T, string>('string', (v) => where.eq<T>('delegationState', delegationStateOf(v))),
  processInstanceId: filter.eq('processInstanceId'),
  processInstanceIdIn: among('processInstanceId'),
  processInstanceBusinessKey: filter.custom<T, string>('string', (v) => processInstance(where.eq('businessKey', v))),
  processInstanceBusinessKeyIn: filter.custom<T, string[]>('stringList', (v) => (v.length === 0 ? undefined : processInstance(where.in('businessKey', v)))),
  processInstanceBusinessKeyLike: filter.custom<T, string>('string', (v) => processInstance(where.cmp('businessKey', 'like', v))),
  executionId: filter.eq('executionId'),
  caseInstanceId: noCase(),
  caseInstanceBusinessKey: noCase(),
  caseInstanceBusinessKeyLike: noCase(),
  caseExecutionId: noCase(),
  caseDefinitionId: noCase(),
  caseDefinitionKey: noCase(),
  caseDefinitionName: noCase(),
  caseDefinitionNameLike: noCase(),
  createdOn: filter.date('createTime', '='),
  createdBefore: filter.date('createTime', '<'),
  createdAfter: filter.date('createTime', '>'),
  updatedAfter: filter.custom<T, Date>('date', (v) => where.or<T>(where.cmp('lastUpdated', '>', v),
    where.and<T>(where.isNull('lastUpdated'), where.cmp('createTime', '>', v)))),
  taskDefinitionKey: filter.eq('taskDefinitionKey'),
  taskDefinitionKeyLike: filter.like('taskDefinitionKey'),
  taskDefinitionKeyIn: among('taskDefinitionKey'),
  taskDefinitionKeyNotIn: among('taskDefinitionKey', true),
  processDefinitionId: filter.eq('processDefinitionId'),
  processDefinitionKey: filter.custom<T, string>('string', (v) => definition(where.eq('key', v))),
  processDefinitionKeyIn: filter.custom<T, string[]>('stringList', (v) => (v.length === 0 ? undefined : definition(where.in('key', v)))),
  processDefinitionName: filter.custom<T, string>('string', (v) => definition(where.eq('name', v))),
  processDefinitionNameLike: filter.custom<T, string>('string', (v) => definition(where.cmp('name', 'like', v))),
  parentTaskId: filter.eq('parentTaskId'),
  dueDate: filter.date('dueDate', '='),
  dueBefore: filter.date('dueDate', '<'),
  dueAfter: filter.date('dueDate', '>'),
  withoutDueDate: filter.flag(where.isNull('dueDate')),
  followUpDate: filter.date('followUpDate', '='),
  followUpAfter: filter.date('followUpDate', '>'),
  // The activity instance of the task's execution (Camunda joins ACT_RU_EXECUTION E1).
  activityInstanceIdIn: filter.custom<T, string[]>('stringList', (v) => (v.length === 0 ? undefined
    : { kind: 'exists', entity: 'execution', link: [['id', 'executionId']], where: where.in<'execution'>('activityInstanceId', v) })),
  tenantIdIn: among('tenantId'),
  withoutTenantId: filter.flag(where.isNull('tenantId')),
};

/** Parameters read by the blocks of taskQueryBlocks.ts, or only changing how others match. */
const BLOCK_FILTERS: Record<string, FilterDef<T>> = {
  candidateUser: none(),
  candidateGroup: none(),
  candidateGroupLike: none(),
  candidateGroups: filter.custom<T, string[]>('stringList', () => undefined),
  includeAssignedTasks: flagOnly(),
  withCandidateGroups: flagOnly(),
  withoutCandidateGroups: flagOnly(),
  withCandidateUsers: flagOnly(),
  withoutCandidateUsers: flagOnly(),
  involvedUser: none(),
  followUpBefore: filter.custom<T, Date>('date', () => undefined),
  followUpBeforeOrNotExistent: filter.custom<T, Date>('date', () => undefined),
  active: flagOnly(),
  suspended: flagOnly(),
  taskVariables: filter.custom<T, VariableFilter[]>('variables', () => undefined),
  processVariables: filter.custom<T, VariableFilter[]>('variables', () => undefined),
  caseInstanceVariables: filter.custom<T, VariableFilter[]>('variables', () => undefined),
  variableNamesIgnoreCase: flagOnly(),
  variableValuesIgnoreCase: flagOnly(),
  // Comments and attachments do not exist in m8flow: the flag only adds `attachment`/`comment` (false) to the DTOs.
  withCommentAttachmentInfo: flagOnly(),
  ...Object.fromEntries(Object.keys(TASK_QUERY_EXPRESSIONS).map((name) => [name, none()])),
};

/** The condition of one Camunda task query: the request (AND) or an `orQueries` entry (OR). */
function queryCondition(filters: Filters, mode: QueryMode, ctx: CommandContext): Condition<T> {
  const parts: Condition<T>[] = [];
  for (const [name, value] of Object.entries(filters)) {
    const def = SIMPLE_FILTERS[name];
    if (def === undefined || value === undefined || value === null) continue;
    const condition = def.build(value as never, ctx);
    if (condition) parts.push(condition);
  }
  const blocks = [candidateBlock(filters, mode), withoutCandidatesBlock(filters), involvedUserBlock(filters),
    followUpBeforeBlock(filters), suspensionBlock(filters), ...variableBlocks(filters, mode)];
  for (const block of blocks) if (block) parts.push(block);
  if (mode === 'and') return where.and<T>(...parts);
  return parts.length === 0 ? { kind: 'true' } : where.or<T>(...parts);
}

function orQueriesOf(filters: Filters): Filters[] {
  const entries = filters['orQueries'];
  return Array.isArray(entries) ? entries.filter((e): e is Filters => typeof e === 'object' && e !== null) : [];
}

/**
 * The whole task query: setter checks (or-queries first, as the DTO applies them first), the
 * ad-hoc expression check, expression evaluation, then the AND of the query and its or-queries
 * with the shared identity link row of Camunda's join.
 */
function taskCondition(filters: Filters, ctx: CommandContext): Condition<T> {
  const orQueries = orQueriesOf(filters);
  for (const entry of orQueries) checkTaskQuery(entry, 'or');
  checkTaskQuery(filters, 'and');
  checkAdhocExpressions([filters, ...orQueries], ctx);
  const main = queryCondition(resolveExpressions(filters, ctx), 'and', ctx);
  const alternatives = orQueries.map((entry) => queryCondition(resolveExpressions(entry, ctx), 'or', ctx));
  return shareLinkRow(alternatives.length === 0 ? main : where.and<T>(main, ...alternatives));
}

/** GET/POST /task (Camunda's TaskQueryDto): every filter and sort of the contract. */
export const TASK_QUERY: QueryDefinition<T> = {
  entity: 'task',
  filters: { ...SIMPLE_FILTERS, ...BLOCK_FILTERS },
  sorts: TASK_SORTS,
  condition: taskCondition,
};

