import type { SequenceFlow } from '../../model/graph/ProcessGraph.js';
import type { ActivityExecution } from '../runtime/ActivityExecution.js';
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
  await endActivityInstance(runtime, entity);
  const [first, ...rest] = flows;
  if (!first) return;
  if (rest.length === 0) {
    entity.activityId = null;
    startActivity(runtime, entity, first.targetId);
    return;
  }
  if (!entity.isConcurrent) {
    entity.isActive = false;
    entity.activityId = null;
    for (const flow of flows) startActivity(runtime, runtime.createConcurrentChild(entity), flow.targetId);
    return;
  }
  const parent = runtime.scopeExecution(entity);
  entity.activityId = null;
  startActivity(runtime, entity, first.targetId);
  for (const flow of rest) startActivity(runtime, runtime.createConcurrentChild(parent), flow.targetId);
}
