import type { CommandContext } from '../../command/CommandContext.js';
import { engineError } from '../../errors/EngineError.js';
import { historyOf } from '../../execution/runtime/commandScope.js';
import { InstanceRuntime } from '../../execution/runtime/InstanceRuntime.js';
import type { VariableScopeRef } from '../../execution/runtime/VariableStore.js';
import { SUSPENSION_SUSPENDED, type TaskEntity } from '../../persistence/ports/entities.js';

/** Which engine exception a missing task gives: commands differ (EnsureUtil vs NotFoundException). */
export type MissingTask = 'nullValue' | 'notFound';

/** Loads a task or fails with Camunda's "Cannot find task with id …: task is null". */
export async function requireTask(ctx: CommandContext, taskId: string, missing: MissingTask = 'nullValue'): Promise<TaskEntity> {
  const task = await ctx.uow.get('task', taskId);
  if (!task) throw engineError(missing, `Cannot find task with id ${taskId}: task is null`);
  return task;
}

export function ensureActive(task: TaskEntity, action: string): void {
  if (task.suspensionState === SUSPENSION_SUSPENDED) {
    throw engineError('suspendedEntity', `Cannot ${action} task '${task.id}' because it is suspended.`);
  }
}

/** Marks a task changed: lastUpdated moves and history copies its fields. */
export async function taskChanged(ctx: CommandContext, task: TaskEntity): Promise<void> {
  task.lastUpdated = ctx.clock.now();
  await historyOf(ctx).taskUpdated(task);
}

/** The runtime of the task's process instance and the task's variable scope. */
export async function taskScope(ctx: CommandContext, task: TaskEntity): Promise<{ runtime: InstanceRuntime; scope: VariableScopeRef }> {
  if (!task.processInstanceId || !task.executionId) {
    throw engineError('processEngine', `Task ${task.id} does not belong to a process instance`);
  }
  const runtime = await InstanceRuntime.load(ctx, task.processInstanceId);
  return { runtime, scope: { executionId: task.executionId, taskId: task.id } };
}
