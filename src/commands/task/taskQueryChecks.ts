/**
 * The checks TaskQueryImpl's setters make while Camunda's TaskQueryDto applies a request's
 * filters one by one, in the DTO's order: filter combinations an AND query refuses, flags an
 * `orQueries` entry refuses, and `includeAssignedTasks` without a candidate filter. All are
 * ProcessEngineExceptions (HTTP 500) in Camunda, except the delegation state (400).
 */
import { engineError } from '../../errors/EngineError.js';

type Filters = Readonly<Record<string, unknown>>;

/** An AND query (the request itself) or one `orQueries` entry. */
export type QueryMode = 'and' | 'or';

const given = (filters: Filters, name: string): boolean => filters[name] !== undefined && filters[name] !== null;
const isTrue = (filters: Filters, name: string): boolean => filters[name] === true;
const nonEmpty = (filters: Filters, name: string): boolean => Array.isArray(filters[name]) && (filters[name] as unknown[]).length > 0;

function usage(message: string): Error {
  return engineError('processEngine', `Invalid query usage: ${message}`);
}

const CANDIDATE_FLAGS = ['withCandidateGroups', 'withoutCandidateGroups', 'withCandidateUsers', 'withoutCandidateUsers'];

const DUE_FILTERS = ['dueAfter', 'dueAfterExpression', 'dueBefore', 'dueBeforeExpression', 'dueDate', 'dueDateExpression'];

function checkTenants(filters: Filters, mode: QueryMode): void {
  if (mode === 'and' && nonEmpty(filters, 'tenantIdIn') && isTrue(filters, 'withoutTenantId')) {
    throw usage('cannot set both tenantIdIn and withoutTenantId filters.');
  }
}

/** candidateUser against candidateGroup (taskCandidateUser and taskCandidateUserExpression). */
function checkCandidateUser(filters: Filters, mode: QueryMode): void {
  for (const flag of CANDIDATE_FLAGS) {
    if (mode === 'or' && isTrue(filters, flag)) throw engineError('processEngine', `Invalid query usage: cannot set ${flag}() within 'or' query`);
  }
  const group = given(filters, 'candidateGroup') || given(filters, 'candidateGroupExpression');
  // taskCandidateUser checks only outside an or-query, taskCandidateUserExpression always.
  if (group && ((mode === 'and' && given(filters, 'candidateUser')) || given(filters, 'candidateUserExpression'))) {
    throw usage('cannot set both candidateUser and candidateGroup');
  }
}

function checkDueDates(filters: Filters, mode: QueryMode): void {
  if (mode === 'and' && isTrue(filters, 'withoutDueDate') && DUE_FILTERS.some((name) => given(filters, name))) {
    throw usage('cannot set both due date (equal to, before, or after) and withoutDueDate filters.');
  }
}

/** taskCandidateGroupIn / …InExpression: a non-empty list, and not with a candidate user. */
function checkCandidateGroups(filters: Filters, mode: QueryMode): void {
  const user = given(filters, 'candidateUser') || given(filters, 'candidateUserExpression');
  if (Array.isArray(filters['candidateGroups'])) {
    if (filters['candidateGroups'].length === 0) throw engineError('processEngine', 'Candidate group list is empty');
    if (mode === 'and' && user) throw usage('cannot set both candidateGroupIn and candidateUser');
  }
  if (given(filters, 'candidateGroupsExpression')) {
    if (filters['candidateGroupsExpression'] === '') throw engineError('processEngine', 'Candidate group list expression is empty');
    if (mode === 'and' && user) throw usage('cannot set both candidateGroupIn and candidateUser');
  }
}

const CANDIDATE_FILTERS = [
  'candidateUser', 'candidateGroup', 'candidateGroupLike', 'candidateGroups', 'candidateUserExpression',
  'candidateGroupExpression', 'candidateGroupsExpression',
];

function checkIncludeAssigned(filters: Filters): void {
  if (!isTrue(filters, 'includeAssignedTasks')) return;
  if (CANDIDATE_FILTERS.some((name) => given(filters, name)) || CANDIDATE_FLAGS.some((flag) => isTrue(filters, flag))) return;
  throw usage('candidateUser, candidateGroup, candidateGroupLike, candidateGroupIn, withCandidateGroups, withoutCandidateGroups, '
    + "withCandidateUsers, withoutCandidateUsers has to be called before 'includeAssignedTasks'.");
}

/** Camunda's DelegationStateConverter: PENDING or RESOLVED, in any case. */
export function delegationStateOf(value: string): string {
  const upper = value.toUpperCase();
  if (upper !== 'PENDING' && upper !== 'RESOLVED') {
    throw engineError('invalidRequest', `Valid values for property 'delegationState' are 'PENDING' or 'RESOLVED', but was '${value}'`);
  }
  return upper;
}

/** Runs the setter checks of one query in the order Camunda's DTO calls the setters. */
export function checkTaskQuery(filters: Filters, mode: QueryMode): void {
  checkTenants(filters, mode);
  checkCandidateUser(filters, mode);
  checkDueDates(filters, mode);
  if (typeof filters['delegationState'] === 'string') delegationStateOf(filters['delegationState']);
  checkCandidateGroups(filters, mode);
  checkIncludeAssigned(filters);
}
