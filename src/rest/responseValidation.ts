import type { OpenAPIBackend, Operation } from 'openapi-backend';
import type { Reply } from './reply.js';

/**
 * Checks replies against the contract's response schemas (used by the test suite; off in
 * production). A mismatch turns the reply into a 500 that names the problem, so tests fail.
 */
export class ResponseValidator {
  constructor(private readonly router: OpenAPIBackend) {}

  check(operation: Operation, reply: Reply): Reply {
    if (reply.raw || reply.body === undefined || reply.status === 501) return reply;
    const result = this.router.validateResponse(JSON.parse(JSON.stringify(reply.body)) as unknown, operation, reply.status);
    if (!result.errors || result.errors.length === 0) return reply;
    return {
      status: 500,
      body: {
        type: 'ResponseValidationError',
        message: `Response of ${operation.operationId ?? '?'} (${reply.status}) does not match the contract: ${JSON.stringify(result.errors.slice(0, 5))}`,
        code: null,
        original: reply.body,
      },
    };
  }
}
