/**
 * Camunda's history levels. Each level includes the ones before it:
 * - activity: process, activity and task instances;
 * - audit: plus historic variable instances;
 * - full: plus historic details (every variable update), incidents and logs.
 */
export type HistoryLevel = 'none' | 'activity' | 'audit' | 'full';

export const HISTORY_LEVELS: readonly HistoryLevel[] = ['none', 'activity', 'audit', 'full'];

export function historyLevelAtLeast(level: HistoryLevel, required: HistoryLevel): boolean {
  return HISTORY_LEVELS.indexOf(level) >= HISTORY_LEVELS.indexOf(required);
}

export function parseHistoryLevel(text: string): HistoryLevel {
  const level = text.trim().toLowerCase();
  if ((HISTORY_LEVELS as readonly string[]).includes(level)) return level as HistoryLevel;
  throw new Error(`M8FLOW_HISTORY_LEVEL must be one of ${HISTORY_LEVELS.join(', ')} (got '${text}')`);
}
