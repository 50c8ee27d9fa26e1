import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { FakeClock } from '../../src/util/Clock.js';
import { createRestFixture, type RestFixture } from '../helpers/restApp.js';
import {
  deleteAllInstances, deployFixtures, expectError, expectStatus, fetchAndLock, field, fixture, obj, startByKey, type Json,
} from './support.js';
import { readFileSync } from 'node:fs';

let f: RestFixture;
const clock = new FakeClock('2026-01-31T10:00:00.000Z');

beforeAll(async () => {
  f = await createRestFixture({ clock });
  await deployFixtures(f, ['external.bpmn', 'externalOther.bpmn', 'externalParallel.bpmn']);
  const tenant = await f.api.post(`${f.root}/deployment/create`).field('deployment-name', 'tenant').field('tenant-id', 'tenant1')
    .attach('external.bpmn', readFileSync(fixture('external.bpmn')), { filename: 'external.bpmn' });
  expectStatus(tenant, 200);
});

afterEach(async () => {
  await deleteAllInstances(f);
});

afterAll(async () => {
  await f.close();
});

function startWork(businessKey: string, priority: number, variables: Json = {}): Promise<Json> {
  return startByKey(f, 'externalProcess', { businessKey, variables: { priority: { value: priority }, ...variables } });
}

const topic = (extra: Json = {}): Json => ({ topicName: 'work', lockDuration: 10_000, ...extra });
const keys = (tasks: Json[]) => tasks.map((t) => t['businessKey']);

/** The Java client's topic entry: every key present, unset ones as explicit null/false. */
const javaTopic = (extra: Json = {}): Json => ({
  topicName: 'work', lockDuration: 20_000, variables: null, localVariables: false, businessKey: null, processDefinitionId: null,
  processDefinitionIdIn: null, processDefinitionKey: null, processDefinitionKeyIn: null, processDefinitionVersionTag: null,
  processVariables: null, withoutTenantId: false, tenantIdIn: null, includeExtensionProperties: false, ...extra,
});

describe('POST /external-task/fetchAndLock', () => {
  it('answers the JS client\'s default request with every LockedExternalTaskDto key', async () => {
    const instance = await startWork('js', 7, { customer: { value: 'Ada' } });
    const tasks = await fetchAndLock(f, { workerId: 'js-worker', maxTasks: 10, usePriority: true, topics: [{ topicName: 'work', lockDuration: 50_000 }] });
    expect(tasks).toEqual([{
      activityId: 'work', activityInstanceId: expect.stringMatching(/^work:/) as unknown, errorMessage: null, errorDetails: null,
      executionId: instance['id'], id: expect.any(String) as unknown, lockExpirationTime: '2026-01-31T10:00:50.000+0000',
      createTime: '2026-01-31T10:00:00.000+0000', processDefinitionId: instance['definitionId'], processDefinitionKey: 'externalProcess',
      processDefinitionVersionTag: 'v1', processInstanceId: instance['id'], retries: null, suspended: false, workerId: 'js-worker',
      topicName: 'work', tenantId: null, priority: 7, businessKey: 'js', extensionProperties: {},
      variables: {
        priority: { type: 'Integer', value: 7, valueInfo: {} },
        customer: { type: 'String', value: 'Ada', valueInfo: {} },
      },
    }]);
  });

  it('accepts the Java client\'s explicit nulls and false values as "not set"', async () => {
    await startWork('java', 1);
    const tasks = await fetchAndLock(f, { workerId: 'java-worker', maxTasks: 10, usePriority: true, topics: [javaTopic()], sorting: [] });
    expect(keys(tasks)).toEqual(['java']);
    expect(tasks[0]?.['lockExpirationTime']).toBe('2026-01-31T10:00:20.000+0000');
    expect(Object.keys(tasks[0]?.['variables'] as Json)).toEqual(['priority']);
  });

  it('locks tasks so that no other worker fetches them until the lock expires', async () => {
    await startWork('locked', 1);
    expect(await fetchAndLock(f, { workerId: 'w1', maxTasks: 1, topics: [topic()] })).toHaveLength(1);
    expect(await fetchAndLock(f, { workerId: 'w2', maxTasks: 1, topics: [topic()] })).toEqual([]);
    clock.advance(10_001);
    const again = await fetchAndLock(f, { workerId: 'w2', maxTasks: 1, topics: [topic()] });
    expect(again.map((t) => t['workerId'])).toEqual(['w2']);
  });

  it('honours maxTasks and usePriority', async () => {
    for (const [key, priority] of [['low', 5], ['high', 50], ['mid', 20]] as const) await startWork(key, priority);
    expect(keys(await fetchAndLock(f, { workerId: 'w', maxTasks: 2, usePriority: true, topics: [topic()] }))).toEqual(['high', 'mid']);
  });

  it('sorts by createTime in either direction', async () => {
    for (const key of ['first', 'second', 'third']) {
      await startWork(key, 1);
      clock.advance(1_000);
    }
    const desc = await fetchAndLock(f, { workerId: 'w', maxTasks: 2, usePriority: false, sorting: [{ sortBy: 'createTime', sortOrder: 'desc' }], topics: [topic()] });
    expect(keys(desc)).toEqual(['third', 'second']);
    const asc = await fetchAndLock(f, { workerId: 'w', maxTasks: 5, sorting: [{ sortBy: 'createTime', sortOrder: 'asc' }], topics: [topic()] });
    expect(keys(asc)).toEqual(['first']);
  });

  it('rejects sorting by anything but createTime, and unknown directions, with Camunda\'s messages', async () => {
    expectError(await f.api.post(`${f.root}/external-task/fetchAndLock`).send({ workerId: 'w', maxTasks: 1, sorting: [{ sortBy: 'priority', sortOrder: 'asc' }], topics: [topic()] }),
      400, 'InvalidRequestException', 'Cannot set query sortBy parameter to value priority');
    expectError(await f.api.post(`${f.root}/external-task/fetchAndLock`).send({ workerId: 'w', maxTasks: 1, sorting: [{ sortBy: 'createTime', sortOrder: 'up' }], topics: [topic()] }),
      400, 'InvalidRequestException', 'Cannot set query sortOrder parameter to value up');
  });

  it('returns only the requested variables', async () => {
    await startWork('vars', 1, { customer: { value: 'Ada' }, amount: { value: 3 } });
    const [task] = await fetchAndLock(f, { workerId: 'w', maxTasks: 1, topics: [topic({ variables: ['customer', 'missing'] })] });
    expect(task?.['variables']).toEqual({ customer: { type: 'String', value: 'Ada', valueInfo: {} } });
  });

  it('returns only the execution\'s own variables with localVariables', async () => {
    await startByKey(f, 'splitProcess', { variables: { shared: { value: 'yes' } } });
    const [first] = await fetchAndLock(f, { workerId: 'w', maxTasks: 1, topics: [{ topicName: 'split', lockDuration: 1_000 }] });
    const failure = { workerId: 'w', retries: 3, retryTimeout: 0, localVariables: { attempt: { value: 1 } } };
    expectStatus(await f.api.post(`${f.root}/external-task/${field(first, 'id')}/failure`).send(failure), 204);
    const tasks = await fetchAndLock(f, { workerId: 'w', maxTasks: 5, topics: [{ topicName: 'split', lockDuration: 1_000, localVariables: true }] });
    const byActivity = Object.fromEntries(tasks.map((t) => [t['activityId'], t['variables']]));
    expect(byActivity[field(first, 'activityId')]).toEqual({ attempt: { type: 'Integer', value: 1, valueInfo: {} } });
    expect(Object.values(byActivity)).toContainEqual({});
  });

  it('filters by process variables', async () => {
    await startWork('ada', 1, { customer: { value: 'Ada' } });
    await startWork('bob', 1, { customer: { value: 'Bob' } });
    const tasks = await fetchAndLock(f, { workerId: 'w', maxTasks: 5, topics: [topic({ processVariables: { customer: 'Bob' } })] });
    expect(keys(tasks)).toEqual(['bob']);
  });

  it('filters by business key, definition, version tag and tenant', async () => {
    const plain = await startWork('plain', 1);
    await startByKey(f, 'externalProcess/tenant-id/tenant1', { businessKey: 'tenanted', variables: { priority: { value: 1 } } });
    const fetch = async (extra: Json) => keys(await fetchAndLock(f, { workerId: 'probe', maxTasks: 5, topics: [topic({ lockDuration: 1, ...extra })] }));
    const probe = async (extra: Json) => {
      const result = await fetch(extra);
      clock.advance(2);
      return result.sort();
    };
    expect(await probe({ businessKey: 'plain' })).toEqual(['plain']);
    expect(await probe({ processDefinitionId: plain['definitionId'] })).toEqual(['plain']);
    expect(await probe({ processDefinitionIdIn: [plain['definitionId']] })).toEqual(['plain']);
    expect(await probe({ processDefinitionKey: 'externalProcess' })).toEqual(['plain', 'tenanted']);
    expect(await probe({ processDefinitionKeyIn: ['otherProcess'] })).toEqual([]);
    expect(await probe({ processDefinitionVersionTag: 'v1' })).toEqual(['plain', 'tenanted']);
    expect(await probe({ processDefinitionVersionTag: 'v2' })).toEqual([]);
    expect(await probe({ tenantIdIn: ['tenant1'] })).toEqual(['tenanted']);
    expect(await probe({ withoutTenantId: true })).toEqual(['plain']);
  });

  it('includes camunda:properties of the service task with includeExtensionProperties', async () => {
    await startWork('props', 1);
    const [task] = await fetchAndLock(f, { workerId: 'w', maxTasks: 1, topics: [topic({ includeExtensionProperties: true })] });
    expect(task?.['extensionProperties']).toEqual({ team: 'billing', sla: 'PT1H' });
  });

  it('fetches several topics in one request', async () => {
    await startWork('work', 1);
    await startByKey(f, 'otherProcess', { businessKey: 'mail' });
    const tasks = await fetchAndLock(f, { workerId: 'w', maxTasks: 5, topics: [topic(), { topicName: 'mail', lockDuration: 5_000 }] });
    expect(tasks.map((t) => t['topicName']).sort()).toEqual(['mail', 'work']);
  });

  it('answers an empty list when nothing matches, or maxTasks is 0', async () => {
    await startWork('none', 1);
    expect(await fetchAndLock(f, { workerId: 'w', maxTasks: 5, topics: [{ topicName: 'nothing', lockDuration: 1_000 }] })).toEqual([]);
    expect(await fetchAndLock(f, { workerId: 'w', maxTasks: 0, topics: [topic()] })).toEqual([]);
  });

  it('rejects an asyncResponseTimeout above 1800000 ms with 400', async () => {
    const res = await f.api.post(`${f.root}/external-task/fetchAndLock`).send({ workerId: 'w', maxTasks: 1, asyncResponseTimeout: 1_800_001, topics: [topic()] });
    expectError(res, 400, 'InvalidRequestException', 'The asynchronous response timeout cannot be set to a value greater than 1800000 milliseconds');
  });

  it('reports missing workerId, topicName and lock duration as the engine does', async () => {
    expectError(await f.api.post(`${f.root}/external-task/fetchAndLock`).send({ maxTasks: 1, topics: [topic()] }), 500, 'NullValueException', 'workerId is null');
    expectError(await f.api.post(`${f.root}/external-task/fetchAndLock`).send({ workerId: 'w', maxTasks: 1, topics: [{ lockDuration: 1 }] }),
      500, 'NullValueException', 'topicName is null');
    expectError(await f.api.post(`${f.root}/external-task/fetchAndLock`).send({ workerId: 'w', maxTasks: 1, topics: [{ topicName: 'work', lockDuration: 0 }] }),
      500, 'ProcessEngineException', 'lockTime is not greater than 0');
  });

  it('neither returns nor locks a task that the topic\'s filters exclude', async () => {
    await startWork('stay', 1);
    const tasks = await fetchAndLock(f, { workerId: 'w', maxTasks: 1, topics: [topic({ businessKey: 'other' })] });
    expect(tasks).toEqual([]);
    const count = obj(expectStatus(await f.api.get(`${f.root}/external-task/count?notLocked=true&topicName=work`), 200));
    expect(count).toEqual({ count: 1 });
  });
});
