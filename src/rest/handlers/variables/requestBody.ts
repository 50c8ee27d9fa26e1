import type { VariableValueDto } from '../../../api.js';
import { restError } from '../../errors.js';
import type { HandlerContext } from '../../reply.js';
import { nullPointer } from './errors.js';

type Json = Record<string, unknown>;

/** Jackson's JsonMappingException as engine-rest maps it: 400 InvalidRequestException, empty message. */
function mappingError(): Error {
  return restError(400, '', 'InvalidRequestException');
}

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * JAX-RS `@Consumes(APPLICATION_JSON)`: a request that names another content type is refused with
 * 415 before the resource runs (a request without one is accepted).
 */
export function requireJson(c: HandlerContext): void {
  if (c.req.headers['content-type'] !== undefined && !c.req.is(['application/json', 'application/*+json'])) {
    throw restError(415, 'HTTP 415 Unsupported Media Type', 'NotSupportedException');
  }
}

/** A `VariableValueDto` as Jackson binds it: `type` is text, `valueInfo` an object or null. */
function variableDto(raw: unknown): VariableValueDto | null {
  if (raw === null) return null;
  if (!isObject(raw)) throw mappingError();
  const type = raw['type'];
  const valueInfo = raw['valueInfo'];
  if (isObject(type) || Array.isArray(type)) throw mappingError();
  if (valueInfo !== undefined && valueInfo !== null && !isObject(valueInfo)) throw mappingError();
  return {
    value: raw['value'], type: type === undefined || type === null ? null : String(type),
    valueInfo: (valueInfo ?? null) as Json | null,
  };
}

/** The body of a PUT …/variables/{name}; an absent body is the resource dereferencing null. */
export function putBody(c: HandlerContext): VariableValueDto {
  requireJson(c);
  const dto = c.body === undefined ? null : variableDto(c.body);
  if (dto === null) throw nullPointer('the VariableValueDto');
  return dto;
}

/** Camunda's `PatchVariablesDto`: `modifications` (name → VariableValueDto) and `deletions` (names). */
export interface PatchBody {
  modifications: Record<string, VariableValueDto | null> | null;
  deletions: string[];
}

function deletionsOf(raw: unknown): string[] {
  if (raw === undefined || raw === null) return [];
  if (!Array.isArray(raw)) throw mappingError();
  return raw.map((name) => {
    if (typeof name === 'string') return name;
    if (typeof name === 'number' || typeof name === 'boolean') return String(name);
    throw mappingError();
  });
}

/** The body of a POST …/variables (modify); unknown properties such as `workerId` are ignored. */
export function patchBody(c: HandlerContext): PatchBody {
  requireJson(c);
  if (c.body === undefined || c.body === null) throw nullPointer('the PatchVariablesDto');
  if (!isObject(c.body)) throw mappingError();
  const raw = c.body['modifications'];
  if (raw !== undefined && raw !== null && !isObject(raw)) throw mappingError();
  const modifications = raw ? Object.fromEntries(Object.entries(raw).map(([name, dto]) => [name, variableDto(dto)])) : null;
  return { modifications, deletions: deletionsOf(c.body['deletions']) };
}

/**
 * A JAX-RS `@QueryParam @DefaultValue("true") boolean`: absent → true, otherwise
 * `Boolean.valueOf` (only "true", in any case, is true).
 */
export function booleanParam(query: Readonly<Record<string, string>>, name: string): boolean {
  const raw = query[name];
  return raw === undefined ? true : raw.toLowerCase() === 'true';
}
