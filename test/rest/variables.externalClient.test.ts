import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/rest/app.js';
import { createRestFixture, type RestFixture } from '../helpers/restApp.js';
import { binaryParser, deployVariableProcesses, FILE_CONTENT, startInstance } from './variables.support.js';

/** The few parts of camunda-external-task-client-js (untyped JavaScript) this test uses. */
interface ClientTask { processInstanceId: string; variables: { get(name: string): unknown } }
interface ClientModule {
  Client: new (options: Record<string, unknown>) => {
    subscribe(topic: string, options: Record<string, unknown>,
      handler: (args: { task: ClientTask; taskService: { complete(task: ClientTask): Promise<void> } }) => Promise<void>): void;
    start(): void;
    stop(): void;
  };
}
interface LoadableFile { load(): Promise<{ content: unknown; filename: unknown }> }

async function clientModule(): Promise<ClientModule> {
  const specifier = 'camunda-external-task-client-js';
  return (await import(specifier)) as ClientModule;
}

let f: RestFixture;
let server: Server;
let baseUrl: string;

const fileVariable = {
  type: 'File', value: FILE_CONTENT.toString('base64'),
  valueInfo: { filename: 'input.csv', mimeType: 'text/csv', encoding: 'UTF-8' },
};

beforeAll(async () => {
  f = await createRestFixture();
  await deployVariableProcesses(f);
  const app = await createApp(f.engine, { validateResponses: true });
  server = await new Promise<Server>((resolve) => {
    const listening = app.listen(0, '127.0.0.1', () => resolve(listening));
  });
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/engine-rest`;
});
afterAll(async () => {
  await new Promise<void>((resolve) => { server.close(() => resolve()); });
  await f.close();
});

describe('File variables for external task workers', () => {
  it('serves GET /execution/{processInstanceId}/localVariables/{name}/data', async () => {
    const pi = await startInstance(f, 'variablesExternal', { input: fileVariable });
    const res = await f.api.get(`${f.root}/execution/${pi}/localVariables/input/data`).buffer(true).parse(binaryParser);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=UTF-8');
    expect(res.headers['content-disposition']).toBe('attachment; filename="input.csv"; filename*=UTF-8\'\'input.csv');
    expect(Buffer.compare(res.body as Buffer, FILE_CONTENT)).toBe(0);
  });

  it('lets camunda-external-task-client-js load a File variable and complete the task', async () => {
    const pi = await startInstance(f, 'variablesExternal', { input: fileVariable });
    const { Client } = await clientModule();
    const client = new Client({ baseUrl, autoPoll: false, interval: 50, lockDuration: 10_000 });
    const loaded = new Promise<{ content: unknown; filename: unknown }>((resolve, reject) => {
      client.subscribe('variablesFileTopic', {}, async ({ task, taskService }) => {
        if (task.processInstanceId !== pi) return;
        try {
          const file = await (task.variables.get('input') as LoadableFile).load();
          await taskService.complete(task);
          resolve({ content: file.content, filename: file.filename });
        } catch (error) {
          reject(error instanceof Error ? error : new Error(String(error)));
        }
      });
    });
    client.start();
    try {
      const { content, filename } = await loaded;
      expect(Buffer.isBuffer(content)).toBe(true);
      expect(Buffer.compare(content as Buffer, FILE_CONTENT)).toBe(0);
      expect(filename).toBe('input.csv');
    } finally {
      client.stop();
    }
    const instance = await f.api.get(`${f.root}/history/process-instance/${pi}`);
    expect((instance.body as Record<string, unknown>)['state']).toBe('COMPLETED');
  });
});
