import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SystemClock } from '../../src/util/Clock.js';
import { createRestFixture, type RestFixture } from '../helpers/restApp.js';
import { arr, deployFixtures, expectStatus, startByKey } from './support.js';

let f: RestFixture;

beforeAll(async () => {
  f = await createRestFixture({ clock: new SystemClock() });
  await deployFixtures(f, ['external.bpmn']);
});

afterAll(async () => {
  await f.close();
});

function longPoll(asyncResponseTimeout: number) {
  const started = Date.now();
  const request = f.api.post(`${f.root}/external-task/fetchAndLock`).send({
    workerId: 'poller', maxTasks: 1, usePriority: true, asyncResponseTimeout, topics: [{ topicName: 'work', lockDuration: 10_000 }],
  });
  return request.then((res) => ({ res, elapsed: Date.now() - started, answeredAt: Date.now() }));
}

describe('fetchAndLock long polling (asyncResponseTimeout)', () => {
  it('holds the request and answers as soon as a process start creates a matching task', async () => {
    const pending = longPoll(10_000);
    await sleep(300);
    const instance = await startByKey(f, 'externalProcess', { businessKey: 'woken', variables: { priority: { value: 1 } } });
    const startedAt = Date.now();
    const { res, elapsed, answeredAt } = await pending;
    expectStatus(res, 200);
    expect(res.headers['content-type']).toBe('application/json');
    const tasks = arr(res);
    expect(tasks.map((t) => t['processInstanceId'])).toEqual([instance['id']]);
    expect(elapsed).toBeGreaterThanOrEqual(250);
    // woken by the new task, not by the registry's 2 s fallback poll
    expect(answeredAt - startedAt).toBeLessThan(1_500);
  });

  it('answers an empty list when the timeout passes without a task', async () => {
    const { res, elapsed } = await longPoll(400);
    expectStatus(res, 200);
    expect(arr(res)).toEqual([]);
    expect(elapsed).toBeGreaterThanOrEqual(350);
    expect(elapsed).toBeLessThan(5_000);
  });

  it('answers at once when a task is already available', async () => {
    await startByKey(f, 'externalProcess', { businessKey: 'ready', variables: { priority: { value: 1 } } });
    const { res, elapsed } = await longPoll(10_000);
    expect(arr(expectStatus(res, 200)).map((t) => t['businessKey'])).toEqual(['ready']);
    expect(elapsed).toBeLessThan(5_000);
  });
});
