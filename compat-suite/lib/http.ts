import { readFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import type { Json, MultipartPart, RequestSpec } from './types.js';

/** A response as the suite sees it: status, content type, raw text and parsed JSON (if any). */
export interface HttpResponse {
  status: number;
  contentType: string | null;
  text: string;
  /** The parsed body when it is JSON; undefined for empty or non-JSON bodies. */
  json: Json | undefined;
  durationMs: number;
}

/** How long a single request may take before the step fails. */
export const REQUEST_TIMEOUT_MS = 15_000;

/**
 * Builds a multipart body the way the Camunda Modeler does: text fields as plain parts, each
 * file as a part named after the file, with that filename and `text/xml` content type.
 */
export async function multipartBody(parts: readonly MultipartPart[], suiteDir: string): Promise<FormData> {
  const form = new FormData();
  for (const part of parts) {
    if (part.file !== undefined) {
      const bytes = await readFile(join(suiteDir, part.file));
      const blob = new Blob([bytes], { type: part.contentType ?? 'text/xml' });
      form.append(part.name, blob, part.filename ?? basename(part.file));
    } else {
      form.append(part.name, part.value ?? '');
    }
  }
  return form;
}

function parseJson(text: string, contentType: string | null): Json | undefined {
  if (text === '' || !(contentType ?? '').includes('json')) return undefined;
  try {
    return JSON.parse(text) as Json;
  } catch {
    return undefined;
  }
}

/**
 * Sends one request to `baseUrl + spec.path`. A POST without `json` or `multipart` goes out
 * with no body and no content type (how the JS external task client calls /unlock).
 */
export async function send(baseUrl: string, spec: RequestSpec, suiteDir: string): Promise<HttpResponse> {
  const headers = new Headers(spec.headers ?? {});
  let body: string | FormData | undefined;
  if (spec.json !== undefined) {
    body = JSON.stringify(spec.json);
    if (!headers.has('content-type')) headers.set('content-type', 'application/json');
  } else if (spec.multipart !== undefined) {
    body = await multipartBody(spec.multipart, suiteDir);
  }
  const started = performance.now();
  const response = await fetch(`${baseUrl}${spec.path}`, {
    method: spec.method, headers, ...(body === undefined ? {} : { body }), signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
  });
  const text = await response.text();
  const contentType = response.headers.get('content-type');
  return {
    status: response.status, contentType, text, json: parseJson(text, contentType),
    durationMs: performance.now() - started,
  };
}
