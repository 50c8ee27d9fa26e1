import type { CommandContext } from '../../command/CommandContext.js';
import type { VariableFilter } from '../../engine/query/QueryRequest.js';
import { SUSPENSION_ACTIVE, SUSPENSION_SUSPENDED } from '../../persistence/ports/entities.js';
import { where, type Condition } from '../../persistence/ports/query.js';
import { filter, variableValueCondition, type QueryDefinition } from '../query/QueryDefinition.js';

type T = 'task';

function link(condition: Condition<'identityLink'>, negate = false): Condition<T> {
  return { kind: 'exists', entity: 'identityLink', link: [['taskId', 'id']], where: condition, negate };
}

const candidateLink = (c: Condition<'identityLink'>) => link(where.and<'identityLink'>(where.eq('type', 'candidate'), c));

/** Candidate filters only see unassigned tasks unless `includeAssignedTasks` is set. */
function candidate(c: Condition<'identityLink'>, ctx: CommandContext, filters: Readonly<Record<string, unknown>>): Condition<T> {
  void ctx;
  const linkCondition = candidateLink(c);
  return filters['includeAssignedTasks'] === true ? linkCondition : where.and<T>(where.isNull('assignee'), linkCondition);
}

function definition(c: Condition<'processDefinition'>): Condition<T> {
  return { kind: 'exists', entity: 'processDefinition', link: [['id', 'processDefinitionId']], where: c };
}

function processInstance(c: Condition<'execution'>): Condition<T> {
  return { kind: 'exists', entity: 'execution', link: [['id', 'processInstanceId']], where: c };
}

function variables(filters: VariableFilter[], scope: 'task' | 'process'): Condition<T> {
  return where.and<T>(...filters.map((f): Condition<T> => ({
    kind: 'exists', entity: 'variable',
    link: scope === 'task' ? [['taskId', 'id']] : [['processInstanceId', 'processInstanceId']],
    where: scope === 'task' ? variableValueCondition(f) : where.and<'variable'>(variableValueCondition(f), where.isNull('taskId')),
  })));
}

/**
 * Builds the task query table. Candidate filters need the whole filter set (for
 * includeAssignedTasks), so the table is created per request.
 */
export function taskQuery(filters: Readonly<Record<string, unknown>>): QueryDefinition<T> {
  const cand = <V>(build: (v: V) => Condition<'identityLink'>, kind: 'string' | 'stringList' = 'string') =>
    filter.custom<T, V>(kind, (v, ctx) => candidate(build(v), ctx, filters));
  return {
    entity: 'task',
    filters: {
      taskId: filter.eq('id'),
      taskIdIn: filter.in('id'),
      processInstanceId: filter.eq('processInstanceId'),
      processInstanceIdIn: filter.in('processInstanceId'),
      processInstanceBusinessKey: filter.custom<T, string>('string', (v) => processInstance(where.eq('businessKey', v))),
      processInstanceBusinessKeyIn: filter.custom<T, string[]>('stringList', (v) => processInstance(where.in('businessKey', v))),
      processInstanceBusinessKeyLike: filter.custom<T, string>('string', (v) => processInstance(where.cmp('businessKey', 'like', v))),
      processDefinitionId: filter.eq('processDefinitionId'),
      processDefinitionKey: filter.custom<T, string>('string', (v) => definition(where.eq('key', v))),
      processDefinitionKeyIn: filter.custom<T, string[]>('stringList', (v) => definition(where.in('key', v))),
      processDefinitionName: filter.custom<T, string>('string', (v) => definition(where.eq('name', v))),
      processDefinitionNameLike: filter.custom<T, string>('string', (v) => definition(where.cmp('name', 'like', v))),
      executionId: filter.eq('executionId'),
      activityInstanceIdIn: filter.in('activityInstanceId'),
      tenantIdIn: filter.in('tenantId'),
      withoutTenantId: filter.flag(where.isNull('tenantId')),
      assignee: filter.eq('assignee'),
      assigneeLike: filter.like('assignee'),
      assigneeIn: filter.in('assignee'),
      assigneeNotIn: filter.notIn('assignee'),
      owner: filter.eq('owner'),
      candidateGroup: cand<string>((v) => where.eq('groupId', v)),
      candidateGroupLike: cand<string>((v) => where.cmp('groupId', 'like', v)),
      candidateGroups: cand<string[]>((v) => where.in('groupId', v), 'stringList'),
      candidateUser: cand<string>((v) => where.eq('userId', v)),
      includeAssignedTasks: filter.flag({ kind: 'true' }),
      involvedUser: filter.custom<T, string>('string', (v) => where.or<T>(where.eq('assignee', v), where.eq('owner', v), link(where.eq('userId', v)))),
      assigned: filter.flag(where.isNull('assignee', true)),
      unassigned: filter.flag(where.isNull('assignee')),
      taskDefinitionKey: filter.eq('taskDefinitionKey'),
      taskDefinitionKeyIn: filter.in('taskDefinitionKey'),
      taskDefinitionKeyLike: filter.like('taskDefinitionKey'),
      name: filter.eq('name'),
      nameNotEqual: filter.ne('name'),
      nameLike: filter.like('name'),
      nameNotLike: filter.notLike('name'),
      description: filter.eq('description'),
      descriptionLike: filter.like('description'),
      priority: filter.int('priority'),
      maxPriority: filter.int('priority', '<='),
      minPriority: filter.int('priority', '>='),
      dueDate: filter.dateOn('dueDate'),
      dueAfter: filter.date('dueDate', '>'),
      dueBefore: filter.date('dueDate', '<'),
      withoutDueDate: filter.flag(where.isNull('dueDate')),
      followUpDate: filter.dateOn('followUpDate'),
      followUpAfter: filter.date('followUpDate', '>'),
      followUpBefore: filter.date('followUpDate', '<'),
      followUpBeforeOrNotExistent: filter.custom<T, Date>('date', (v) => where.or<T>(where.isNull('followUpDate'), where.cmp('followUpDate', '<', v))),
      createdOn: filter.dateOn('createTime'),
      createdAfter: filter.date('createTime', '>'),
      createdBefore: filter.date('createTime', '<'),
      updatedAfter: filter.date('lastUpdated', '>'),
      delegationState: filter.eq('delegationState'),
      withCandidateGroups: filter.flag(candidateLink(where.isNull('groupId', true))),
      withoutCandidateGroups: filter.flag(link(where.and<'identityLink'>(where.eq('type', 'candidate'), where.isNull('groupId', true)), true)),
      withCandidateUsers: filter.flag(candidateLink(where.isNull('userId', true))),
      withoutCandidateUsers: filter.flag(link(where.and<'identityLink'>(where.eq('type', 'candidate'), where.isNull('userId', true)), true)),
      active: filter.flag(where.eq('suspensionState', SUSPENSION_ACTIVE)),
      suspended: filter.flag(where.eq('suspensionState', SUSPENSION_SUSPENDED)),
      taskVariables: filter.custom<T, VariableFilter[]>('variables', (v) => variables(v, 'task')),
      processVariables: filter.custom<T, VariableFilter[]>('variables', (v) => variables(v, 'process')),
      parentTaskId: filter.eq('parentTaskId'),
    },
    sorts: {
      instanceId: 'processInstanceId', dueDate: 'dueDate', followUpDate: 'followUpDate', executionId: 'executionId',
      assignee: 'assignee', created: 'createTime', lastUpdated: 'lastUpdated', description: 'description', id: 'id',
      name: 'name', nameCaseInsensitive: 'name', priority: 'priority', tenantId: 'tenantId',
      processDefinitionId: 'processDefinitionId', taskDefinitionKey: 'taskDefinitionKey',
    },
  };
}

/** Filter names and kinds of the task query, for request parsing. */
export const TASK_QUERY_SHAPE = taskQuery({});
