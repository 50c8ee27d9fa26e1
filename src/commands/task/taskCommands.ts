import type { CommandContext } from '../../command/CommandContext.js';
import { engineError } from '../../errors/EngineError.js';
import { fireTaskEvent, fireTaskUpdate } from '../../execution/listeners/taskEvents.js';
import { historyOf } from '../../execution/runtime/commandScope.js';
import type { TypedValue } from '../../execution/variables/TypedValue.js';
import { where } from '../../persistence/ports/query.js';
import { signalExecution } from '../runtime/signal.js';
import { ensureActive, requireTask, taskChanged, taskScope } from './taskAccess.js';

/** Claims a task for a user (Camunda's ClaimTaskCmd); claiming one's own task again is a no-op. */
export async function claimTask(ctx: CommandContext, taskId: string, userId: string | null): Promise<void> {
  const task = await requireTask(ctx, taskId);
  const previous = task.assignee;
  if (userId !== null && task.assignee !== null && task.assignee !== userId) {
    throw engineError('taskAlreadyClaimed', `Task '${task.id}' is already claimed by someone else.`);
  }
  if (userId === null || task.assignee === null) task.assignee = userId;
  await taskChanged(ctx, task);
  await fireTaskUpdate(ctx, task, previous);
}

/** Sets or clears the assignee (Camunda's AssignTaskCmd, used by unclaim and /assignee). */
export async function setAssignee(ctx: CommandContext, taskId: string, userId: string | null): Promise<void> {
  const task = await requireTask(ctx, taskId, 'notFound');
  const previous = task.assignee;
  task.assignee = userId;
  await taskChanged(ctx, task);
  await fireTaskUpdate(ctx, task, previous);
}

export async function setOwner(ctx: CommandContext, taskId: string, userId: string | null): Promise<void> {
  const task = await requireTask(ctx, taskId, 'notFound');
  task.owner = userId;
  await taskChanged(ctx, task);
  await fireTaskUpdate(ctx, task, task.assignee);
}

/** Delegates a task: the assignee becomes owner (if none) and the task is PENDING with the new user. */
export async function delegateTask(ctx: CommandContext, taskId: string, userId: string | null): Promise<void> {
  const task = await requireTask(ctx, taskId);
  const previous = task.assignee;
  if (task.owner === null) task.owner = task.assignee;
  task.assignee = userId;
  task.delegationState = 'PENDING';
  await taskChanged(ctx, task);
  await fireTaskUpdate(ctx, task, previous);
}

/** Resolves a delegated task back to its owner (Camunda's ResolveTaskCmd). */
export async function resolveTask(ctx: CommandContext, taskId: string, variables: ReadonlyMap<string, TypedValue>): Promise<void> {
  const task = await requireTask(ctx, taskId);
  await setTaskVariables(ctx, taskId, variables, false);
  const previous = task.assignee;
  task.delegationState = 'RESOLVED';
  task.assignee = task.owner;
  await taskChanged(ctx, task);
  await fireTaskUpdate(ctx, task, previous);
}

/** Sets variables through a task: locally on the task, or up its scope chain. */
export async function setTaskVariables(ctx: CommandContext, taskId: string, variables: ReadonlyMap<string, TypedValue>, local: boolean): Promise<void> {
  if (variables.size === 0) return;
  const task = await requireTask(ctx, taskId);
  const { runtime, scope } = await taskScope(ctx, task);
  for (const [name, value] of variables) {
    if (local) runtime.variables.setLocal(name, value, scope);
    else runtime.variables.set(name, value, scope);
  }
}

export interface CompleteTaskOptions {
  withVariablesInReturn?: boolean;
  /** Camunda's submit-form: same completion, different wording in errors. */
  action?: 'complete' | 'submit';
}

/**
 * Completes a task (Camunda's CompleteTaskCmd): variables are set through the task, the task is
 * removed with history 'completed', and the waiting execution continues.
 */
export async function completeTask(ctx: CommandContext, taskId: string, variables: ReadonlyMap<string, TypedValue>,
  options: CompleteTaskOptions = {}): Promise<Map<string, TypedValue> | null> {
  const task = await requireTask(ctx, taskId);
  ensureActive(task, 'complete');
  const { runtime, scope } = await taskScope(ctx, task);
  for (const [name, value] of variables) runtime.variables.set(name, value, scope);
  await fireTaskEvent(ctx, task, 'complete');
  const returned = options.withVariablesInReturn ? runtime.variables.visible(scope) : null;
  runtime.variables.dropScope(scope);
  await historyOf(ctx).taskEnded(task, 'completed');
  ctx.uow.delete('task', task);
  ctx.uow.deleteWhere('identityLink', where.eq('taskId', task.id));
  ctx.uow.deleteWhere('variable', where.eq('taskId', task.id));
  if (task.executionId) await signalExecution(ctx, runtime, task.executionId);
  return returned;
}
