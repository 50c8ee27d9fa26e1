import type { ActivityBehavior } from '../ActivityBehavior.js';
import { leave } from '../leave.js';

/** BPMN 2.0 §10.5.2 none start event: the token passes straight through. */
export const noneStartEvent: ActivityBehavior = {
  execute: (execution) => leave(execution),
};
