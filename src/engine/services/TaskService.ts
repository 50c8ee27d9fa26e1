import { command } from '../../command/Command.js';
import type { AuthContext } from '../../command/CommandContext.js';
import type { CommandExecutor } from '../../command/CommandExecutor.js';
import { count, describe, list } from '../../commands/query/QueryDefinition.js';
import {
  applyModifications, readScope, readVariable, type StoredVariable, type VariableModifications,
} from '../../commands/runtime/executionVariables.js';
import { addTaskIdentityLink, deleteTaskIdentityLink, taskIdentityLinks, type IdentityLink } from '../../commands/task/identityLinks.js';
import { requireTask, taskScope } from '../../commands/task/taskAccess.js';
import {
  claimTask, completeTask, delegateTask, resolveTask, setAssignee, setOwner, type CompleteTaskOptions,
} from '../../commands/task/taskCommands.js';
import { TASK_QUERY } from '../../commands/task/taskQuery.js';
import { TASK_SORT_BY } from '../../commands/task/taskSorts.js';
import { engineError } from '../../errors/EngineError.js';
import type { InstanceRuntime } from '../../execution/runtime/InstanceRuntime.js';
import type { VariableScopeRef } from '../../execution/runtime/VariableStore.js';
import type { TypedValue } from '../../execution/variables/TypedValue.js';
import type { TaskEntity } from '../../persistence/ports/entities.js';
import type { QueryRequest } from '../query/QueryRequest.js';
import type { CommandContext } from '../../command/CommandContext.js';

/** The variable scope of a task for Camunda's get/set variable commands ("task … doesn't exist"). */
async function variableScopeOf(ctx: CommandContext, taskId: string): Promise<{ runtime: InstanceRuntime; scope: VariableScopeRef }> {
  const task = await ctx.uow.get('task', taskId);
  if (!task) throw engineError('nullValue', `task ${taskId} doesn't exist: task is null`);
  return taskScope(ctx, task);
}

/** User tasks: queries, assignment, completion, variables (Camunda's TaskService). */
export class TaskService {
  /**
   * Filters and sorts of the task query. `sortBy` lists every key a POST `sorting` entry may use;
   * a GET `sortBy` takes only those of {@link TaskService.taskSortByParameter}.
   */
  static readonly taskQuery = describe(TASK_QUERY);

  /** The `sortBy` values of GET /task (Camunda's TaskQueryDto.VALID_SORT_BY_VALUES). */
  static readonly taskSortByParameter: readonly string[] = TASK_SORT_BY;

  constructor(private readonly executor: CommandExecutor) {}

  /**
   * Camunda's task query, `orQueries` (a list of filter maps) included; `auth` is who
   * `currentUser()` / `currentUserGroups()` in query expressions stand for.
   */
  queryTasks(request: QueryRequest, auth?: AuthContext): Promise<TaskEntity[]> {
    return this.executor.execute(command('QueryTasks', (ctx) => list(ctx, TASK_QUERY, request), true), auth);
  }

  /** The number of tasks the query finds (paging ignored). */
  countTasks(request: QueryRequest, auth?: AuthContext): Promise<number> {
    return this.executor.execute(command('CountTasks', (ctx) => count(ctx, TASK_QUERY, request), true), auth);
  }

  getTask(id: string): Promise<TaskEntity> {
    return this.executor.execute(command('GetTask', async (ctx) => {
      const task = await ctx.uow.get('task', id);
      if (!task) throw engineError('restNotFound', `No matching task with id ${id}`);
      return task;
    }, true));
  }

  claim(taskId: string, userId: string | null, auth?: AuthContext): Promise<void> {
    return this.executor.execute(command('ClaimTask', (ctx) => claimTask(ctx, taskId, userId)), auth);
  }

  setAssignee(taskId: string, userId: string | null, auth?: AuthContext): Promise<void> {
    return this.executor.execute(command('SetAssignee', (ctx) => setAssignee(ctx, taskId, userId)), auth);
  }

  setOwner(taskId: string, userId: string | null): Promise<void> {
    return this.executor.execute(command('SetOwner', (ctx) => setOwner(ctx, taskId, userId)));
  }

  delegate(taskId: string, userId: string | null): Promise<void> {
    return this.executor.execute(command('DelegateTask', (ctx) => delegateTask(ctx, taskId, userId)));
  }

  resolve(taskId: string, variables: ReadonlyMap<string, TypedValue>): Promise<void> {
    return this.executor.execute(command('ResolveTask', (ctx) => resolveTask(ctx, taskId, variables)));
  }

  complete(taskId: string, variables: ReadonlyMap<string, TypedValue>, options: CompleteTaskOptions = {}, auth?: AuthContext): Promise<Map<string, TypedValue> | null> {
    return this.executor.execute(command('CompleteTask', (ctx) => completeTask(ctx, taskId, variables, options)), auth);
  }

  getVariables(taskId: string, local: boolean): Promise<StoredVariable[]> {
    return this.executor.execute(command('GetTaskVariables', async (ctx) => {
      const task = await requireTask(ctx, taskId);
      const { runtime, scope } = await taskScope(ctx, task);
      return readScope(runtime, scope, local);
    }, true));
  }

  /** `GetTaskVariablesCmd`: the task's variables (or only its own with `local`). */
  getVariablesTyped(taskId: string, local: boolean): Promise<StoredVariable[]> {
    return this.executor.execute(command('GetTaskVariablesTyped', async (ctx) => {
      const { runtime, scope } = await variableScopeOf(ctx, taskId);
      return readScope(runtime, scope, local);
    }, true));
  }

  /** `GetTaskVariableCmdTyped`: one variable seen from the task; null when it is not set. */
  getVariable(taskId: string, name: string, local: boolean): Promise<StoredVariable | null> {
    return this.executor.execute(command('GetTaskVariable', async (ctx) => {
      const { runtime, scope } = await variableScopeOf(ctx, taskId);
      return readVariable(runtime, scope, name, local);
    }, true));
  }

  /** `PatchTaskVariablesCmd` (also used for setting one variable): modifications, then deletions. */
  modifyVariables(taskId: string, changes: VariableModifications, local: boolean): Promise<void> {
    return this.executor.execute(command('ModifyTaskVariables', async (ctx) => {
      const { runtime, scope } = await variableScopeOf(ctx, taskId);
      applyModifications(runtime, scope, changes, local);
    }));
  }

  /** `RemoveTaskVariablesCmd`: a missing task is "Cannot find task with id …". */
  removeVariable(taskId: string, name: string, local: boolean): Promise<void> {
    return this.executor.execute(command('RemoveTaskVariable', async (ctx) => {
      const task = await requireTask(ctx, taskId);
      const { runtime, scope } = await taskScope(ctx, task);
      applyModifications(runtime, scope, { modifications: new Map(), deletions: [name] }, local);
    }));
  }

  getIdentityLinks(taskId: string, type?: string): Promise<IdentityLink[]> {
    return this.executor.execute(command('GetIdentityLinks', (ctx) => taskIdentityLinks(ctx, taskId, type), true));
  }

  addIdentityLink(taskId: string, link: IdentityLink): Promise<void> {
    return this.executor.execute(command('AddIdentityLink', (ctx) => addTaskIdentityLink(ctx, taskId, link)));
  }

  deleteIdentityLink(taskId: string, link: IdentityLink): Promise<void> {
    return this.executor.execute(command('DeleteIdentityLink', (ctx) => deleteTaskIdentityLink(ctx, taskId, link)));
  }
}
