import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeClock } from '../../src/util/Clock.js';
import { createRestFixture, type RestFixture } from '../helpers/restApp.js';
import { arr, deployFixtures, expectError, expectStatus, fetchAndLock, field, obj, startByKey, type Json } from './support.js';

let f: RestFixture;
const clock = new FakeClock('2026-01-31T10:00:00.000Z');
/** External task id by business key. */
const task: Record<string, string> = {};
const instance: Record<string, Json> = {};

beforeAll(async () => {
  f = await createRestFixture({ clock });
  await deployFixtures(f, ['external.bpmn', 'externalOther.bpmn']);
  for (const [key, priority] of [['a', 10], ['b', 30], ['c', 20]] as const) {
    instance[key] = await startByKey(f, 'externalProcess', { businessKey: key, variables: { priority: { value: priority } } });
    clock.advance(1_000);
  }
  instance['m'] = await startByKey(f, 'otherProcess', { businessKey: 'm' });
  for (const row of arr(expectStatus(await f.api.get(`${f.root}/external-task`), 200))) task[field(row, 'businessKey')] = field(row, 'id');
  await fetchAndLock(f, { workerId: 'w1', maxTasks: 1, topics: [{ topicName: 'work', lockDuration: 60_000, businessKey: 'b' }] });
  await fetchAndLock(f, { workerId: 'w1', maxTasks: 1, topics: [{ topicName: 'work', lockDuration: 60_000, businessKey: 'c' }] });
  const failure = { workerId: 'w1', errorMessage: 'down', errorDetails: 'line 1\nline 2', retries: 0, retryTimeout: 0 };
  expectStatus(await f.api.post(`${f.root}/external-task/${task['c'] ?? ''}/failure`).send(failure), 204);
});

afterAll(async () => {
  await f.close();
});

async function keys(query: string): Promise<unknown[]> {
  return arr(expectStatus(await f.api.get(`${f.root}/external-task${query}`), 200)).map((t) => t['businessKey']);
}

describe('GET and POST /external-task', () => {
  it('lists external tasks with every ExternalTaskDto key', async () => {
    const [row] = arr(expectStatus(await f.api.get(`${f.root}/external-task?externalTaskId=${task['b'] ?? ''}`), 200));
    expect(row).toEqual({
      activityId: 'work', activityInstanceId: expect.stringMatching(/^work:/) as unknown, errorMessage: null,
      executionId: instance['b']?.['id'], id: task['b'], lockExpirationTime: '2026-01-31T10:01:03.000+0000',
      createTime: '2026-01-31T10:00:01.000+0000', processDefinitionId: instance['b']?.['definitionId'],
      processDefinitionKey: 'externalProcess', processDefinitionVersionTag: 'v1', processInstanceId: instance['b']?.['id'],
      tenantId: null, retries: null, suspended: false, workerId: 'w1', topicName: 'work', priority: 30, businessKey: 'b',
    });
  });

  it('filters by topic, worker, lock state and retries', async () => {
    expect(await keys('?topicName=mail')).toEqual(['m']);
    expect(await keys('?workerId=w1&sortBy=createTime&sortOrder=asc')).toEqual(['b', 'c']);
    expect(await keys('?locked=true')).toEqual(['b']);
    expect(await keys('?notLocked=true&topicName=work&sortBy=createTime&sortOrder=asc')).toEqual(['a', 'c']);
    expect(await keys('?noRetriesLeft=true')).toEqual(['c']);
    expect(await keys('?withRetriesLeft=true&topicName=work&sortBy=createTime&sortOrder=asc')).toEqual(['a', 'b']);
  });

  it('filters by instance, activity and priority', async () => {
    expect(await keys(`?processInstanceId=${field(instance['a'], 'id')}`)).toEqual(['a']);
    expect(await keys('?activityIdIn=mail')).toEqual(['m']);
    expect(await keys('?priorityHigherThanOrEquals=20&sortBy=taskPriority&sortOrder=desc')).toEqual(['b', 'c']);
  });

  it('sorts by priority and create time and pages', async () => {
    expect(await keys('?topicName=work&sortBy=taskPriority&sortOrder=asc')).toEqual(['a', 'c', 'b']);
    expect(await keys('?sortBy=createTime&sortOrder=desc&firstResult=1&maxResults=2')).toEqual(['c', 'b']);
  });

  it('queries with a POST body and counts', async () => {
    const res = await f.api.post(`${f.root}/external-task`).send({ topicName: 'work', sorting: [{ sortBy: 'taskPriority', sortOrder: 'desc' }] });
    expect(arr(expectStatus(res, 200)).map((t) => t['businessKey'])).toEqual(['b', 'c', 'a']);
    expect(obj(expectStatus(await f.api.get(`${f.root}/external-task/count?topicName=work`), 200))).toEqual({ count: 3 });
    expect(obj(expectStatus(await f.api.post(`${f.root}/external-task/count`).send({ workerId: 'w1' }), 200))).toEqual({ count: 2 });
  });

  it('rejects an invalid sortBy', async () => {
    expectError(await f.api.get(`${f.root}/external-task?sortBy=nope&sortOrder=asc`), 400, 'InvalidRequestException',
      "Cannot set query parameter 'sortBy' to value 'nope'");
  });
});

describe('GET /external-task/{id} and /errorDetails', () => {
  it('gets one external task with its failure', async () => {
    const body = obj(expectStatus(await f.api.get(`${f.root}/external-task/${task['c'] ?? ''}`), 200));
    expect(body).toMatchObject({ id: task['c'], retries: 0, errorMessage: 'down', workerId: 'w1' });
  });

  it('answers an unknown id with 404 RestException', async () => {
    expectError(await f.api.get(`${f.root}/external-task/nope`), 404, 'RestException', 'External task with id nope does not exist');
  });

  it('serves the error details as text/plain', async () => {
    const res = expectStatus(await f.api.get(`${f.root}/external-task/${task['c'] ?? ''}/errorDetails`), 200);
    expect(res.headers['content-type']).toMatch(/^text\/plain/);
    expect(res.text).toBe('line 1\nline 2');
  });

  it('answers 204 when there are no error details', async () => {
    const res = expectStatus(await f.api.get(`${f.root}/external-task/${task['a'] ?? ''}/errorDetails`), 204);
    expect(res.text).toBe('');
  });

  it('answers error details of an unknown id with 500 NullValueException, as Camunda does', async () => {
    expectError(await f.api.get(`${f.root}/external-task/nope/errorDetails`), 500, 'NullValueException',
      'No external task found with id nope: externalTask is null');
  });
});

describe('GET /external-task/topic-names', () => {
  it('lists distinct topic names, optionally by lock and retry state', async () => {
    const names = async (query: string) => arr(expectStatus(await f.api.get(`${f.root}/external-task/topic-names${query}`), 200));
    expect(await names('')).toEqual(['mail', 'work']);
    expect(await names('?withLockedTasks=true')).toEqual(['work']);
    expect(await names('?withUnlockedTasks=true')).toEqual(['mail', 'work']);
    clock.advance(120_000);
    expect(await names('?withLockedTasks=true')).toEqual([]);
  });
});
