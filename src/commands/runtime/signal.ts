import type { CommandContext } from '../../command/CommandContext.js';
import { engineError } from '../../errors/EngineError.js';
import { behaviorFor } from '../../execution/behavior/registry.js';
import { ActivityExecution } from '../../execution/runtime/ActivityExecution.js';
import { operationsOf } from '../../execution/runtime/commandScope.js';
import type { InstanceRuntime } from '../../execution/runtime/InstanceRuntime.js';

/**
 * Resumes an execution waiting in an activity (a completed user or external task): the
 * activity's behaviour decides how it continues, and the instance runs to its next wait states.
 */
export async function signalExecution(ctx: CommandContext, runtime: InstanceRuntime, executionId: string, payload?: unknown): Promise<void> {
  const execution = runtime.requireExecution(executionId);
  const activity = runtime.activity(execution.activityId ?? '');
  const behavior = behaviorFor(activity);
  if (!behavior.signal) throw engineError('processEngine', `Activity '${activity.id}' cannot be signaled`);
  const signal = behavior.signal.bind(behavior);
  operationsOf(ctx).push(() => signal(new ActivityExecution(runtime, execution), payload));
  await operationsOf(ctx).run();
}
