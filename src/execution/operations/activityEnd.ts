import type { ExecutionEntity } from '../../persistence/ports/entities.js';
import { historyOf } from '../runtime/commandScope.js';
import type { InstanceRuntime } from '../runtime/InstanceRuntime.js';

/**
 * Ends the activity instance an execution is in: history records the end, and the execution
 * falls back to its scope's activity instance id while it moves on.
 */
export async function endActivityInstance(runtime: InstanceRuntime, execution: ExecutionEntity,
  options: { canceled?: boolean; completeScope?: boolean } = {}): Promise<void> {
  const instanceId = execution.activityInstanceId;
  if (instanceId && instanceId !== runtime.processInstanceId && execution.activityId) {
    await historyOf(runtime.ctx).activityEnded(instanceId, { ...options, executionId: execution.id });
  }
  execution.activityInstanceId = runtime.processInstanceId;
}
