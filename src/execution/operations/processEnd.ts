import { where } from '../../persistence/ports/query.js';
import type { TaskEntity } from '../../persistence/ports/entities.js';
import { removeIncidents } from '../incidents.js';
import { fireExecutionListeners } from '../listeners/fireListeners.js';
import { fireTaskEvent } from '../listeners/taskEvents.js';
import { ActivityExecution } from '../runtime/ActivityExecution.js';
import { historyOf } from '../runtime/commandScope.js';
import type { InstanceRuntime } from '../runtime/InstanceRuntime.js';

export interface ProcessEndOptions {
  /** Historic state: COMPLETED, EXTERNALLY_TERMINATED or INTERNALLY_TERMINATED. */
  state: string;
  endActivityId: string | null;
  deleteReason: string | null;
  /** Cancel open activity instances in history (deletion), rather than complete them. */
  cancelActivities?: boolean;
  /** Deletion with skipCustomListeners: no task `delete` or execution `end` listeners fire. */
  skipCustomListeners?: boolean;
}

/**
 * A deleted instance says goodbye the Camunda way: task `delete` listeners, `end` listeners of the
 * activities still active, then the process-level `end` listeners.
 */
async function fireCancelListeners(runtime: InstanceRuntime, tasks: readonly TaskEntity[]): Promise<void> {
  for (const task of tasks) await fireTaskEvent(runtime.ctx, task, 'delete');
  for (const execution of runtime.executions()) {
    if (!execution.activityId) continue;
    const activity = runtime.deployed.graph.activities.get(execution.activityId);
    await fireExecutionListeners(new ActivityExecution(runtime, execution), activity?.executionListeners, 'end');
  }
  await fireExecutionListeners(new ActivityExecution(runtime, runtime.processInstance), runtime.deployed.graph.executionListeners, 'end');
}

/**
 * Ends a process instance: open activity instances end (canceled when the instance is deleted),
 * tasks, external tasks, variables and executions are removed, and the historic instance records
 * its end state.
 */
export async function endProcessInstance(runtime: InstanceRuntime, options: ProcessEndOptions): Promise<void> {
  const { ctx } = runtime;
  const history = historyOf(ctx);
  const piId = runtime.processInstanceId;
  for (const execution of runtime.executions()) {
    const instanceId = execution.activityInstanceId;
    if (instanceId && instanceId !== piId && execution.activityId) {
      await history.activityEnded(instanceId, { canceled: options.cancelActivities ?? false, executionId: execution.id });
    }
  }
  const tasks = await ctx.uow.find('task', { where: where.eq('processInstanceId', piId) });
  if (options.cancelActivities && !options.skipCustomListeners) await fireCancelListeners(runtime, tasks);
  for (const task of tasks) {
    await history.taskEnded(task, options.deleteReason ?? 'deleted');
    ctx.uow.delete('task', task);
    ctx.uow.deleteWhere('identityLink', where.eq('taskId', task.id));
  }
  ctx.uow.deleteWhere('externalTask', where.eq('processInstanceId', piId));
  await removeIncidents(ctx, await ctx.uow.find('incident', { where: where.eq('processInstanceId', piId) }), false);
  for (const execution of runtime.executions().reverse()) runtime.removeExecution(execution);
  ctx.uow.deleteWhere('variable', where.eq('processInstanceId', piId));
  await history.processInstanceEnded(runtime.processInstance, options.state, options.endActivityId, options.deleteReason);
}
