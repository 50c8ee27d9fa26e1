import { where } from '../../persistence/ports/query.js';
import { historyOf } from '../runtime/commandScope.js';
import type { InstanceRuntime } from '../runtime/InstanceRuntime.js';

export interface ProcessEndOptions {
  /** Historic state: COMPLETED, EXTERNALLY_TERMINATED or INTERNALLY_TERMINATED. */
  state: string;
  endActivityId: string | null;
  deleteReason: string | null;
  /** Cancel open activity instances in history (deletion), rather than complete them. */
  cancelActivities?: boolean;
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
  for (const task of tasks) {
    await history.taskEnded(task, options.deleteReason ?? 'deleted');
    ctx.uow.delete('task', task);
    ctx.uow.deleteWhere('identityLink', where.eq('taskId', task.id));
  }
  ctx.uow.deleteWhere('externalTask', where.eq('processInstanceId', piId));
  ctx.uow.deleteWhere('incident', where.eq('processInstanceId', piId));
  for (const execution of runtime.executions().reverse()) runtime.removeExecution(execution);
  ctx.uow.deleteWhere('variable', where.eq('processInstanceId', piId));
  await history.processInstanceEnded(runtime.processInstance, options.state, options.endActivityId, options.deleteReason);
}
