import { endExecution } from '../../operations/executionEnd.js';
import type { ActivityBehavior } from '../ActivityBehavior.js';

/** BPMN 2.0 §10.5.3 none end event: the path ends; the last path ends the process instance. */
export const noneEndEvent: ActivityBehavior = {
  execute: (execution) => endExecution(execution),
};
