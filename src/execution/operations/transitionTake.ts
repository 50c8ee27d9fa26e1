import type { SequenceFlow } from '../../model/graph/ProcessGraph.js';
import { fireExecutionListeners } from '../listeners/fireListeners.js';
import { ActivityExecution } from '../runtime/ActivityExecution.js';
import { endActivityInstance } from './activityEnd.js';
import { startActivity } from './activityStart.js';

/**
 * Leaves the current activity along the given flows. One flow: the same execution moves on.
 * Several flows fork: a scope execution becomes an inactive parent with one concurrent child per
 * flow; a concurrent execution moves on along the first flow and gets concurrent siblings for the
 * rest (Camunda's leaveActivityViaTransitions).
 */
export async function takeTransitions(execution: ActivityExecution, flows: readonly SequenceFlow[]): Promise<void> {
  const { runtime, entity } = execution;
  await fireExecutionListeners(execution, execution.activity.executionListeners, 'end');
  await endActivityInstance(runtime, entity);
  const [first, ...rest] = flows;
  if (!first) return;
  if (rest.length === 0) return take(execution, first);
  if (!entity.isConcurrent) {
    entity.isActive = false;
    entity.activityId = null;
    for (const flow of flows) await take(new ActivityExecution(runtime, runtime.createConcurrentChild(entity)), flow);
    return;
  }
  const parent = runtime.scopeExecution(entity);
  await take(execution, first);
  for (const flow of rest) await take(new ActivityExecution(runtime, runtime.createConcurrentChild(parent)), flow);
}

/** Takes one flow: its `take` listeners fire, then the target activity starts. */
async function take(execution: ActivityExecution, flow: SequenceFlow): Promise<void> {
  await fireExecutionListeners(execution, flow.executionListeners, 'take');
  execution.entity.activityId = null;
  startActivity(execution.runtime, execution.entity, flow.targetId);
}
