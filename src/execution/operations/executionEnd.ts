import type { ExecutionEntity } from '../../persistence/ports/entities.js';
import { fireExecutionListeners } from '../listeners/fireListeners.js';
import { ActivityExecution } from '../runtime/ActivityExecution.js';
import { historyOf } from '../runtime/commandScope.js';
import type { InstanceRuntime } from '../runtime/InstanceRuntime.js';
import { endActivityInstance } from './activityEnd.js';
import { endProcessInstance } from './processEnd.js';

/**
 * When a scope has a single concurrent child left, the child is folded back into the scope
 * execution, which takes over its activity, activity instance, tasks and variables (Camunda's
 * tryPruneLastConcurrentChild).
 */
export async function pruneLastConcurrentChild(runtime: InstanceRuntime, scope: ExecutionEntity): Promise<void> {
  const children = runtime.children(scope);
  const [only] = children;
  if (children.length !== 1 || !only?.isConcurrent) return;
  scope.activityId = only.activityId;
  scope.activityInstanceId = only.activityInstanceId;
  scope.isActive = only.isActive;
  await reassignExecution(runtime, only.id, scope.id);
  runtime.variables.moveScope(only.id, scope.id);
  runtime.ctx.uow.delete('execution', only);
  if (only.activityInstanceId && only.activityId) {
    await historyOf(runtime.ctx).activityExecutionChanged(only.activityInstanceId, scope.id);
  }
}

/** Points tasks and external tasks of one execution at another. */
async function reassignExecution(runtime: InstanceRuntime, fromId: string, toId: string): Promise<void> {
  const { uow } = runtime.ctx;
  const tasks = await uow.find('task', { where: { kind: 'compare', field: 'executionId', op: '=', value: fromId } });
  for (const task of tasks) task.executionId = toId;
  const externalTasks = await uow.find('externalTask', { where: { kind: 'compare', field: 'executionId', op: '=', value: fromId } });
  for (const externalTask of externalTasks) externalTask.executionId = toId;
}

/**
 * An execution reaches an end (none end event, or an activity without outgoing flows). A
 * concurrent execution is removed and the concurrency collapses when one path is left; the last
 * path of the process instance ends the instance.
 */
export async function endExecution(execution: ActivityExecution): Promise<void> {
  const { runtime, entity } = execution;
  const endActivityId = entity.activityId;
  if (endActivityId) await fireExecutionListeners(execution, runtime.activity(endActivityId).executionListeners, 'end');
  const completesScope = !entity.isConcurrent || runtime.children(runtime.scopeExecution(entity)).length === 1;
  await endActivityInstance(runtime, entity, { completeScope: completesScope });
  if (entity.isConcurrent) {
    const scope = runtime.scopeExecution(entity);
    runtime.removeExecution(entity);
    if (runtime.children(scope).length === 0) return completeProcessInstance(runtime, endActivityId);
    await pruneLastConcurrentChild(runtime, scope);
    return;
  }
  entity.activityId = endActivityId;
  await completeProcessInstance(runtime, endActivityId);
}

/** The last path ended: process-level `end` listeners fire, then the instance completes. */
async function completeProcessInstance(runtime: InstanceRuntime, endActivityId: string | null): Promise<void> {
  const pi = runtime.processInstance;
  pi.activityId = null;
  await fireExecutionListeners(new ActivityExecution(runtime, pi), runtime.deployed.graph.executionListeners, 'end');
  await endProcessInstance(runtime, { state: 'COMPLETED', endActivityId, deleteReason: null });
}
