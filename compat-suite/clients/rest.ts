import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import type { Json, JsonObject } from '../lib/types.js';

/** A non-2xx answer from the engine, with Camunda's error body when there is one. */
export class RestCallError extends Error {
  constructor(readonly status: number, readonly body: string, readonly call: string) {
    super(`${call} → ${status} ${body.length > 400 ? `${body.slice(0, 397)}...` : body}`);
  }
}

/** Options of the REST helper. */
export interface RestClientOptions {
  /** Per-request timeout (the Modeler uses 5 s). */
  timeoutMs?: number;
  /** Headers on every request, e.g. `accept: application/json` like the Modeler. */
  headers?: Record<string, string>;
  /** Called after each request with a call-type label and its duration (the benchmark's hook). */
  onTiming?: (label: string, ms: number) => void;
}

/** A file to deploy. */
export interface DeployFile {
  /** Part name and filename, e.g. `diagram_1.bpmn`. */
  name: string;
  path: string;
}

/** A minimal Camunda REST client over fetch, for scenarios and the benchmark. */
export class RestClient {
  constructor(readonly baseUrl: string, private readonly options: RestClientOptions = {}) {}

  /** Sends a request and returns status and body; never throws for HTTP errors. */
  async raw(method: string, path: string, body?: Json | FormData, label = `${method} ${path}`): Promise<{ status: number; text: string; contentType: string | null; bytes: Buffer }> {
    const headers = new Headers(this.options.headers ?? {});
    let payload: string | FormData | undefined;
    if (body instanceof FormData) payload = body;
    else if (body !== undefined) {
      payload = JSON.stringify(body);
      headers.set('content-type', 'application/json');
    }
    const started = performance.now();
    const response = await fetch(`${this.baseUrl}${path}`, {
      method, headers, ...(payload === undefined ? {} : { body: payload }),
      signal: AbortSignal.timeout(this.options.timeoutMs ?? 30_000),
    });
    const bytes = Buffer.from(await response.arrayBuffer());
    this.options.onTiming?.(label, performance.now() - started);
    return { status: response.status, text: bytes.toString('utf8'), contentType: response.headers.get('content-type'), bytes };
  }

  /** Sends a request and parses the JSON answer; throws RestCallError for non-2xx answers. */
  async call(method: string, path: string, body?: Json | FormData, label?: string): Promise<Json> {
    const response = await this.raw(method, path, body, label);
    if (response.status < 200 || response.status > 299) throw new RestCallError(response.status, response.text, `${method} ${path}`);
    return response.text === '' ? null : JSON.parse(response.text) as Json;
  }

  get(path: string, label?: string): Promise<Json> {
    return this.call('GET', path, undefined, label);
  }

  post(path: string, body?: Json, label?: string): Promise<Json> {
    return this.call('POST', path, body, label);
  }

  /** Deploys files the way the Camunda Modeler does (duplicate filtering on, source "Camunda Modeler"). */
  async deploy(name: string, files: readonly DeployFile[], source = 'Camunda Modeler'): Promise<JsonObject> {
    const form = new FormData();
    form.append('deployment-name', name);
    form.append('deployment-source', source);
    form.append('enable-duplicate-filtering', 'true');
    for (const file of files) {
      form.append(file.name, new Blob([await readFile(file.path)], { type: 'text/xml' }), basename(file.name));
    }
    return asObject(await this.call('POST', '/deployment/create', form, 'POST /deployment/create'), 'deployment');
  }
}

/** Narrows a JSON value to an object (or throws with the value). */
export function asObject(value: Json | undefined, what: string): JsonObject {
  if (value === null || value === undefined || typeof value !== 'object' || Array.isArray(value)) {
    throw new Error(`${what}: expected a JSON object, got ${JSON.stringify(value)}`);
  }
  return value;
}

/** Narrows a JSON value to an array of objects (or throws with the value). */
export function asObjects(value: Json | undefined, what: string): JsonObject[] {
  if (!Array.isArray(value)) throw new Error(`${what}: expected a JSON array, got ${JSON.stringify(value)}`);
  return value.map((item, i) => asObject(item, `${what}[${i}]`));
}

/** Reads a string field (or throws). */
export function str(object: JsonObject, field: string): string {
  const value = object[field];
  if (typeof value !== 'string') throw new Error(`expected string field '${field}' in ${JSON.stringify(object)}`);
  return value;
}

/** The first process definition of a deployment response (what the Modeler keeps). */
export function firstDefinition(deployment: JsonObject): JsonObject | null {
  const map = deployment['deployedProcessDefinitions'];
  if (map === null || map === undefined || typeof map !== 'object' || Array.isArray(map)) return null;
  const first = Object.values(map)[0];
  return first === undefined ? null : asObject(first, 'deployedProcessDefinitions');
}
