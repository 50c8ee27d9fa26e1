import { activityInstanceId } from '../../util/ids.js';
import { behaviorFor } from '../behavior/registry.js';
import { fireExecutionListeners } from '../listeners/fireListeners.js';
import { ActivityExecution } from '../runtime/ActivityExecution.js';
import { historyOf, operationsOf } from '../runtime/commandScope.js';
import type { InstanceRuntime } from '../runtime/InstanceRuntime.js';
import type { ExecutionEntity } from '../../persistence/ports/entities.js';


/**
 * Activity start (Camunda's PvmAtomicOperationActivityExecute): the execution enters the
 * activity with a fresh activity instance id, history records the start, and the activity's
 * behaviour runs.
 */
export function startActivity(runtime: InstanceRuntime, execution: ExecutionEntity, activityId: string): void {
  operationsOf(runtime.ctx).push(async () => {
    const activity = runtime.activity(activityId);
    execution.activityId = activity.id;
    execution.activityInstanceId = activityInstanceId(runtime.ctx.ids, activity.id);
    execution.isActive = true;
    historyOf(runtime.ctx).activityStarted(execution, activity, runtime.processInstanceId);
    const activityExecution = new ActivityExecution(runtime, execution);
    await fireExecutionListeners(activityExecution, activity.executionListeners, 'start');
    await behaviorFor(activity).execute(activityExecution);
  });
}
