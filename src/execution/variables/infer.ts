import { engineError } from '../../errors/EngineError.js';
import { FORMAT_JSON } from './formats.js';
import { isInt32, isInt64, javaText } from './javaText.js';
import type { TypedValue, ValueTypeName } from './TypedValue.js';

const MAP_TYPE = 'java.util.LinkedHashMap<java.lang.Object,java.lang.Object>';
const LIST_TYPE = 'java.util.ArrayList';

function typed(type: ValueTypeName, value: unknown, transient: boolean,
  valueInfo: Record<string, unknown> = {}): TypedValue {
  return { type, value, valueInfo, transient };
}

function isPlainObject(value: object): boolean {
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/**
 * The Java type name Camunda Spin's JSON format writes to `TEXT2_` for the collection Jackson
 * would build from this JSON value (`JacksonJsonDataFormat.getCanonicalTypeName`): a map is
 * `java.util.LinkedHashMap<java.lang.Object,java.lang.Object>`; a list is typed by its first
 * element (`java.util.ArrayList<java.lang.Integer>`), or `<java.lang.Object>` when empty. Spin
 * fails on a list that starts with null; we name that element `java.lang.Object` instead.
 */
export function jacksonCanonicalTypeName(value: unknown): string {
  if (value === null || value === undefined) return 'java.lang.Object';
  if (Array.isArray(value)) {
    const first: unknown = value[0];
    return `${LIST_TYPE}<${value.length === 0 ? 'java.lang.Object' : jacksonCanonicalTypeName(first)}>`;
  }
  switch (typeof value) {
    case 'string': return 'java.lang.String';
    case 'boolean': return 'java.lang.Boolean';
    case 'number': return `java.lang.${numberType(value)}`;
    default: return MAP_TYPE;
  }
}

/**
 * Camunda's choice of serializer for an untyped number: Jackson reads JSON integers as Integer
 * when they fit 32 bits, else Long; anything else is a Double. Integers beyond 64 bits (Jackson:
 * BigInteger, stored Java-serialized) become Double here.
 */
function numberType(n: number): 'Integer' | 'Long' | 'Double' {
  if (isInt32(n)) return 'Integer';
  return isInt64(n) ? 'Long' : 'Double';
}

function fromBigInt(n: bigint, transient: boolean): TypedValue {
  const asNumber = Number(n);
  if (BigInt.asIntN(64, n) !== n) return typed('Double', asNumber, transient);
  return typed('Long', asNumber, transient);
}

function jsonObject(value: object, transient: boolean): TypedValue {
  return typed('Object', JSON.stringify(value), transient, {
    objectTypeName: jacksonCanonicalTypeName(value),
    serializationDataFormat: FORMAT_JSON,
  });
}

function notSerializable(value: unknown, transient: boolean): never {
  // DefaultVariableSerializers.findSerializerForValue, quoting UntypedValueImpl.toString().
  throw engineError('processEngine',
    `Cannot find serializer for value 'Untyped value '${javaText(value)}', isTransient = ${transient}'.`);
}

function inferObject(value: object, transient: boolean): TypedValue {
  if (value instanceof Date) return typed('Date', new Date(value.getTime()), transient);
  if (Buffer.isBuffer(value) || value instanceof Uint8Array) {
    return typed('Bytes', Buffer.from(value), transient);
  }
  if (Array.isArray(value) || isPlainObject(value)) return jsonObject(value, transient);
  return notSerializable(value, transient);
}

/**
 * Infers a typed value for an untyped one, as Camunda does when it picks a serializer for an
 * untyped REST value (`{"value": 5}` without `type`) or a value set by a script, expression or
 * delegate: null/undefined → Null, string → String, boolean → Boolean, number → Integer / Long /
 * Double (see {@link numberType}), bigint → Long (Double beyond 64 bits), Date → Date,
 * Buffer/Uint8Array → Bytes.
 *
 * Plain objects and arrays become `Object` values serialized as JSON
 * (`serializationDataFormat: application/json`, serializer `spin://application/json`), named as
 * Spin's JSON format names a Jackson LinkedHashMap/ArrayList. Stock Camunda, whose default
 * serialization format is Java serialization, would store such a REST value as a Java-serialized
 * `java.util.LinkedHashMap`; m8flow cannot produce those bytes, so it behaves like Camunda with
 * `defaultSerializationFormat=application/json`. (Nashorn/GraalJS script objects have no useful
 * Camunda equivalent: they end up as unreadable mirrors, hence the documented `S(JSON...)` habit.)
 * Other objects (Map, class instances, functions, symbols) have no serializer and are rejected.
 */
export function inferTypedValue(value: unknown, transient = false): TypedValue {
  if (value === null || value === undefined) return typed('Null', null, transient);
  switch (typeof value) {
    case 'string': return typed('String', value, transient);
    case 'boolean': return typed('Boolean', value, transient);
    case 'number': return typed(numberType(value), value, transient);
    case 'bigint': return fromBigInt(value, transient);
    case 'object': return inferObject(value, transient);
    default: return notSerializable(value, transient);
  }
}
