import { engineError } from '../../errors/EngineError.js';
import type { ActivityNode } from '../../model/graph/ProcessGraph.js';
import type { ActivityBehavior } from './ActivityBehavior.js';
import { noneEndEvent } from './events/NoneEndEvent.js';
import { noneStartEvent } from './events/NoneStartEvent.js';
import { exclusiveGateway } from './gateways/ExclusiveGateway.js';
import { parallelGateway } from './gateways/ParallelGateway.js';
import { externalServiceTask } from './tasks/ExternalServiceTask.js';
import { scriptTask } from './tasks/ScriptTask.js';
import { userTask } from './tasks/UserTask.js';

/** Behaviour by the key the parser assigns to each flow node. */
const BEHAVIORS: Readonly<Record<string, ActivityBehavior>> = {
  noneStartEvent,
  noneEndEvent,
  userTask,
  externalServiceTask,
  scriptTask,
  exclusiveGateway,
  parallelGateway,
};

export function behaviorFor(activity: ActivityNode): ActivityBehavior {
  const behavior = BEHAVIORS[activity.behavior];
  if (!behavior) throw engineError('processEngine', `No behavior for activity '${activity.id}' of type '${activity.type}'`);
  return behavior;
}
