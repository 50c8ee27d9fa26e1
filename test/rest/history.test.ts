import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeClock } from '../../src/util/Clock.js';
import { createRestFixture, type RestFixture } from '../helpers/restApp.js';
import { arr, deployFixtures, expectError, expectStatus, field, obj, startByKey, type Json } from './support.js';

let f: RestFixture;
const clock = new FakeClock('2026-01-31T10:00:00.000Z');
/** Process instance ids: completed, terminated (deleted), running. */
const pi: Record<'done' | 'gone' | 'open', string> = { done: '', gone: '', open: '' };
let doneTask = '';

async function start(businessKey: string): Promise<string> {
  return field(await startByKey(f, 'taskProcess', { businessKey, variables: { priority: { value: 5 } } }), 'id');
}

beforeAll(async () => {
  f = await createRestFixture({ clock });
  await deployFixtures(f, ['task.bpmn']);
  pi.done = await start('done');
  const [task] = arr(expectStatus(await f.api.get(`${f.root}/task?processInstanceId=${pi.done}`), 200));
  doneTask = field(task, 'id');
  clock.advance(1_000);
  pi.gone = await start('gone');
  clock.advance(1_000);
  pi.open = await start('open');
  expectStatus(await f.api.post(`${f.root}/task/${doneTask}/claim`).send({ userId: 'demo' }), 204);
  clock.advance(3_000);
  expectStatus(await f.api.post(`${f.root}/task/${doneTask}/complete`).send({}), 204);
  expectStatus(await f.api.delete(`${f.root}/process-instance/${pi.gone}`), 204);
});

afterAll(async () => {
  await f.close();
});

const list = async (path: string): Promise<Json[]> => arr(expectStatus(await f.api.get(`${f.root}/history/${path}`), 200));
const keys = async (query: string) => (await list(`process-instance${query}`)).map((h) => h['businessKey']);

describe('GET /history/process-instance', () => {
  it('lists a completed instance with every HistoricProcessInstanceDto key and its duration', async () => {
    const [row] = await list('process-instance?processInstanceBusinessKey=done');
    expect(row).toEqual({
      id: pi.done, rootProcessInstanceId: pi.done, superProcessInstanceId: null, superCaseInstanceId: null, caseInstanceId: null,
      processDefinitionName: 'Task Process', processDefinitionKey: 'taskProcess', processDefinitionVersion: 1,
      processDefinitionId: expect.stringMatching(/^taskProcess:1:/) as unknown, businessKey: 'done',
      startTime: '2026-01-31T10:00:00.000+0000', endTime: '2026-01-31T10:00:05.000+0000', removalTime: null, durationInMillis: 5_000,
      startUserId: null, startActivityId: 'start', deleteReason: null, tenantId: null, state: 'COMPLETED', restartedProcessInstanceId: null,
    });
  });

  it('reports a deleted instance as EXTERNALLY_TERMINATED and a running one as ACTIVE without end', async () => {
    const [gone] = await list('process-instance?processInstanceBusinessKey=gone');
    expect(gone).toMatchObject({ state: 'EXTERNALLY_TERMINATED', endTime: '2026-01-31T10:00:05.000+0000', durationInMillis: 4_000 });
    const [open] = await list('process-instance?processInstanceBusinessKey=open');
    expect(open).toMatchObject({ state: 'ACTIVE', endTime: null, durationInMillis: null });
  });

  it('filters by finished, unfinished and state', async () => {
    expect(await keys('?finished=true&sortBy=startTime&sortOrder=asc')).toEqual(['done', 'gone']);
    expect(await keys('?unfinished=true')).toEqual(['open']);
    expect(await keys('?completed=true')).toEqual(['done']);
    expect(await keys('?externallyTerminated=true')).toEqual(['gone']);
    expect(await keys('?active=true')).toEqual(['open']);
  });

  it('sorts by start time and duration and pages', async () => {
    expect(await keys('?sortBy=startTime&sortOrder=desc')).toEqual(['open', 'gone', 'done']);
    expect(await keys('?finished=true&sortBy=duration&sortOrder=asc')).toEqual(['gone', 'done']);
    expect(await keys('?sortBy=startTime&sortOrder=asc&firstResult=1&maxResults=1')).toEqual(['gone']);
  });

  it('filters by start and finish dates', async () => {
    expect(await keys('?startedAfter=2026-01-31T10:00:00.500%2B0000&sortBy=startTime&sortOrder=asc')).toEqual(['gone', 'open']);
    expect(await keys('?finishedBefore=2026-01-31T10:00:06.000%2B0000&sortBy=startTime&sortOrder=asc')).toEqual(['done', 'gone']);
  });

  it('counts and queries with a POST body', async () => {
    expect(obj(expectStatus(await f.api.get(`${f.root}/history/process-instance/count?finished=true`), 200))).toEqual({ count: 2 });
    const res = await f.api.post(`${f.root}/history/process-instance`).send({ finished: true, sorting: [{ sortBy: 'businessKey', sortOrder: 'desc' }] });
    expect(arr(expectStatus(res, 200)).map((h) => h['businessKey'])).toEqual(['gone', 'done']);
    expect(obj(expectStatus(await f.api.post(`${f.root}/history/process-instance/count`).send({ unfinished: true }), 200))).toEqual({ count: 1 });
  });

  it('gets one historic process instance, and 404 for an unknown id', async () => {
    expect(obj(expectStatus(await f.api.get(`${f.root}/history/process-instance/${pi.gone}`), 200))['state']).toBe('EXTERNALLY_TERMINATED');
    expectError(await f.api.get(`${f.root}/history/process-instance/nope`), 404, 'InvalidRequestException',
      'Historic process instance with id nope does not exist');
  });
});

describe('GET /history/activity-instance', () => {
  it('lists the activities of a completed instance in occurrence order with durations', async () => {
    const rows = await list(`activity-instance?processInstanceId=${pi.done}&sortBy=occurrence&sortOrder=asc`);
    expect(rows.map((r) => [r['activityId'], r['activityType']])).toEqual([['start', 'startEvent'], ['review', 'userTask'], ['end', 'noneEndEvent']]);
    expect(rows[1]).toMatchObject({
      activityName: 'Review', taskId: doneTask, assignee: 'demo', startTime: '2026-01-31T10:00:00.000+0000',
      endTime: '2026-01-31T10:00:05.000+0000', durationInMillis: 5_000, canceled: false, completeScope: false,
      processDefinitionKey: 'taskProcess', processInstanceId: pi.done, parentActivityInstanceId: pi.done, rootProcessInstanceId: pi.done,
      calledProcessInstanceId: null, calledCaseInstanceId: null, tenantId: null, removalTime: null,
    });
    expect(rows[2]).toMatchObject({ durationInMillis: 0, canceled: false });
  });

  it('marks the end event that ends the process instance with completeScope=true', async () => {
    const rows = await list(`activity-instance?processInstanceId=${pi.done}&activityType=noneEndEvent`);
    expect(rows.map((r) => [r['activityId'], r['completeScope']])).toEqual([['end', true]]);
  });

  it('marks the activity of a deleted instance as canceled', async () => {
    const rows = await list('activity-instance?canceled=true');
    expect(rows.map((r) => [r['processInstanceId'], r['activityId']])).toEqual([[pi.gone, 'review']]);
  });

  it('filters by activity, type, finished and unfinished, and counts', async () => {
    expect((await list('activity-instance?activityId=review&unfinished=true')).map((r) => r['processInstanceId'])).toEqual([pi.open]);
    expect((await list('activity-instance?activityType=noneEndEvent')).map((r) => r['processInstanceId'])).toEqual([pi.done]);
    expect(obj(expectStatus(await f.api.get(`${f.root}/history/activity-instance/count?finished=true`), 200))).toEqual({ count: 6 });
    const res = await f.api.post(`${f.root}/history/activity-instance/count`).send({ activityType: 'startEvent' });
    expect(obj(expectStatus(res, 200))).toEqual({ count: 3 });
  });

  it('gets one historic activity instance, and 404 for an unknown id', async () => {
    const [row] = await list(`activity-instance?processInstanceId=${pi.done}&activityId=review`);
    const res = expectStatus(await f.api.get(`${f.root}/history/activity-instance/${field(row, 'id')}`), 200);
    expect(obj(res)).toEqual(row);
    expectError(await f.api.get(`${f.root}/history/activity-instance/nope`), 404, 'InvalidRequestException',
      'Historic activity instance with id nope does not exist');
  });
});

describe('GET /history/task', () => {
  it('lists a completed task with its duration and delete reason', async () => {
    const [row] = await list(`task?processInstanceId=${pi.done}`);
    expect(row).toMatchObject({
      id: doneTask, name: 'Review', taskDefinitionKey: 'review', assignee: 'demo', priority: 5, deleteReason: 'completed',
      startTime: '2026-01-31T10:00:00.000+0000', endTime: '2026-01-31T10:00:05.000+0000', duration: 5_000,
      processDefinitionKey: 'taskProcess', processInstanceId: pi.done, taskState: 'Completed', rootProcessInstanceId: pi.done,
    });
  });

  it('filters by finished, unfinished and assignee, sorts and counts', async () => {
    expect((await list('task?unfinished=true')).map((r) => r['processInstanceId'])).toEqual([pi.open]);
    expect((await list('task?finished=true&sortBy=startTime&sortOrder=desc')).map((r) => r['processInstanceId'])).toEqual([pi.gone, pi.done]);
    expect((await list('task?taskAssignee=demo')).map((r) => r['id'])).toEqual([doneTask]);
    expect(obj(expectStatus(await f.api.get(`${f.root}/history/task/count`), 200))).toEqual({ count: 3 });
    const res = await f.api.post(`${f.root}/history/task/count`).send({ finished: true });
    expect(obj(expectStatus(res, 200))).toEqual({ count: 2 });
  });

  it('rejects an invalid sortBy', async () => {
    expectError(await f.api.get(`${f.root}/history/task?sortBy=nope&sortOrder=asc`), 400, 'InvalidRequestException',
      "Cannot set query parameter 'sortBy' to value 'nope'");
  });
});
