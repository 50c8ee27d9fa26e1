/**
 * Task filters that read several parameters at once, following Camunda's Task.xml: the candidate
 * block (candidate user, groups, group pattern, with-flags, includeAssignedTasks), the
 * without-candidates block, involvedUser, the variable filters, follow-up "before" and the
 * suspension state. Conditions on the joined identity link row are marked with linkRowCondition.
 */
import type { VariableFilter } from '../../engine/query/QueryRequest.js';
import { SUSPENSION_ACTIVE, SUSPENSION_SUSPENDED } from '../../persistence/ports/entities.js';
import { where, type Condition } from '../../persistence/ports/query.js';
import { variableValueCondition, type VariableConditionOptions } from '../query/QueryDefinition.js';
import { linkRowCondition } from './sharedLinkRow.js';
import type { QueryMode } from './taskQueryChecks.js';

type T = 'task';
type L = 'identityLink';
type Filters = Readonly<Record<string, unknown>>;

const text = (filters: Filters, name: string): string | undefined => (typeof filters[name] === 'string' ? filters[name] : undefined);

/**
 * TaskQueryImpl.getCandidateGroups: candidateGroup and candidateGroups intersect in a query and
 * unite in an or-query; a candidate user adds the groups the identity service knows for that
 * user (m8flow has no identity service, so none).
 */
function candidateGroups(filters: Filters, mode: QueryMode): string[] | undefined {
  const group = text(filters, 'candidateGroup');
  const groups = Array.isArray(filters['candidateGroups']) ? (filters['candidateGroups'] as string[]) : undefined;
  let result: string[] | undefined;
  if (group !== undefined && groups !== undefined) {
    result = mode === 'and' ? groups.filter((g) => g === group) : [...groups, ...(groups.includes(group) ? [] : [group])];
  } else if (group !== undefined) result = [group];
  else if (groups !== undefined) result = groups;
  if (text(filters, 'candidateUser') !== undefined && result === undefined) result = [];
  return result;
}

/** Unassigned tasks only, unless includeAssignedTasks. */
function unassignedUnlessIncluded(filters: Filters): Condition<T> | undefined {
  return filters['includeAssignedTasks'] === true ? undefined : where.isNull<T>('assignee');
}

/** `I.TYPE_ = 'candidate' and (I.USER_ID_ = ? or I.GROUP_ID_ in (…) or I.GROUP_ID_ like ?) …` */
export function candidateBlock(filters: Filters, mode: QueryMode): Condition<T> | undefined {
  const user = text(filters, 'candidateUser');
  const like = text(filters, 'candidateGroupLike');
  const groups = candidateGroups(filters, mode);
  const withGroups = filters['withCandidateGroups'] === true;
  const withUsers = filters['withCandidateUsers'] === true;
  if (user === undefined && like === undefined && groups === undefined && !withGroups && !withUsers) return undefined;
  const link: Condition<L>[] = [where.eq<L>('type', 'candidate')];
  if (user !== undefined || like !== undefined || groups !== undefined) {
    const who: Condition<L>[] = [];
    if (user !== undefined) who.push(where.eq<L>('userId', user));
    if (groups !== undefined && groups.length > 0) who.push(where.in<L>('groupId', groups));
    if (like !== undefined) who.push(where.cmp<L>('groupId', 'like', like));
    link.push(who.length === 0 ? { kind: 'false' } : where.or<L>(...who));
  }
  if (withGroups) link.push(where.isNull<L>('groupId', true));
  if (withUsers) link.push(where.isNull<L>('userId', true));
  return where.and<T>(unassignedUnlessIncluded(filters), linkRowCondition(where.and<L>(...link)));
}

function noCandidateLink(column: 'groupId' | 'userId'): Condition<T> {
  return {
    kind: 'exists', entity: 'identityLink', link: [['taskId', 'id']], negate: true,
    where: where.and<L>(where.eq<L>('type', 'candidate'), where.isNull<L>(column, true)),
  };
}

/** withoutCandidateGroups / withoutCandidateUsers: NOT EXISTS of such a candidate link. */
export function withoutCandidatesBlock(filters: Filters): Condition<T> | undefined {
  const groups = filters['withoutCandidateGroups'] === true;
  const users = filters['withoutCandidateUsers'] === true;
  if (!groups && !users) return undefined;
  return where.and<T>(unassignedUnlessIncluded(filters), groups ? noCandidateLink('groupId') : undefined,
    users ? noCandidateLink('userId') : undefined);
}

/** `(I.USER_ID_ = ? or RES.ASSIGNEE_ = ? or RES.OWNER_ = ?)`: a link of any type, assignee or owner. */
export function involvedUserBlock(filters: Filters): Condition<T> | undefined {
  const user = text(filters, 'involvedUser');
  if (user === undefined) return undefined;
  return where.or<T>(linkRowCondition(where.eq<L>('userId', user)), where.eq<T>('assignee', user), where.eq<T>('owner', user));
}

/** The follow-up "before" filter: followUpBeforeOrNotExistent replaces followUpBefore (one field in Camunda). */
export function followUpBeforeBlock(filters: Filters): Condition<T> | undefined {
  const orNone = filters['followUpBeforeOrNotExistent'];
  if (orNone instanceof Date) return where.or<T>(where.isNull<T>('followUpDate'), where.cmp<T>('followUpDate', '<', orNone));
  const before = filters['followUpBefore'];
  return before instanceof Date ? where.cmp<T>('followUpDate', '<', before) : undefined;
}

/** active / suspended set one field; the DTO applies suspended last. */
export function suspensionBlock(filters: Filters): Condition<T> | undefined {
  if (filters['suspended'] === true) return where.eq<T>('suspensionState', SUSPENSION_SUSPENDED);
  return filters['active'] === true ? where.eq<T>('suspensionState', SUSPENSION_ACTIVE) : undefined;
}

/** Which variables a task variable filter looks at, and how its DTO reports a bad operator. */
const VARIABLE_SCOPES = {
  taskVariables: { scope: 'task', prefix: 'Invalid task variable comparator specified: ', notLike: false },
  processVariables: { scope: 'process', prefix: 'Invalid process variable comparator specified: ', notLike: true },
  caseInstanceVariables: { scope: 'case', prefix: 'Invalid case variable comparator specified: ', notLike: false },
} as const;

const OPERATORS = ['eq', 'neq', 'gt', 'gteq', 'lt', 'lteq', 'like'];

function variableExists(f: VariableFilter, scope: 'task' | 'process' | 'case', options: VariableConditionOptions): Condition<T> {
  const condition = variableValueCondition(f, options);
  // Case instance variables need RES.CASE_INST_ID_, which is null on every m8flow task.
  if (scope === 'case') return { kind: 'false' };
  if (scope === 'task') return { kind: 'exists', entity: 'variable', link: [['taskId', 'id']], where: condition };
  return {
    kind: 'exists', entity: 'variable', link: [['processInstanceId', 'processInstanceId']],
    where: where.and<'variable'>(condition, where.isNull('taskId')),
  };
}

/** taskVariables, processVariables, caseInstanceVariables: one EXISTS per entry, AND-ed (OR-ed in an or-query). */
export function variableBlocks(filters: Filters, mode: QueryMode): Condition<T>[] {
  const ignoreCase = { namesIgnoreCase: filters['variableNamesIgnoreCase'] === true, valuesIgnoreCase: filters['variableValuesIgnoreCase'] === true };
  const result: Condition<T>[] = [];
  for (const [name, spec] of Object.entries(VARIABLE_SCOPES)) {
    const entries = filters[name];
    if (!Array.isArray(entries) || entries.length === 0) continue;
    const options: VariableConditionOptions = {
      ...ignoreCase, invalidOperatorMessage: spec.prefix, invalidValueError: 'processEngine',
      operators: spec.notLike ? [...OPERATORS, 'notLike'] : OPERATORS,
    };
    const conditions = (entries as VariableFilter[]).map((f) => variableExists(f, spec.scope, options));
    result.push(mode === 'and' ? where.and<T>(...conditions) : where.or<T>(...conditions));
  }
  return result;
}
