import { EngineError } from '../api.js';
import { catalogue } from '../api.js';
import type { Reply } from './reply.js';

/** Camunda's ExceptionDto (plus `details` for ParseExceptionDto). */
export interface ExceptionBody {
  type: string;
  message: string;
  code: number | null;
  details?: unknown;
}

/** A REST-level error with its own status, like Camunda's InvalidRequestException / RestException. */
export function restError(status: number, message: string, type = 'InvalidRequestException', code: number | null = null): EngineError {
  const spec = { ...catalogue.invalidRequest, type, status, code };
  return new EngineError(spec, message, { status });
}

/**
 * Wraps an engine error the way a Camunda resource does (`new RestException(status, e, message)`):
 * the type becomes RestException, the code stays the engine error's code.
 */
export function wrapError(error: unknown, status: number, message: (cause: string) => string, type = 'RestException'): unknown {
  if (!(error instanceof EngineError)) return error;
  const spec = { ...error.spec, type, status };
  return new EngineError(spec, message(error.message), { status, cause: error });
}

/** Maps any error to Camunda's status and body; unexpected errors become a 500 ProcessEngineException. */
export function errorReply(error: unknown): Reply {
  if (error instanceof EngineError) {
    const body: ExceptionBody = { type: error.type, message: error.message, code: error.code };
    if (error.details) body.details = error.details;
    return { status: error.status, body };
  }
  const message = error instanceof Error ? error.message : String(error);
  return { status: 500, body: { type: 'ProcessEngineException', message, code: 0 } };
}
