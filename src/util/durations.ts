import { end, parse, pattern } from 'iso8601-duration';

/** True for an ISO-8601 duration such as `P1D` or `PT5M`. */
export function isDuration(text: string): boolean {
  return /^-?P/.test(text.trim()) && pattern.test(text.trim());
}

/** Adds an ISO-8601 duration to a start date (calendar-aware for months and years). */
export function addDuration(text: string, start: Date): Date {
  return end(parse(text.trim()), start);
}
