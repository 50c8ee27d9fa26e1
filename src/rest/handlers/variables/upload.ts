import { FORMAT_JSON, INFO_OBJECT_TYPE_NAME, INFO_SERIALIZATION_DATA_FORMAT } from '../../../api.js';
import { typedValueFromFormPart } from '../../../api.js';
import type { TypedValue } from '../../../api.js';
import { restError } from '../../errors.js';
import type { HandlerContext } from '../../reply.js';
import { readFormParts, type FormPart } from './multipart.js';
import { engineFailure, nullPointer } from './errors.js';
import type { VariableResource } from './resources.js';

function setOne(r: VariableResource, c: HandlerContext, id: string, name: string, value: TypedValue): Promise<void> {
  return r.modify(c.engine, id, { modifications: new Map([[name, value]]), deletions: [] });
}

/**
 * The `type` branch of `setBinaryVariable`: `data` must be JSON (its Content-Type contains
 * application/json) and becomes an Object variable of that type name in the JSON format. Camunda
 * binds it to the Java class first; m8flow has no classes, so the JSON text is stored as given
 * (normalised). JSON `null` sets nothing; engine errors pass through unwrapped, as in Camunda.
 */
async function objectUpload(r: VariableResource, c: HandlerContext, id: string, name: string, typePart: FormPart, data: FormPart | undefined): Promise<void> {
  if (!data) throw nullPointer('the data part');
  if (!data.contentType?.toLowerCase().includes('application/json')) {
    throw restError(400, `Unrecognized content type for serialized java type: ${data.contentType ?? 'null'}`, 'InvalidRequestException');
  }
  const typeName = typePart.text?.trim() ?? '';
  let parsed: unknown;
  try {
    if (typeName === '') throw new Error('no type name given');
    parsed = JSON.parse(data.content.toString('utf8'));
  } catch (error) {
    throw restError(500, `Could not deserialize JSON object: ${(error as Error).message}`, 'InvalidRequestException');
  }
  if (parsed === null) return;
  await setOne(r, c, id, name, {
    type: 'Object', value: JSON.stringify(parsed), transient: false,
    valueInfo: { [INFO_OBJECT_TYPE_NAME]: typeName, [INFO_SERIALIZATION_DATA_FORMAT]: FORMAT_JSON },
  });
}

function valueTypeOf(parts: Map<string, FormPart>): string {
  const part = parts.get('valueType');
  if (!part) return 'Bytes';
  if (part.text === null) throw restError(400, "Form part with name 'valueType' must have a text/plain value", 'InvalidRequestException');
  return part.text;
}

/**
 * POST …/variables/{name}/data (`AbstractVariablesResource.setBinaryVariable`): multipart parts
 * `data` plus optional `valueType` (Bytes by default, or File: file name, mime type and encoding
 * from the part) or `type` (a serialized JSON object). Conversion errors (bad mime type, unknown
 * value type) pass through; engine errors become 500 "Cannot put <type> variable <name>: …".
 */
export async function binaryUpload(r: VariableResource, c: HandlerContext, id: string, name: string): Promise<void> {
  const parts = await readFormParts(c.req);
  const data = parts.get('data');
  const typePart = parts.get('type');
  if (typePart) {
    await objectUpload(r, c, id, name, typePart, data);
    return;
  }
  const valueType = valueTypeOf(parts);
  if (!data) throw nullPointer('the data part');
  const fail = engineFailure(`Cannot put ${r.typeName} variable ${name}`);
  let value: TypedValue;
  try {
    value = typedValueFromFormPart(valueType, { content: data.content, filename: data.filename, contentType: data.contentType });
  } catch (error) {
    return fail(error);
  }
  await setOne(r, c, id, name, value).catch(fail);
}
