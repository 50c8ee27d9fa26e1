import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, testDialect, type TestDatabase } from '../helpers/database.js';

const MODEL = `<?xml version="1.0" encoding="UTF-8"?>
<definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn" targetNamespace="test">
  <process id="durable" isExecutable="true">
    <startEvent id="start" />
    <sequenceFlow id="s1" sourceRef="start" targetRef="work" />
    <serviceTask id="work" camunda:type="external" camunda:topic="durable-work" />
    <sequenceFlow id="s2" sourceRef="work" targetRef="review" />
    <userTask id="review" camunda:assignee="demo" />
    <sequenceFlow id="s3" sourceRef="review" targetRef="end" />
    <endEvent id="end" />
  </process>
</definitions>`;

interface Server {
  child: ChildProcess;
  base: string;
}

/** Starts the real server entry point on the given database and waits for its listening log line. */
function startServer(databaseUrl: string): Promise<Server> {
  const child = spawn(process.execPath, ['--no-node-snapshot', '--import', 'tsx', 'src/main.ts'], {
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', DATABASE_URL: databaseUrl, LOG_LEVEL: 'info' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`server did not start: ${output}`)), 30_000);
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /"port":(\d+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve({ child, base: `http://127.0.0.1:${match[1]}/engine-rest` });
      }
    });
    child.stderr?.on('data', (chunk: Buffer) => { output += chunk.toString(); });
    child.on('exit', (code) => reject(new Error(`server exited with ${code}: ${output}`)));
  });
}

/** kill -9: no shutdown hook runs, only committed data may survive. */
async function crash(server: Server): Promise<void> {
  const exited = new Promise((resolve) => server.child.once('exit', resolve));
  server.child.kill('SIGKILL');
  await exited;
}

async function json(url: string, init?: RequestInit): Promise<{ status: number; body: unknown }> {
  const response = await fetch(url, init);
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : null };
}

const post = (body: unknown): RequestInit => ({ method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

describe(`restart after kill -9 on ${testDialect()}`, () => {
  let db: TestDatabase;
  let url: string;
  let dir: string | undefined;

  beforeAll(async () => {
    db = await createTestDatabase();
    if (db.dialect === 'sqlite') {
      dir = mkdtempSync(join(tmpdir(), 'm8flow-restart-'));
      url = `sqlite:${join(dir, 'm8flow.sqlite')}`;
    } else {
      url = db.url;
    }
  });
  afterAll(async () => {
    await db.drop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('loses no committed deployment, instance, lock, variable or task', async () => {
    let server = await startServer(url);
    const form = new FormData();
    form.append('deployment-name', 'durable');
    form.append('durable.bpmn', new Blob([MODEL], { type: 'text/xml' }), 'durable.bpmn');
    expect((await fetch(`${server.base}/deployment/create`, { method: 'POST', body: form })).status).toBe(200);
    const started = await json(`${server.base}/process-definition/key/durable/start`, post({
      businessKey: 'order-1', variables: { amount: { value: 42, type: 'Integer' }, note: { value: 'keep me' } },
    }));
    const pi = (started.body as { id: string }).id;
    const locked = await json(`${server.base}/external-task/fetchAndLock`, post({
      workerId: 'w1', maxTasks: 1, topics: [{ topicName: 'durable-work', lockDuration: 600000 }],
    }));
    const taskId = (locked.body as { id: string }[])[0]?.id ?? '';
    await crash(server);

    server = await startServer(url);
    const instance = await json(`${server.base}/process-instance/${pi}`);
    expect(instance.body).toMatchObject({ id: pi, businessKey: 'order-1' });
    const external = await json(`${server.base}/external-task/${taskId}`);
    expect(external.body).toMatchObject({ workerId: 'w1', topicName: 'durable-work' });
    expect((await json(`${server.base}/external-task/${taskId}/complete`, post({ workerId: 'w1', variables: { checked: { value: true } } }))).status).toBe(204);
    await crash(server);

    server = await startServer(url);
    const tasks = await json(`${server.base}/task?processInstanceId=${pi}`);
    const userTask = (tasks.body as { id: string; assignee: string; taskDefinitionKey: string }[])[0];
    expect(userTask).toMatchObject({ assignee: 'demo', taskDefinitionKey: 'review' });
    const vars = await json(`${server.base}/task/${userTask?.id ?? ''}/form-variables`);
    expect(vars.body).toMatchObject({
      amount: { type: 'Integer', value: 42 }, note: { type: 'String', value: 'keep me' }, checked: { type: 'Boolean', value: true },
    });
    expect((await json(`${server.base}/task/${userTask?.id ?? ''}/complete`, post({}))).status).toBe(204);
    const history = await json(`${server.base}/history/process-instance/${pi}`);
    expect(history.body).toMatchObject({ state: 'COMPLETED', businessKey: 'order-1' });
    await crash(server);
  }, 120_000);
});
