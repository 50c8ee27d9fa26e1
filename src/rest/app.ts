import express, { type NextFunction, type Request, type Response } from 'express';
import type { OpenAPIBackend } from 'openapi-backend';
import type { ProcessEngine } from '../api.js';
import { errorReply, restError } from './errors.js';
import { HANDLERS } from './handlers/index.js';
import { createRouter, loadContract } from './openapi.js';
import { sendReply, type HandlerContext, type Reply } from './reply.js';
import { ResponseValidator } from './responseValidation.js';
import { RouteTable } from './routeTable.js';

export interface AppOptions {
  /** Largest accepted request body (JSON and multipart), e.g. '10mb'. */
  bodyLimit?: string;
  /** Validate every response against the contract and fail loudly when one does not match (tests). */
  validateResponses?: boolean;
}

const ROOTS = ['/engine-rest/engine/:engineName', '/engine-rest'];

function flatQuery(query: Request['query']): Record<string, string> {
  const result: Record<string, string> = {};
  for (const [key, value] of Object.entries(query)) {
    const last = Array.isArray(value) ? value[value.length - 1] : value;
    if (typeof last === 'string') result[key] = last;
  }
  return result;
}

function notImplemented(operationId: string): Reply {
  return errorReply(restError(501, `The operation '${operationId}' is not implemented by m8flow yet`, 'NotImplementedException'));
}

/**
 * The Camunda-compatible REST API: `/engine-rest` and `/engine-rest/engine/default`, routed by
 * the contract and served by one handler per operationId.
 */
export async function createApp(engine: ProcessEngine, options: AppOptions = {}): Promise<express.Express> {
  const router = await createRouter();
  const routes = new RouteTable(loadContract());
  const validator = options.validateResponses ? new ResponseValidator(router) : undefined;
  const app = express();
  app.disable('x-powered-by');
  app.set('query parser', 'simple');
  const limit = options.bodyLimit ?? '10mb';
  app.use(express.json({ limit, type: ['application/json', 'application/*+json'], strict: false }));
  app.use(express.text({ limit, type: ['text/plain'] }));
  for (const root of ROOTS) {
    app.all(`${root}/*path`, (req, res, next) => {
      dispatch(engine, router, routes, validator, req, res).catch(next);
    });
    app.all(root, (req, res, next) => {
      dispatch(engine, router, routes, validator, req, res).catch(next);
    });
  }
  app.use((error: unknown, req: Request, res: Response, next: NextFunction) => {
    void next;
    sendReply(req, res, errorReply(bodyError(error)));
  });
  return app;
}

function bodyError(error: unknown): unknown {
  const e = error as { type?: string; status?: number; message?: string };
  if (e?.type === 'entity.parse.failed') return restError(400, `Cannot parse request body: ${e.message ?? ''}`, 'InvalidRequestException');
  if (e?.type === 'entity.too.large') return restError(413, 'Request body exceeds the configured size limit', 'InvalidRequestException');
  return error;
}

const METHODS = ['GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS', 'HEAD'];

/** No operation for this method and path: 405 with `Allow` when the path exists (as JAX-RS answers), else 404. */
function unmatched(routes: RouteTable, method: string, path: string): Reply {
  const allowed = METHODS.filter((m) => m !== method && routes.methodsFor(path).includes(m));
  if (allowed.length === 0) return errorReply(restError(404, `No resource found at ${method} ${path}`, 'NotFoundException'));
  const reply = errorReply(restError(405, `No resource method found for ${method}, return 405 with Allow header`, 'NotAllowedException'));
  return { ...reply, headers: { Allow: allowed.join(', ') } };
}

async function dispatch(engine: ProcessEngine, router: OpenAPIBackend, routes: RouteTable,
  validator: ResponseValidator | undefined, req: Request, res: Response): Promise<void> {
  const engineName = req.params['engineName'];
  if (engineName !== undefined && engineName !== 'default') {
    sendReply(req, res, errorReply(restError(400, 'No process engine available')));
    return;
  }
  const prefix = engineName === undefined ? '/engine-rest' : `/engine-rest/engine/${engineName}`;
  const path = req.path.slice(prefix.length) || '/';
  // JAX-RS answers HEAD with the GET resource, without a body (Express drops it).
  const method = req.method === 'HEAD' ? 'GET' : req.method;
  const match = routes.match(method, path);
  const operation = match ? router.getOperation(match.operationId) : undefined;
  if (!match || !operation) {
    sendReply(req, res, unmatched(routes, method, path));
    return;
  }
  const handler = HANDLERS[match.operationId];
  const controller = new AbortController();
  res.on('close', () => controller.abort());
  let reply: Reply;
  if (!handler) {
    reply = notImplemented(operation.operationId ?? `${method} ${path}`);
  } else {
    const context: HandlerContext = {
      engine, params: match.params,
      query: flatQuery(req.query), body: req.body as unknown, req, res,
      baseUrl: `${req.protocol}://${req.get('host') ?? 'localhost'}${prefix}`, signal: controller.signal,
    };
    reply = await handler(context).catch((error: unknown) => errorReply(error));
  }
  if (validator) reply = validator.check(operation, reply);
  if (!res.writableEnded) sendReply(req, res, reply);
}
