/**
 * Java's text forms, as JUEL produces them when it coerces a value to String (EL 2.2 §1.18.2:
 * `toString()`), and the class names Camunda's messages print ("class java.lang.String").
 */
import { isLongNumber, kindOf } from './values.js';

/** Java `Double.toString`: `1.5`, `3.0`, `1.0E-5`, `1.0E7`, `NaN`, `Infinity`. */
export function formatDouble(n: number): string {
  if (Number.isNaN(n)) return 'NaN';
  if (!Number.isFinite(n)) return n > 0 ? 'Infinity' : '-Infinity';
  if (n === 0) return Object.is(n, -0) ? '-0.0' : '0.0';
  const magnitude = Math.abs(n);
  if (magnitude >= 1e-3 && magnitude < 1e7) {
    return Number.isInteger(n) ? n.toFixed(1) : String(n);
  }
  const [mantissa = '', exponent = ''] = n.toExponential().split('e');
  const digits = mantissa.includes('.') ? mantissa : `${mantissa}.0`;
  return `${digits}E${exponent.replace('+', '')}`;
}

/** Java `Long.toString` for an integral number. */
export function formatLong(n: number): string {
  return BigInt(n).toString();
}

/** A number as Java prints it, using the Long/Double rule of values.ts. */
export function formatNumber(n: number): string {
  return isLongNumber(n) ? formatLong(n) : formatDouble(n);
}

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

function pad2(n: number): string {
  return String(n).padStart(2, '0');
}

/** Java `Date.toString` (`EEE MMM dd HH:mm:ss zzz yyyy`) as a JVM running in UTC prints it. */
export function formatDate(date: Date): string {
  if (Number.isNaN(date.getTime())) return 'Invalid Date';
  const time = `${pad2(date.getUTCHours())}:${pad2(date.getUTCMinutes())}:${pad2(date.getUTCSeconds())}`;
  return `${DAYS[date.getUTCDay()] ?? ''} ${MONTHS[date.getUTCMonth()] ?? ''} ${pad2(date.getUTCDate())} ${time} UTC ${date.getUTCFullYear()}`;
}

function constructorName(value: object): string {
  const proto: unknown = Object.getPrototypeOf(value);
  if (typeof proto !== 'object' || proto === null) return 'Object';
  const ctor = Object.getOwnPropertyDescriptor(proto, 'constructor')?.value as unknown;
  return typeof ctor === 'function' && ctor.name !== '' ? ctor.name : 'Object';
}

/** The Java class a value stands for, as `Class.toString` prints it ("class java.lang.Long"). */
export function javaClassName(value: unknown): string {
  switch (kindOf(value)) {
    case 'string': return 'class java.lang.String';
    case 'boolean': return 'class java.lang.Boolean';
    case 'long': return 'class java.lang.Long';
    case 'double': return 'class java.lang.Double';
    case 'date': return 'class java.util.Date';
    case 'list': return 'class java.util.ArrayList';
    case 'map': return 'class java.util.HashMap';
    case 'null': return 'null';
    default: return `class ${typeof value === 'object' && value !== null ? constructorName(value) : typeof value}`;
  }
}

/** Java `String.valueOf(value)`: like javaToString but `null` prints as "null". */
export function javaString(value: unknown, seen: ReadonlySet<object> = new Set()): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'number') return formatNumber(value);
  if (typeof value !== 'object') return String(value);
  if (value instanceof Date) return formatDate(value);
  if (seen.has(value)) return Array.isArray(value) ? '(this Collection)' : '(this Map)';
  const inner = new Set(seen).add(value);
  if (Array.isArray(value)) {
    return `[${value.map((item: unknown) => javaString(item, inner)).join(', ')}]`;
  }
  const kind = kindOf(value);
  if (kind === 'map') {
    const entries = value instanceof Map ? [...value.entries()] : Object.entries(value);
    return `{${entries.map(([k, v]) => `${javaString(k, inner)}=${javaString(v, inner)}`).join(', ')}}`;
  }
  return String(value);
}

/** JUEL's coercion to String: `null` becomes "", everything else its Java text form. */
export function javaToString(value: unknown): string {
  return value === null || value === undefined ? '' : javaString(value);
}
