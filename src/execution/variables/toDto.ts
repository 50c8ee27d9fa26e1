import { formatDate } from '../../util/dates.js';
import {
  FORMAT_JSON, INFO_ENCODING, INFO_FILENAME, INFO_MIME_TYPE, INFO_OBJECT_TYPE_NAME,
  INFO_SERIALIZATION_DATA_FORMAT, INFO_TRANSIENT, infoString,
} from './formats.js';
import type { TypedValue } from './TypedValue.js';

/** A variable as Camunda's REST API returns it: all three keys always present. */
export interface VariableValueResponseDto {
  type: string;
  value: unknown;
  valueInfo: Record<string, unknown>;
}

/** How values are rendered, matching the query parameters and fetch modes of the REST routes. */
export interface ToDtoOptions {
  /**
   * `deserializeValues` / `deserializeValue` (default true): an Object in `application/json` is
   * returned as the parsed JSON value instead of its serialized string.
   */
  deserializeValues?: boolean;
  /**
   * Whether Bytes content was fetched (default true). Camunda's variable-instance and history
   * queries disable binary fetching, so their Bytes values are null; runtime variable maps and
   * fetchAndLock return the content as base64.
   */
  includeBinary?: boolean;
}

function pick(info: Readonly<Record<string, unknown>>, keys: readonly string[]): Record<string, unknown> {
  const result: Record<string, unknown> = {};
  for (const key of keys) {
    const value = info[key];
    if (value !== null && value !== undefined) result[key] = value;
  }
  return result;
}

/** `ValueType.getValueInfo`: File and Object carry their metadata, every type its transient flag. */
function valueInfoOf(value: TypedValue): Record<string, unknown> {
  let info: Record<string, unknown> = {};
  if (value.type === 'File') {
    info = { [INFO_FILENAME]: value.valueInfo[INFO_FILENAME] ?? null,
      ...pick(value.valueInfo, [INFO_MIME_TYPE, INFO_ENCODING]) };
  } else if (value.type === 'Object') {
    info = pick(value.valueInfo, [INFO_SERIALIZATION_DATA_FORMAT, INFO_OBJECT_TYPE_NAME]);
  }
  if (value.transient) info[INFO_TRANSIENT] = true;
  return info;
}

/** Jackson writes non-finite doubles as the strings "NaN", "Infinity" and "-Infinity". */
function doubleValue(n: unknown): unknown {
  return typeof n === 'number' && !Number.isFinite(n) ? String(n) : n;
}

function objectValue(value: TypedValue, deserialize: boolean): unknown {
  const serialized = value.value;
  if (!deserialize || typeof serialized !== 'string') return serialized ?? null;
  if (infoString(value.valueInfo, INFO_SERIALIZATION_DATA_FORMAT) !== FORMAT_JSON) return serialized;
  try {
    return JSON.parse(serialized) as unknown;
  } catch {
    // Camunda would fail the whole request here; we degrade to the stored text instead.
    return serialized;
  }
}

function wireValue(value: TypedValue, options: ToDtoOptions): unknown {
  const v = value.value;
  switch (value.type) {
    case 'Date': return v instanceof Date ? formatDate(v) : null;
    case 'Bytes': return options.includeBinary !== false && v instanceof Uint8Array ? Buffer.from(v).toString('base64') : null;
    case 'File': return null;
    case 'Double': return doubleValue(v);
    case 'Object': return objectValue(value, options.deserializeValues !== false);
    default: return v ?? null;
  }
}

/**
 * TypedValue → REST `VariableValueDto`, following engine-rest's `VariableValueDto.fromTypedValue`:
 * `type` in REST spelling, `valueInfo` `{}` for primitives, Json and Xml (plus `transient: true`
 * for transient values), File `{filename, mimeType?, encoding?}` and Object
 * `{objectTypeName?, serializationDataFormat?}`. Values: Date in the wire format, Bytes as base64
 * (see {@link ToDtoOptions.includeBinary}), File always null (fetched via the `/data` routes),
 * Json/Xml as their serialized strings, Object serialized or (deserializeValues, JSON format)
 * parsed. Java-serialized and XML objects stay serialized: m8flow has no Java classes to map them
 * to, where Camunda would return the deserialized object's bean properties.
 */
export function typedValueToDto(value: TypedValue, options: ToDtoOptions = {}): VariableValueResponseDto {
  return { type: value.type, value: wireValue(value, options), valueInfo: valueInfoOf(value) };
}

/** `VariableValueDto.fromMap`: named typed values → the REST variables object. */
export function typedValuesToDtos(
  values: ReadonlyMap<string, TypedValue> | Readonly<Record<string, TypedValue>>,
  options: ToDtoOptions = {},
): Record<string, VariableValueResponseDto> {
  const entries = values instanceof Map ? [...values.entries()] : Object.entries(values);
  // fromEntries defines own properties, so a variable named "__proto__" survives.
  return Object.fromEntries(entries.map(([name, v]) => [name, typedValueToDto(v, options)]));
}
