/**
 * The functions Camunda's expression language offers in query expressions: `currentUser()` and
 * `currentUserGroups()` (CommandContextFunctions: the authenticated user, null without one) and
 * `now()` / `dateTime()` (DateTimeFunctions: the engine clock, as a Date and as a Joda DateTime).
 */
import type { AuthContext } from '../../command/CommandContext.js';
import type { ElBean, ElContext } from '../../expression/ExpressionManager.js';

const DAY = 86_400_000;

/** Days in a month of a year (month 0–11), UTC. */
function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
}

/** Joda's plusMonths: the day of month is kept, or clamped to the last day of the target month. */
function plusMonths(millis: number, months: number): number {
  const d = new Date(millis);
  const total = d.getUTCFullYear() * 12 + d.getUTCMonth() + months;
  const year = Math.floor(total / 12);
  const month = total - year * 12;
  const day = Math.min(d.getUTCDate(), daysInMonth(year, month));
  return Date.UTC(year, month, day, d.getUTCHours(), d.getUTCMinutes(), d.getUTCSeconds(), d.getUTCMilliseconds());
}

function amount(value: unknown): number {
  const n = Number(value);
  return Number.isFinite(n) ? Math.trunc(n) : 0;
}

/** Adds `n` units of a field to an instant (negative `n` subtracts). */
const SHIFTS: Readonly<Record<string, (millis: number, n: number) => number>> = {
  Years: (m, n) => plusMonths(m, 12 * n),
  Months: plusMonths,
  Weeks: (m, n) => m + 7 * DAY * n,
  Days: (m, n) => m + DAY * n,
  Hours: (m, n) => m + 3_600_000 * n,
  Minutes: (m, n) => m + 60_000 * n,
  Seconds: (m, n) => m + 1000 * n,
  Millis: (m, n) => m + n,
};

/** `withX(value)` setters on the UTC fields of an instant. */
const SETTERS: Readonly<Record<string, (d: Date, v: number) => number>> = {
  withHourOfDay: (d, v) => d.setUTCHours(v),
  withMinuteOfHour: (d, v) => d.setUTCMinutes(v),
  withSecondOfMinute: (d, v) => d.setUTCSeconds(v),
  withMillisOfSecond: (d, v) => d.setUTCMilliseconds(v),
  withDayOfMonth: (d, v) => d.setUTCDate(v),
};

/**
 * The subset of Joda-Time's DateTime that task filters use (`${dateTime().plusDays(2)}`,
 * `${dateTime().withTimeAtStartOfDay()}`), in the server's zone (UTC). Immutable like Joda's.
 */
export class QueryDateTime implements ElBean {
  readonly elMethods: Readonly<Record<string, (...args: unknown[]) => unknown>>;

  constructor(readonly millis: number) {
    const methods: Record<string, (...args: unknown[]) => unknown> = {
      toDate: () => this.toDate(),
      getMillis: () => this.millis,
      withTimeAtStartOfDay: () => new QueryDateTime(Math.floor(this.millis / DAY) * DAY),
      isBefore: (other: unknown) => other instanceof QueryDateTime && this.millis < other.millis,
      isAfter: (other: unknown) => other instanceof QueryDateTime && this.millis > other.millis,
    };
    for (const [unit, shift] of Object.entries(SHIFTS)) {
      methods[`plus${unit}`] = (n: unknown) => new QueryDateTime(shift(this.millis, amount(n)));
      methods[`minus${unit}`] = (n: unknown) => new QueryDateTime(shift(this.millis, -amount(n)));
    }
    for (const [name, set] of Object.entries(SETTERS)) {
      methods[name] = (v: unknown) => {
        const d = new Date(this.millis);
        return new QueryDateTime(set(d, amount(v)));
      };
    }
    this.elMethods = methods;
  }

  toDate(): Date {
    return new Date(this.millis);
  }
}

/**
 * The context query expressions evaluate in: no variables (Camunda evaluates them without a
 * variable scope), only the four query functions.
 */
export function queryElContext(auth: AuthContext, now: () => Date): ElContext {
  const functions: Readonly<Record<string, (...args: unknown[]) => unknown>> = {
    currentUser: () => auth.userId,
    // Camunda's Authentication has the user's groups; without an authenticated user there is none.
    currentUserGroups: () => (auth.userId === null ? null : [...auth.groupIds]),
    now: () => now(),
    dateTime: () => new QueryDateTime(now().getTime()),
  };
  return {
    resolve: () => ({ found: false }),
    resolveFunction: (name) => (Object.hasOwn(functions, name) ? functions[name] : undefined),
  };
}
