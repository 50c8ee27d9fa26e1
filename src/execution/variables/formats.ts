/**
 * Camunda's serialization data formats (`Variables.SerializationDataFormats`) and the value-info
 * keys of its value types (`FileValueType`, `SerializableValueType`, `ValueType`).
 */

/** Spin JSON: the format m8flow reads and writes natively. */
export const FORMAT_JSON = 'application/json';
/** Spin XML: kept as opaque serialized text. */
export const FORMAT_XML = 'application/xml';
/** Java serialization: kept as opaque bytes (base64 on the wire), never deserialized. */
export const FORMAT_JAVA = 'application/x-java-serialized-object';

/** valueInfo keys, spelled as Camunda spells them. */
export const INFO_FILENAME = 'filename';
export const INFO_MIME_TYPE = 'mimeType';
export const INFO_ENCODING = 'encoding';
export const INFO_OBJECT_TYPE_NAME = 'objectTypeName';
export const INFO_SERIALIZATION_DATA_FORMAT = 'serializationDataFormat';
export const INFO_TRANSIENT = 'transient';

/** A string valueInfo entry, or null when absent or not a string. */
export function infoString(info: Readonly<Record<string, unknown>>, key: string): string | null {
  const value = info[key];
  return typeof value === 'string' ? value : null;
}
