/**
 * JUEL's operator semantics (EL 2.2 §1.7–1.10 as implemented by JUEL's NumberOperations and
 * BooleanOperations): arithmetic is numeric only (strings coerce to numbers, never concatenate),
 * `/` always divides as Double, Long arithmetic wraps at 64 bits, equality and ordering pick the
 * coercion target from the operand types (Double, then Long, then Boolean, then String).
 */
import { isDoubleLike, toBoolean, toDouble, toLong, toText } from './coercion.js';
import { evaluationFault } from './faults.js';
import { javaClassName } from './javaText.js';
import { kindOf, mapSize } from './values.js';

/** Operators on two numbers: `+`, `-`, `*`. */
export type ArithmeticOperator = 'add' | 'sub' | 'mul';
/** Ordering operators. */
export type RelationalOperator = 'lt' | 'le' | 'gt' | 'ge';

function applyDouble(op: ArithmeticOperator, a: number, b: number): number {
  if (op === 'add') return a + b;
  return op === 'sub' ? a - b : a * b;
}

function applyLong(op: ArithmeticOperator, a: number, b: number): number {
  const x = BigInt(a);
  const y = BigInt(b);
  const result = op === 'add' ? x + y : op === 'sub' ? x - y : x * y;
  return Number(BigInt.asIntN(64, result));
}

/** `+`, `-`, `*`: both null → 0; a Double (or a string with '.', 'e', 'E') → Double; else Long. */
export function arithmetic(op: ArithmeticOperator, a: unknown, b: unknown): number {
  if (a === null && b === null) return 0;
  if (isDoubleLike(a) || isDoubleLike(b)) return applyDouble(op, toDouble(a), toDouble(b));
  return applyLong(op, toLong(a), toLong(b));
}

/** `/` and `div`: both null → 0; otherwise always Double division (so `1/0` is Infinity). */
export function divide(a: unknown, b: unknown): number {
  if (a === null && b === null) return 0;
  return toDouble(a) / toDouble(b);
}

/** `%` and `mod`: Double remainder when either side is Double-like, else Long (`/ by zero` fails). */
export function modulo(a: unknown, b: unknown): number {
  if (a === null && b === null) return 0;
  if (isDoubleLike(a) || isDoubleLike(b)) return toDouble(a) % toDouble(b);
  const divisor = toLong(b);
  if (divisor === 0) throw evaluationFault('/ by zero');
  return Number(BigInt(toLong(a)) % BigInt(divisor));
}

/** Unary `-`: null → 0; strings parse as Double or Long; booleans and objects cannot be negated. */
export function negate(value: unknown): number {
  const kind = kindOf(value);
  if (kind === 'null') return 0;
  if (kind === 'double' || isDoubleLike(value)) return -toDouble(value);
  if (kind === 'long' || kind === 'string') {
    const n = toLong(value);
    return n === 0 ? 0 : -n;
  }
  throw evaluationFault(`Cannot negate '${javaClassName(value)}'`);
}

/** `empty`: true for null, "", and empty lists, maps and sets; false for anything else. */
export function isEmpty(value: unknown): boolean {
  if (value === null || value === undefined || value === '') return true;
  if (Array.isArray(value)) return value.length === 0;
  if (value instanceof Set) return value.size === 0;
  return kindOf(value) === 'map' && mapSize(value as object) === 0;
}

function sameNumber(a: number, b: number): boolean {
  return a === b || (Number.isNaN(a) && Number.isNaN(b));
}

/** Java `Object.equals` for values no coercion applies to: dates by time, lists and maps by content. */
export function javaEquals(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a === 'number' && typeof b === 'number') return sameNumber(a, b);
  if (a instanceof Date && b instanceof Date) return a.getTime() === b.getTime();
  if (Array.isArray(a) && Array.isArray(b)) {
    return a.length === b.length && a.every((item: unknown, i) => javaEquals(item, b[i]));
  }
  if (kindOf(a) === 'map' && kindOf(b) === 'map' && !(a instanceof Map) && !(b instanceof Map)) {
    const left = a as Record<string, unknown>;
    const right = b as Record<string, unknown>;
    const keys = Object.keys(left);
    return keys.length === Object.keys(right).length
      && keys.every((key) => Object.hasOwn(right, key) && javaEquals(left[key], right[key]));
  }
  return false;
}

/** `==`/`eq` (EL 2.2 §1.8.2): identity, then null, then coercion by the operand types. */
export function equals(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a === null || b === null) return false;
  const ka = kindOf(a);
  const kb = kindOf(b);
  if (ka === 'double' || kb === 'double') return sameNumber(toDouble(a), toDouble(b));
  if (ka === 'long' || kb === 'long') return toLong(a) === toLong(b);
  if (ka === 'boolean' || kb === 'boolean') return toBoolean(a) === toBoolean(b);
  if (ka === 'string' || kb === 'string') return toText(a) === toText(b);
  return javaEquals(a, b);
}

/** Orders two values that are neither numbers nor strings (Java `Comparable.compareTo`). */
function compareObjects(a: unknown, b: unknown): number {
  if (typeof a === 'boolean' && typeof b === 'boolean') return Number(a) - Number(b);
  if (a instanceof Date && b instanceof Date) return a.getTime() - b.getTime();
  throw evaluationFault(`Cannot compare '${javaClassName(a)}' and '${javaClassName(b)}'`);
}

/** JUEL's `lt0`/`gt0`: the sign of comparing two non-null values after coercion. */
function compareCoerced(a: unknown, b: unknown, wantLess: boolean): boolean {
  const ka = kindOf(a);
  const kb = kindOf(b);
  let left: number | string;
  let right: number | string;
  if (ka === 'double' || kb === 'double') {
    [left, right] = [toDouble(a), toDouble(b)];
  } else if (ka === 'long' || kb === 'long') {
    [left, right] = [toLong(a), toLong(b)];
  } else if (ka === 'string' || kb === 'string') {
    [left, right] = [toText(a), toText(b)];
  } else {
    const sign = compareObjects(a, b);
    return wantLess ? sign < 0 : sign > 0;
  }
  return wantLess ? left < right : left > right;
}

/**
 * `<`, `<=`, `>`, `>=` (EL 2.2 §1.8.1): identical operands are equal, a null operand makes the
 * result false, and `<=`/`>=` are the negations of `>`/`<` (so NaN >= 1 is true, as in JUEL).
 */
export function compare(op: RelationalOperator, a: unknown, b: unknown): boolean {
  if (a === b) return op === 'le' || op === 'ge';
  if (a === null || b === null) return false;
  switch (op) {
    case 'lt': return compareCoerced(a, b, true);
    case 'gt': return compareCoerced(a, b, false);
    case 'le': return !compareCoerced(a, b, false);
    case 'ge': return !compareCoerced(a, b, true);
  }
}
