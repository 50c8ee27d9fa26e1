/**
 * How JavaScript values play the Java types JUEL reasons about. Numbers carry no Long/Double
 * distinction in JavaScript, so the rule is: an integral number within Long's range acts as a
 * `Long`, any other number (fractions, NaN, infinities, huge values) as a `Double`.
 */
import type { ElBean } from '../ExpressionManager.js';

/** The Java type family a value plays in coercions and operator dispatch. */
export type JavaKind =
  | 'null' | 'string' | 'boolean' | 'long' | 'double' | 'date' | 'list' | 'map' | 'bean' | 'other';

const LONG_LIMIT = 2 ** 63;

/** True when the number acts as a Java `Long` (integral and within ±2^63). */
export function isLongNumber(n: number): boolean {
  return Number.isInteger(n) && n >= -LONG_LIMIT && n < LONG_LIMIT;
}

/** Maps JavaScript-only shapes onto Java ones: `undefined` is `null`, a bigint is a number. */
export function normalize(value: unknown): unknown {
  if (value === undefined) return null;
  if (typeof value === 'bigint') return Number(value);
  return value;
}

/** A plain object (literal or JSON), which plays a Java `Map` with string keys. */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

function hasFunctionMember(methods: object): boolean {
  return Object.values(methods).some((member) => typeof member === 'function');
}

/**
 * True for engine-provided beans (`execution`, `task`, registered beans). A plain data object that
 * merely has an `elMethods` key (e.g. from JSON) has no functions and so is not a bean.
 */
export function isElBean(value: unknown): value is ElBean {
  if (typeof value !== 'object' || value === null || !('elMethods' in value)) return false;
  const methods: unknown = value.elMethods;
  if (typeof methods !== 'object' || methods === null) return false;
  if (!isPlainObject(value)) return true;
  const property: unknown = 'elProperty' in value ? value.elProperty : undefined;
  return typeof property === 'function' || hasFunctionMember(methods);
}

/** Classifies a (normalized) value by the Java type it stands for. */
export function kindOf(value: unknown): JavaKind {
  if (value === null || value === undefined) return 'null';
  switch (typeof value) {
    case 'string':
      return 'string';
    case 'boolean':
      return 'boolean';
    case 'number':
      return isLongNumber(value) ? 'long' : 'double';
    case 'bigint':
      return 'long';
    case 'object':
      return objectKind(value);
    default:
      return 'other';
  }
}

function objectKind(value: object): JavaKind {
  if (value instanceof Date) return 'date';
  if (Array.isArray(value)) return 'list';
  if (isElBean(value)) return 'bean';
  if (value instanceof Map || isPlainObject(value)) return 'map';
  return 'other';
}

/**
 * Reads an own data property without ever running a getter or reaching the prototype chain, so
 * `constructor`, `__proto__` and friends read as absent keys. Absent keys read as `undefined`.
 */
export function ownDataValue(target: object, key: string): unknown {
  const descriptor = Object.getOwnPropertyDescriptor(target, key);
  return descriptor !== undefined && 'value' in descriptor ? descriptor.value : undefined;
}

/** Own enumerable keys of a map-like value (plain object or Map). */
export function mapSize(map: object): number {
  return map instanceof Map ? map.size : Object.keys(map).length;
}
