/**
 * Evaluation failures and their translation into Camunda 7's messages (JuelExpression.getValue):
 * a property problem reads "Unknown property used in expression: ${…}. Cause: …", a method problem
 * "Unknown method used in expression: …", any other EL failure "Error while evaluating expression:
 * …", and an exception thrown by invoked code is reported as that exception itself.
 */
import { BpmnError, EngineError } from '../../errors/EngineError.js';

/**
 * Which JUEL exception a failure stands for: `property` (PropertyNotFoundException), `method`
 * (MethodNotFoundException), `evaluation` (ELException without cause, or a plain runtime error
 * such as division by zero) and `invocation` (an exception thrown by an invoked method).
 */
export type ElFaultKind = 'property' | 'method' | 'evaluation' | 'invocation';

/** Internal failure raised while evaluating; turned into an EngineError by `toEngineError`. */
export class ElFault extends Error {
  constructor(readonly kind: ElFaultKind, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'ElFault';
  }
}

/** Shorthand for a PropertyNotFoundException-like failure. */
export function propertyFault(message: string): ElFault {
  return new ElFault('property', message);
}

/** Shorthand for a MethodNotFoundException-like failure. */
export function methodFault(message: string): ElFault {
  return new ElFault('method', message);
}

/** Shorthand for an ELException-like failure (coercion, comparison, negation, bad index). */
export function evaluationFault(message: string): ElFault {
  return new ElFault('evaluation', message);
}

/**
 * A Java exception thrown inside an allow-listed method (e.g. `list.get(9)`); Camunda reports it as
 * `Throwable.toString()`, e.g. "java.lang.IndexOutOfBoundsException: Index 9 out of bounds for length 2".
 */
export function javaException(className: string, message: string): ElFault {
  return new ElFault('invocation', `${className}: ${message}`);
}

/**
 * Wraps an error thrown by a bean method, function or resolver. Engine errors and BPMN errors pass
 * through untouched (they are business flow or already carry a catalogue entry); anything else is
 * reported as its `toString()` (`Error: boom`), mirroring `new ProcessEngineException(cause)`.
 */
export function invocationFault(error: unknown): Error {
  if (error instanceof EngineError || error instanceof BpmnError || error instanceof ElFault) return error;
  return new ElFault('invocation', String(error), { cause: error });
}

function withCause(message: string, cause: unknown): EngineError {
  return new EngineError('expressionEvaluation', message, { cause });
}

/** Translates any failure during evaluation of `text` into the error the engine throws. */
export function toEngineError(error: unknown, text: string): Error {
  if (error instanceof EngineError || error instanceof BpmnError) return error;
  if (!(error instanceof ElFault)) {
    const detail = error instanceof Error ? error.message : String(error);
    return withCause(`Error while evaluating expression: ${text}. Cause: ${detail}`, error);
  }
  switch (error.kind) {
    case 'property':
      return withCause(`Unknown property used in expression: ${text}. Cause: ${error.message}`, error);
    case 'method':
      return withCause(`Unknown method used in expression: ${text}. Cause: ${error.message}`, error);
    case 'evaluation':
      return withCause(`Error while evaluating expression: ${text}. Cause: ${error.message}`, error);
    case 'invocation':
      return withCause(error.message, error.cause ?? error);
  }
}
