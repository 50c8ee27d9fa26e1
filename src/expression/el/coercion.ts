/**
 * JUEL's type coercions (EL 2.2 §1.18): to Boolean, Long, Integer, Double and String. Null and ""
 * coerce to false/0; strings parse with Java's rules (`Long.valueOf`, `Double.valueOf`,
 * `Boolean.valueOf`); anything else fails with JUEL's "Cannot coerce …" message.
 */
import { evaluationFault, type ElFault } from './faults.js';
import { javaClassName, javaToString } from './javaText.js';
import { kindOf } from './values.js';

const LONG_CLASS = 'class java.lang.Long';
const INTEGER_CLASS = 'class java.lang.Integer';
const DOUBLE_CLASS = 'class java.lang.Double';
const BOOLEAN_CLASS = 'class java.lang.Boolean';
const LONG_MIN = -(2n ** 63n);
const LONG_MAX = 2n ** 63n - 1n;

/** `Long.valueOf`/`Integer.valueOf` syntax: optional sign, ASCII digits, nothing else. */
const INTEGRAL = /^[+-]?\d+$/;
/** `Double.valueOf` syntax (decimal form), after trimming; hexadecimal floats are not supported. */
const DECIMAL = /^[+-]?(?:NaN|Infinity|(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?[fFdD]?)$/;

function cannotCoerceType(value: unknown, target: string): ElFault {
  return evaluationFault(`Cannot coerce from ${javaClassName(value)} to ${target}`);
}

function cannotCoerceValue(value: string, target: string): ElFault {
  return evaluationFault(`Cannot coerce '${value}' to ${target}`);
}

/** True for strings JUEL treats as floating point in arithmetic: any '.', 'e' or 'E'. */
export function isDotEe(value: unknown): boolean {
  return typeof value === 'string' && /[.eE]/.test(value);
}

/** Coerce to Boolean: null/"" → false, strings by `equalsIgnoreCase("true")`, others fail. */
export function toBoolean(value: unknown): boolean {
  if (value === null || value === undefined || value === '') return false;
  if (typeof value === 'boolean') return value;
  if (typeof value === 'string') return value.toLowerCase() === 'true';
  throw cannotCoerceType(value, BOOLEAN_CLASS);
}

function parseIntegral(text: string, min: bigint, max: bigint, target: string): number {
  if (!INTEGRAL.test(text)) throw cannotCoerceValue(text, target);
  const big = BigInt(text);
  if (big < min || big > max) throw cannotCoerceValue(text, target);
  return Number(big);
}

/** Java's narrowing of a double to long (`Number.longValue`): truncation, NaN → 0, clamped. */
function truncate(n: number): number {
  if (Number.isNaN(n)) return 0;
  return Math.trunc(n) + 0;
}

/** Coerce to Long: null/"" → 0, numbers truncate, strings by `Long.valueOf`, others fail. */
export function toLong(value: unknown): number {
  if (value === null || value === undefined || value === '') return 0;
  if (typeof value === 'number') return truncate(value);
  if (typeof value === 'string') return parseIntegral(value, LONG_MIN, LONG_MAX, LONG_CLASS);
  throw cannotCoerceType(value, LONG_CLASS);
}

/** Coerce to Integer (list and string indexes): like toLong with Integer's range. */
export function toInteger(value: unknown): number {
  if (value === null || value === undefined || value === '') return 0;
  if (typeof value === 'number') return truncate(value) | 0;
  if (typeof value === 'string') return parseIntegral(value, -(2n ** 31n), 2n ** 31n - 1n, INTEGER_CLASS);
  throw cannotCoerceType(value, INTEGER_CLASS);
}

/** Coerce to Double: null/"" → 0, numbers as is, strings by `Double.valueOf`, others fail. */
export function toDouble(value: unknown): number {
  if (value === null || value === undefined || value === '') return 0;
  if (typeof value === 'number') return value;
  if (typeof value === 'string') {
    // Double.valueOf trims every character up to U+0020 first.
    const trimmed = value.replace(/^[\x00-\x20]+|[\x00-\x20]+$/g, '');
    if (!DECIMAL.test(trimmed)) throw cannotCoerceValue(value, DOUBLE_CLASS);
    return Number(trimmed.replace(/[fFdD]$/, ''));
  }
  throw cannotCoerceType(value, DOUBLE_CLASS);
}

/** Coerce to String: null → "", otherwise Java's text form (numbers, dates, lists, maps). */
export function toText(value: unknown): string {
  return javaToString(value);
}

/** True when the value is a number JUEL would treat as Double (or a string that looks like one). */
export function isDoubleLike(value: unknown): boolean {
  return kindOf(value) === 'double' || isDotEe(value);
}
