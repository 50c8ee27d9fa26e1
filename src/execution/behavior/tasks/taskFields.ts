import { engineError } from '../../../errors/EngineError.js';
import { parseDate } from '../../../util/dates.js';
import { addDuration, isDuration } from '../../../util/durations.js';
import type { ActivityExecution } from '../../runtime/ActivityExecution.js';

/** Evaluates an optional expression to a string (null stays null). */
export function evaluateString(execution: ActivityExecution, text: string | null): string | null {
  if (text === null) return null;
  const value = execution.evaluate(text);
  return value === null || value === undefined ? null : String(value);
}

/**
 * Camunda's due/follow-up date rule: the expression gives a Date, an ISO-8601 date-time string,
 * or an ISO-8601 duration added to now (DueDateBusinessCalendar).
 */
export function evaluateDate(execution: ActivityExecution, text: string | null, field: string): Date | null {
  if (text === null) return null;
  const value = execution.evaluate(text);
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return value;
  if (typeof value === 'string') {
    if (isDuration(value)) return addDuration(value, execution.ctx.clock.now());
    const date = parseDate(value) ?? (Number.isNaN(Date.parse(value)) ? null : new Date(value));
    if (date) return date;
  }
  throw engineError('processEngine', `${field} expression does not resolve to a Date or Date string: ${text}`);
}

/** Priority: an integer or a string holding one (Camunda's task and external task priority). */
export function evaluatePriority(execution: ActivityExecution, text: string | null, fallback: number): number {
  if (text === null) return fallback;
  const value = execution.evaluate(text);
  if (value === null || value === undefined) return fallback;
  const number = typeof value === 'number' ? value : typeof value === 'string' && /^-?\d+$/.test(value.trim()) ? Number(value) : NaN;
  if (!Number.isInteger(number)) {
    throw engineError('processEngine', `Priority value is not an Integer nor a String representing an Integer: ${String(value)}`);
  }
  return number;
}

/**
 * Candidate users or groups: each entry may be an expression yielding a string (comma-separated
 * allowed) or a list of strings.
 */
export function evaluateCandidates(execution: ActivityExecution, entries: readonly string[]): string[] {
  const result: string[] = [];
  for (const entry of entries) {
    const value = execution.evaluate(entry);
    const items = Array.isArray(value) ? value : typeof value === 'string' ? value.split(',') : value == null ? [] : [value];
    for (const item of items) {
      const text = String(item).trim();
      if (text && !result.includes(text)) result.push(text);
    }
  }
  return result;
}
