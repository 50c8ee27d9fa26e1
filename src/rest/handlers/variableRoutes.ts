import type { StoredVariable } from '../../api.js';
import { typedValueFromDto, typedValuesFromDtos } from '../../api.js';
import { typedValueToDto } from '../../api.js';
import type { TypedValue } from '../../api.js';
import { restError } from '../errors.js';
import type { Handler, HandlerContext } from '../reply.js';
import { noContent, ok } from '../reply.js';
import { binaryReply } from './variables/binary.js';
import { engineFailure, modificationsFailure, putFailure } from './variables/errors.js';
import { booleanParam, patchBody, putBody } from './variables/requestBody.js';
import { variableResource, type VariableResource, type VariableResourceKind } from './variables/resources.js';
import { binaryUpload } from './variables/upload.js';

export type { VariableResourceKind } from './variables/resources.js';

function idOf(c: HandlerContext): string {
  return c.params['id'] ?? '';
}

function nameOf(c: HandlerContext): string {
  return c.params['varName'] ?? '';
}

/**
 * `getTypedValueForVariable`: engine failures → 500 RestException "Cannot get <type> variable
 * <name>: …"; no such variable → 404 InvalidRequestException "<type> variable with name <name>
 * does not exist".
 */
async function requireVariable(r: VariableResource, c: HandlerContext): Promise<StoredVariable> {
  const name = nameOf(c);
  const found = await r.get(c.engine, idOf(c), name).catch(engineFailure(`Cannot get ${r.typeName} variable ${name}`));
  if (!found) throw restError(404, `${r.typeName} variable with name ${name} does not exist`, 'InvalidRequestException');
  return found;
}

/** GET …/variables: engine errors (unknown instance/task) pass through unwrapped, as in Camunda. */
function list(r: VariableResource): Handler {
  return async (c) => {
    const variables = await r.list(c.engine, idOf(c));
    const options = { deserializeValues: booleanParam(c.query, 'deserializeValues') };
    return ok(Object.fromEntries(variables.map((v) => [v.name, typedValueToDto(v.value, options)])));
  };
}

function get(r: VariableResource): Handler {
  return async (c) => {
    const found = await requireVariable(r, c);
    return ok(typedValueToDto(found.value, { deserializeValues: booleanParam(c.query, 'deserializeValue') }));
  };
}

/** GET …/variables/{name}/data: the variable read without deserialization, then VariableResponseProvider. */
function getBinary(r: VariableResource): Handler {
  return async (c) => binaryReply((await requireVariable(r, c)).value, idOf(c));
}

function put(r: VariableResource): Handler {
  return async (c) => {
    const name = nameOf(c);
    const dto = putBody(c);
    const fail = putFailure(r.typeName, name);
    let value: TypedValue;
    try {
      value = typedValueFromDto(dto);
    } catch (error) {
      return fail(error);
    }
    await r.modify(c.engine, idOf(c), { modifications: new Map([[name, value]]), deletions: [] }).catch(fail);
    return noContent();
  };
}

function remove(r: VariableResource): Handler {
  return async (c) => {
    const name = nameOf(c);
    await r.remove(c.engine, idOf(c), name).catch(engineFailure(`Cannot delete ${r.typeName} variable ${name}`));
    return noContent();
  };
}

/** POST …/variables: conversion errors keep their status; engine errors become 500 naming the resource id. */
function modify(r: VariableResource): Handler {
  return async (c) => {
    const id = idOf(c);
    const body = patchBody(c);
    let modifications: Map<string, TypedValue>;
    try {
      modifications = typedValuesFromDtos(body.modifications) ?? new Map();
    } catch (error) {
      return modificationsFailure(r.typeName)(error);
    }
    await r.modify(c.engine, id, { modifications, deletions: body.deletions })
      .catch(engineFailure(`Cannot modify variables for ${r.typeName} ${id}`));
    return noContent();
  };
}

/**
 * Variable routes (list, modify, get, put, delete, binary data) for one resource kind, keyed by
 * Camunda's operationIds; they follow engine-rest's `AbstractVariablesResource`.
 */
export function variableHandlers(kind: VariableResourceKind): Record<string, Handler> {
  const r = variableResource(kind);
  const ops = r.operations;
  return {
    [ops.list]: list(r),
    [ops.modify]: modify(r),
    [ops.get]: get(r),
    [ops.put]: put(r),
    [ops.delete]: remove(r),
    [ops.getBinary]: getBinary(r),
    [ops.setBinary]: async (c) => {
      await binaryUpload(r, c, idOf(c), nameOf(c));
      return noContent();
    },
  };
}
