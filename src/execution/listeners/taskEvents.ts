import type { CommandContext } from '../../command/CommandContext.js';
import type { TaskEntity } from '../../persistence/ports/entities.js';
import { ActivityExecution } from '../runtime/ActivityExecution.js';
import { InstanceRuntime } from '../runtime/InstanceRuntime.js';
import { fireTaskListeners } from './fireListeners.js';

/**
 * Fires a task event (create, assignment, update, complete, delete) to the task listeners of the
 * user task the task belongs to (Camunda's TaskEntity.fireEvent).
 */
export async function fireTaskEvent(ctx: CommandContext, task: TaskEntity, event: string): Promise<void> {
  if (!task.processInstanceId || !task.executionId || !task.taskDefinitionKey) return;
  const runtime = await InstanceRuntime.load(ctx, task.processInstanceId);
  const definition = runtime.deployed.graph.activities.get(task.taskDefinitionKey)?.definition;
  if (definition?.kind !== 'userTask' || !definition.taskListeners.some((l) => l.event === event)) return;
  const execution = runtime.execution(task.executionId);
  if (!execution) return;
  await fireTaskListeners(new ActivityExecution(runtime, execution), task, definition.taskListeners, event);
}

/** After a change: `update`, then `assignment` when the assignee moved (Camunda's order). */
export async function fireTaskUpdate(ctx: CommandContext, task: TaskEntity, previousAssignee: string | null): Promise<void> {
  await fireTaskEvent(ctx, task, 'update');
  if (task.assignee !== previousAssignee) await fireTaskEvent(ctx, task, 'assignment');
}
