import { join } from 'node:path';
import type { Response } from 'supertest';
import { expect } from 'vitest';
import { deployFiles, type RestFixture } from '../helpers/restApp.js';

/** A JSON object from a response body. */
export type Json = Record<string, unknown>;

/** Deploys the variable test processes (user task, parallel user tasks, external task). */
export async function deployVariableProcesses(f: RestFixture): Promise<void> {
  const names = ['variables.userTask.bpmn', 'variables.parallel.bpmn', 'variables.external.bpmn'];
  await deployFiles(f, names.map((name) => ({ name, path: join(import.meta.dirname, name) })), 'variables');
}

/** Starts a process by key and returns the process instance id. */
export async function startInstance(f: RestFixture, key: string, variables: Json = {}): Promise<string> {
  const res = await f.api.post(`${f.root}/process-definition/key/${key}/start`).send({ variables });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return (res.body as Json)['id'] as string;
}

/** The single open task of a process instance. */
export async function taskOf(f: RestFixture, processInstanceId: string): Promise<Json> {
  const res = await f.api.get(`${f.root}/task`).query({ processInstanceId });
  expect(res.status).toBe(200);
  const tasks = res.body as Json[];
  expect(tasks).toHaveLength(1);
  return tasks[0] as Json;
}

/** Asserts Camunda's error body `{type, message, code}` and the status. */
export function expectError(res: Response, status: number, type: string, message: string, code: number | null = null): void {
  expect({ status: res.status, body: res.body as unknown }).toEqual({ status, body: { type, message, code } });
  expect(res.headers['content-type']).toBe('application/json');
}

/** Reads a binary response body as a Buffer (supertest leaves unknown types unparsed). */
export function binaryParser(res: Response, callback: (error: Error | null, body: Buffer) => void): void {
  const stream = res as unknown as NodeJS.ReadableStream;
  const chunks: Buffer[] = [];
  stream.on('data', (chunk: Buffer) => chunks.push(chunk));
  stream.on('end', () => callback(null, Buffer.concat(chunks)));
}

const BYTES = Buffer.from([0, 1, 2, 254, 255]);
const FILE_TEXT = 'name;amount\nÄrger;12\n';

/** One typed value per Camunda value type: what a client sends and what GET returns. */
export interface TypedCase {
  name: string;
  sent: Json;
  returned: Json;
}

export const BYTES_CONTENT = BYTES;
export const FILE_CONTENT = Buffer.from(FILE_TEXT, 'utf8');

/** Every value type m8flow stores, as a client sends it and as Camunda returns it. */
export const TYPED_CASES: TypedCase[] = [
  { name: 'aString', sent: { value: 'hello', type: 'String' }, returned: { type: 'String', value: 'hello', valueInfo: {} } },
  { name: 'anInteger', sent: { value: 42, type: 'Integer' }, returned: { type: 'Integer', value: 42, valueInfo: {} } },
  { name: 'aLong', sent: { value: 5000000000, type: 'Long' }, returned: { type: 'Long', value: 5000000000, valueInfo: {} } },
  { name: 'aDouble', sent: { value: 3.25, type: 'Double' }, returned: { type: 'Double', value: 3.25, valueInfo: {} } },
  { name: 'aBoolean', sent: { value: true, type: 'Boolean' }, returned: { type: 'Boolean', value: true, valueInfo: {} } },
  {
    name: 'aDate', sent: { value: '2024-05-01T10:00:00.000+0000', type: 'Date' },
    returned: { type: 'Date', value: '2024-05-01T10:00:00.000+0000', valueInfo: {} },
  },
  { name: 'aNull', sent: { value: null, type: 'Null' }, returned: { type: 'Null', value: null, valueInfo: {} } },
  { name: 'aJson', sent: { value: '{"a":[1,2]}', type: 'json' }, returned: { type: 'Json', value: '{"a":[1,2]}', valueInfo: {} } },
  { name: 'anXml', sent: { value: '<a b="1"/>', type: 'Xml' }, returned: { type: 'Xml', value: '<a b="1"/>', valueInfo: {} } },
  {
    name: 'anObject',
    sent: { value: '{"x":1}', type: 'Object', valueInfo: { objectTypeName: 'com.example.Order', serializationDataFormat: 'application/json' } },
    returned: { type: 'Object', value: { x: 1 }, valueInfo: { objectTypeName: 'com.example.Order', serializationDataFormat: 'application/json' } },
  },
  {
    name: 'someBytes', sent: { value: BYTES.toString('base64'), type: 'Bytes' },
    returned: { type: 'Bytes', value: BYTES.toString('base64'), valueInfo: {} },
  },
  {
    name: 'aFile',
    sent: { value: FILE_CONTENT.toString('base64'), type: 'File', valueInfo: { filename: 'report.csv', mimeType: 'text/csv', encoding: 'UTF-8' } },
    returned: { type: 'File', value: null, valueInfo: { filename: 'report.csv', mimeType: 'text/csv', encoding: 'UTF-8' } },
  },
];
