import type { StoredValue } from '../../persistence/ports/entities.js';
import type { TypedValue } from '../variables/TypedValue.js';

/** Conversions the runtime needs between stored rows, typed values and script/EL values. */
export interface VariableCodec {
  /** TypedValue → columns of a variable row (Camunda serializer name + value columns). */
  encode(value: TypedValue): StoredValue;
  /** Columns of a variable row → TypedValue. */
  decode(stored: StoredValue): TypedValue;
  /** The plain value expressions and scripts see. */
  toPlain(value: TypedValue): unknown;
  /** A value set by a script, expression or listener → TypedValue (Camunda's type inference). */
  fromPlain(value: unknown): TypedValue;
}
