import type { CommandContext } from '../../command/CommandContext.js';
import { engineError } from '../../errors/EngineError.js';
import { endExecution } from '../../execution/operations/executionEnd.js';
import { ActivityExecution } from '../../execution/runtime/ActivityExecution.js';
import { operationsOf } from '../../execution/runtime/commandScope.js';
import type { TypedValue } from '../../execution/variables/TypedValue.js';
import { signalExecution } from '../runtime/signal.js';
import { ensureActive, ensureLockedBy, ensureWorkerId, requireExternalTask, setVariables } from './externalTaskAccess.js';
import { createIncident, resolveIncidents } from '../../execution/incidents.js';

/** Camunda keeps at most this many characters of an external task's error message. */
const MAX_ERROR_MESSAGE_LENGTH = 666;

export interface ExternalTaskCompletion {
  workerId: string | null | undefined;
  variables: ReadonlyMap<string, TypedValue>;
  localVariables: ReadonlyMap<string, TypedValue>;
}

/** Completes a locked external task and continues its process (CompleteExternalTaskCmd). */
export async function completeExternalTask(ctx: CommandContext, id: string, completion: ExternalTaskCompletion): Promise<void> {
  const workerId = ensureWorkerId(completion.workerId);
  const task = await requireExternalTask(ctx, id);
  ensureLockedBy(task, workerId, `External Task ${id} cannot be completed by worker`);
  ensureActive(task);
  const runtime = await setVariables(ctx, task, completion.variables, completion.localVariables);
  ctx.uow.delete('externalTask', task);
  await resolveIncidents(ctx, task);
  await signalExecution(ctx, runtime, task.executionId);
}

export interface ExternalTaskFailure {
  workerId: string | null | undefined;
  errorMessage: string | null;
  errorDetails: string | null;
  retries: number;
  retryTimeout: number;
  variables: ReadonlyMap<string, TypedValue>;
  localVariables: ReadonlyMap<string, TypedValue>;
}

/**
 * Reports a worker failure (HandleExternalTaskFailureCmd): the task keeps its lock until the retry
 * timeout passes; when retries reach 0 an incident of type failedExternalTask is created.
 */
export async function handleExternalTaskFailure(ctx: CommandContext, id: string, failure: ExternalTaskFailure): Promise<void> {
  const workerId = ensureWorkerId(failure.workerId);
  if (failure.retries < 0) throw engineError('processEngine', 'retries is not greater than or equal to 0');
  if (failure.retryTimeout < 0) throw engineError('processEngine', 'retryDuration is not greater than or equal to 0');
  const task = await requireExternalTask(ctx, id);
  ensureLockedBy(task, workerId, `Failure of External Task ${id} cannot be reported by worker`);
  ensureActive(task);
  await setVariables(ctx, task, failure.variables, failure.localVariables);
  task.errorMessage = failure.errorMessage === null ? null : failure.errorMessage.slice(0, MAX_ERROR_MESSAGE_LENGTH);
  if (failure.errorDetails !== null) task.errorDetails = failure.errorDetails;
  task.lockExpirationTime = new Date(ctx.clock.now().getTime() + failure.retryTimeout);
  await setRetries(ctx, task.id, failure.retries);
}

/** Sets retries and manages incidents (Camunda's setRetriesAndManageIncidents). */
export async function setRetries(ctx: CommandContext, id: string, retries: number): Promise<void> {
  const task = await requireExternalTask(ctx, id);
  const retriesLeft = task.retries === null || task.retries > 0;
  if (retriesLeft && retries <= 0) await createIncident(ctx, task);
  else if (!retriesLeft && retries > 0) await resolveIncidents(ctx, task);
  task.retries = retries;
}

/**
 * A worker reports a BPMN error (HandleExternalTaskBpmnErrorCmd). Without a catching error event
 * the execution ends with none end event semantics, as Camunda does by default.
 */
export async function handleExternalTaskBpmnError(ctx: CommandContext, id: string, workerId: string | null | undefined,
  errorCode: string | null | undefined, variables: ReadonlyMap<string, TypedValue>): Promise<void> {
  const worker = ensureWorkerId(workerId);
  if (errorCode === null || errorCode === undefined) throw engineError('nullValue', 'errorCode is null');
  const task = await requireExternalTask(ctx, id);
  ensureLockedBy(task, worker, `Bpmn error of External Task ${id} cannot be reported by worker`);
  ensureActive(task);
  const runtime = await setVariables(ctx, task, variables, new Map());
  ctx.uow.delete('externalTask', task);
  const execution = runtime.requireExecution(task.executionId);
  ctx.log.info({ executionId: execution.id, errorCode }, 'M8-02001 BPMN error without catching event ends the execution');
  operationsOf(ctx).push(() => endExecution(new ActivityExecution(runtime, execution)));
  await operationsOf(ctx).run();
}

/** Extends the lock of the worker that holds it (ExtendLockOnExternalTaskCmd). */
export async function extendLock(ctx: CommandContext, id: string, workerId: string | null | undefined, newDuration: number): Promise<void> {
  const worker = ensureWorkerId(workerId);
  if (!(newDuration > 0)) throw engineError('badUserRequest', 'lockTime is not greater than 0');
  const task = await requireExternalTask(ctx, id);
  // Camunda's text quotes the worker id twice here (`'w''`); clients see exactly that.
  ensureLockedBy(task, worker, `The lock of the External Task ${id} cannot be extended by worker`, `${worker}'`);
  const now = ctx.clock.now().getTime();
  if (!task.lockExpirationTime || task.lockExpirationTime.getTime() < now) {
    throw engineError('badUserRequest', 'Cannot extend a lock that expired: lockExpirationTime is not greater than or equal to ' + now);
  }
  ensureActive(task);
  task.lockExpirationTime = new Date(now + newDuration);
}

/** Locks a task for a worker unless another worker holds an unexpired lock (LockExternalTaskCmd). */
export async function lockExternalTask(ctx: CommandContext, id: string, workerId: string | null | undefined, lockDuration: number): Promise<void> {
  const worker = ensureWorkerId(workerId);
  if (!(lockDuration > 0)) throw engineError('badUserRequest', 'lockDuration is not greater than 0');
  const task = await requireExternalTask(ctx, id);
  const now = ctx.clock.now();
  const heldByOther = task.workerId !== null && task.workerId !== worker
    && task.lockExpirationTime !== null && task.lockExpirationTime.getTime() >= now.getTime();
  if (heldByOther) {
    throw engineError('badUserRequest', `External Task ${id} cannot be locked by worker '${worker}'. It is locked by worker '${task.workerId ?? 'null'}'.`);
  }
  task.workerId = worker;
  task.lockExpirationTime = new Date(now.getTime() + lockDuration);
}

/** Releases a lock; the task becomes fetchable again and waiting workers are woken. */
export async function unlockExternalTask(ctx: CommandContext, id: string): Promise<void> {
  const task = await requireExternalTask(ctx, id);
  task.workerId = null;
  task.lockExpirationTime = null;
  ctx.afterCommit(() => ctx.events.externalTasksCreated([task.topicName]));
}

export async function setExternalTaskPriority(ctx: CommandContext, id: string, priority: number): Promise<void> {
  const task = await requireExternalTask(ctx, id);
  task.priority = priority;
}
