import type { ListenerDefinition } from '../../model/graph/ProcessGraph.js';
import type { TaskEntity } from '../../persistence/ports/entities.js';
import type { ActivityExecution } from '../runtime/ActivityExecution.js';
import { customListenersSkipped } from '../runtime/commandScope.js';
import { TaskBean } from './TaskBean.js';

async function run(execution: ActivityExecution, listener: ListenerDefinition, event: string, task: TaskBean | null): Promise<void> {
  if (listener.kind === 'expression') {
    const beans: Record<string, unknown> = task ? { task: task.elBean() } : {};
    execution.ctx.expressions.parse(listener.value).evaluate(execution.elContext(beans, event));
    return;
  }
  if (listener.kind === 'script') {
    const language = listener.scriptFormat ?? 'javascript';
    await execution.ctx.scripts.forLanguage(language).run({
      language, source: listener.value, name: execution.entity.activityId ?? execution.id,
      variables: execution.scriptVariables(), execution: execution.scriptBridge(event),
      ...(task ? { beans: { task } } : {}),
    });
    return;
  }
  // The parser rejects class and delegateExpression listeners until Java-bean equivalents exist.
  throw new Error(`listener kind ${listener.kind} cannot run`);
}

/** Fires the execution listeners registered for `event` (start, end or take), in model order. */
export async function fireExecutionListeners(execution: ActivityExecution, listeners: readonly ListenerDefinition[] | undefined, event: string): Promise<void> {
  if (customListenersSkipped(execution.ctx)) return;
  for (const listener of listeners ?? []) {
    if (listener.event === event) await run(execution, listener, event, null);
  }
}

/** Fires task listeners for `event` (create, assignment, update, complete, delete) with `task` bound. */
export async function fireTaskListeners(execution: ActivityExecution, task: TaskEntity, listeners: readonly ListenerDefinition[], event: string): Promise<void> {
  if (customListenersSkipped(execution.ctx)) return;
  const bean = new TaskBean(task, execution, event);
  for (const listener of listeners) {
    if (listener.event === event) await run(execution, listener, event, bean);
  }
}
