import type { Condition, Scalar } from './query.js';

function comparable(value: unknown): unknown {
  return value instanceof Date ? value.getTime() : value;
}

/** A LIKE pattern as a regular expression; a backslash escapes the next character (Camunda's ESCAPE). */
function likeToRegExp(pattern: string, ignoreCase: boolean): RegExp {
  let body = '';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern.charAt(i);
    if (c === '\\' && i + 1 < pattern.length) body += escapeRegExp(pattern.charAt(++i));
    else body += c === '%' ? '.*' : c === '_' ? '.' : escapeRegExp(c);
  }
  return new RegExp(`^${body}$`, ignoreCase ? 'is' : 's');
}

function escapeRegExp(c: string): string {
  return c.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function upper(value: unknown): unknown {
  return typeof value === 'string' ? value.toUpperCase() : value;
}

function compare(actual: unknown, op: string, expected: Scalar): boolean {
  if (actual === null || actual === undefined || expected === null) return false;
  const a = comparable(actual);
  const e = comparable(expected);
  switch (op) {
    case '=': return a === e;
    case '<>': return a !== e;
    case '<': return (a as number) < (e as number);
    case '<=': return (a as number) <= (e as number);
    case '>': return (a as number) > (e as number);
    case '>=': return (a as number) >= (e as number);
    case 'like': return likeToRegExp(String(e), false).test(String(a));
    case 'ilike': return likeToRegExp(String(e), true).test(String(a));
    default: return false;
  }
}

/**
 * Evaluates a condition against an in-memory entity, as the database would. Returns undefined for
 * conditions that need the database (correlated sub-queries).
 */
export function matches(entity: object, condition: Condition | undefined): boolean | undefined {
  if (!condition) return true;
  const record = entity as Record<string, unknown>;
  switch (condition.kind) {
    case 'true': return true;
    case 'false': return false;
    case 'compare':
      return condition.ignoreCase
        ? compare(upper(record[condition.field]), condition.op, upper(condition.value) as Scalar)
        : compare(record[condition.field], condition.op, condition.value);
    case 'in': {
      const value = comparable(record[condition.field]);
      const found = value !== null && value !== undefined && condition.values.some((v) => comparable(v) === value);
      return condition.negate ? !found && value !== null && value !== undefined : found;
    }
    case 'null': {
      const isNull = record[condition.field] === null || record[condition.field] === undefined;
      return condition.negate ? !isNull : isNull;
    }
    case 'not': {
      const inner = matches(entity, condition.item);
      return inner === undefined ? undefined : !inner;
    }
    case 'and':
    case 'or': {
      const results = condition.items.map((item) => matches(entity, item));
      if (results.includes(undefined)) return undefined;
      return condition.kind === 'and' ? results.every(Boolean) : results.some(Boolean);
    }
    case 'exists':
      return undefined;
  }
}
