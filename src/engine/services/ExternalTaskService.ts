import { command } from '../../command/Command.js';
import type { CommandExecutor } from '../../command/CommandExecutor.js';
import {
  completeExternalTask, extendLock, handleExternalTaskBpmnError, handleExternalTaskFailure, lockExternalTask,
  setExternalTaskPriority, setRetries, unlockExternalTask, type ExternalTaskCompletion, type ExternalTaskFailure,
} from '../../commands/external-task/externalTaskCommands.js';
import { externalTaskQuery } from '../../commands/external-task/externalTaskQuery.js';
import { FetchAndLockCmd, type FetchAndLockRequest, type LockedExternalTask } from '../../commands/external-task/FetchAndLockCmd.js';
import { count, describe, list } from '../../commands/query/QueryDefinition.js';
import { engineError } from '../../errors/EngineError.js';
import type { LongPollRegistry } from '../../external-task/LongPollRegistry.js';
import type { TypedValue } from '../../execution/variables/TypedValue.js';
import type { ExternalTaskEntity } from '../../persistence/ports/entities.js';
import type { QueryRequest } from '../query/QueryRequest.js';

/** Camunda's upper bound for `asyncResponseTimeout`. */
export const MAX_ASYNC_RESPONSE_TIMEOUT = 1_800_000;

/** External tasks and their workers (Camunda's ExternalTaskService). */
export class ExternalTaskService {
  static readonly externalTaskQuery = describe(externalTaskQuery);

  constructor(private readonly executor: CommandExecutor, private readonly longPolls: LongPollRegistry) {}

  /** Fetches and locks; with a timeout the call waits for tasks (long polling). */
  fetchAndLock(request: FetchAndLockRequest, asyncResponseTimeout?: number, signal?: AbortSignal): Promise<LockedExternalTask[]> {
    const attempt = () => this.executor.execute(new FetchAndLockCmd(request));
    if (asyncResponseTimeout === undefined || asyncResponseTimeout === null) return attempt();
    if (asyncResponseTimeout > MAX_ASYNC_RESPONSE_TIMEOUT) {
      throw engineError('invalidRequest', `The asynchronous response timeout cannot be set to a value greater than ${MAX_ASYNC_RESPONSE_TIMEOUT} milliseconds`);
    }
    return this.longPolls.wait(request.topics.map((t) => t.topicName), asyncResponseTimeout, attempt, signal);
  }

  complete(id: string, completion: ExternalTaskCompletion): Promise<void> {
    return this.executor.execute(command('CompleteExternalTask', (ctx) => completeExternalTask(ctx, id, completion)));
  }

  handleFailure(id: string, failure: ExternalTaskFailure): Promise<void> {
    return this.executor.execute(command('HandleExternalTaskFailure', (ctx) => handleExternalTaskFailure(ctx, id, failure)));
  }

  handleBpmnError(id: string, workerId: string | null | undefined, errorCode: string | null | undefined, variables: ReadonlyMap<string, TypedValue>): Promise<void> {
    return this.executor.execute(command('HandleExternalTaskBpmnError', (ctx) => handleExternalTaskBpmnError(ctx, id, workerId, errorCode, variables)));
  }

  extendLock(id: string, workerId: string | null | undefined, newDuration: number): Promise<void> {
    return this.executor.execute(command('ExtendLock', (ctx) => extendLock(ctx, id, workerId, newDuration)));
  }

  lock(id: string, workerId: string | null | undefined, lockDuration: number): Promise<void> {
    return this.executor.execute(command('LockExternalTask', (ctx) => lockExternalTask(ctx, id, workerId, lockDuration)));
  }

  unlock(id: string): Promise<void> {
    return this.executor.execute(command('UnlockExternalTask', (ctx) => unlockExternalTask(ctx, id)));
  }

  setRetries(id: string, retries: number): Promise<void> {
    if (retries < 0) return Promise.reject(engineError('badUserRequest', 'retries is not greater than or equal to 0'));
    return this.executor.execute(command('SetExternalTaskRetries', (ctx) => setRetries(ctx, id, retries)));
  }

  setPriority(id: string, priority: number): Promise<void> {
    return this.executor.execute(command('SetExternalTaskPriority', (ctx) => setExternalTaskPriority(ctx, id, priority)));
  }

  query(request: QueryRequest): Promise<ExternalTaskEntity[]> {
    return this.executor.execute(command('QueryExternalTasks', (ctx) => list(ctx, externalTaskQuery, request), true));
  }

  count(request: QueryRequest): Promise<number> {
    return this.executor.execute(command('CountExternalTasks', (ctx) => count(ctx, externalTaskQuery, request), true));
  }

  get(id: string): Promise<ExternalTaskEntity | undefined> {
    return this.executor.execute(command('GetExternalTask', (ctx) => ctx.uow.get('externalTask', id), true));
  }

  getErrorDetails(id: string): Promise<string | null> {
    return this.executor.execute(command('GetExternalTaskErrorDetails', async (ctx) => {
      const task = await ctx.uow.get('externalTask', id);
      if (!task) throw engineError('nullValue', `No external task found with id ${id}: externalTask is null`);
      return task.errorDetails;
    }, true));
  }

  topicNames(filters: { withLockedTasks?: boolean; withUnlockedTasks?: boolean; withRetriesLeft?: boolean }): Promise<string[]> {
    return this.executor.execute(command('GetTopicNames', async (ctx) => {
      const now = ctx.clock.now();
      const rows = await ctx.uow.find('externalTask');
      return [...new Set(rows.filter((t) => {
        const locked = t.lockExpirationTime !== null && t.lockExpirationTime > now;
        if (filters.withLockedTasks && !locked) return false;
        if (filters.withUnlockedTasks && locked) return false;
        if (filters.withRetriesLeft && t.retries !== null && t.retries <= 0) return false;
        return true;
      }).map((t) => t.topicName))].sort();
    }, true));
  }
}
