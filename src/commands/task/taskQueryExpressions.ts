/**
 * Expressions in task queries (`assigneeExpression=${currentUser()}`), as TaskQueryImpl handles
 * them: refused unless the engine enables expressions in ad-hoc queries, otherwise evaluated
 * without a variable scope and handed to the matching query setter, whose argument checks apply.
 * An expression wins over the plain filter it stands for.
 */
import type { CommandContext } from '../../command/CommandContext.js';
import { EngineError, engineError } from '../../errors/EngineError.js';
import { QueryDateTime, queryElContext } from './queryFunctions.js';

type Filters = Readonly<Record<string, unknown>>;

/** How a setter of TaskQueryImpl takes an evaluated value. */
type Argument = 'text' | 'requiredText' | 'groups' | 'date';

interface ExpressionFilter {
  /** The TaskQueryImpl method the expression feeds (Camunda's expression key). */
  method: string;
  /** The plain filter the value replaces. */
  target: string;
  argument: Argument;
}

const e = (method: string, target: string, argument: Argument): ExpressionFilter => ({ method, target, argument });

/** Every `…Expression` parameter of Camunda's TaskQueryDto, in the order the DTO applies them. */
export const TASK_QUERY_EXPRESSIONS: Readonly<Record<string, ExpressionFilter>> = {
  processInstanceBusinessKeyExpression: e('processInstanceBusinessKey', 'processInstanceBusinessKey', 'text'),
  processInstanceBusinessKeyLikeExpression: e('processInstanceBusinessKeyLike', 'processInstanceBusinessKeyLike', 'text'),
  assigneeExpression: e('taskAssignee', 'assignee', 'requiredText'),
  assigneeLikeExpression: e('taskAssigneeLike', 'assigneeLike', 'requiredText'),
  candidateGroupExpression: e('taskCandidateGroup', 'candidateGroup', 'requiredText'),
  candidateUserExpression: e('taskCandidateUser', 'candidateUser', 'requiredText'),
  involvedUserExpression: e('taskInvolvedUser', 'involvedUser', 'requiredText'),
  ownerExpression: e('taskOwner', 'owner', 'requiredText'),
  dueAfterExpression: e('dueAfter', 'dueAfter', 'date'),
  dueBeforeExpression: e('dueBefore', 'dueBefore', 'date'),
  dueDateExpression: e('dueDate', 'dueDate', 'date'),
  followUpAfterExpression: e('followUpAfter', 'followUpAfter', 'date'),
  followUpBeforeExpression: e('followUpBefore', 'followUpBefore', 'date'),
  followUpBeforeOrNotExistentExpression: e('followUpBeforeOrNotExistent', 'followUpBeforeOrNotExistent', 'date'),
  followUpDateExpression: e('followUpDate', 'followUpDate', 'date'),
  createdAfterExpression: e('taskCreatedAfter', 'createdAfter', 'date'),
  createdBeforeExpression: e('taskCreatedBefore', 'createdBefore', 'date'),
  createdOnExpression: e('taskCreatedOn', 'createdOn', 'date'),
  updatedAfterExpression: e('taskUpdatedAfter', 'updatedAfter', 'date'),
  candidateGroupsExpression: e('taskCandidateGroupIn', 'candidateGroups', 'groups'),
};

const QUERY_CLASS = 'org.camunda.bpm.engine.impl.TaskQueryImpl';

/** The expression parameters given in one query (main query or `orQueries` entry). */
export function expressionsOf(filters: Filters): string[] {
  return Object.keys(TASK_QUERY_EXPRESSIONS).filter((name) => typeof filters[name] === 'string');
}

/** Camunda's AdhocQueryValidator: expressions need `enableExpressionsInAdhocQueries`. */
export function checkAdhocExpressions(queries: readonly Filters[], ctx: CommandContext): void {
  if (ctx.settings.enableExpressionsInAdhocQueries === true) return;
  if (queries.some((filters) => expressionsOf(filters).length > 0)) {
    throw engineError('badUserRequest',
      'Expressions are forbidden in adhoc queries. This behavior can be toggled in the process engine configuration');
  }
}

/** Method.invoke with an argument of the wrong Java type: IllegalArgumentException, reported as such. */
function argumentMismatch(): EngineError {
  return new EngineError({ id: 'M8-03010', type: 'IllegalArgumentException', status: 500, code: null }, 'argument type mismatch');
}

function invokeFailed(method: string): EngineError {
  return engineError('processEngine', `Unable to invoke method '${method}' on class '${QUERY_CLASS}'`);
}

/** The value a setter receives, or undefined when the setter clears the filter (null for an optional argument). */
function setterArgument(filter: ExpressionFilter, raw: unknown): unknown {
  const value = raw instanceof QueryDateTime ? raw.toDate() : raw;
  switch (filter.argument) {
    case 'text':
    case 'requiredText':
      if (value === null) {
        if (filter.argument === 'requiredText') throw invokeFailed(filter.method);
        return undefined;
      }
      if (typeof value !== 'string') throw argumentMismatch();
      return value;
    case 'date':
      if (value === null) return undefined;
      if (!(value instanceof Date)) throw argumentMismatch();
      return value;
    case 'groups':
      if (value === null || (Array.isArray(value) && value.length === 0)) throw invokeFailed(filter.method);
      if (!Array.isArray(value)) throw argumentMismatch();
      return value.map((group) => String(group));
  }
}

function evaluate(text: string, filter: ExpressionFilter, ctx: CommandContext): unknown {
  try {
    return ctx.expressions.parse(text).evaluate(queryElContext(ctx.auth, () => ctx.clock.now()));
  } catch (error) {
    throw engineError('processEngine', `Unable to resolve expression '${text}' for method '${filter.method}' on class '${QUERY_CLASS}'`, { cause: error });
  }
}

/**
 * The filters with every expression evaluated into the plain filter it stands for. Call after
 * checkAdhocExpressions. The follow-up "before" filters share one field in Camunda: the last
 * one given wins, expressions after plain values.
 */
export function resolveExpressions(filters: Filters, ctx: CommandContext): Record<string, unknown> {
  const result: Record<string, unknown> = { ...filters };
  for (const name of expressionsOf(filters)) {
    const filter = TASK_QUERY_EXPRESSIONS[name] as ExpressionFilter;
    const value = setterArgument(filter, evaluate(filters[name] as string, filter, ctx));
    delete result[name];
    if (filter.target.startsWith('followUpBefore')) {
      delete result['followUpBefore'];
      delete result['followUpBeforeOrNotExistent'];
    }
    if (value === undefined) delete result[filter.target];
    else result[filter.target] = value;
  }
  return result;
}
