import { catalogue, type ErrorName, type ErrorSpec } from './catalogue.js';

/** A problem found while parsing a deployed resource (Camunda's `Problem` / `ProblemDto`). */
export interface ParseProblem {
  message: string;
  line: number;
  column: number;
  mainElementId: string | null;
  elementIds: string[];
}

/** Per-resource parse report (Camunda's `ResourceReportDto`). */
export interface ResourceReport {
  errors: ParseProblem[];
  warnings: ParseProblem[];
}

export interface EngineErrorOptions {
  cause?: unknown;
  /** Overrides the catalogue status, as Camunda resources do when they wrap an exception. */
  status?: number;
  /** For ParseException: reports keyed by resource name. */
  details?: Record<string, ResourceReport>;
}

/**
 * The one error class the engine throws for expected failures. Its catalogue entry fixes the
 * Camunda exception name, HTTP status and code, so the REST layer maps it without guessing.
 */
export class EngineError extends Error {
  readonly spec: ErrorSpec;
  readonly status: number;
  readonly details: Record<string, ResourceReport> | undefined;

  constructor(spec: ErrorSpec | ErrorName, message: string, options: EngineErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.spec = typeof spec === 'string' ? catalogue[spec] : spec;
    this.name = this.spec.type;
    this.status = options.status ?? this.spec.status;
    this.details = options.details;
  }

  get type(): string {
    return this.spec.type;
  }

  get code(): number | null {
    return this.spec.code;
  }

  is(name: ErrorName): boolean {
    return this.spec === catalogue[name];
  }
}

/** Shorthand: `fail('notFound', 'Cannot find task with id x')`. */
export function engineError(name: ErrorName, message: string, options?: EngineErrorOptions): EngineError {
  return new EngineError(name, message, options);
}

export function isEngineError(error: unknown, name?: ErrorName): error is EngineError {
  return error instanceof EngineError && (name === undefined || error.is(name));
}

/**
 * A BPMN error thrown by business code (script, external worker); routed to error boundary or
 * event sub-process. Deliberately not an EngineError: it is business flow, not a failure.
 */
export class BpmnError extends Error {
  constructor(readonly errorCode: string, message?: string) {
    super(message ?? errorCode);
    this.name = 'BpmnError';
  }
}
