import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeClock } from '../../src/util/Clock.js';
import { createRestFixture, type RestFixture } from '../helpers/restApp.js';
import { arr, deployFixtures, expectError, expectStatus, fetchAndLock, field, obj, startByKey, type Json } from './support.js';

let f: RestFixture;
const clock = new FakeClock('2026-01-31T10:00:00.000Z');

beforeAll(async () => {
  f = await createRestFixture({ clock });
  await deployFixtures(f, ['external.bpmn']);
});

afterAll(async () => {
  await f.close();
});

/** Starts an instance and locks its external task for `workerId`; returns task id and instance id. */
async function lockedTask(workerId = 'w1', lockDuration = 10_000): Promise<{ id: string; pi: string }> {
  const businessKey = `bk-${Math.random().toString(36).slice(2)}`;
  const pi = field(await startByKey(f, 'externalProcess', { businessKey, variables: { priority: { value: 1 } } }), 'id');
  const [task] = await fetchAndLock(f, { workerId, maxTasks: 1, topics: [{ topicName: 'work', lockDuration, businessKey }] });
  return { id: field(task, 'id'), pi };
}

const post = (path: string, body?: Json) => {
  const request = f.api.post(`${f.root}/external-task/${path}`);
  return body === undefined ? request : request.send(body);
};

async function getTask(id: string): Promise<Json> {
  return obj(expectStatus(await f.api.get(`${f.root}/external-task/${id}`), 200));
}

const owner = (id: string, action: string) => `${action} of External Task ${id} cannot be reported by worker 'w2'. It is locked by worker 'w1'.`;

describe('POST /external-task/{id}/complete', () => {
  it('completes the task of the lock owner with variables and continues the process', async () => {
    const { id, pi } = await lockedTask();
    const res = await post(`${id}/complete`, { workerId: 'w1', variables: { result: { value: 'ok' } }, localVariables: { note: { value: 'local' } } });
    expect(expectStatus(res, 204).text).toBe('');
    const tasks = arr(expectStatus(await f.api.get(`${f.root}/task?processInstanceId=${pi}&processVariables=result_eq_ok`), 200));
    expect(tasks.map((t) => t['taskDefinitionKey'])).toEqual(['review']);
    expectError(await f.api.get(`${f.root}/external-task/${id}`), 404, 'RestException');
  });

  it('refuses another worker with 400 RestException and Camunda\'s message', async () => {
    const { id } = await lockedTask();
    const body = expectError(await post(`${id}/complete`, { workerId: 'w2' }), 400, 'RestException',
      `External Task ${id} cannot be completed by worker 'w2'. It is locked by worker 'w1'.`);
    expect(body['code']).toBe(0);
  });

  it('answers an unknown id with 404 RestException', async () => {
    expectError(await post('nope/complete', { workerId: 'w1' }), 404, 'RestException', 'External task with id nope does not exist');
  });

  it('reports a missing workerId as the engine does', async () => {
    const { id } = await lockedTask();
    expectError(await post(`${id}/complete`, {}), 500, 'NullValueException', 'workerId is null');
  });
});

describe('POST /external-task/{id}/failure', () => {
  it('keeps the task unavailable until the retry timeout passes, then offers it again', async () => {
    const { id } = await lockedTask();
    const failure = { workerId: 'w1', errorMessage: 'boom', errorDetails: 'stack trace', retries: 2, retryTimeout: 60_000 };
    expectStatus(await post(`${id}/failure`, failure), 204);
    expect(await getTask(id)).toMatchObject({ retries: 2, errorMessage: 'boom', lockExpirationTime: '2026-01-31T10:01:00.000+0000' });
    expect(await fetchAndLock(f, { workerId: 'w3', maxTasks: 10, topics: [{ topicName: 'work', lockDuration: 1_000 }] })).toEqual([]);
    clock.advance(60_001);
    const again = await fetchAndLock(f, { workerId: 'w3', maxTasks: 10, topics: [{ topicName: 'work', lockDuration: 1_000 }] });
    expect(again.map((t) => [t['id'], t['retries'], t['errorMessage'], t['errorDetails']])).toContainEqual([id, 2, 'boom', 'stack trace']);
    const details = await f.api.get(`${f.root}/external-task/${id}/errorDetails`);
    expectStatus(details, 200);
    expect(details.headers['content-type']).toMatch(/^text\/plain/);
    expect(details.text).toBe('stack trace');
  });

  it('creates an incident visible through withIncident when retries reach 0', async () => {
    const { id, pi } = await lockedTask();
    expectStatus(await post(`${id}/failure`, { workerId: 'w1', errorMessage: 'fatal', retries: 0, retryTimeout: 0 }), 204);
    const withIncident = arr(expectStatus(await f.api.get(`${f.root}/process-instance?withIncident=true`), 200)).map((p) => p['id']);
    expect(withIncident).toContain(pi);
    const byType = arr(expectStatus(await f.api.get(`${f.root}/process-instance?incidentType=failedExternalTask&incidentMessage=fatal`), 200));
    expect(byType.map((p) => p['id'])).toEqual([pi]);
    const tree = obj(expectStatus(await f.api.get(`${f.root}/process-instance/${pi}/activity-instances`), 200));
    const [child] = tree['childActivityInstances'] as Json[];
    expect(child?.['incidentIds']).toHaveLength(1);
    clock.advance(1);
    expect(await fetchAndLock(f, { workerId: 'w1', maxTasks: 10, topics: [{ topicName: 'work', lockDuration: 1_000 }] })).not.toContainEqual(expect.objectContaining({ id }));
  });

  it('resolves the incident when retries are set again', async () => {
    const { id, pi } = await lockedTask();
    expectStatus(await post(`${id}/failure`, { workerId: 'w1', errorMessage: 'fatal', retries: 0, retryTimeout: 0 }), 204);
    expectStatus(await f.api.put(`${f.root}/external-task/${id}/retries`).send({ retries: 3 }), 204);
    expect((await getTask(id))['retries']).toBe(3);
    const withIncident = arr(expectStatus(await f.api.get(`${f.root}/process-instance?withIncident=true`), 200)).map((p) => p['id']);
    expect(withIncident).not.toContain(pi);
  });

  it('rejects null retries on PUT …/retries with 400', async () => {
    const { id } = await lockedTask();
    expectError(await f.api.put(`${f.root}/external-task/${id}/retries`).send({}), 400, 'InvalidRequestException', 'The number of retries cannot be null.');
  });

  it('refuses another worker and unknown ids', async () => {
    const { id } = await lockedTask();
    expectError(await post(`${id}/failure`, { workerId: 'w2', retries: 1, retryTimeout: 0 }), 400, 'RestException', owner(id, 'Failure'));
    expectError(await post('nope/failure', { workerId: 'w1', retries: 1, retryTimeout: 0 }), 404, 'RestException', 'External task with id nope does not exist');
  });
});

describe('extendLock, lock and unlock', () => {
  it('extends the lock of the owner from now', async () => {
    const { id } = await lockedTask('w1', 1_000);
    clock.advance(500);
    expectStatus(await post(`${id}/extendLock`, { workerId: 'w1', newDuration: 30_000 }), 204);
    const expected = new Date(clock.now().getTime() + 30_000).toISOString().replace('Z', '+0000');
    expect((await getTask(id))['lockExpirationTime']).toBe(expected);
  });

  it('refuses to extend another worker\'s or an expired lock', async () => {
    const { id } = await lockedTask('w1', 1_000);
    expectError(await post(`${id}/extendLock`, { workerId: 'w2', newDuration: 1_000 }), 400, 'RestException',
      new RegExp(`^The lock of the External Task ${id} cannot be extended by worker 'w2'`));
    clock.advance(1_001);
    expectError(await post(`${id}/extendLock`, { workerId: 'w1', newDuration: 1_000 }), 400, 'RestException', /^Cannot extend a lock that expired/);
  });

  it('words the extendLock worker violation exactly as Camunda, doubled quote included', async () => {
    const { id } = await lockedTask('w1', 1_000);
    expectError(await post(`${id}/extendLock`, { workerId: 'w2', newDuration: 1_000 }), 400, 'RestException',
      `The lock of the External Task ${id} cannot be extended by worker 'w2''. It is locked by worker 'w1'.`);
  });

  it('locks an unlocked task for a worker and refuses another worker while the lock holds', async () => {
    const { id } = await lockedTask('w1', 1_000);
    expectStatus(await post(`${id}/unlock`), 204);
    expectStatus(await post(`${id}/lock`, { workerId: 'w2', lockDuration: 5_000 }), 204);
    expect(await getTask(id)).toMatchObject({ workerId: 'w2' });
    expectError(await post(`${id}/lock`, { workerId: 'w3', lockDuration: 5_000 }), 400, 'RestException',
      `External Task ${id} cannot be locked by worker 'w3'. It is locked by worker 'w2'.`);
  });

  it('unlocks with an empty body and no content type, making the task fetchable again', async () => {
    const { id } = await lockedTask('w1', 60_000);
    const res = await f.api.post(`${f.root}/external-task/${id}/unlock`);
    expect(res.request.getHeader('content-type')).toBeUndefined();
    expect(expectStatus(res, 204).text).toBe('');
    expect(await getTask(id)).toMatchObject({ workerId: null, lockExpirationTime: null });
    const again = await fetchAndLock(f, { workerId: 'w9', maxTasks: 10, topics: [{ topicName: 'work', lockDuration: 1_000 }] });
    expect(again.map((t) => t['id'])).toContain(id);
  });

  it('unlocks with the Java client\'s empty body sent as application/json', async () => {
    const { id } = await lockedTask('w1', 60_000);
    expectStatus(await f.api.post(`${f.root}/external-task/${id}/unlock`).set('Content-Type', 'application/json').send(''), 204);
    expect((await getTask(id))['workerId']).toBeNull();
  });

  it('answers unknown ids with 404', async () => {
    expectError(await post('nope/unlock'), 404, 'RestException', 'External task with id nope does not exist');
    expectError(await post('nope/extendLock', { workerId: 'w1', newDuration: 5 }), 404, 'RestException', 'External task with id nope does not exist');
    expectError(await post('nope/lock', { workerId: 'w1', lockDuration: 5 }), 404, 'RestException', 'External task with id nope does not exist');
  });
});

describe('POST /external-task/{id}/bpmnError', () => {
  it('ends the process instance when no event catches the error', async () => {
    const { id, pi } = await lockedTask();
    expectStatus(await post(`${id}/bpmnError`, { workerId: 'w1', errorCode: 'NO_STOCK', errorMessage: 'empty', variables: { reason: { value: 'stock' } } }), 204);
    expectError(await f.api.get(`${f.root}/process-instance/${pi}`), 404, 'InvalidRequestException');
    const history = obj(expectStatus(await f.api.get(`${f.root}/history/process-instance/${pi}`), 200));
    expect(history['endTime']).not.toBeNull();
    expect(obj(expectStatus(await f.api.get(`${f.root}/task/count?processInstanceId=${pi}`), 200))).toEqual({ count: 0 });
  });

  it('refuses another worker and unknown ids', async () => {
    const { id } = await lockedTask();
    expectError(await post(`${id}/bpmnError`, { workerId: 'w2', errorCode: 'E' }), 400, 'RestException', owner(id, 'Bpmn error'));
    expectError(await post('nope/bpmnError', { workerId: 'w1', errorCode: 'E' }), 404, 'RestException', 'External task with id nope does not exist');
  });
});
