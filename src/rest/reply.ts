import type { Request, Response } from 'express';
import type { ProcessEngine } from '../api.js';

/** What a handler answers: JSON by default, or raw bytes with their own content type. */
export interface Reply {
  status: number;
  body?: unknown;
  /** Raw payload (binary variable data, resource data, plain text). */
  raw?: Buffer;
  contentType?: string;
  headers?: Record<string, string>;
}

/** Everything a handler gets for one request. */
export interface HandlerContext {
  readonly engine: ProcessEngine;
  readonly params: Readonly<Record<string, string>>;
  /** Raw query-string values (the last one wins for repeated keys). */
  readonly query: Readonly<Record<string, string>>;
  readonly body: unknown;
  readonly req: Request;
  readonly res: Response;
  /** Absolute URL of the API root this request came through, e.g. http://host/engine-rest. */
  readonly baseUrl: string;
  /** Aborted when the client goes away (long polling stops waiting). */
  readonly signal: AbortSignal;
}

export type Handler = (c: HandlerContext) => Promise<Reply>;

export const noContent = (): Reply => ({ status: 204 });
export const ok = (body: unknown): Reply => ({ status: 200, body });

/**
 * Writes a reply. JSON goes out as bytes with `Content-Type: application/json` exactly (the JS
 * external task client only parses that exact value), GETs carry `Cache-Control: no-cache`.
 */
export function sendReply(req: Request, res: Response, reply: Reply): void {
  if (req.method === 'GET') res.setHeader('Cache-Control', 'no-cache');
  for (const [name, value] of Object.entries(reply.headers ?? {})) res.setHeader(name, value);
  res.status(reply.status);
  if (reply.raw) {
    res.setHeader('Content-Type', reply.contentType ?? 'application/octet-stream');
    res.end(reply.raw);
    return;
  }
  if (reply.status === 204 || reply.body === undefined) {
    res.end();
    return;
  }
  res.setHeader('Content-Type', reply.contentType ?? 'application/json');
  res.end(Buffer.from(JSON.stringify(reply.body), 'utf8'));
}
