import type { Json } from './types.js';

/**
 * Camunda's date format on the wire (`yyyy-MM-dd'T'HH:mm:ss.SSSZ`), e.g. 2024-05-01T10:00:00.000+0200.
 */
export const CAMUNDA_DATE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}[+-]\d{4}$/;

/** Marks an object key that must be absent (see `$absent`). */
const ABSENT = '$absent';

function describe(value: Json | undefined): string {
  if (value === undefined) return 'nothing';
  const text = JSON.stringify(value);
  return text.length > 160 ? `${text.slice(0, 157)}...` : text;
}

/** Type and format matchers usable as expected string values. */
const SIMPLE: Readonly<Record<string, (actual: Json | undefined) => boolean>> = {
  $any: (a) => a !== undefined,
  $string: (a) => typeof a === 'string',
  $id: (a) => typeof a === 'string' && a.length > 0,
  $number: (a) => typeof a === 'number',
  $integer: (a) => typeof a === 'number' && Number.isInteger(a),
  $boolean: (a) => typeof a === 'boolean',
  $object: (a) => a !== null && typeof a === 'object' && !Array.isArray(a),
  $array: (a) => Array.isArray(a),
  $date: (a) => typeof a === 'string' && CAMUNDA_DATE.test(a),
};

/** Matchers with an argument: `$startsWith:text`, `$regex:pattern`, `$nullOr:<matcher>` … */
function prefixed(expected: string, actual: Json | undefined, path: string): string[] | null {
  const colon = expected.indexOf(':');
  if (colon < 0) return null;
  const name = expected.slice(0, colon);
  const arg = expected.slice(colon + 1);
  const text = typeof actual === 'string' ? actual : null;
  const fail = (what: string) => [`${path}: expected ${what}, got ${describe(actual)}`];
  switch (name) {
    case '$startsWith': return text?.startsWith(arg) ? [] : fail(`a string starting with ${JSON.stringify(arg)}`);
    case '$endsWith': return text?.endsWith(arg) ? [] : fail(`a string ending with ${JSON.stringify(arg)}`);
    case '$contains': return text?.includes(arg) ? [] : fail(`a string containing ${JSON.stringify(arg)}`);
    case '$regex': return text !== null && new RegExp(arg).test(text) ? [] : fail(`a string matching /${arg}/`);
    case '$nullOr': return actual === null ? [] : matchJson(arg, actual, path);
    default: return null;
  }
}

function matchString(expected: string, actual: Json | undefined, path: string): string[] {
  if (expected.startsWith('$$')) return matchLiteral(expected.slice(1), actual, path);
  if (expected.startsWith('$')) {
    const simple = SIMPLE[expected];
    if (simple) return simple(actual) ? [] : [`${path}: expected ${expected}, got ${describe(actual)}`];
    const result = prefixed(expected, actual, path);
    if (result) return result;
    return [`${path}: unknown matcher ${JSON.stringify(expected)} (write "$$" for a literal "$")`];
  }
  return matchLiteral(expected, actual, path);
}

function matchLiteral(expected: Json, actual: Json | undefined, path: string): string[] {
  return actual === expected ? [] : [`${path}: expected ${describe(expected)}, got ${describe(actual)}`];
}

/** `{"$length": n}`, `{"$some": m}`, `{"$every": m}`, `{"$exact": {...}}` (no extra keys). */
function matchOperator(op: string, arg: Json, actual: Json | undefined, path: string): string[] {
  const list = Array.isArray(actual) ? actual : null;
  switch (op) {
    case '$length':
      return list?.length === arg ? [] : [`${path}: expected an array of length ${describe(arg)}, got ${list ? `length ${list.length}` : describe(actual)}`];
    case '$minLength':
      return list && typeof arg === 'number' && list.length >= arg ? [] : [`${path}: expected an array of at least ${describe(arg)} items, got ${describe(actual)}`];
    case '$some':
      if (!list) return [`${path}: expected an array, got ${describe(actual)}`];
      return list.some((item, i) => matchJson(arg, item, `${path}[${i}]`).length === 0) ? [] : [`${path}: no element matches ${describe(arg)}`];
    case '$every':
      if (!list) return [`${path}: expected an array, got ${describe(actual)}`];
      return list.flatMap((item, i) => matchJson(arg, item, `${path}[${i}]`));
    case '$exact': {
      if (arg === null || typeof arg !== 'object' || Array.isArray(arg)) return [`${path}: $exact needs an object`];
      const errors = matchJson(arg, actual, path);
      if (actual && typeof actual === 'object' && !Array.isArray(actual)) {
        for (const key of Object.keys(actual)) if (!(key in arg)) errors.push(`${path}.${key}: unexpected key`);
      }
      return errors;
    }
    default:
      return [`${path}: unknown operator ${op}`];
  }
}

/**
 * Matches an actual JSON value against an expectation and returns the mismatches (empty = match).
 * Objects match as a subset (extra keys in the response are fine), arrays element by element
 * with equal length, strings starting with `$` are matchers, everything else must be equal.
 */
export function matchJson(expected: Json, actual: Json | undefined, path = 'body'): string[] {
  if (typeof expected === 'string') return matchString(expected, actual, path);
  if (expected === null || typeof expected !== 'object') return matchLiteral(expected, actual, path);
  if (Array.isArray(expected)) {
    if (!Array.isArray(actual)) return [`${path}: expected an array, got ${describe(actual)}`];
    if (actual.length !== expected.length) return [`${path}: expected ${expected.length} elements, got ${actual.length}: ${describe(actual)}`];
    return expected.flatMap((item, i) => matchJson(item, actual[i], `${path}[${i}]`));
  }
  const keys = Object.keys(expected);
  const op = keys[0];
  if (keys.length === 1 && op !== undefined && op.startsWith('$') && op !== ABSENT) return matchOperator(op, expected[op] ?? null, actual, path);
  if (actual === null || actual === undefined || typeof actual !== 'object' || Array.isArray(actual)) {
    return [`${path}: expected an object, got ${describe(actual)}`];
  }
  const errors: string[] = [];
  for (const [key, value] of Object.entries(expected)) {
    const keyPath = `${path}.${key}`;
    if (value === ABSENT) {
      if (key in actual) errors.push(`${keyPath}: expected no such key, got ${describe(actual[key])}`);
      continue;
    }
    if (!(key in actual)) {
      errors.push(`${keyPath}: missing`);
      continue;
    }
    errors.push(...matchJson(value, actual[key], keyPath));
  }
  return errors;
}

/** Matches a header or text value: a literal, or a string matcher. */
export function matchText(expected: string, actual: string | null, path: string): string[] {
  return matchJson(expected, actual ?? undefined, path);
}

/** Normalisation: absolute URLs under the server's base URL become `{base}/…`, so links compare across servers. */
export function normalise(value: Json, baseUrl: string): Json {
  if (typeof value === 'string') return value.startsWith(baseUrl) ? `{base}${value.slice(baseUrl.length)}` : value;
  if (Array.isArray(value)) return value.map((item) => normalise(item, baseUrl));
  if (value !== null && typeof value === 'object') {
    const result: { [key: string]: Json } = {};
    for (const [key, item] of Object.entries(value)) result[key] = normalise(item, baseUrl);
    return result;
  }
  return value;
}
