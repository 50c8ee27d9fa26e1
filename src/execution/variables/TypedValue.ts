import type { StoredValue } from '../../persistence/ports/entities.js';

/**
 * Camunda's typed variable values. `type` is the canonical REST type name; `value` is the
 * in-memory form below (scripts and EL see `scriptValueOf(value)`, see plain.ts):
 *
 * | type    | value                                  | valueInfo                                    |
 * |---------|----------------------------------------|----------------------------------------------|
 * | String  | string                                 |                                              |
 * | Boolean | boolean                                |                                              |
 * | Short, Integer, Long, Double | number         |                                              |
 * | Date    | Date                                   |                                              |
 * | Null    | null                                   |                                              |
 * | Bytes   | Buffer                                 |                                              |
 * | File    | Buffer (content)                       | filename, mimeType, encoding                 |
 * | Json    | string (serialized JSON)               |                                              |
 * | Xml     | string (serialized XML)                |                                              |
 * | Object  | string (serialized form)               | objectTypeName, serializationDataFormat      |
 *
 * Any type may hold `null` (Camunda keeps e.g. an `Integer` variable whose value is null). The
 * Object value is always the serialized text: JSON/XML text for the Spin formats, base64 of the
 * bytes for `application/x-java-serialized-object`. Only keys with a non-null value appear in
 * `valueInfo` (as in Camunda's `getValueInfo`); `transient` is kept in its own field.
 */
export type ValueTypeName =
  | 'String' | 'Boolean' | 'Short' | 'Integer' | 'Long' | 'Double' | 'Date' | 'Null'
  | 'Bytes' | 'File' | 'Json' | 'Xml' | 'Object';

/** Every value type a variable can have, in REST spelling. */
export const VALUE_TYPES: readonly ValueTypeName[] = [
  'String', 'Boolean', 'Short', 'Integer', 'Long', 'Double', 'Date', 'Null',
  'Bytes', 'File', 'Json', 'Xml', 'Object',
];

/** A variable value with its Camunda value type (Camunda's `TypedValue`). */
export interface TypedValue {
  type: ValueTypeName;
  value: unknown;
  valueInfo: Record<string, unknown>;
  /** Transient values live only for the current command and are never stored. */
  transient: boolean;
  /**
   * Set only for a stored row whose serializer m8flow does not know (a Camunda plug-in type). The
   * value is then shown as an opaque `Object` and the row is written back unchanged.
   */
  opaque?: StoredValue;
}

/** REST `VariableValueDto`: `{value, type, valueInfo}` as clients send and read it. */
export interface VariableValueDto {
  value?: unknown;
  type?: string | null;
  valueInfo?: Record<string, unknown> | null;
}
