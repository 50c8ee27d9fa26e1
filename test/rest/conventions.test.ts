import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRestFixture, type RestFixture } from '../helpers/restApp.js';
import {
  WIRE_DATE, arr, deployFixtures, deployXml, expectError, expectStatus, fetchAndLock, field, obj, startByKey, type Json,
} from './support.js';

let f: RestFixture;
let taskId: string;
let instanceId: string;

beforeAll(async () => {
  f = await createRestFixture();
  await deployFixtures(f, ['task.bpmn', 'external.bpmn']);
  instanceId = field(await startByKey(f, 'taskProcess', { businessKey: 'conv', variables: { priority: { value: 1 }, customer: { value: "O'Brien" } } }), 'id');
  taskId = field(arr(expectStatus(await f.api.get(`${f.root}/task?processInstanceId=${instanceId}`), 200))[0], 'id');
  await startByKey(f, 'externalProcess', { variables: { priority: { value: 1 } } });
});

afterAll(async () => {
  await f.close();
});

async function count(path: string): Promise<unknown> {
  return obj(expectStatus(await f.api.get(`${f.root}/${path}`), 200))['count'];
}

describe('wire conventions', () => {
  it('sends JSON with Content-Type exactly application/json, without charset', async () => {
    for (const res of [
      await f.api.get(`${f.root}/task`),
      await f.api.get(`${f.root}/process-definition/count`),
      await f.api.post(`${f.root}/external-task/fetchAndLock`).send({ workerId: 'w', maxTasks: 1, topics: [{ topicName: 'none', lockDuration: 1 }] }),
      await f.api.get(`${f.root}/task/nope`),
    ]) {
      expect(res.headers['content-type']).toBe('application/json');
    }
  });

  it('marks GET responses Cache-Control: no-cache', async () => {
    expect((await f.api.get(`${f.root}/process-definition`)).headers['cache-control']).toBe('no-cache');
    expect((await f.api.get(`${f.root}/task/nope`)).headers['cache-control']).toBe('no-cache');
  });

  it('formats every date as yyyy-MM-dd\'T\'HH:mm:ss.SSSZ', async () => {
    const deployment = arr(expectStatus(await f.api.get(`${f.root}/deployment`), 200))[0];
    const task = obj(expectStatus(await f.api.get(`${f.root}/task/${taskId}`), 200));
    const history = obj(expectStatus(await f.api.get(`${f.root}/history/process-instance/${instanceId}`), 200));
    const [locked] = await fetchAndLock(f, { workerId: 'w', maxTasks: 1, topics: [{ topicName: 'work', lockDuration: 1_000 }] });
    const dates = [deployment?.['deploymentTime'], task['created'], history['startTime'], locked?.['lockExpirationTime'], locked?.['createTime']];
    for (const date of dates) expect(date).toMatch(WIRE_DATE);
  });

  it('answers actions with 204 and an empty body', async () => {
    const res = expectStatus(await f.api.post(`${f.root}/task/${taskId}/claim`).send({ userId: 'demo' }), 204);
    expect(res.text).toBe('');
    expect(res.headers['content-length'] ?? '0').toBe('0');
    expectStatus(await f.api.post(`${f.root}/task/${taskId}/unclaim`), 204);
  });

  it('serves the same API under /engine-rest and /engine-rest/engine/default', async () => {
    const plain = arr(expectStatus(await f.api.get('/engine-rest/process-definition?sortBy=key&sortOrder=asc'), 200));
    const named = arr(expectStatus(await f.api.get('/engine-rest/engine/default/process-definition?sortBy=key&sortOrder=asc'), 200));
    expect(named).toEqual(plain);
    const started = await f.api.post('/engine-rest/engine/default/process-definition/key/taskProcess/start').send({ variables: { priority: { value: 1 } } });
    const links = obj(expectStatus(started, 200))['links'] as Json[];
    expect(links[0]?.['href']).toMatch(new RegExp(`/engine-rest/engine/default/process-instance/${field(obj(started), 'id')}$`));
  });

  it('answers a malformed JSON body with a 400 error body', async () => {
    const res = await f.api.post(`${f.root}/task`).set('Content-Type', 'application/json').send('{"assignee": ');
    expectError(res, 400, 'InvalidRequestException');
  });

  it('answers an oversized body with a 413 error body', async () => {
    const huge = JSON.stringify({ assignee: 'x'.repeat(11 * 1024 * 1024) });
    const res = await f.api.post(`${f.root}/task`).set('Content-Type', 'application/json').send(huge);
    expectError(res, 413, 'InvalidRequestException');
  });

  it('ignores unknown query parameters', async () => {
    expect(arr(expectStatus(await f.api.get(`${f.root}/process-definition?noSuchParameter=1`), 200)).length).toBe(2);
  });
});

describe('SQL injection attempts', () => {
  async function snapshot(): Promise<unknown[]> {
    return [
      await count('process-definition/count'), await count('deployment/count'), await count('process-instance/count'),
      await count('task/count'), await count('external-task/count'), await count('history/process-instance/count'),
    ];
  }

  it('rejects injected sortBy values with 400', async () => {
    for (const path of ['process-definition', 'deployment', 'task', 'process-instance', 'history/process-instance', 'external-task']) {
      const res = await f.api.get(`${f.root}/${path}`).query({ sortBy: 'id; DROP TABLE m8_task; --', sortOrder: 'asc' });
      expectError(res, 400, 'InvalidRequestException');
    }
    const posted = await f.api.post(`${f.root}/task`).send({ sorting: [{ sortBy: "name' OR 1=1 --", sortOrder: 'asc' }] });
    expect(posted.status).toBe(400);
    const order = await f.api.get(`${f.root}/task`).query({ sortBy: 'name', sortOrder: 'asc; DELETE FROM m8_task' });
    expectError(order, 400, 'InvalidRequestException');
  });

  it('treats injected filter values as plain values that match nothing', async () => {
    const before = await snapshot();
    const attempts: [string, Record<string, string>][] = [
      ['process-instance', { processDefinitionKey: "' OR 1=1 --" }],
      ['process-instance', { businessKeyLike: "%' OR '1'='1" }],
      ['process-definition', { key: "taskProcess' OR '1'='1" }],
      ['process-definition', { nameLike: "%'; DELETE FROM m8_process_definition; --" }],
      ['deployment', { name: "x'); DROP TABLE m8_deployment; --" }],
      ['task', { assignee: "' OR 1=1 --", processVariables: "customer_eq_' OR '1'='1" }],
      ['task', { taskDefinitionKeyIn: "review') OR ('1'='1" }],
      ['external-task', { topicName: "work' OR 1=1 --" }],
      ['history/process-instance', { processInstanceBusinessKey: "\\' OR 1=1 --" }],
    ];
    for (const [path, query] of attempts) {
      expect(arr(expectStatus(await f.api.get(`${f.root}/${path}`).query(query), 200)), `${path} ${JSON.stringify(query)}`).toEqual([]);
    }
    const posted = await f.api.post(`${f.root}/task`).send({ processVariables: [{ name: "customer' OR 1=1 --", operator: 'eq', value: 'x' }] });
    expect(arr(expectStatus(posted, 200))).toEqual([]);
    expect(await snapshot()).toEqual(before);
  });

  it('stores and finds values containing quotes verbatim', async () => {
    const byQuote = arr(expectStatus(await f.api.get(`${f.root}/process-instance`).query({ variables: "customer_eq_O'Brien" }), 200));
    expect(byQuote.map((p) => p['id'])).toEqual([instanceId]);
    const deployment = await deployXml(f, 'quoteKey', { deploymentName: "Robert'); DROP TABLE Students;--" });
    const found = arr(expectStatus(await f.api.get(`${f.root}/deployment`).query({ name: "Robert'); DROP TABLE Students;--" }), 200));
    expect(found.map((d) => d['id'])).toEqual([deployment['id']]);
  });

  it('rejects an unknown variable operator with 400', async () => {
    const res = await f.api.get(`${f.root}/process-instance`).query({ variables: 'customer_drop_x' });
    expectError(res, 400, 'InvalidRequestException', 'Invalid variable comparator specified: drop');
  });
});
