import { takeTransitions } from '../../operations/transitionTake.js';
import type { ActivityBehavior } from '../ActivityBehavior.js';
import { selectExclusive } from '../leave.js';

/**
 * BPMN 2.0 §13.3.2 exclusive gateway: the first outgoing flow (in document order) whose condition
 * holds, else the default flow, else ENGINE-02004.
 */
export const exclusiveGateway: ActivityBehavior = {
  async execute(execution) {
    const definition = execution.activity.definition;
    const defaultFlowId = definition.kind === 'exclusiveGateway' ? definition.defaultFlowId : null;
    await takeTransitions(execution, [await selectExclusive(execution, defaultFlowId)]);
  },
};
