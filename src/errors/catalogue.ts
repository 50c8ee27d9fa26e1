/**
 * Every error the engine and its REST layer raise, with the Camunda exception name that clients
 * see in `type`, the HTTP status Camunda's `ExceptionHandlerHelper` gives it, and Camunda's
 * numeric `code` (`BuiltinExceptionCode`: 0 fallback, 1 optimistic locking; null for REST-level
 * exceptions that carry no engine cause). `id` is our stable code for logs.
 */
export interface ErrorSpec {
  readonly id: string;
  readonly type: string;
  readonly status: number;
  readonly code: number | null;
}

function spec(id: string, type: string, status: number, code: number | null): ErrorSpec {
  return Object.freeze({ id, type, status, code });
}

export const catalogue = {
  /** REST `InvalidRequestException` with 404: a resource addressed by id does not exist. */
  restNotFound: spec('M8-00404', 'InvalidRequestException', 404, null),
  /** REST `InvalidRequestException` with 404 wrapping an engine exception (hence code 0). */
  restNotFoundFromEngine: spec('M8-00406', 'InvalidRequestException', 404, 0),
  /** REST `RestException` with 404: a resource addressed by key does not exist. */
  restExceptionNotFound: spec('M8-00405', 'RestException', 404, null),
  /** REST `InvalidRequestException` with 400: a parameter or body cannot be used. */
  invalidRequest: spec('M8-00400', 'InvalidRequestException', 400, null),
  /** REST `RestException`: an engine failure wrapped by a resource with its own message. */
  restException: spec('M8-00500', 'RestException', 500, null),
  /** Operation in the contract that m8flow does not serve yet. */
  notImplemented: spec('M8-00501', 'NotImplementedException', 501, null),
  /** Request body over the configured size limit. */
  payloadTooLarge: spec('M8-00413', 'InvalidRequestException', 413, null),
  /** Media type the operation does not accept. */
  unsupportedMediaType: spec('M8-00415', 'InvalidRequestException', 415, null),

  processEngine: spec('M8-01000', 'ProcessEngineException', 500, 0),
  badUserRequest: spec('M8-01001', 'BadUserRequestException', 400, 0),
  /** Engine `NotFoundException` (a `BadUserRequestException`, hence 400 unless a resource maps it). */
  notFound: spec('M8-01002', 'NotFoundException', 400, 0),
  nullValue: spec('M8-01003', 'NullValueException', 500, 0),
  notValid: spec('M8-01004', 'NotValidException', 400, 0),
  optimisticLocking: spec('M8-01005', 'OptimisticLockingException', 500, 1),
  taskAlreadyClaimed: spec('M8-01006', 'TaskAlreadyClaimedException', 500, 0),
  suspendedEntity: spec('M8-01007', 'SuspendedEntityInteractionException', 500, 0),
  authorization: spec('M8-01008', 'AuthorizationException', 403, 0),
  authentication: spec('M8-01009', 'AuthenticationException', 401, 0),

  /** ENGINE-09005: a BPMN resource could not be parsed; carries per-resource details. */
  parse: spec('M8-02000', 'ParseException', 400, 0),
  /** A deployment resource of a kind m8flow cannot deploy (e.g. CMMN). */
  unsupportedResource: spec('M8-02001', 'ProcessEngineException', 500, 0),

  expressionEvaluation: spec('M8-03000', 'ProcessEngineException', 500, 0),
  scriptEvaluation: spec('M8-03001', 'ScriptEvaluationException', 500, 0),
  scriptCompilation: spec('M8-03002', 'ScriptCompilationException', 500, 0),
  /** ENGINE-02004: no outgoing sequence flow of an exclusive gateway could be selected. */
  noOutgoingFlow: spec('M8-03003', 'ProcessEngineException', 500, 0),

  /** A variable value does not fit its declared type. */
  variableType: spec('M8-04000', 'InvalidRequestException', 400, null),
} as const satisfies Record<string, ErrorSpec>;

export type ErrorName = keyof typeof catalogue;
