import { engineError } from '../../../errors/EngineError.js';
import type { SequenceFlow } from '../../../model/graph/ProcessGraph.js';
import { ActivityExecution } from '../../runtime/ActivityExecution.js';
import { historyOf } from '../../runtime/commandScope.js';
import { endActivityInstance } from '../../operations/activityEnd.js';
import { takeTransitions } from '../../operations/transitionTake.js';
import type { ActivityBehavior } from '../ActivityBehavior.js';

/**
 * BPMN 2.0 §13.3.3 parallel gateway: waits until a token arrived on every incoming flow, then
 * forks along every outgoing flow (conditions are ignored). Joined concurrent executions are
 * removed; when nothing else runs in the scope, the scope execution itself continues.
 */
export const parallelGateway: ActivityBehavior = {
  async execute(execution) {
    const { runtime, entity } = execution;
    const activity = execution.activity;
    entity.isActive = false;
    const scope = runtime.scopeExecution(entity);
    const waiting = entity.isConcurrent
      ? runtime.children(scope).filter((c) => c.isConcurrent && !c.isActive && c.activityId === activity.id)
      : [entity];
    if (waiting.length < activity.incoming.length) return;

    const outgoing = activity.outgoing.map((id) => {
      const flow = runtime.deployed.graph.flows.get(id);
      if (!flow) throw engineError('processEngine', `Sequence flow '${id}' is not part of the process`);
      return flow;
    }) satisfies SequenceFlow[];
    const others = waiting.filter((w) => w !== entity);
    for (const joined of others) {
      await endActivityInstance(runtime, joined);
      runtime.removeExecution(joined);
    }
    const remaining = runtime.children(scope).filter((c) => c !== entity);
    let continuing = entity;
    if (entity.isConcurrent && remaining.length === 0) {
      scope.activityId = entity.activityId;
      scope.activityInstanceId = entity.activityInstanceId;
      if (entity.activityInstanceId) await historyOf(runtime.ctx).activityExecutionChanged(entity.activityInstanceId, scope.id);
      runtime.removeExecution(entity);
      continuing = scope;
    }
    continuing.isActive = true;
    await takeTransitions(continuing === entity ? execution : new ActivityExecution(runtime, continuing), outgoing);
  },
};
