import type { CommandContext } from '../../command/CommandContext.js';
import { engineError } from '../../errors/EngineError.js';
import { InstanceRuntime } from '../../execution/runtime/InstanceRuntime.js';
import type { TypedValue } from '../../execution/variables/TypedValue.js';
import { SUSPENSION_SUSPENDED, type ExternalTaskEntity } from '../../persistence/ports/entities.js';

/** Loads an external task or fails with Camunda's NotFoundException text. */
export async function requireExternalTask(ctx: CommandContext, id: string): Promise<ExternalTaskEntity> {
  const task = await ctx.uow.get('externalTask', id);
  if (!task) throw engineError('notFound', `Cannot find external task with id ${id}: externalTask is null`);
  return task;
}

/** Camunda rejects commands from a worker that does not hold the lock. */
export function ensureLockedBy(task: ExternalTaskEntity, workerId: string, what: string, shownWorkerId = workerId): void {
  if (task.workerId !== workerId) {
    throw engineError('badUserRequest', `${what} '${shownWorkerId}'. It is locked by worker '${task.workerId ?? 'null'}'.`);
  }
}

export function ensureWorkerId(workerId: string | null | undefined): string {
  if (workerId === null || workerId === undefined) throw engineError('nullValue', 'workerId is null');
  return workerId;
}

export function ensureActive(task: ExternalTaskEntity): void {
  if (task.suspensionState === SUSPENSION_SUSPENDED) {
    throw engineError('suspendedEntity', `ExternalTask with id '${task.id}' is suspended.`);
  }
}

/** Sets process-scope and execution-local variables through the task's execution. */
export async function setVariables(ctx: CommandContext, task: ExternalTaskEntity,
  variables: ReadonlyMap<string, TypedValue>, localVariables: ReadonlyMap<string, TypedValue>): Promise<InstanceRuntime> {
  const runtime = await InstanceRuntime.load(ctx, task.processInstanceId);
  const scope = { executionId: task.executionId };
  for (const [name, value] of variables) runtime.variables.set(name, value, scope);
  for (const [name, value] of localVariables) runtime.variables.setLocal(name, value, scope);
  return runtime;
}
