/**
 * How Camunda's REST layer turns request values into text. engine-rest receives `value` as a
 * Jackson-parsed Java object (Integer, Long, BigInteger, Double, Boolean, String, LinkedHashMap,
 * ArrayList) and, when it does not already have the requested Java type, re-reads its `toString()`
 * as a JSON string literal. Error messages quote the same `toString()`. These helpers reproduce
 * both for the values a JSON body can carry.
 */

const LONG_MIN = -(2n ** 63n);
const LONG_MAX = 2n ** 63n - 1n;
const INT_MIN = -(2 ** 31);
const INT_MAX = 2 ** 31 - 1;

/** True for an integral number that fits Java's `int` (what Jackson reads as `Integer`). */
export function isInt32(n: number): boolean {
  return Number.isInteger(n) && n >= INT_MIN && n <= INT_MAX;
}

/** True for an integral number that fits Java's `long` (Jackson reads it as `Integer` or `Long`). */
export function isInt64(n: number): boolean {
  if (!Number.isInteger(n)) return false;
  const big = BigInt(n);
  return big >= LONG_MIN && big <= LONG_MAX;
}

/** True when the decimal integer text fits Java's `long`. */
export function fitsLong(text: string): boolean {
  const big = BigInt(text);
  return big >= LONG_MIN && big <= LONG_MAX;
}

/** Java's `Double.toString`: plain between 10^-3 and 10^7, else `1.5E-7`; always a fraction digit. */
export function javaDoubleText(n: number): string {
  if (Number.isNaN(n)) return 'NaN';
  if (!Number.isFinite(n)) return n > 0 ? 'Infinity' : '-Infinity';
  if (n === 0) return Object.is(n, -0) ? '-0.0' : '0.0';
  const abs = Math.abs(n);
  if (abs >= 1e-3 && abs < 1e7) {
    const plain = String(n);
    return plain.includes('.') ? plain : `${plain}.0`;
  }
  const [mantissa = '', exponent = '0'] = n.toExponential().split('e');
  return `${mantissa.includes('.') ? mantissa : `${mantissa}.0`}E${Number(exponent)}`;
}

function numberText(n: number): string {
  // JSON integers become Integer/Long/BigInteger in Jackson, whose toString is the plain digits.
  if (Number.isInteger(n)) return BigInt(n).toString();
  return javaDoubleText(n);
}

/**
 * `String.valueOf(value)` for a value as Jackson would have parsed it from JSON: maps print as
 * `{a=1, b=x}`, lists as `[1, 2]`, null as `null`.
 */
export function javaText(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return numberText(value);
  if (typeof value === 'boolean' || typeof value === 'bigint') return String(value);
  if (value instanceof Date) return value.toISOString();
  if (Buffer.isBuffer(value) || value instanceof Uint8Array) return '[B';
  if (Array.isArray(value)) return `[${value.map(javaText).join(', ')}]`;
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>);
    return `{${entries.map(([k, v]) => `${k}=${javaText(v)}`).join(', ')}}`;
  }
  return String(value);
}

const JSON_STRING_LITERAL = /^"(?:[^"\\\u0000-\u001f]|\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4}))*"/;

/**
 * What `objectMapper.readValue("\"" + text + "\"", X)` reads before converting to X: the first
 * JSON string literal (escapes decoded, anything after its closing quote ignored), or null when
 * the text does not form a valid literal (unescaped control character, bad escape).
 */
export function readAsJsonStringLiteral(text: string): string | null {
  const match = JSON_STRING_LITERAL.exec(`"${text}"`);
  return match ? (JSON.parse(match[0]) as string) : null;
}

/** Java's `Class.getName()` for the class Jackson would have produced from this JSON value. */
export function javaClassName(value: unknown): string {
  if (typeof value === 'string') return 'java.lang.String';
  if (typeof value === 'boolean') return 'java.lang.Boolean';
  if (typeof value === 'number') {
    if (isInt32(value)) return 'java.lang.Integer';
    if (isInt64(value)) return 'java.lang.Long';
    return Number.isInteger(value) ? 'java.math.BigInteger' : 'java.lang.Double';
  }
  if (Array.isArray(value)) return 'java.util.ArrayList';
  return 'java.util.LinkedHashMap';
}
