/**
 * Camunda's typed variable values. `type` is the canonical REST type name; the in-memory `value`
 * is what expressions and scripts see:
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
 */
export type ValueTypeName =
  | 'String' | 'Boolean' | 'Short' | 'Integer' | 'Long' | 'Double' | 'Date' | 'Null'
  | 'Bytes' | 'File' | 'Json' | 'Xml' | 'Object';

export const VALUE_TYPES: readonly ValueTypeName[] = [
  'String', 'Boolean', 'Short', 'Integer', 'Long', 'Double', 'Date', 'Null',
  'Bytes', 'File', 'Json', 'Xml', 'Object',
];

export interface TypedValue {
  type: ValueTypeName;
  value: unknown;
  valueInfo: Record<string, unknown>;
  /** Transient values live only for the current command and are never stored. */
  transient: boolean;
}

/** REST `VariableValueDto`: `{value, type, valueInfo}` as clients send and read it. */
export interface VariableValueDto {
  value?: unknown;
  type?: string | null;
  valueInfo?: Record<string, unknown> | null;
}
