import { EngineError } from '../../../api.js';
import { restError, wrapError } from '../../errors.js';

/** A REST-level error (Camunda's RestException / InvalidRequestException): it has no engine code. */
function isRestLevel(error: unknown): error is EngineError {
  return error instanceof EngineError && error.code === null;
}

/** An engine exception (ProcessEngineException and subclasses) other than AuthorizationException. */
function isEngineFailure(error: unknown): error is EngineError {
  return error instanceof EngineError && error.code !== null && error.type !== 'AuthorizationException';
}

/** Engine `BadUserRequestException` and its subclasses answer 400 in Camunda. */
function isBadUserRequest(error: EngineError): boolean {
  return error.status === 400;
}

/**
 * `catch (ProcessEngineException e) → new RestException(status, e, prefix + ": " + message)`; REST
 * errors, AuthorizationException and unexpected errors pass through unchanged.
 */
export function engineFailure(prefix: string, status = 500): (error: unknown) => never {
  return (error) => {
    if (isEngineFailure(error)) throw wrapError(error, status, (m) => `${prefix}: ${m}`);
    throw error;
  };
}

/**
 * `AbstractVariablesResource.putVariable`: a conversion error (RestException) becomes an
 * InvalidRequestException with its status, a BadUserRequestException a 400 RestException and any
 * other engine exception a 500 RestException, all prefixed "Cannot put <type> variable <name>".
 */
export function putFailure(typeName: string, name: string): (error: unknown) => never {
  const prefix = `Cannot put ${typeName} variable ${name}`;
  return (error) => {
    if (isRestLevel(error)) throw wrapError(error, error.status, (m) => `${prefix}: ${m}`, 'InvalidRequestException');
    if (isEngineFailure(error)) throw wrapError(error, isBadUserRequest(error) ? 400 : 500, (m) => `${prefix}: ${m}`);
    throw error;
  };
}

/** `modifyVariables`: a conversion error keeps its status, prefixed "Cannot modify variables for <type>". */
export function modificationsFailure(typeName: string): (error: unknown) => never {
  return (error) => {
    if (isRestLevel(error)) {
      throw wrapError(error, error.status, (m) => `Cannot modify variables for ${typeName}: ${m}`, 'InvalidRequestException');
    }
    throw error;
  };
}

/**
 * What the JVM answers where Camunda dereferences a missing request part (no body for a PUT or
 * POST, no `data` part): a 500 NullPointerException without an engine code.
 */
export function nullPointer(what: string): EngineError {
  return restError(500, `Cannot invoke a method on ${what} because it is null`, 'NullPointerException');
}
