import { parseDate } from '../../util/dates.js';
import { fitsLong, isInt32, isInt64, javaText, readAsJsonStringLiteral } from './javaText.js';
import type { ValueTypeName } from './TypedValue.js';

/** The value types Camunda implements as `PrimitiveValueType` (a Java class per type). */
export type PrimitiveTypeName = Extract<ValueTypeName,
  'String' | 'Boolean' | 'Short' | 'Integer' | 'Long' | 'Double' | 'Date' | 'Bytes' | 'Null'>;

/** The Java class of each primitive type, as Camunda names it in conversion errors. */
export const PRIMITIVE_JAVA_TYPES: Readonly<Record<PrimitiveTypeName, string>> = {
  String: 'java.lang.String',
  Boolean: 'java.lang.Boolean',
  Short: 'java.lang.Short',
  Integer: 'java.lang.Integer',
  Long: 'java.lang.Long',
  Double: 'java.lang.Double',
  Date: 'java.util.Date',
  Bytes: '[B',
  Null: 'javax.lang.model.type.NullType',
};

/** Returned by {@link convertPrimitive} when Camunda would fail to convert the value. */
export const NOT_CONVERTIBLE: unique symbol = Symbol('not convertible');

const INTEGRAL = /^[+-]?\d+$/;
const DECIMAL = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?[fFdD]?$/;
const SPECIAL_DOUBLES: Readonly<Record<string, number>> = {
  NaN: Number.NaN, '+NaN': Number.NaN, '-NaN': Number.NaN,
  Infinity: Infinity, '+Infinity': Infinity, INF: Infinity,
  '-Infinity': -Infinity, '-INF': -Infinity,
};
const STRICT_BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

type Converted = unknown;

/** Jackson's scalar coercion: surrounding blanks are trimmed, "" and "null" mean null. */
function nullish(text: string): boolean {
  return text === '' || text === 'null';
}

function integral(text: string, min: number, max: number): Converted {
  const t = text.trim();
  if (nullish(t)) return null;
  if (!INTEGRAL.test(t)) return NOT_CONVERTIBLE;
  if (!fitsLong(t)) return NOT_CONVERTIBLE;
  const n = Number(BigInt(t));
  return n < min || n > max ? NOT_CONVERTIBLE : n;
}

function double(text: string): Converted {
  const t = text.trim();
  if (nullish(t)) return null;
  const special = SPECIAL_DOUBLES[t];
  if (special !== undefined) return special;
  return DECIMAL.test(t) ? Number(t.replace(/[fFdD]$/, '')) : NOT_CONVERTIBLE;
}

function boolean(text: string): Converted {
  const t = text.trim();
  if (nullish(t)) return null;
  if (t === 'true' || t === 'True' || t === 'TRUE') return true;
  if (t === 'false' || t === 'False' || t === 'FALSE') return false;
  return NOT_CONVERTIBLE;
}

function date(text: string): Converted {
  const t = text.trim();
  if (nullish(t)) return null;
  return parseDate(t) ?? NOT_CONVERTIBLE;
}

function bytes(text: string): Converted {
  // Jackson decodes base64 with the standard alphabet and required padding; blanks are skipped.
  const compact = text.replace(/[\u0000-\u0020]/g, '');
  return STRICT_BASE64.test(compact) ? Buffer.from(compact, 'base64') : NOT_CONVERTIBLE;
}

const FROM_TEXT: Readonly<Record<PrimitiveTypeName, (text: string) => Converted>> = {
  String: (text) => text,
  Boolean: boolean,
  Short: (text) => integral(text, -32768, 32767),
  Integer: (text) => integral(text, -(2 ** 31), 2 ** 31 - 1),
  Long: (text) => integral(text, -Infinity, Infinity),
  Double: double,
  Date: date,
  Bytes: bytes,
  Null: () => NOT_CONVERTIBLE,
};

/** Whether Jackson already produced an instance of the type's Java class for this JSON value. */
function alreadyOfType(type: PrimitiveTypeName, value: unknown): boolean {
  switch (type) {
    case 'String': return typeof value === 'string';
    case 'Boolean': return typeof value === 'boolean';
    case 'Integer': return typeof value === 'number' && isInt32(value);
    case 'Long': return typeof value === 'number' && isInt64(value);
    case 'Double': return typeof value === 'number' && !Number.isInteger(value);
    case 'Bytes': return Buffer.isBuffer(value);
    default: return false;
  }
}

/**
 * Converts a request value to a primitive type the way engine-rest's `VariableValueDto` does:
 * keep it when it already is of the Java type, otherwise read its text as that type with
 * Jackson's string coercions (so `"42"` is a valid Integer and `5` a valid Short, but `1.5`
 * is not an Integer). Returns {@link NOT_CONVERTIBLE} where Camunda reports a conversion error.
 */
export function convertPrimitive(type: PrimitiveTypeName, value: unknown): Converted {
  if (value === null || value === undefined) return null;
  if (alreadyOfType(type, value)) return Buffer.isBuffer(value) ? Buffer.from(value) : value;
  const literal = readAsJsonStringLiteral(javaText(value));
  return literal === null ? NOT_CONVERTIBLE : FROM_TEXT[type](literal);
}
