import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Response } from 'supertest';
import { expect } from 'vitest';
import { deployFiles, type RestFixture } from '../helpers/restApp.js';

/** A JSON object from a response body. */
export type Json = Record<string, unknown>;

/** Camunda's wire date format `yyyy-MM-dd'T'HH:mm:ss.SSSZ`. */
export const WIRE_DATE = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}[+-]\d{4}$/;

const HERE = dirname(fileURLToPath(import.meta.url));

/** Path of a `.bpmn` fixture beside the REST tests. */
export function fixture(name: string): string {
  return join(HERE, name);
}

/** Deploys fixture files (by file name) the way the Modeler does; returns the deployment body. */
export function deployFixtures(f: RestFixture, names: string[], deploymentName = 'test'): Promise<Json> {
  return deployFiles(f, names.map((name) => ({ name, path: fixture(name) })), deploymentName);
}

export function obj(res: Response): Json {
  expect(typeof res.body, `body of ${res.status} response`).toBe('object');
  return res.body as Json;
}

export function arr(res: Response): Json[] {
  expect(Array.isArray(res.body), `array body of ${res.status}: ${JSON.stringify(res.body)}`).toBe(true);
  return res.body as Json[];
}

export function field(value: Json | undefined, name: string): string {
  const result = value?.[name];
  expect(typeof result, `string field ${name} in ${JSON.stringify(value)}`).toBe('string');
  return result as string;
}

/** Asserts status and Camunda's error body `{type, message, code}`; returns the body. */
export function expectError(res: Response, status: number, type: string, message?: string | RegExp): Json {
  expect(res.status, JSON.stringify(res.body)).toBe(status);
  expect(res.headers['content-type']).toBe('application/json');
  const body = obj(res);
  expect(body['type']).toBe(type);
  expect(typeof body['message']).toBe('string');
  if (typeof message === 'string') expect(body['message']).toBe(message);
  else if (message) expect(body['message']).toMatch(message);
  return body;
}

/** Asserts a 2xx status (with the body in the failure message); returns the response. */
export function expectStatus(res: Response, status: number): Response {
  expect(res.status, JSON.stringify(res.body)).toBe(status);
  return res;
}

/** Starts the latest version of a key through REST; returns the process instance body. */
export async function startByKey(f: RestFixture, key: string, body: Json = {}): Promise<Json> {
  const res = await f.api.post(`${f.root}/process-definition/key/${key}/start`).send(body);
  expectStatus(res, 200);
  return obj(res);
}

interface ProcessOptions {
  name?: string;
  versionTag?: string;
  /** `userTask` (default) waits at `wait`; `none` goes straight to the end; `external` waits at external task `work`. */
  body?: 'userTask' | 'none' | 'external';
  /** Topic of the external task (body `external`). */
  topic?: string;
}

function processBody(options: ProcessOptions): string {
  if (options.body === 'none') return '<bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="end" />';
  const wait = options.body === 'external'
    ? `<bpmn:serviceTask id="work" camunda:type="external" camunda:topic="${options.topic ?? 'work'}" />`
    : '<bpmn:userTask id="wait" name="Wait" />';
  const waitId = options.body === 'external' ? 'work' : 'wait';
  return `<bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="${waitId}" />${wait}`
    + `<bpmn:sequenceFlow id="f2" sourceRef="${waitId}" targetRef="end" />`;
}

/** A one-process BPMN document built in code, for tests that need many small variants. */
export function processXml(key: string, options: ProcessOptions = {}): string {
  const name = options.name === undefined ? '' : ` name="${options.name}"`;
  const tag = options.versionTag === undefined ? '' : ` camunda:versionTag="${options.versionTag}"`;
  const middle = processBody(options);
  return `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="defs_${key}" targetNamespace="http://m8flow.test/${key}">
  <bpmn:process id="${key}"${name}${tag} isExecutable="true">
    <bpmn:startEvent id="start" />${middle}<bpmn:endEvent id="end" />
  </bpmn:process>
</bpmn:definitions>
`;
}

/** Deploys a generated process (optionally for a tenant) through the multipart API. */
export async function deployXml(f: RestFixture, key: string, options: ProcessOptions & { tenantId?: string; deploymentName?: string } = {}): Promise<Json> {
  let request = f.api.post(`${f.root}/deployment/create`).field('deployment-name', options.deploymentName ?? key);
  if (options.tenantId !== undefined) request = request.field('tenant-id', options.tenantId);
  const res = await request.attach(`${key}.bpmn`, Buffer.from(processXml(key, options)), { filename: `${key}.bpmn`, contentType: 'text/xml' });
  expectStatus(res, 200);
  return obj(res);
}

/** Fetches and locks through REST; returns the locked tasks. */
export async function fetchAndLock(f: RestFixture, body: Json): Promise<Json[]> {
  const res = await f.api.post(`${f.root}/external-task/fetchAndLock`).send(body);
  expectStatus(res, 200);
  expect(res.headers['content-type']).toBe('application/json');
  return arr(res);
}

/** Deletes every running process instance, so tests sharing a fixture start clean. */
export async function deleteAllInstances(f: RestFixture): Promise<void> {
  for (const instance of arr(expectStatus(await f.api.get(`${f.root}/process-instance`), 200))) {
    expectStatus(await f.api.delete(`${f.root}/process-instance/${field(instance, 'id')}`), 204);
  }
}
