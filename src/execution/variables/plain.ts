import { engineError } from '../../errors/EngineError.js';
import type { VariableCodec } from '../runtime/VariableCodec.js';
import { FORMAT_JSON, INFO_SERIALIZATION_DATA_FORMAT, infoString } from './formats.js';
import { inferTypedValue } from './infer.js';
import { fromStoredValue, toStoredValue } from './serializers.js';
import type { TypedValue } from './TypedValue.js';

function parseJson(text: string, type: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw engineError('processEngine',
      `Cannot deserialize ${type} value: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
}

/**
 * The value scripts and EL expressions see for a variable (Camunda: `execution.getVariable`).
 * Camunda hands out a Spin `SpinJsonNode` for Json and the deserialized Java object for Object;
 * m8flow hands out the parsed JSON for both Json and Object in `application/json`, so scripts use
 * plain property access (`order.items[0]`) instead of Spin's `prop()`. Objects in other formats
 * stay serialized strings, Xml stays a string, Bytes and File content are Buffers, Dates are
 * copies. Malformed JSON fails here, as Camunda fails when it deserializes such a value.
 */
export function scriptValueOf(value: TypedValue): unknown {
  const v = value.value;
  if (v === null || v === undefined) return null;
  switch (value.type) {
    case 'Json': return typeof v === 'string' ? parseJson(v, 'Json') : v;
    case 'Object':
      if (value.opaque || typeof v !== 'string') return v;
      return infoString(value.valueInfo, INFO_SERIALIZATION_DATA_FORMAT) === FORMAT_JSON ? parseJson(v, 'Object') : v;
    case 'Date': return v instanceof Date ? new Date(v.getTime()) : v;
    default: return v;
  }
}

/** The runtime's {@link VariableCodec} with Camunda's conversions (serializers, scripts, inference). */
export const camundaVariableCodec: VariableCodec = {
  encode: (value) => toStoredValue(value),
  decode: (stored) => fromStoredValue(stored),
  toPlain: (value) => scriptValueOf(value),
  fromPlain: (value) => inferTypedValue(value),
};
