import { engineError } from '../../errors/EngineError.js';
import type { StoredValue } from '../../persistence/ports/entities.js';
import {
  FORMAT_JAVA, INFO_ENCODING, INFO_FILENAME, INFO_MIME_TYPE, INFO_OBJECT_TYPE_NAME,
  INFO_SERIALIZATION_DATA_FORMAT, infoString,
} from './formats.js';
import type { TypedValue, ValueTypeName } from './TypedValue.js';

/** Camunda's `StringValueSerializer.EMPTY_STRING`, written to `TEXT2_` for "" (Oracle stores '' as null). */
export const EMPTY_STRING_MARKER = '!emptyString!';
/** Camunda's `JavaObjectSerializer.NAME`. */
export const JAVA_SERIALIZER = 'serializable';
/** Prefix of the Spin object serializers (`spin://application/json`, `spin://application/xml`, …). */
export const SPIN_PREFIX = 'spin://';

/** Serializer names of the non-Object types, as written to `TYPE_` / `VAR_TYPE_`. */
export const SERIALIZER_NAMES: Readonly<Record<Exclude<ValueTypeName, 'Object'>, string>> = {
  Null: 'null', String: 'string', Boolean: 'boolean', Short: 'short', Integer: 'integer',
  Long: 'long', Double: 'double', Date: 'date', Bytes: 'bytes', File: 'file', Json: 'json', Xml: 'xml',
};

const EMPTY: Omit<StoredValue, 'type'> = {
  textValue: null, textValue2: null, longValue: null, doubleValue: null, bytesValue: null,
};

function stored(type: string, columns: Partial<Omit<StoredValue, 'type'>> = {}): StoredValue {
  return { type, ...EMPTY, ...columns };
}

function objectDescription(value: TypedValue): string {
  // ObjectValueImpl.toString(), which Camunda quotes when no serializer matches.
  const serialized = typeof value.value === 'string' ? `${value.value.length} chars` : 'null';
  return `ObjectValue [value=null, isDeserialized=false, serializationDataFormat=${
    infoString(value.valueInfo, INFO_SERIALIZATION_DATA_FORMAT)}, objectTypeName=${
    infoString(value.valueInfo, INFO_OBJECT_TYPE_NAME)}, serializedValue=${serialized}, isTransient=${value.transient}]`;
}

/**
 * The serializer Camunda picks for a value (`DefaultVariableSerializers.findSerializerForValue`
 * plus the Spin fallback factory): the type's own name for non-Objects; for Objects `serializable`
 * for Java serialization and `spin://<format>` for any other format. An Object without a format
 * matches no serializer.
 */
export function serializerNameOf(value: TypedValue): string {
  if (value.opaque) return value.opaque.type;
  if (value.type !== 'Object') return SERIALIZER_NAMES[value.type];
  const format = infoString(value.valueInfo, INFO_SERIALIZATION_DATA_FORMAT);
  if (format === null) {
    throw engineError('processEngine', `Cannot find serializer for value '${objectDescription(value)}'.`);
  }
  return format === FORMAT_JAVA ? JAVA_SERIALIZER : `${SPIN_PREFIX}${format}`;
}

function integralColumns(type: 'Short' | 'Integer' | 'Long', n: number): Partial<StoredValue> {
  // ShortValueSerializer writes the typed value's toString() (a Camunda quirk), the others the number.
  const text = type === 'Short'
    ? `Value '${n}' of type 'PrimitiveValueType[short]', isTransient=false`
    : BigInt(Math.trunc(n)).toString();
  return { longValue: n, textValue: text };
}

function fileColumns(value: TypedValue, content: Buffer | null): Partial<StoredValue> {
  const mimeType = infoString(value.valueInfo, INFO_MIME_TYPE);
  const encoding = infoString(value.valueInfo, INFO_ENCODING);
  const textValue2 = mimeType === null && encoding === null ? null : `${mimeType ?? ''}#${encoding ?? ''}`;
  return { bytesValue: content, textValue: infoString(value.valueInfo, INFO_FILENAME), textValue2 };
}

function objectColumns(value: TypedValue, serializer: string, variableName: string | null): Partial<StoredValue> {
  const serialized = typeof value.value === 'string' ? value.value : null;
  const objectTypeName = infoString(value.valueInfo, INFO_OBJECT_TYPE_NAME);
  if (objectTypeName === null && serialized !== null) {
    throw engineError('processEngine',
      `Cannot write serialized value for variable '${variableName}': no 'objectTypeName' provided for non-null value.`);
  }
  // Java serialization is binary: its serialized form is base64 text. Spin formats are text.
  const encoding = serializer === JAVA_SERIALIZER ? 'base64' : 'utf8';
  return { bytesValue: serialized === null ? null : Buffer.from(serialized, encoding), textValue2: objectTypeName };
}

function isBinary(v: unknown): v is Uint8Array {
  return v instanceof Uint8Array;
}

function columnsOf(value: TypedValue, serializer: string, variableName: string | null): Partial<StoredValue> {
  const v = value.value;
  if (value.type === 'Object') return objectColumns(value, serializer, variableName);
  if (value.type === 'File') return fileColumns(value, isBinary(v) ? Buffer.from(v) : null);
  if (v === null || v === undefined) return {};
  switch (value.type) {
    case 'String': return v === '' ? { textValue: '', textValue2: EMPTY_STRING_MARKER } : { textValue: String(v) };
    case 'Boolean': return { longValue: v === true ? 1 : 0 };
    case 'Short': case 'Integer': case 'Long': return integralColumns(value.type, Number(v));
    case 'Double': return { doubleValue: Number(v) };
    case 'Date': return { longValue: v instanceof Date ? v.getTime() : Number(v) };
    case 'Bytes': return { bytesValue: isBinary(v) ? Buffer.from(v) : null };
    case 'Json': case 'Xml': return { bytesValue: Buffer.from(String(v), 'utf8') };
    default: return {};
  }
}

/**
 * TypedValue → value columns, as Camunda's serializers write them (see SCHEMA-NOTES
 * "ACT_RU_VARIABLE"): string in TEXT_ ('' plus the `!emptyString!` marker), boolean 1/0, short/
 * integer/long in LONG_ plus TEXT_, double in DOUBLE_, date as epoch millis, bytes, file (content,
 * TEXT_ file name, TEXT2_ `mimeType#encoding`), json/xml as UTF-8 bytes, Objects as serialized
 * bytes with the type name in TEXT2_. A null value leaves the columns null. Opaque rows are
 * returned unchanged. `variableName` only feeds error messages.
 */
export function toStoredValue(value: TypedValue, variableName: string | null = null): StoredValue {
  if (value.opaque) return { ...value.opaque };
  const serializer = serializerNameOf(value);
  return stored(serializer, columnsOf(value, serializer, variableName));
}

/**
 * Camunda refuses to store a serialized Java object unless `javaSerializationFormatEnabled`
 * (`VariableUtil.checkJavaSerialization`, default off). Call before setting a variable.
 */
export function checkJavaSerialization(variableName: string, value: TypedValue, javaSerializationEnabled: boolean): void {
  if (javaSerializationEnabled || value.opaque || value.type !== 'Object') return;
  if (infoString(value.valueInfo, INFO_SERIALIZATION_DATA_FORMAT) === FORMAT_JAVA) {
    throw engineError('processEngine',
      `ENGINE-17007 Cannot set variable with name ${variableName}. Java serialization format is prohibited`);
  }
}

function typed(type: ValueTypeName, value: unknown, valueInfo: Record<string, unknown> = {}): TypedValue {
  return { type, value, valueInfo, transient: false };
}

/** Java's narrowing `longValue.intValue()` / `shortValue()`. */
function narrow(long: number | null, bits: 16 | 32): number | null {
  return long === null ? null : Number(BigInt.asIntN(bits, BigInt(Math.trunc(long))));
}

function text(bytes: Buffer | null): string | null {
  return bytes === null ? null : bytes.toString('utf8');
}

/**
 * `FileValueSerializer.readValue`: TEXT2_ splits at the first '#'; empty halves mean null. A TEXT2_
 * without '#' (Camunda itself fails on it) is read as a mime type alone.
 */
function readFile(row: StoredValue): TypedValue {
  const valueInfo: Record<string, unknown> = { [INFO_FILENAME]: row.textValue ?? '' };
  if (row.textValue2 !== null) {
    const cut = row.textValue2.indexOf('#');
    const mimeType = cut < 0 ? row.textValue2 : row.textValue2.slice(0, cut);
    const encoding = cut < 0 ? '' : row.textValue2.slice(cut + 1);
    if (mimeType !== '') valueInfo[INFO_MIME_TYPE] = mimeType;
    if (encoding !== '') valueInfo[INFO_ENCODING] = encoding;
  }
  return typed('File', row.bytesValue === null ? null : Buffer.from(row.bytesValue), valueInfo);
}

function readObject(row: StoredValue, format: string): TypedValue {
  const bytes = row.bytesValue;
  const serialized = format === FORMAT_JAVA ? bytes?.toString('base64') ?? null : text(bytes);
  const valueInfo: Record<string, unknown> = { [INFO_SERIALIZATION_DATA_FORMAT]: format };
  if (row.textValue2 !== null) valueInfo[INFO_OBJECT_TYPE_NAME] = row.textValue2;
  return typed('Object', serialized, valueInfo);
}

/**
 * A row of an unknown serializer (a Camunda plug-in type): shown as an Object whose
 * `serializationDataFormat` is the serializer name and whose value is the first filled column
 * (bytes as base64); kept verbatim in `opaque` so that writing it back changes nothing.
 */
function readOpaque(row: StoredValue): TypedValue {
  const value = row.bytesValue?.toString('base64') ?? row.textValue ?? row.longValue ?? row.doubleValue ?? null;
  const valueInfo: Record<string, unknown> = { [INFO_SERIALIZATION_DATA_FORMAT]: row.type };
  if (row.textValue2 !== null) valueInfo[INFO_OBJECT_TYPE_NAME] = row.textValue2;
  const copy = { ...row, bytesValue: row.bytesValue === null ? null : Buffer.from(row.bytesValue) };
  return { ...typed('Object', value, valueInfo), opaque: copy };
}

function readString(row: StoredValue): string | null {
  if (row.textValue === null && row.textValue2 === EMPTY_STRING_MARKER) return '';
  return row.textValue;
}

/**
 * Value columns → TypedValue, reading rows exactly as Camunda's serializers do, including rows a
 * migration brought over from Camunda (`serializable` and every `spin://<format>` become Objects
 * in that format). Unknown serializer names do not fail: see {@link readOpaque}.
 */
export function fromStoredValue(row: StoredValue): TypedValue {
  switch (row.type) {
    case 'null': return typed('Null', null);
    case 'string': return typed('String', readString(row));
    case 'boolean': return typed('Boolean', row.longValue === null ? null : row.longValue === 1);
    case 'short': return typed('Short', narrow(row.longValue, 16));
    case 'integer': return typed('Integer', narrow(row.longValue, 32));
    case 'long': return typed('Long', row.longValue);
    case 'double': return typed('Double', row.doubleValue);
    case 'date': return typed('Date', row.longValue === null ? null : new Date(row.longValue));
    case 'bytes': return typed('Bytes', row.bytesValue === null ? null : Buffer.from(row.bytesValue));
    case 'file': return readFile(row);
    case 'json': return typed('Json', text(row.bytesValue));
    case 'xml': return typed('Xml', text(row.bytesValue));
    case JAVA_SERIALIZER: return readObject(row, FORMAT_JAVA);
    default:
      return row.type.startsWith(SPIN_PREFIX) ? readObject(row, row.type.slice(SPIN_PREFIX.length)) : readOpaque(row);
  }
}
