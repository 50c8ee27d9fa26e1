import type { ActivityExecution } from '../runtime/ActivityExecution.js';

/**
 * How one kind of flow node executes (Camunda's ActivityBehavior / SignallableActivityBehavior).
 * `execute` runs when a token arrives; wait states return without leaving and are resumed by
 * `signal` from a later command (task completion, external task completion, …).
 */
export interface ActivityBehavior {
  execute(execution: ActivityExecution): Promise<void>;
  signal?(execution: ActivityExecution, payload?: unknown): Promise<void>;
}
